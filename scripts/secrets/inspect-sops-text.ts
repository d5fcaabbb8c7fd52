/**
 * Inspects a text without any key: is it a sops-encrypted YAML/JSON file, and
 * if not, where and why. Built on the codec's own pieces (parseFile,
 * extractMetadata, compileRule, walkDocument, parseEnc), so "is this file
 * encrypted" has one definition for the codec, the hand-over outline and the
 * privacy guard. It cannot verify the MAC (that needs a key: `secrets verify`).
 */
import { isMap, isSeq, type Scalar } from 'yaml';
import { isAgeRecipient } from './age-keys.js';
import { compileRule } from './encryption-rule.js';
import { isEncValue, parseEnc } from './leaf-cipher.js';
import { SopsError } from './sops-error.js';
import { extractMetadata, type SopsMetadata } from './sops-metadata.js';
import { scalarValue, walkDocument } from './sops-walk.js';
import { parseFile, positionOf, rootMap, type ParsedFile, type SopsFormat } from './yaml-io.js';

/** What kind of problem (stable, for callers that branch on it). */
export type SopsProblemKind =
  /** Not readable YAML/JSON, or a structure sops refuses (non-mapping top level, complex keys, odd tags). */
  | 'syntax'
  /** No `sops` metadata block: a plaintext file. */
  | 'no-metadata'
  /** The `sops` block is malformed (no keys, two rules, a bad regex, key groups, …). */
  | 'metadata'
  /** `sops.mac` missing or not an `ENC[…,type:str]` value. */
  | 'no-mac'
  /** `sops.lastmodified` missing (the MAC is bound to it). */
  | 'no-lastmodified'
  /** No age recipient, or an age entry that is not `age1…` + an armored age file. */
  | 'no-recipients'
  /** A value the file's own rule marks as secret is in clear. */
  | 'plain-value'
  /** A value that looks like `ENC[…]` but is not the layout sops writes. */
  | 'malformed-value';

/** One located reason the text is not (properly) encrypted. Never contains a value. */
export interface SopsTextProblem {
  kind: SopsProblemKind;
  /** Key path of the value concerned (sequences add nothing, as in sops); `[]` for the file. */
  path: string[];
  /** 1-based line and column (UTF-16 code units); 1:1 when the parser gives no position. */
  line: number;
  column: number;
  /** One line, English; names keys, never values. */
  message: string;
}

/** Result of inspectSopsText. */
export interface SopsTextInspection {
  /** True when there is no problem. */
  encrypted: boolean;
  /** Problems in text order. */
  problems: SopsTextProblem[];
}

/** `type:` tags sops writes (SOPS-FORMAT §2). */
const ENC_TYPES = new Set(['str', 'int', 'float', 'bool', 'time', 'bytes', 'comment']);
const ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';
const FILE = '(text)';
const LOCATED = /^\(text\):(\d+):(\d+) {2}/;

/** The exact leaf layout sops writes: base64 parts, 32-byte IV, 16-byte tag, a known type. */
function isWellFormedEnc(text: string): boolean {
  const parts = parseEnc(text);
  return parts !== null && parts.iv.length === 32 && parts.tag.length === 16 && ENC_TYPES.has(parts.type);
}

/** Turns a SopsError raised while reading `FILE` into a located problem. */
function fromError(err: unknown, kind: SopsProblemKind, path: string[]): SopsTextProblem {
  if (!(err instanceof SopsError)) {
    return { kind, path, line: 1, column: 1, message: err instanceof Error ? err.message.split('\n')[0]! : String(err) };
  }
  const m = LOCATED.exec(err.message);
  const line = Number(m?.[1] ?? 0);
  const column = Number(m?.[2] ?? 0);
  return {
    kind,
    path,
    line: line > 0 ? line : 1,
    column: column > 0 ? column : 1,
    message: m ? err.message.slice(m[0].length) : err.message,
  };
}

function at(pf: ParsedFile, node: unknown): { line: number; column: number } {
  const p = positionOf(pf, node);
  return p.line > 0 ? p : { line: 1, column: 1 };
}

