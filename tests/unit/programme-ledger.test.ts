// The event ledger behind the calendar feed (shared/programme/eventLedger.ts): new events at
// SEQUENCE 0, a changed one a step higher with a new LAST-MODIFIED, a removed one cancelled
// once, one that comes back un-cancelled; unchanged events write nothing.
import { describe, expect, it } from 'vitest';
import { type LedgerEntry, eventFingerprint, ledgerChanges } from '../../shared/programme/eventLedger.ts';
import type { ProgrammeEvent } from '../../shared/programme/schema.ts';

const event = (id: string, over: Partial<ProgrammeEvent> = {}): ProgrammeEvent => ({
  id,
  title: { ru: `Событие ${id}` },
  start: '2026-04-14T10:00:00+03:00',
  duration: 45,
  format: 'lecture',
  language: 'ru',
  cluster: 'c1',
  stage: 'main',
  tags: [],
  speakers: [],
  ...over,
});
const apply = (ledger: Map<string, LedgerEntry>, changes: LedgerEntry[]) => {
  for (const c of changes) ledger.set(c.eventId, c);
  return ledger;
};

describe('ledgerChanges', () => {
  it('follows new, changed, unchanged, removed and returning events', () => {
    const ledger = apply(new Map(), ledgerChanges(new Map(), [event('a'), event('b')], 1000));
    expect([...ledger.values()].map((e) => [e.eventId, e.sequence, e.modifiedAt, e.cancelled])).toEqual([
      ['a', 0, 1000, false],
      ['b', 0, 1000, false],
    ]);
    expect(ledgerChanges(ledger, [event('a'), event('b')], 2000)).toEqual([]);
    // Tags are not shown by calendars: no new sequence for them.
    expect(ledgerChanges(ledger, [event('a', { tags: ['x'] }), event('b')], 2000)).toEqual([]);
    const moved = ledgerChanges(ledger, [event('a', { start: '2026-04-14T10:30:00+03:00' })], 3000);
    expect(moved.map((e) => [e.eventId, e.sequence, e.modifiedAt, e.cancelled, e.snapshot.start])).toEqual([
      ['a', 1, 3000, false, '2026-04-14T10:30:00+03:00'],
      ['b', 1, 3000, true, '2026-04-14T10:00:00+03:00'],
    ]);
    apply(ledger, moved);
    // Cancelled once, not again on every reload.
    expect(ledgerChanges(ledger, [event('a', { start: '2026-04-14T10:30:00+03:00' })], 4000)).toEqual([]);
    const back = ledgerChanges(ledger, [event('a', { start: '2026-04-14T10:30:00+03:00' }), event('b')], 5000);
    expect(back.map((e) => [e.eventId, e.sequence, e.cancelled])).toEqual([['b', 2, false]]);
  });

  it('fingerprints what a calendar shows, stably', () => {
    expect(eventFingerprint(event('a'))).toBe(eventFingerprint(event('a')));
    expect(eventFingerprint(event('a', { title: { ru: 'Другое' } }))).not.toBe(eventFingerprint(event('a')));
    expect(eventFingerprint(event('a', { duration: 60 }))).not.toBe(eventFingerprint(event('a')));
    expect(eventFingerprint(event('a'))).toMatch(/^[0-9a-f]{16}$/);
  });
});
