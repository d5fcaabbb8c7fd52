import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { editTicketText } from './edit-ticket-text.js';

const TICKET = `# 工单头注释（保留）
id: T-20260314-01
system: aims
title: "麻醉记录单打印空白"   # 行尾注释
description: >-
  术中麻醉记录单打印预览为空白页，
  重启客户端后仍然如此。
severity: "1"
category: fault
channel: phone
reported_at: 2026-03-14T10:13:00+08:00   # 第一个电话
# 处理过程
engineers: [P-engineer-a]
tags:   [打印,  客户端]
`;

/** Lines of b that are not in a, in order (a must be a subsequence of b). */
function addedLines(a: string, b: string): string[] {
  const al = a.split('\n');
  const bl = b.split('\n');
  const added: string[] = [];
  let i = 0;
  for (const line of bl) {
    if (i < al.length && line === al[i]) i++;
    else added.push(line);
  }
  expect(i).toBe(al.length); // every original line kept, byte for byte, in order
  return added;
}

describe('editTicketText', () => {
  it('respond inserts one line after reported_at and keeps every other byte', () => {
    const r = editTicketText(TICKET, { action: 'respond', at: '2026-03-14T10:16:00+08:00' });
    expect(r.reformatted).toBe(false);
    expect(addedLines(TICKET, r.text)).toEqual(['responded_at: 2026-03-14T10:16:00+08:00']);
    expect(r.text.indexOf('responded_at')).toBeGreaterThan(r.text.indexOf('# 第一个电话'));
    expect(r.text.indexOf('responded_at')).toBeLessThan(r.text.indexOf('# 处理过程'));
  });

  it('chains respond, notify ×2, onsite request/arrival, resolve — comments survive, data is right', () => {
    let t = TICKET;
    t = editTicketText(t, { action: 'respond', at: '2026-03-14T10:16:00+08:00' }).text;
    t = editTicketText(t, { action: 'notify', to: 'senior_manager', at: '2026-03-14T10:20:00+08:00' }).text;
    t = editTicketText(t, { action: 'notify', to: 'product_team', at: '2026-03-14T10:25:00+08:00' }).text;
    t = editTicketText(t, { action: 'onsite', at: '2026-03-14T12:00:00+08:00' }).text;
    t = editTicketText(t, { action: 'onsite', arrived: true, at: '2026-03-14T18:30:00+08:00' }).text;
    const r = editTicketText(t, { action: 'resolve', at: '2026-03-14T20:00:00+08:00', outcome: 'workaround' });
    expect(r.reformatted).toBe(false);
    expect(addedLines(TICKET, r.text)).toEqual([
      'responded_at: 2026-03-14T10:16:00+08:00',
      'resolved_at: 2026-03-14T20:00:00+08:00',
      'notified:',
      '  - { to: senior_manager, at: 2026-03-14T10:20:00+08:00 }',
      '  - { to: product_team, at: 2026-03-14T10:25:00+08:00 }',
      'onsite:',
      '  requested_at: 2026-03-14T12:00:00+08:00',
      '  arrived_at: 2026-03-14T18:30:00+08:00',
      'outcome: workaround',
    ]);
    const data = parse(r.text);
    expect(data.severity).toBe('1');
    expect(data.onsite).toEqual({ requested_at: '2026-03-14T12:00:00+08:00', arrived_at: '2026-03-14T18:30:00+08:00' });
  });

  it('resolve right after respond writes resolved_at then outcome, in that order', () => {
    const t = editTicketText(TICKET, { action: 'respond', at: '2026-03-14T10:16:00+08:00' }).text;
    const r = editTicketText(t, { action: 'resolve', at: '2026-03-14T11:00:00+08:00' });
    expect(addedLines(t, r.text)).toEqual(['resolved_at: 2026-03-14T11:00:00+08:00', 'outcome: resolved']);
  });

  it('falls back to the Document API for a flow-style onsite map, keeping the data right', () => {
    const t = `${TICKET}onsite: { requested_at: 2026-03-14T12:00:00+08:00 }\n`;
    const r = editTicketText(t, { action: 'onsite', arrived: true, at: '2026-03-14T18:00:00+08:00' });
    expect(r.reformatted).toBe(true);
    expect(parse(r.text).onsite).toEqual({ requested_at: '2026-03-14T12:00:00+08:00', arrived_at: '2026-03-14T18:00:00+08:00' });
    expect(r.text).toContain('# 工单头注释（保留）');
  });

  it('refuses to overwrite without --force, and replaces exactly the value with it', () => {
    const t = editTicketText(TICKET, { action: 'respond', at: '2026-03-14T10:16:00+08:00' }).text;
    expect(() => editTicketText(t, { action: 'respond', at: '2026-03-14T10:14:00+08:00' })).toThrow(/responded_at is already 2026-03-14T10:16:00\+08:00; pass --force/);
    const r = editTicketText(t, { action: 'respond', at: '2026-03-14T10:14:00+08:00', force: true });
    expect(r.text).toBe(t.replace('10:16:00', '10:14:00'));
  });

  it('refuses times that break the order and malformed times', () => {
    expect(() => editTicketText(TICKET, { action: 'respond', at: '2026-03-14T10:00:00+08:00' })).toThrow(/Unexpected responded_at .* before reported_at/);
    expect(() => editTicketText(TICKET, { action: 'resolve', at: '2026-03-14T11:00:00+08:00' })).toThrow(/before any response/);
    expect(() => editTicketText(TICKET, { action: 'onsite', arrived: true, at: '2026-03-14T11:00:00+08:00' })).toThrow(/without an on-site request/);
    expect(() => editTicketText(TICKET, { action: 'respond', at: '2026-03-14T10:20:00' })).toThrow(/expected a time with offset/);
    expect(() => editTicketText(TICKET, { action: 'notify', to: 'boss', at: '2026-03-14T10:20:00+08:00' })).toThrow(/Unexpected --to `boss`/);
    const t = editTicketText(TICKET, { action: 'respond', at: '2026-03-14T10:16:00+08:00' }).text;
    expect(() => editTicketText(t, { action: 'resolve', at: '2026-03-14T10:15:00+08:00' })).toThrow(/before responded_at/);
  });

  it('adds to an existing block list with its indentation, and handles a file without a final newline', () => {
    const t = `${TICKET}notified:\n    - to: senior_manager\n      at: 2026-03-14T10:20:00+08:00`;
    const r = editTicketText(t, { action: 'notify', to: 'account_manager', at: '2026-03-14T10:30:00+08:00' });
    expect(r.reformatted).toBe(false);
    expect(r.text.endsWith('      at: 2026-03-14T10:20:00+08:00\n    - { to: account_manager, at: 2026-03-14T10:30:00+08:00 }\n')).toBe(true);
  });
});