/** Problems of the `sops` block beyond what extractMetadata already refuses. */
function metadataProblems(pf: ParsedFile, block: unknown, meta: SopsMetadata): SopsTextProblem[] {
  const out: SopsTextProblem[] = [];
  const blockAt = { line: meta.blockPos.line || 1, column: meta.blockPos.column || 1 };
  if (meta.mac === '') {
    out.push({ kind: 'no-mac', path: ['sops'], ...blockAt, message: '`sops.mac` is missing: the file cannot be verified' });
  } else if (!isWellFormedEnc(meta.mac) || parseEnc(meta.mac)?.type !== 'str') {
    out.push({ kind: 'no-mac', path: ['sops', 'mac'], line: meta.macPos.line || 1, column: meta.macPos.column || 1, message: '`sops.mac` is not an ENC[AES256_GCM,…,type:str] value' });
  }
  if (meta.lastmodified === '') {
    out.push({ kind: 'no-lastmodified', path: ['sops'], ...blockAt, message: '`sops.lastmodified` is missing (the MAC is bound to it)' });
  }
  if (meta.age.length === 0) {
    out.push({ kind: 'no-recipients', path: ['sops'], ...blockAt, message: `\`sops\` block lists no age recipients (only ${meta.otherKeyTypes.join(', ')})` });
  }
  const ageNode = isMap(block) ? block.get('age', true) : undefined;
  const items = isSeq(ageNode) ? ageNode.items : [];
  meta.age.forEach((a, i) => {
    if (isAgeRecipient(a.recipient.trim()) && a.enc.includes(ARMOR_BEGIN)) return;
    out.push({
      kind: 'no-recipients',
      path: ['sops', 'age'],
      ...at(pf, items[i] ?? ageNode),
      message: `\`sops.age[${i}]\` has no valid \`recipient\` (age1…) and \`enc\` (armored age file)`,
    });
  });
  return out;
}

/** Comment lines directly before a value (what the comment-regex rules test, as in the codec). */
function commentsBefore(node: Scalar): string[] {
  return node.commentBefore ? node.commentBefore.split('\n') : [];
}

/**
 * Inspects a YAML or JSON text (JSON when it starts with `{`) as a sops file:
 * a `sops` block with a well-formed MAC, `lastmodified` and at least one age
 * recipient, and every value that the file's own encryption rule marks as
 * secret an `ENC[AES256_GCM,…]` string in the layout sops writes (`""` and
 * null stay as they are). Problems are located and name key paths, never
 * values. Never throws.
 */
export function inspectSopsText(text: string): SopsTextInspection {
  const problems: SopsTextProblem[] = [];
  const done = (): SopsTextInspection => {
    const sorted = problems.map((p, i) => ({ p, i })).sort((a, b) => a.p.line - b.p.line || a.p.column - b.p.column || a.i - b.i).map((x) => x.p);
    return { encrypted: sorted.length === 0, problems: sorted };
  };
  const format: SopsFormat = /^\s*\{/.test(text) ? 'json' : 'yaml';
  let pf: ParsedFile;
  try {
    pf = parseFile(text, FILE, format);
  } catch (err) {
    problems.push(fromError(err, 'syntax', []));
    return done();
  }
  const first = pf.docs[0];
  const block = first ? rootMap(first).get('sops', true) : undefined;
  let meta: SopsMetadata | null;
  try {
    meta = extractMetadata(pf);
  } catch (err) {
    problems.push(fromError(err, 'metadata', ['sops']));
    return done();
  }
  if (!meta) {
    problems.push({ kind: 'no-metadata', path: [], line: 1, column: 1, message: 'no `sops` metadata block: the file is not SOPS-encrypted' });
    return done();
  }
  problems.push(...metadataProblems(pf, block, meta));
  let rule: ReturnType<typeof compileRule>;
  try {
    rule = compileRule(meta.rule);
  } catch {
    const { line, column } = meta.blockPos;
    problems.push({ kind: 'metadata', path: ['sops', meta.rule.kind], line: line || 1, column: column || 1, message: `\`sops.${meta.rule.kind}\` is not a valid regular expression` });
    return done();
  }
  for (const doc of pf.docs) {
    try {
      walkDocument(pf, doc, {
        leaf(node, path) {
          const key = path.join('.') || '(top level)';
          let v: ReturnType<typeof scalarValue>;
          try {
            v = scalarValue(pf, node);
          } catch {
            // The codec's message quotes the value: keep only the location.
            const { line, column } = at(pf, node);
            problems.push({ kind: 'syntax', path, line, column, message: `value of \`${key}\` has a tag or form sops cannot read` });
            return;
          }
          if (v === null || !rule(path, commentsBefore(node))) return;
          if (v.type === 'str' && (v.value === '' || isWellFormedEnc(v.value))) return;
          const { line, column } = at(pf, node);
          if (v.type === 'str' && isEncValue(v.value)) {
            problems.push({ kind: 'malformed-value', path, line, column, message: `value of \`${key}\` looks encrypted but is not a well-formed ENC[AES256_GCM,…] value` });
          } else {
            problems.push({ kind: 'plain-value', path, line, column, message: `value of \`${key}\` is in clear text, expected ENC[AES256_GCM,…]` });
          }
        },
      });
    } catch (err) {
      problems.push(fromError(err, 'syntax', []));
    }
  }
  return done();
}
