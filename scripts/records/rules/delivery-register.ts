import type { Contract, Delivery, Inspection, Person, Ticket } from '../types.js';
import type { LoadedRecord } from '../types.js';
import { cstDay, reportKey, sameHandover } from '../../delivery/register.js';
import { parseInstant } from '../../shared/time.js';
import type { RecordRule, RuleContext } from './types.js';

/** The record kind a delivery's `report_id` names, by report kind (annual reports name a service period). */
const TARGET_KIND = { inspection: 'inspection', 'database-inspection': 'inspection', maintenance: 'ticket', 'written-reply': 'ticket' } as const;

/** A report's own hand-over field in the older layout, if any (the register must agree with it). */
interface Legacy {
  record: LoadedRecord;
  segments: (string | number)[];
  field: string;
  deliveredAt: string;
  acknowledgedBy?: string;
}

function legacyOf(d: Delivery, target: LoadedRecord | undefined, contract: LoadedRecord | undefined): Legacy | undefined {
  if (d.kind === 'annual') {
    const periods = (contract?.data as Contract | undefined)?.service_periods ?? [];
    const i = periods.findIndex((p) => p.id === d.report_id);
    const a = periods[i]?.annual_report;
    return a && contract ? { record: contract, segments: ['service_periods', i, 'annual_report', 'delivered_at'], field: `service_periods[${i}].annual_report`, deliveredAt: a.delivered_at, acknowledgedBy: a.acknowledged_by } : undefined;
  }
  if (!target) return undefined;
  if (target.kind === 'inspection') {
    const r = (target.data as Inspection).report;
    return r ? { record: target, segments: ['report', 'delivered_at'], field: 'report', deliveredAt: r.delivered_at, acknowledgedBy: r.acknowledged_by } : undefined;
  }
  if (d.kind === 'written-reply') {
    const w = (target.data as Ticket).written_reply;
    return w ? { record: target, segments: ['written_reply', 'delivered_at'], field: 'written_reply.delivered_at', deliveredAt: w.delivered_at } : undefined;
  }
  return undefined;
}

/** Reports when a hand-over is dated before the event its report is about. */
function notBefore(ctx: RuleContext, r: LoadedRecord, d: Delivery, event: string | undefined, what: string): void {
  if (event && cstDay(d.delivered_at) < cstDay(event)) {
    ctx.report(r, ['delivered_at'], `Unexpected delivered_at \`${d.delivered_at}\` before ${what} \`${event}\`, expected the report to be handed over after it`);
  }
}

function check(ctx: RuleContext): void {
  const deliveries = ctx.records.filter((r) => r.kind === 'delivery');
  if (deliveries.length === 0) return;
  const contract = ctx.records.find((r) => r.kind === 'contract');
  const periods = (contract?.data as Contract | undefined)?.service_periods.map((p) => p.id);
  const people = new Map(ctx.records.filter((r) => r.kind === 'person').map((r) => [r.id, r.data as Person]));
  // the first hand-over of each report is the one the older fields describe
  const first = new Map<string, LoadedRecord>();
  for (const r of deliveries) {
    const d = r.data as Delivery;
    const key = reportKey(d.kind, d.report_id);
    const seen = first.get(key);
    const at = parseInstant(d.delivered_at);
    if (!seen || at < parseInstant((seen.data as Delivery).delivered_at)) first.set(key, r);
  }

  for (const r of deliveries) {
    const d = r.data as Delivery;
    let target: LoadedRecord | undefined;
    if (d.kind === 'annual') {
      if (periods && !periods.includes(d.report_id)) {
        ctx.report(r, ['report_id'], `Unexpected service period \`${d.report_id}\`, expected one of the contract's periods ${periods.map((p) => `\`${p}\``).join(', ')}`);
        continue;
      }
    } else {
      const want = TARGET_KIND[d.kind];
      const known = ctx.knownIds.get(d.report_id);
      if (!known || known.kind !== want) {
        ctx.report(r, ['report_id'], `Unexpected report_id \`${d.report_id}\` (${known ? `a ${known.kind}` : 'not found'}), expected the id of the ${want} the ${d.kind} report is about`);
        continue;
      }
      target = ctx.byId.get(d.report_id);
      if (target?.kind === 'inspection') {
        const ins = target.data as Inspection;
        const kind = ins.type === 'database' ? 'database-inspection' : 'inspection';
        if (kind !== d.kind) {
          ctx.report(r, ['kind'], `Unexpected kind \`${d.kind}\` for ${ins.type} inspection \`${ins.id}\`, expected \`${kind}\``);
          continue;
        }
        notBefore(ctx, r, d, ins.finished_at, `the inspection's finished_at`);
      } else if (target?.kind === 'ticket') {
        const t = target.data as Ticket;
        if (!t.resolved_at) ctx.report(r, ['report_id'], `Unexpected ${d.kind} hand-over for open ticket \`${t.id}\`, expected the ticket to have a resolved_at first`);
        else notBefore(ctx, r, d, t.resolved_at, `the ticket's resolved_at`);
      }
    }

    const signer = people.get(d.acknowledged_by);
    if (signer && signer.organisation !== 'hospital') {
      ctx.report(r, ['acknowledged_by'], `Unexpected acknowledged_by \`${d.acknowledged_by}\` (${signer.name}, not marked organisation: hospital), expected the hospital person who signed for the report`, { severity: 'warning' });
    }

    // one fact, one declaration: the record's own hand-over field must say the same as the register
    if (first.get(reportKey(d.kind, d.report_id)) !== r) continue;
    const legacy = legacyOf(d, target, contract);
    if (!legacy) continue;
    // located only for a message: locating parses the record again with positions
    const where = () => {
      const at = legacy.record.locate(legacy.segments);
      return `${legacy.record.path}:${at.line}:${at.column}`;
    };
    if (!sameHandover(legacy.deliveredAt, d.delivered_at)) {
      ctx.report(r, ['delivered_at'], `Unexpected delivered_at \`${d.delivered_at}\`: ${legacy.record.id} records ${legacy.field} delivered_at \`${legacy.deliveredAt}\` (${where()}), expected the same hand-over; correct one of them, or remove ${legacy.field} there (the register records the hand-over)`);
    } else if (legacy.acknowledgedBy && signer && !legacy.acknowledgedBy.includes(signer.name) && !legacy.acknowledgedBy.includes(d.acknowledged_by)) {
      ctx.report(r, ['acknowledged_by'], `Unexpected acknowledged_by \`${d.acknowledged_by}\` (${signer.name}): ${legacy.record.id} records ${legacy.field} acknowledged_by \`${legacy.acknowledgedBy}\` (${where()}), expected the same signer (a title alone cannot be checked: name the person there or remove the field)`, { severity: 'warning' });
    }
  }
}

/**
 * The delivery register (records/deliveries/) names reports that exist, of
 * the right kind, handed over after the event, and agrees with the older
 * hand-over fields of the same report (inspection `report`, contract
 * `annual_report`, ticket `written_reply`) where those are still written.
 */
export const deliveryRegister: RecordRule = { name: 'delivery-register', description: 'deliveries name existing reports and agree with the records’ own hand-over fields', check };
