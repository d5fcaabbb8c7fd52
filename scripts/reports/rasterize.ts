/**
 * SVG → PNG for DOCX (pandoc-wasm cannot rasterise SVG) with
 * @resvg/resvg-js. resvg loads and shapes the CJK font again for every
 * text element of every chart (about 25 ms each, 0.7–2 s a chart), so the
 * text is drawn here instead: the Noto Sans CJK faces are opened once per
 * process with fontkit, each label is laid out once (cached) and becomes a
 * path, and resvg renders an SVG without text and without fonts.
 */
import fs from 'node:fs';
import { UserError } from '../shared/errors.js';

/** Where Debian's fonts-noto-cjk puts the Sans CJK collection. */
export const CJK_FONT_CANDIDATES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
];

/** The CJK font file, or a UserError naming the package to install. */
export function cjkFontFile(): string {
  const found = CJK_FONT_CANDIDATES.find((f) => fs.existsSync(f));
  if (!found) throw new UserError(`No CJK font found (looked for ${CJK_FONT_CANDIDATES[0]}); install it with \`apt-get install fonts-noto-cjk\``);
  return found;
}

interface FkPath { translate(x: number, y: number): FkPath; toSVG(): string }
interface FkFont {
  unitsPerEm: number;
  layout(text: string): { glyphs: { path: FkPath }[]; positions: { xAdvance: number; xOffset: number; yOffset: number }[] };
}
interface FkCollection { getFont(postscriptName: string): FkFont | null }

// Held in a variable: fontkit ships no type declarations.
const FONTKIT_MODULE = 'fontkit';

/** The regular and bold Simplified Chinese faces, opened once. */
let faces: Promise<{ regular: FkFont; bold: FkFont } | null> | undefined;

function loadFaces(): Promise<{ regular: FkFont; bold: FkFont } | null> {
  faces ??= (async () => {
    try {
      const fk = (await import(FONTKIT_MODULE)) as unknown as { openSync(file: string): FkCollection | FkFont };
      const regularFile = cjkFontFile();
      const boldFile = regularFile.replace('Regular', 'Bold');
      const open = (file: string, name: string) => {
        const c = fk.openSync(file) as FkCollection;
        return typeof c.getFont === 'function' ? c.getFont(name) : (c as unknown as FkFont);
      };
      const regular = open(regularFile, 'NotoSansCJKsc-Regular');
      const bold = fs.existsSync(boldFile) ? open(boldFile, 'NotoSansCJKsc-Bold') : regular;
      return regular && bold ? { regular, bold } : null;
    } catch {
      return null;
    }
  })();
  return faces;
}

const shaped = new Map<string, { d: string; advance: number; upm: number }>();

/** The outline (font units, y up) and advance of a label, laid out once. */
function shape(font: FkFont, key: string, text: string): { d: string; advance: number; upm: number } {
  const hit = shaped.get(key);
  if (hit) return hit;
  const run = font.layout(text);
  let x = 0;
  const parts: string[] = [];
  run.glyphs.forEach((g, i) => {
    const pos = run.positions[i]!;
    parts.push(g.path.translate(x + pos.xOffset, pos.yOffset).toSVG());
    x += pos.xAdvance;
  });
  const out = { d: parts.join(''), advance: x, upm: font.unitsPerEm };
  shaped.set(key, out);
  return out;
}

function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

const attr = (attrs: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];

/**
 * Replaces every `<text>` of one of our charts (charts.ts: x, y, font-size,
 * font-weight, text-anchor, fill, transform) by a path of its glyphs.
 * @returns the SVG without text, or undefined when the fonts cannot be read
 */
export async function textToPaths(svg: string): Promise<string | undefined> {
  const f = await loadFaces();
  if (!f) return undefined;
  return svg.replace(/<text([^>]*)>([^<]*)<\/text>/g, (_m, attrs: string, body: string) => {
    const text = decode(body);
    const bold = attr(attrs, 'font-weight') === 'bold';
    const sizePx = Number(attr(attrs, 'font-size') ?? 12);
    const x = Number(attr(attrs, 'x') ?? 0);
    const y = Number(attr(attrs, 'y') ?? 0);
    const g = shape(bold ? f.bold : f.regular, `${bold ? 'b' : 'r'}:${text}`, text);
    const s = sizePx / g.upm;
    const anchor = attr(attrs, 'text-anchor');
    const x0 = anchor === 'middle' ? x - (g.advance * s) / 2 : anchor === 'end' ? x - g.advance * s : x;
    const fill = attr(attrs, 'fill') ?? '#000';
    const path = `<path d="${g.d}" fill="${fill}" transform="translate(${x0.toFixed(2)} ${y.toFixed(2)}) scale(${s.toFixed(6)} ${(-s).toFixed(6)})"/>`;
    const transform = attr(attrs, 'transform');
    return transform ? `<g transform="${transform}">${path}</g>` : path;
  });
}

/**
 * Rasterises an SVG at `scale` × its size: text drawn as paths from fonts
 * loaded once; resvg with the font file only if fontkit cannot read it.
 * @returns PNG bytes
 */
export async function svgToPng(svg: string, scale = 2): Promise<Buffer> {
  const { Resvg } = await import('@resvg/resvg-js');
  const paths = await textToPaths(svg);
  const resvg = paths !== undefined
    ? new Resvg(paths, { fitTo: { mode: 'zoom', value: scale }, font: { loadSystemFonts: false }, background: '#ffffff' })
    : new Resvg(svg, {
      fitTo: { mode: 'zoom', value: scale },
      font: { fontFiles: [cjkFontFile()], loadSystemFonts: false, defaultFontFamily: 'Noto Sans CJK SC', sansSerifFamily: 'Noto Sans CJK SC' },
      background: '#ffffff',
    });
  return Buffer.from(resvg.render().asPng());
}
