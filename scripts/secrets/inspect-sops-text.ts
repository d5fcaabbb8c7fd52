/**
 * Inspects a text without any key: is it a sops-encrypted YAML/JSON file, and
 * if not, where and why. Built on the codec's own pieces (parseFile,
 * extractMetadata, compileRule, walkDocument, parseEnc), so "is this file
 * encrypted" has one definition for the codec, the hand-over outline and the
 * privacy guard. It cannot verify the MAC (that needs a key: `secrets verify`).
 */
import { isMap, isSeq, type Scalar } from 'yaml';
import { isAgeRecipient } from './age-keys.js';
import { compileRule, DEFAULT_RULE, type EncryptionRule } from './encryption-rule.js';
import { RegexRefused } from './go-regexp.js';
import { isEncValue, parseEnc } from './leaf-cipher.js';
import { SopsError } from './sops-error.js';
import { extractMetadata, type SopsMetadata } from './sops-metadata.js';
import { scalarValue, walkDocument } from './sops-walk.js';
import { locateComment, parseFile, positionOf, rootMap, type ParsedFile, type SopsFormat } from './yaml-io.js';

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
  | 'malformed-value'
  /** A comment in clear where the creation rule wants it encrypted (unauthenticated text). */
  | 'plain-comment'
  /** The file's recipients differ from those of its `.sops.yaml` creation rule. */
  | 'recipients-mismatch'
  /** The file's encryption rule (or `mac_only_encrypted`) differs from its creation rule's. */
  | 'rule-mismatch'
  /** No creation rule of `.sops.yaml` covers the file: nothing says what must be encrypted. */
  | 'no-creation-rule';

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

/**
 * What the repository's `.sops.yaml` says about a file: the guard judges a
 * hand-over file by this, never by the file's own (unsigned) metadata.
 */
export interface ExpectedSopsRule {
  recipients: readonly string[];
  /** The creation rule's encryption rule; undefined means sops's default (`unencrypted_suffix: _unencrypted`). */
  rule?: EncryptionRule;
  macOnlyEncrypted: boolean;
  /** How to name the rule in messages, e.g. `.sops.yaml creation_rules[0]`. */
  source: string;
}

/** Options of inspectSopsText. */
export interface InspectOptions {
  /**
   * The creation rule to judge by. `null`: no rule covers the file (a
   * problem; judged by sops's default rule). Omitted: the file's own
   * metadata decides (only for informational callers; not a security check).
   */
  expected?: ExpectedSopsRule | null;
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
export function inspectSopsText(text: string, opts: InspectOptions = {}): SopsTextInspection {
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
  const expected = opts.expected;
  if (expected !== undefined) {
    problems.push(...expectationProblems(pf, block, meta, expected));
    // Judged by the repository's rule (or sops's default when none covers the file), never the file's.
    rule = compileRule(expected?.rule ?? DEFAULT_RULE);
  } else {
    try {
      rule = compileRule(meta.rule);
    } catch (err) {
      const { line, column } = meta.rulePos;
      const reason = err instanceof RegexRefused ? err.reason : 'not a valid regular expression';
      problems.push({ kind: 'metadata', path: ['sops', meta.rule.kind], line: line || 1, column: column || 1, message: `\`sops.${meta.rule.kind}\` refused: ${reason}` });
      return done();
    }
  }
  const commentCursor = { from: 0 };
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
        comment(slot) {
          if (expected === undefined || !rule(slot.path, [])) return;
          for (const line of String(slot.holder[slot.field] ?? '').split('\n')) {
            if (line.trim() === '' || (isWellFormedEnc(line) && parseEnc(line)?.type === 'comment')) continue;
            const pos = locateComment(text, line, commentCursor);
            const where = slot.path.join('.') || 'the top level';
            problems.push({ kind: 'plain-comment', path: slot.path, ...pos, message: `comment in clear text at ${where}, expected #ENC[AES256_GCM,…,type:comment] (a clear comment is not authenticated: anyone can add one)` });
          }
        },
      });
    } catch (err) {
      problems.push(fromError(err, 'syntax', []));
    }
  }
  return done();
}

function ruleText(rule: EncryptionRule | undefined): string {
  const r = rule ?? DEFAULT_RULE;
  return `${r.kind}: ${r.value}`;
}

/** Where the file's metadata differs from the creation rule that governs it. */
function expectationProblems(pf: ParsedFile, block: unknown, meta: SopsMetadata, expected: ExpectedSopsRule | null): SopsTextProblem[] {
  const out: SopsTextProblem[] = [];
  const blockAt = { line: meta.blockPos.line || 1, column: meta.blockPos.column || 1 };
  if (expected === null) {
    out.push({ kind: 'no-creation-rule', path: ['sops'], ...blockAt, message: 'no creation rule of .sops.yaml covers this file, so nothing says which values must be encrypted and for whom (judged by sops\'s default rule)' });
    return out;
  }
  const ageNode = isMap(block) ? block.get('age', true) : undefined;
  const items = isSeq(ageNode) ? ageNode.items : [];
  const want = new Set(expected.recipients.map((r) => r.trim()));
  const have = meta.age.map((a) => a.recipient.trim());
  have.forEach((r, i) => {
    if (want.has(r)) return;
    out.push({ kind: 'recipients-mismatch', path: ['sops', 'age'], ...at(pf, items[i] ?? ageNode), message: `\`sops.age[${i}]\` is for ${r || '(no recipient)'}, which ${expected.source} does not name (re-wrap with \`opsbook secrets rotate\`)` });
  });
  const missing = [...want].filter((r) => !have.includes(r));
  if (missing.length > 0) {
    out.push({ kind: 'recipients-mismatch', path: ['sops', 'age'], ...(ageNode ? at(pf, ageNode) : blockAt), message: `the file is not encrypted for ${missing.join(', ')}, named by ${expected.source} (re-wrap with \`opsbook secrets rotate\`)` });
  }
  if (new Set(have).size !== have.length) {
    out.push({ kind: 'recipients-mismatch', path: ['sops', 'age'], ...(ageNode ? at(pf, ageNode) : blockAt), message: '`sops.age` names the same recipient twice' });
  }
  const fileRule = meta.rule;
  const wantRule = expected.rule ?? DEFAULT_RULE;
  if (fileRule.kind !== wantRule.kind || fileRule.value !== wantRule.value) {
    const pos = { line: meta.rulePos.line || blockAt.line, column: meta.rulePos.column || blockAt.column };
    out.push({ kind: 'rule-mismatch', path: ['sops', fileRule.kind], ...pos, message: `the file's rule \`${meta.ruleExplicit ? ruleText(fileRule) : `${ruleText(fileRule)} (sops default)`}\` differs from ${expected.source} \`${ruleText(expected.rule)}\`: values are judged by the repository's rule` });
  }
  if (meta.macOnlyEncrypted !== expected.macOnlyEncrypted) {
    out.push({ kind: 'rule-mismatch', path: ['sops', 'mac_only_encrypted'], ...blockAt, message: `\`mac_only_encrypted\` is ${meta.macOnlyEncrypted} in the file but ${expected.macOnlyEncrypted} in ${expected.source}` });
  }
  return out;
}
