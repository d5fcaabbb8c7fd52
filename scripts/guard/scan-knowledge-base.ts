/**
 * Scans a knowledge base: every file the site publishes or Git stores under
 * records/, docs/, every `*_versioned_docs/`, static/, src/ (and keys/, blog/,
 * i18n/ where present), then applies the allow-list `.opsbook-allow.yaml`.
 *
 * Nothing is skipped without a word: a symbolic link is a finding (never
 * followed), so is a FIFO/socket/device (never opened), a text file too large
 * to scan, and control/binary bytes in a text file (which is still scanned).
 * Only real binaries with a binary extension (images, fonts) outside
 * records/ are skipped, and listed in `skipped`.
 *
 * SOPS files (under records/handover/ or matching a `path_regex` of
 * `.sops.yaml`) are judged against the repository's creation rule; a
 * malformed `.sops.yaml` is itself a finding.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../shared/errors.js';
import { creationRuleForRelative, readSopsConfig, SOPS_CONFIG_FILE, type CreationRule, type ExpectedSopsRule } from '../secrets/index.js';
import type { GuardFinding, RuleContext } from './types.js';
import { ALLOW_LIST_FILE, findAllowEntry, loadAllowList, type AllowEntry } from './allow-list.js';
import { decodeForScan } from './decode-text.js';
import { LineIndex } from './line-index.js';
import { BINARY_EXTENSIONS, listKbEntries, siteDirs, type KbEntry } from './list-files.js';
import { clip } from './mask.js';
import { scanTextLocated, toFinding, type LocatedFinding } from './scan-text.js';
import { mayHoldSecretlintFinding, PREFILTERED_FILE_RE } from './secretlint-prefilter.js';
import { createSecretlintScanner } from './secretlint-scanner.js';

/** Folders scanned by default (plus every `*_versioned_docs/` at the root). */
export const DEFAULT_SCAN_DIRS = ['records', 'docs', 'static', 'src', 'keys', 'blog', 'i18n'] as const;

/** Options of scanKnowledgeBase. */
export interface ScanOptions {
  /** Top-level folders to scan (default DEFAULT_SCAN_DIRS and every `*_versioned_docs/`). */
  dirs?: readonly string[];
  /**
   * Only these KB-relative files (e.g. the records changed in a PR); each must
   * lie under one of `dirs`. Missing files are ignored.
   */
  paths?: readonly string[];
  /**
   * Contents already read by the caller (KB-relative path → bytes or UTF-8
   * text): used instead of reading the file again (validate reads each file once).
   */
  contents?: ReadonlyMap<string, string | Buffer>;
  /**
   * Delete each file's entry from `contents` (when it is a Map) as soon as the
   * file is scanned, for a caller that no longer needs the bytes: a large KB's
   * bytes are then freed during the scan rather than after it.
   */
  releaseContents?: boolean;
  /**
   * Called with the whole bytes of each file the scan reads itself (not those
   * from `contents`, nor files too large to read whole), before scanning it:
   * the guard thread hands record files on to the loader this way
   * (scan-in-background.ts), so that each file is read once.
   */
  onRead?: (rel: string, bytes: Buffer) => void;
  /** Apply `.opsbook-allow.yaml` (default true). */
  allowList?: boolean;
  /** Run secretlint (default true). */
  secretlint?: boolean;
  /** Text files larger than this are a finding instead of being scanned (default 10 MiB). */
  maxBytes?: number;
}

/** A finding the allow-list accepted, with the entry's reason. */
export interface AllowedFinding extends GuardFinding {
  reason: string;
  /** Line of the allow-list entry that accepted it. */
  allowedBy: number;
}

/** Everything a scan learned. */
export interface ScanResult {
  /** Findings to act on (allow-list problems included), sorted by path, line, column. */
  findings: GuardFinding[];
  /** Findings the allow-list accepted. */
  allowed: AllowedFinding[];
  /** Number of files read. */
  filesScanned: number;
  /** Files not read, with why (a binary with a binary extension). */
  skipped: { path: string; reason: string }[];
  /** Allow-list entries that accepted nothing (stale entries). */
  unusedAllowEntries: { line: number; path: string; rule: string }[];
}

/**
 * Scans the KB at `root` and returns the findings that the allow-list does
 * not accept, plus allow-list problems.
 */
export async function scanKnowledgeBase(root: string, opts: ScanOptions = {}): Promise<GuardFinding[]> {
  return (await scanKnowledgeBaseDetailed(root, opts)).findings;
}

