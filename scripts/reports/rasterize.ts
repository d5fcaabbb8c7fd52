/**
 * SVG → PNG for DOCX (pandoc-wasm cannot rasterise SVG) with @resvg/resvg-js
 * and a CJK font file from fonts-noto-cjk.
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

/**
 * Rasterises an SVG at `scale` × its size.
 * @returns PNG bytes
 */
export async function svgToPng(svg: string, scale = 2): Promise<Buffer> {
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { fontFiles: [cjkFontFile()], loadSystemFonts: false, defaultFontFamily: 'Noto Sans CJK SC', sansSerifFamily: 'Noto Sans CJK SC' },
    background: '#ffffff',
  });
  return Buffer.from(resvg.render().asPng());
}
