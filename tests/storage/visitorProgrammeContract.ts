// The "my programme" storage contract (issue 12): what every Storage implementation does with
// a visitor's stars, reminder settings and sent marks, feed tokens, transfer codes and the
// event ledger. Run by lowdb.test.ts and postgres.test.ts. Acknowledged writes survive a
// reopen, visitors never see each other's data, "once" holds under concurrent calls, and a
// write that fails changes nothing, neither now nor after a reopen.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../shared/programme/eventLedger.ts';
import { DEFAULT_REMINDERS } from '../../shared/programme/myProgramme.ts';
import { type ContractSubject, failedWriteChangesNothing } from './contract.ts';

const A = 'visitorAAAAAAAAAAAAAAA';
const B = 'visitorBBBBBBBBBBBBBBB';
const T0 = 1_776_000_000_000;

function ledger(eventId: string, over: Partial<LedgerEntry> = {}): LedgerEntry {
  return {
    eventId,
    hash: 'h1',
    sequence: 0,
    modifiedAt: T0,
    cancelled: false,
    snapshot: { title: { ru: `Событие ${eventId}` }, start: '2026-04-14T10:00:00+03:00', duration: 45, cluster: 'c1' },
    ...over,
  };
}

export function visitorProgrammeContract(name: string, open: () => Promise<ContractSubject>): void {
  describe(`visitor programme storage contract: ${name}`, () => {
    let s: ContractSubject;
    const st = () => s.storage;
    beforeEach(async () => {
      s = await open();
    });
    afterEach(async () => {
      s.failWrites(false);
      await s.cleanup();
    });

    it('starts empty, keeps stars per visitor in starring order, and survives a reopen', async () => {
      expect(await st().visitorProgramme(A)).toEqual({ starred: [], reminders: DEFAULT_REMINDERS, sent: [], feedToken: null });
      expect(await st().setStarred(A, 'ev-2', true, T0 + 2, 10)).toBe(true);
      expect(await st().setStarred(A, 'ev-1', true, T0 + 3, 10)).toBe(true);
      expect(await st().setStarred(A, 'ev-1', true, T0 + 4, 10)).toBe(false);
      expect(await st().setStarred(B, 'ev-9', true, T0, 10)).toBe(true);
      expect(await st().setStarred(A, 'ev-3', true, T0 + 5, 10)).toBe(true);
      expect(await st().setStarred(A, 'ev-3', false, T0 + 6, 10)).toBe(true);
      expect(await st().setStarred(A, 'ev-3', false, T0 + 7, 10)).toBe(false);
      await s.reopen();
      expect((await st().visitorProgramme(A)).starred).toEqual([
        { eventId: 'ev-2', at: T0 + 2 },
        { eventId: 'ev-1', at: T0 + 3 },
      ]);
      expect((await st().visitorProgramme(B)).starred).toEqual([{ eventId: 'ev-9', at: T0 }]);
      expect((await st().visitorProgramme('__proto__')).starred).toEqual([]);
    });

    it('refuses a star beyond the limit and counts concurrent stars once', async () => {
      await st().setStarred(A, 'ev-1', true, T0, 2);
      await st().setStarred(A, 'ev-2', true, T0, 2);
      await expect(st().setStarred(A, 'ev-3', true, T0, 2)).rejects.toThrow(/at most 2/);
      expect(await Promise.all([st().setStarred(B, 'ev-1', true, T0, 5), st().setStarred(B, 'ev-1', true, T0, 5)])).toEqual(expect.arrayContaining([true, false]));
      expect((await st().visitorProgramme(A)).starred.map((x) => x.eventId)).toEqual(['ev-1', 'ev-2']);
      expect((await st().visitorProgramme(B)).starred).toHaveLength(1);
    });

    it('keeps reminder settings, lists the visitors with an address and stars, and marks a reminder sent once', async () => {
      await st().setStarred(A, 'ev-1', true, T0, 10);
      await st().setReminderSettings(A, { leadMinutes: 15, email: 'anna@school.test', consentAt: T0 });
      await st().setReminderSettings(B, { leadMinutes: 5, email: 'boris@school.test', consentAt: T0 });
      const mark = { eventId: 'ev-1', startMs: T0 + 3600_000, at: T0 + 100 };
      expect(await Promise.all([st().markReminderSent(A, mark), st().markReminderSent(A, mark)])).toEqual(expect.arrayContaining([true, false]));
      // The event moved: a reminder for the new start is a new one.
      expect(await st().markReminderSent(A, { ...mark, startMs: mark.startMs + 60_000 })).toBe(true);
      expect(await st().markReminderSent(B, mark)).toBe(true);
      await s.reopen();
      const a = await st().visitorProgramme(A);
      expect(a.reminders).toEqual({ leadMinutes: 15, email: 'anna@school.test', consentAt: T0 });
      expect(a.sent.map((m) => m.startMs).sort()).toEqual([mark.startMs, mark.startMs + 60_000]);
      // B has an address but nothing starred: no reminder to schedule.
      expect((await st().visitorsWithReminderEmail()).map((v) => v.visitorId)).toEqual([A]);
      await st().setReminderSettings(A, { leadMinutes: 15, email: null, consentAt: null });
      expect(await st().visitorsWithReminderEmail()).toEqual([]);
    });

    it('gives each visitor one feed token, finds the visitor by it, and replaces it', async () => {
      expect(await st().ensureFeedToken(A, 'tokenA1')).toBe('tokenA1');
      expect(await st().ensureFeedToken(A, 'tokenA2')).toBe('tokenA1');
      expect(await st().ensureFeedToken(B, 'tokenB1')).toBe('tokenB1');
      await s.reopen();
      expect(await st().visitorOfFeedToken('tokenA1')).toBe(A);
      expect(await st().visitorOfFeedToken('tokenB1')).toBe(B);
      expect(await st().visitorOfFeedToken('nope')).toBeUndefined();
      await st().replaceFeedToken(A, 'tokenA3');
      await s.reopen();
      expect(await st().visitorOfFeedToken('tokenA1')).toBeUndefined();
      expect(await st().visitorOfFeedToken('tokenA3')).toBe(A);
      expect((await st().visitorProgramme(A)).feedToken).toBe('tokenA3');
    });

    it('merges one visitor into another without losing either side', async () => {
      await st().setStarred(A, 'ev-1', true, T0, 10);
      await st().setStarred(A, 'ev-2', true, T0 + 1, 10);
      await st().setReminderSettings(A, { leadMinutes: 20, email: 'anna@school.test', consentAt: T0 });
      await st().ensureFeedToken(A, 'tokenA');
      await st().setStarred(B, 'ev-2', true, T0 + 2, 10);
      await st().setStarred(B, 'ev-3', true, T0 + 3, 10);
      await st().mergeVisitorProgramme(B, A);
      await s.reopen();
      const a = await st().visitorProgramme(A);
      expect(a.starred.map((x) => x.eventId)).toEqual(['ev-1', 'ev-2', 'ev-3']);
      expect(a.reminders.email).toBe('anna@school.test');
      expect(a.feedToken).toBe('tokenA');
      expect((await st().visitorProgramme(B)).starred).toEqual([]);
      expect(await st().visitorOfFeedToken('tokenA')).toBe(A);
    });

    it('takes a transfer code once, and not after it expired', async () => {
      await st().addTransferCode({ codeHash: 'hash-1', visitorId: A, expiresAt: T0 + 1000 });
      await st().addTransferCode({ codeHash: 'hash-2', visitorId: B, expiresAt: T0 + 1000 });
      await s.reopen();
      const takes = await Promise.all([st().takeTransferCode('hash-1', T0), st().takeTransferCode('hash-1', T0)]);
      expect(takes.sort()).toEqual([A, undefined].sort());
      expect(await st().takeTransferCode('hash-2', T0 + 1000)).toBeUndefined();
      expect(await st().takeTransferCode('hash-2', T0)).toBeUndefined();
      expect(await st().takeTransferCode('no-such', T0)).toBeUndefined();
    });

    it('keeps the event ledger, replacing entries by id', async () => {
      expect(await st().eventLedger()).toEqual([]);
      await st().putEventLedger([ledger('ev-1'), ledger('ev-2')]);
      await st().putEventLedger([ledger('ev-2', { hash: 'h2', sequence: 1, modifiedAt: T0 + 5, cancelled: true })]);
      await s.reopen();
      const got = (await st().eventLedger()).sort((x, y) => x.eventId.localeCompare(y.eventId));
      expect(got).toEqual([ledger('ev-1'), ledger('ev-2', { hash: 'h2', sequence: 1, modifiedAt: T0 + 5, cancelled: true })]);
    });

    it('changes nothing when a write fails', async () => {
      await st().setStarred(A, 'ev-1', true, T0, 10);
      await st().ensureFeedToken(A, 'tokenA');
      await st().putEventLedger([ledger('ev-1')]);
      await st().addTransferCode({ codeHash: 'hash-1', visitorId: A, expiresAt: T0 + 1000 });
      const read = async () => ({ a: await st().visitorProgramme(A), b: await st().visitorProgramme(B), ledger: await st().eventLedger() });
      const changesNothing = (write: () => Promise<unknown>) => failedWriteChangesNothing(s, write, read);
      await changesNothing(() => st().setStarred(A, 'ev-2', true, T0, 10));
      await changesNothing(() => st().setStarred(A, 'ev-1', false, T0, 10));
      await changesNothing(() => st().setReminderSettings(A, { leadMinutes: 30, email: 'x@y.test', consentAt: T0 }));
      await changesNothing(() => st().markReminderSent(A, { eventId: 'ev-1', startMs: T0, at: T0 }));
      await changesNothing(() => st().replaceFeedToken(A, 'tokenZ'));
      await changesNothing(() => st().setStarred(B, 'ev-5', true, T0, 10));
      await changesNothing(() => st().putEventLedger([ledger('ev-1', { sequence: 3 }), ledger('ev-7')]));
      await changesNothing(() => st().addTransferCode({ codeHash: 'hash-2', visitorId: A, expiresAt: T0 + 1000 }));
      expect(await st().visitorOfFeedToken('tokenA')).toBe(A);
      // The code written before the failures is still there, and still single use.
      expect(await st().takeTransferCode('hash-1', T0)).toBe(A);
      expect(await st().takeTransferCode('hash-2', T0)).toBeUndefined();
    });
  });
}