/** The folders to scan at `root`: the defaults plus every `*_versioned_docs/`. */
export async function scanDirsOf(root: string): Promise<string[]> {
  let top: string[] = [];
  try {
    top = (await readdir(root)).sort();
  } catch {
    // a missing root has nothing to scan
  }
  return [...DEFAULT_SCAN_DIRS, ...siteDirs(top)];
}

/** The repository's sops rules, or the finding that `.sops.yaml` is malformed. */
function sopsRules(root: string): { rules: CreationRule[] | null; problem?: GuardFinding } {
  try {
    return { rules: readSopsConfig(root) };
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const m = /^(\S+?):(\d+):(\d+) {2}(.*)$/.exec(msg) ?? /^(\S+) {2}(.*)$/.exec(msg);
    const line = m && m.length === 5 ? Number(m[2]) : 1;
    const column = m && m.length === 5 ? Number(m[3]) : 1;
    const message = m ? m[m.length - 1]! : msg;
    return {
      rules: null,
      problem: {
        path: SOPS_CONFIG_FILE,
        line,
        column,
        rule: 'unencrypted-handover',
        message: `.sops.yaml cannot be used, so no hand-over file can be judged (.sops.yaml 无效): ${message}`,
        excerpt: '',
        fix: 'Fix .sops.yaml (creation_rules with path_regex, age recipients and one RE2 encryption rule).',
      },
    };
  }
}

/** The rule context of one file: is it a SOPS file, and by which creation rule is it judged. */
export function ruleContextFor(rel: string, rules: readonly CreationRule[] | null): RuleContext {
  const matchesExplicit = !!rules && rules.some((r) => r.pathRe?.test(rel));
  const sopsFile = rel.startsWith('records/handover/') || matchesExplicit;
  if (!sopsFile) return { sopsFile };
  const rule = rules ? creationRuleForRelative(rules, rel) : null;
  const expected: ExpectedSopsRule | null = rule
    ? { recipients: rule.recipients, rule: rule.rule, macOnlyEncrypted: rule.macOnlyEncrypted, source: `.sops.yaml creation_rules[${rule.index}]` }
    : null;
  return { sopsFile, expected };
}

function fileFinding(rel: string, rule: string, message: string, fix: string, excerpt = '', line = 1, column = 1): LocatedFinding {
  return { path: rel, line, column, rule, message, excerpt, fix, start: 0, end: 0, lineText: '' };
}

const SYMLINK_FIX = 'Commit the file itself instead of a symbolic link (the guard never follows links; a link can point outside the repository).';

/** Reads at most `limit` bytes of a regular file (never blocks on FIFOs: entries are checked first). */
function readFileBounded(abs: string, limit: number): { buf: Buffer; size: number } {
  const fd = openSync(abs, 'r');
  try {
    const size = fstatSync(fd).size;
    const n = Math.min(size, limit);
    // not zero-filled: only the bytes read are ever used (the subarray below when the file shrank)
    const buf = Buffer.allocUnsafe(n);
    let off = 0;
    while (off < n) {
      const r = readSync(fd, buf, off, n - off, off);
      if (r === 0) break;
      off += r;
    }
    return { buf: off === n ? buf : buf.subarray(0, off), size };
  } finally {
    closeSync(fd);
  }
}

