import type { RecordKind } from '../registry.js';
import type { LoadedRecord } from '../types.js';
import type { RecordRule, RuleContext } from './types.js';

type Path = (string | number)[];

/** Every reference field of every kind: where it is and what it must point at. */
function* references(r: LoadedRecord): Generator<{ at: Path; id: string; kind: RecordKind }> {
  const d = r.data as unknown as Record<string, unknown>;
  const one = function* (key: string, kind: RecordKind) {
    if (typeof d[key] === 'string') yield { at: [key], id: d[key] as string, kind };
  };
  const many = function* (key: string, kind: RecordKind) {
    const list = d[key];
    if (Array.isArray(list)) for (let i = 0; i < list.length; i++) if (typeof list[i] === 'string') yield { at: [key, i], id: list[i] as string, kind };
  };
  switch (r.kind) {
    case 'ticket': {
      yield* one('interface', 'interface');
      yield* one('fixed_in', 'release');
      yield* one('duplicate_of', 'ticket');
      yield* many('engineers', 'person');
      const onsite = d.onsite as Record<string, unknown> | undefined;
      if (typeof onsite?.engineer === 'string') yield { at: ['onsite', 'engineer'], id: onsite.engineer, kind: 'person' };
      break;
    }
    case 'inspection':
      yield* many('engineers', 'person');
      break;
    case 'change':
      yield* one('release', 'release');
      yield* many('tickets', 'ticket');
      break;
    case 'release': {
      yield* one('deployed_by', 'person');
      const contents = d.contents as Record<string, unknown>[] | undefined;
      for (const [i, c] of (contents ?? []).entries()) {
        if (typeof c.ticket === 'string') yield { at: ['contents', i, 'ticket'], id: c.ticket, kind: 'ticket' };
        if (typeof c.change === 'string') yield { at: ['contents', i, 'change'], id: c.change, kind: 'change' };
      }
      break;
    }
    case 'training':
      yield* one('trainer', 'person');
      yield* one('release', 'release');
      break;
    case 'recommendation':
      yield* many('tickets', 'ticket');
      break;
    case 'db_operation':
      yield* one('ticket', 'ticket');
      yield* many('engineers', 'person');
      break;
    default:
      break;
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
  for (const r of ctx.records) {
    for (const ref of references(r)) {
      const target = ctx.knownIds.get(ref.id);
      if (target && target.kind === ref.kind) continue;
      const known = byKind.get(ref.kind) ?? [];
      const list = known.length === 0 ? `no ${ref.kind} records exist` : `known: ${known.slice(0, 8).map((x) => `\`${x}\``).join(', ')}${known.length > 8 ? ', …' : ''}`;
      const what = target ? `a ${target.kind}, not a ${ref.kind}` : 'not found';
      ctx.report(r, ref.at, `Unexpected reference \`${ref.id}\` (${what}), expected the id of a ${ref.kind} record (${list})`);
    }
    // systems must be systems of the contract
    if (!contract || r.kind === 'contract') continue;
    const d = r.data as unknown as Record<string, unknown>;
    const check1 = (v: unknown, at: Path) => {
      if (typeof v === 'string' && !systems.includes(v)) ctx.report(r, at, `Unexpected system \`${v}\`, expected one of the contract's systems ${systems.map((s) => `\`${s}\``).join(', ')}`);
    };
    check1(d.system, ['system']);
    if (Array.isArray(d.systems)) d.systems.forEach((s, i) => check1(s, ['systems', i]));
  }
}

/** References (interface, release, person, ticket, change, system) resolve to records of the right kind. */
export const referencesResolve: RecordRule = { name: 'references-resolve', description: 'references point at existing records of the right kind', check };
