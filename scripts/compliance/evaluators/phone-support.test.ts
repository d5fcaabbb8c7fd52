import { describe, expect, it } from 'vitest';
import { contextFor, makeKb, ticket } from '../fixtures/make-kb.js';
import { phoneSupport } from './phone-support.js';

describe('S-1 phoneSupport', () => {
  it('is manual and shows the after-hours share as evidence', () => {
    const night = ticket({ id: 'T-20260302-90', reported_at: '2026-03-02T23:00:00+08:00' });
    const day = ticket({ id: 'T-20260302-91', channel: 'web' });
    const r = phoneSupport(contextFor(makeKb({ tickets: [night, day] }), '2026-06-01'));
    expect(r.status).toBe('manual');
    expect(r.evidence).toEqual(['T-20260302-90']);
    expect(r.summary).toContain('50.0%');
  });
});