/** Like scanKnowledgeBase, with allowed findings, counts and skipped files. */
export async function scanKnowledgeBaseDetailed(root: string, opts: ScanOptions = {}): Promise<ScanResult> {
  const dirs = opts.dirs ?? (await scanDirsOf(root));
  const maxBytes = opts.maxBytes ?? 10 * 1024 * 1024;
  const allowList = opts.allowList === false ? { entries: [], problems: [] } : await loadAllowList(root);
  const scanner = opts.secretlint === false ? false : createSecretlintScanner();
  const sops = sopsRules(root);
  let entries: KbEntry[] = await listKbEntries(root, dirs);
  if (opts.paths) {
    const wanted = new Set(opts.paths.map((p) => p.replace(/\\/g, '/').replace(/^\.\//, '')));
    entries = entries.filter((e) => wanted.has(e.path));
  }

  const findings: GuardFinding[] = [...allowList.problems];
  if (sops.problem) findings.push(sops.problem);
  const allowed: AllowedFinding[] = [];
  const skipped: ScanResult['skipped'] = [];
  const used = new Set<AllowEntry>();
  let filesScanned = 0;
  const accept = (f: LocatedFinding) => {
    const entry = findAllowEntry(allowList.entries, f, f.lineText);
    if (entry) {
      used.add(entry);
      allowed.push({ ...toFinding(f), reason: entry.reason, allowedBy: entry.entryLine });
    } else findings.push(toFinding(f));
  };
  for (const e of entries) {
    const rel = e.path;
    if (e.kind === 'symlink') {
      accept(fileFinding(rel, 'symlink', 'symbolic link, not followed (符号链接)', SYMLINK_FIX, e.target ? `→ ${clip(e.target, 40)}` : ''));
      continue;
    }
    if (e.kind === 'special') {
      accept(fileFinding(rel, 'unscannable-file', 'not a regular file (FIFO, socket or device), not read (无法扫描的文件)', 'Remove it: records, manuals and site files must be regular files.'));
      continue;
    }
    let buf: Buffer;
    let size: number;
    const given = opts.contents?.get(rel);
    try {
      if (given !== undefined) {
        buf = typeof given === 'string' ? Buffer.from(given, 'utf8') : given;
        size = buf.length;
        if (opts.releaseContents && opts.contents instanceof Map) opts.contents.delete(rel);
      } else {
        // Synchronous on purpose: the scan is CPU-bound and sequential, and a
        // sync read of a small file costs ~13 µs against ~150 µs for an awaited
        // fs.promises.readFile (four thread-pool round trips).
        const abs = path.join(root, rel);
        if (BINARY_EXTENSIONS.has(path.extname(rel).toLowerCase()) && !rel.startsWith('records/')) {
          // An image or font: its first 8 KB say whether it is a real binary (then the rest is never read).
          const head = readFileBounded(abs, 8000);
          if (decodeForScan(rel, head.buf).skip && head.size > 0) {
            skipped.push({ path: rel, reason: 'binary content' });
            continue;
          }
        }
        ({ buf, size } = readFileBounded(abs, maxBytes + 1));
        if (opts.onRead && size <= maxBytes && buf.length === size) opts.onRead(rel, buf);
      }
    } catch (err) {
      // An unreadable file could hide a leak: that is an environment error, not a pass.
      throw new UserError(`${rel}:0:0  cannot read file (${(err as NodeJS.ErrnoException).code ?? String(err)}), expected a readable text file`);
    }
    if (size > maxBytes) {
      if (BINARY_EXTENSIONS.has(path.extname(rel).toLowerCase()) && !rel.startsWith('records/')) {
        skipped.push({ path: rel, reason: `binary file larger than ${maxBytes} bytes` });
      } else {
        accept(fileFinding(rel, 'unscannable-file', `text file larger than ${maxBytes} bytes, too large to scan (文件过大，无法扫描)`, 'Split the file or move large data out of the repository; records and manuals must stay small enough to review.'));
      }
      continue;
    }
    const decoded = decodeForScan(rel, buf);
    if (decoded.skip) {
      skipped.push({ path: rel, reason: decoded.skip });
      continue;
    }
    filesScanned++;
    const text = decoded.text;
    if (decoded.problem) {
      const index = new LineIndex(text);
      const { line, column } = index.position(decoded.problem.offset);
      accept({
        ...fileFinding(rel, 'binary-content', `${decoded.problem.message} (二进制或控制字符)`, 'Save the file as plain UTF-8 text without NUL or control characters; the text around them was scanned as well.', '', line, column),
        lineText: index.lineText(line),
      });
    }
    const ctx = ruleContextFor(rel, sops.rules);
    // secretlint only where one of its rules could match (see secretlint-prefilter.ts).
    const secretlint = scanner && (!PREFILTERED_FILE_RE.test(rel) || mayHoldSecretlintFinding(text)) ? scanner : false;
    for (const f of await scanTextLocated(rel, text, { secretlint, context: ctx })) accept(f);
  }
  const byPosition = (a: GuardFinding, b: GuardFinding) =>
    (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);
  return {
    findings: findings.sort(byPosition),
    allowed: allowed.sort(byPosition),
    filesScanned,
    skipped,
    unusedAllowEntries: allowList.entries.filter((e) => !used.has(e)).map((e) => ({ line: e.entryLine, path: e.path, rule: e.rule })),
  };
}

export { ALLOW_LIST_FILE };
