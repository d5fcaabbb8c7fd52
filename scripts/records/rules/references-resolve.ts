import type { RecordKind } from '../registry.js';
import type { LoadedRecord } from '../types.js';
import type { RecordRule, RuleContext } from './types.js';

type Path = (string | number)[];

/**
 * Every reference field of every kind, as data: the path of the field
 * (`*` = each item of a list) and the kind of record it must point at.
 */
export const REFERENCES: Partial<Record<RecordKind, readonly { path: readonly string[]; kind: RecordKind }[]>> = {
  ticket: [
    { path: ['interface'], kind: 'interface' },
    { path: ['fixed_in'], kind: 'release' },
    { path: ['duplicate_of'], kind: 'ticket' },
    { path: ['engineers', '*'], kind: 'person' },
    { path: ['onsite', 'engineer'], kind: 'person' },
  ],
  inspection: [{ path: ['engineers', '*'], kind: 'person' }],
  change: [{ path: ['release'], kind: 'release' }, { path: ['tickets', '*'], kind: 'ticket' }],
  release: [{ path: ['deployed_by'], kind: 'person' }, { path: ['contents', '*', 'ticket'], kind: 'ticket' }, { path: ['contents', '*', 'change'], kind: 'change' }],
  training: [{ path: ['trainer'], kind: 'person' }, { path: ['release'], kind: 'release' }],
  recommendation: [{ path: ['tickets', '*'], kind: 'ticket' }],
  db_operation: [{ path: ['ticket'], kind: 'ticket' }, { path: ['engineers', '*'], kind: 'person' }],
  delivery: [{ path: ['acknowledged_by'], kind: 'person' }, { path: ['delivered_by'], kind: 'person' }],
};

/** Calls `visit` for every string at `path` inside `data`. */
function each(data: unknown, path: readonly string[], at: Path, visit: (id: string, at: Path) => void): void {
  if (path.length === 0) {
    if (typeof data === 'string') visit(data, at);
    return;
  }
  if (data === null || typeof data !== 'object') return;
  const [head, ...rest] = path as [string, ...string[]];
  if (head === '*') {
    if (Array.isArray(data)) data.forEach((item, i) => each(item, rest, [...at, i], visit));
  } else {
    each((data as Record<string, unknown>)[head], rest, [...at, head], visit);
  }
}

function check(ctx: RuleContext): void {
  const byKind = new Map<RecordKind, string[]>();
  for (const [id, { kind }] of ctx.knownIds) {
    const list = byKind.get(kind);
    if (list) list.push(id);
    else byKind.set(kind, [id]);
  }
  const contract = ctx.records.find((c) => c.kind === 'contract');
  const systems = contract ? Object.keys((contract.data as { systems: object }).systems) : [];
  const unresolved = (r: LoadedRecord, id: string, at: Path, kind: RecordKind) => {
    const target = ctx.knownIds.get(id);
    if (target && target.kind === kind) return;
    const known = byKind.get(kind) ?? [];
    const list = known.length === 0 ? `no ${kind} records exist` : `known: ${known.slice(0, 8).map((x) => `\`${x}\``).join(', ')}${known.length > 8 ? ', …' : ''}`;
    const what = target ? `a ${target.kind}, not a ${kind}` : 'not found';
    ctx.report(r, at, `Unexpected reference \`${id}\` (${what}), expected the id of a ${kind} record (${list})`);
  };
  const badSystem = (r: LoadedRecord, v: unknown, at: Path) => {
    if (typeof v === 'string' && !systems.includes(v)) ctx.report(r, at, `Unexpected system \`${v}\`, expected one of the contract's systems ${systems.map((s) => `\`${s}\``).join(', ')}`);
  };
  for (const r of ctx.records) {
    for (const ref of REFERENCES[r.kind] ?? []) each(r.data, ref.path, [], (id, at) => unresolved(r, id, at, ref.kind));
    if (!contract || r.kind === 'contract') continue;
    // systems must be systems of the contract
    const d = r.data as unknown as Record<string, unknown>;
    badSystem(r, d.system, ['system']);
    if (Array.isArray(d.systems)) d.systems.forEach((s, i) => badSystem(r, s, ['systems', i]));
  }
}

/** References (interface, release, person, ticket, change, system) resolve to records of the right kind. */
export const referencesResolve: RecordRule = { name: 'references-resolve', description: 'references point at existing records of the right kind', check };
