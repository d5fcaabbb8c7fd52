import path from 'node:path';
import { cstDateOf, formatDate, parseDateTime, parseInstant } from '../../shared/time.js';
import type { RecordRule } from './types.js';

/**
 * Conventions that help people find records (warnings only): a ticket's id
 * carries its reported date, and year folders match the record's year.
 */
export const recordNaming: RecordRule = {
  name: 'record-naming',
  description: 'ticket ids carry the reported date; year folders match',
  check(ctx) {
    for (const r of ctx.records) {
      const d = r.data as unknown as Record<string, unknown>;
      const folderYear = /^records\/[^/]+\/(\d{4})\//.exec(r.path)?.[1];
      if (r.kind === 'ticket') {
        const reported = String(d.reported_at);
        // a time written in China Standard Time carries its CST date already
        const cstDay = reported.endsWith('+08:00') ? reported.slice(0, 10) : formatDate(cstDateOf(parseDateTime(reported)));
        const day = cstDay.replaceAll('-', '');
        const idDay = /^T-(\d{8})-/.exec(r.id)?.[1];
        if (idDay && idDay !== day) ctx.report(r, ['id'], `Unexpected date \`${idDay}\` in id, expected \`${day}\` (the China Standard Time date of reported_at)`, { severity: 'warning' });
        if (folderYear && folderYear !== day.slice(0, 4)) ctx.report(r, ['reported_at'], `Unexpected folder year \`${folderYear}\`, expected records/tickets/${day.slice(0, 4)}/${path.posix.basename(r.path)}`, { severity: 'warning' });
      }
      if (r.kind === 'inspection' && folderYear) {
        const y = String(cstDateOf(parseInstant(String(d.started_at))).year);
        if (y !== folderYear) ctx.report(r, ['started_at'], `Unexpected folder year \`${folderYear}\`, expected records/inspections/${y}/${path.posix.basename(r.path)}`, { severity: 'warning' });
      }
    }
  },
};
