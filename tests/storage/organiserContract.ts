// The organiser domain's storage contract (issue 17): invitations (single use, expiry, resend,
// revoke, by token hash only), account access and status, the audit log, announcements and the
// fair's day counters. Run by tests/storage/lowdb.test.ts and tests/storage/postgres.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Announcement, AuditEntry } from '../../shared/organiser.ts';
import type { Invitation } from '../../server/storage/organiserStore.ts';
import { type ContractSubject, failedWriteChangesNothing } from './contract.ts';

const T0 = Date.UTC(2026, 4, 10, 9, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();

function invitation(id: string, tokenHash = `hash-${id}`, expiresAt = iso(T0 + 3_600_000)): Invitation {
  return {
    id,
    email: `${id}@example.org`,
    name: `Person ${id}`,
    role: 'exhibitor',
    exhibitors: ['alpha'],
    staffAdmin: false,
    tokenHash,
    status: 'pending',
    createdAt: iso(T0),
    createdBy: 'org',
    expiresAt,
  };
}

function audit(n: number): AuditEntry {
  return { id: `a${n}`, at: iso(T0 + n * 1000), actorId: 'org', actorEmail: 'org@example.org', action: 'invite.create', target: `i${n}`, detail: `n=${n}` };
}

function announcement(id: string, startsAt: number, endsAt: number): Announcement {
  return {
    id,
    audience: { kind: 'floor', floorId: 'school' },
    style: 'banner',
    text: { ru: 'Открытие через пять минут', en: 'The opening starts in five minutes' },
    startsAt: iso(startsAt),
    endsAt: iso(endsAt),
    createdAt: iso(T0),
    createdBy: 'org',
  };
}

export function organiserContract(name: string, open: () => Promise<ContractSubject>): void {
  describe(`organiser storage contract: ${name}`, () => {
    let s: ContractSubject;
    const st = () => s.storage;
    beforeEach(async () => {
      s = await open();
    });
    afterEach(async () => {
      s.failWrites(false);
      await s.cleanup();
    });

    const changesNothing = (write: () => Promise<unknown>, read: () => Promise<unknown>) => failedWriteChangesNothing(s, write, read);

    it('an invitation is claimed once, by its token hash, only while pending and unexpired', async () => {
      await st().createInvitation(invitation('i1'));
      await st().createInvitation(invitation('i2', 'hash-i2', iso(T0 - 1)));
      await expect(st().createInvitation(invitation('i1', 'other'))).rejects.toThrow();
      expect(await st().claimInvitation('hash-nope', iso(T0), 'acc')).toBeUndefined();
      expect(await st().claimInvitation('hash-i2', iso(T0), 'acc')).toBeUndefined(); // expired
      const [a, b] = await Promise.all([st().claimInvitation('hash-i1', iso(T0), 'acc-1'), st().claimInvitation('hash-i1', iso(T0), 'acc-2')]);
      expect([a, b].filter(Boolean)).toHaveLength(1);
      await s.reopen();
      const got = await st().getInvitation('i1');
      expect(got?.status).toBe('accepted');
      expect(['acc-1', 'acc-2']).toContain(got?.accountId);
      expect(await st().claimInvitation('hash-i1', iso(T0), 'acc-3')).toBeUndefined();
      expect((await st().listInvitations()).map((i) => i.id)).toEqual(['i2', 'i1']);
    });

    it('resend replaces the token (the old one dies); revoke ends a pending invitation', async () => {
      await st().createInvitation(invitation('i1'));
      const renewed = await st().renewInvitation('i1', 'hash-new', iso(T0 + 7_200_000));
      expect(renewed?.tokenHash).toBe('hash-new');
      expect(await st().claimInvitation('hash-i1', iso(T0), 'acc')).toBeUndefined();
      expect((await st().revokeInvitation('i1'))?.status).toBe('revoked');
      expect(await st().revokeInvitation('i1')).toBeUndefined();
      expect(await st().renewInvitation('i1', 'hash-x', iso(T0 + 1))).toBeUndefined();
      expect(await st().claimInvitation('hash-new', iso(T0), 'acc')).toBeUndefined();
      await s.reopen();
      expect((await st().getInvitation('i1'))?.status).toBe('revoked');
    });

    it('account status defaults to active, is stored per account and survives reopen', async () => {
      expect(await st().accountStatus('x')).toEqual({ staffAdmin: false, deactivatedAt: null });
      await st().setAccountStatus('x', { staffAdmin: true, deactivatedAt: iso(T0) });
      await st().setAccountStatus('__proto__', { staffAdmin: true, deactivatedAt: null });
      await s.reopen();
      expect(await st().accountStatus('x')).toEqual({ staffAdmin: true, deactivatedAt: iso(T0) });
      expect(await st().accountStatuses()).toEqual({ x: { staffAdmin: true, deactivatedAt: iso(T0) }, ['__proto__']: { staffAdmin: true, deactivatedAt: null } });
      expect(Object.keys(await st().accountStatuses()).sort()).toEqual(['__proto__', 'x']);
    });

    it('updates an account\'s access in place', async () => {
      await st().createAccount({ id: 'p1', email: 'p1@example.org', name: 'P', role: 'exhibitor', exhibitors: ['alpha'], passwordHash: 'h' });
      const up = await st().updateAccount('p1', { role: 'moderator', exhibitors: [] });
      expect(up).toMatchObject({ role: 'moderator', exhibitors: [], name: 'P', passwordHash: 'h' });
      expect(await st().updateAccount('nobody', { role: 'organiser' })).toBeUndefined();
      await s.reopen();
      expect((await st().getAccount('p1'))?.role).toBe('moderator');
    });

    it('keeps the audit log newest first', async () => {
      for (let n = 1; n <= 5; n++) await st().appendAudit(audit(n));
      await s.reopen();
      expect((await st().listAudit(3)).map((e) => e.id)).toEqual(['a5', 'a4', 'a3']);
      expect(await st().listAudit(1)).toEqual([audit(5)]);
    });

    it('lists announcements that have not ended, by start', async () => {
      await st().addAnnouncement(announcement('later', T0 + 60_000, T0 + 120_000));
      await st().addAnnouncement(announcement('now', T0, T0 + 60_000));
      await st().addAnnouncement(announcement('over', T0 - 120_000, T0 - 60_000));
      await s.reopen();
      expect((await st().listAnnouncements(iso(T0))).map((a) => a.id)).toEqual(['now', 'later']);
      expect((await st().listAnnouncements(iso(T0 + 60_000))).map((a) => a.id)).toEqual(['later']);
      expect((await st().listAnnouncements(iso(T0)))[0]).toEqual(announcement('now', T0, T0 + 60_000));
    });

    it('adds day sums and raises day maxima', async () => {
      await st().addFairCounts('2026-05-10', { visitors: 3, 'visits:alpha': 2 }, { concurrent: 10 });
      await Promise.all([st().addFairCounts('2026-05-10', { visitors: 2 }, { concurrent: 4 }), st().addFairCounts('2026-05-10', { visitors: 1 }, { concurrent: 12 })]);
      await st().addFairCounts('2026-05-11', { visitors: 1 });
      await s.reopen();
      expect(await st().fairDays()).toEqual({
        '2026-05-10': { sums: { visitors: 6, 'visits:alpha': 2 }, maxima: { concurrent: 12 } },
        '2026-05-11': { sums: { visitors: 1 }, maxima: {} },
      });
    });

    it('keeps per-event moderators (once each, in order, clearable) and stage key generations', async () => {
      expect(await st().eventModerators('ev-1')).toEqual([]);
      await st().setEventModerators('ev-1', ['m2', 'm1', 'm2']);
      await st().setEventModerators('__proto__', ['m3']);
      await st().setEventModerators('ev-2', ['m1']);
      await st().setEventModerators('ev-2', []);
      expect(await st().stageKeyGeneration('studio')).toBe(0);
      const [a, b] = await Promise.all([st().nextStageKeyGeneration('studio'), st().nextStageKeyGeneration('studio')]);
      expect([a, b].sort()).toEqual([1, 2]);
      await st().nextStageKeyGeneration('hall-5');
      await s.reopen();
      expect(await st().eventModerators('ev-1')).toEqual(['m2', 'm1']);
      expect(await st().eventModerators('__proto__')).toEqual(['m3']);
      expect(await st().eventModerators('ev-2')).toEqual([]);
      expect(await st().eventsModeratedBy('m1')).toEqual(['ev-1']);
      expect(await st().eventsModeratedBy('m3')).toEqual(['__proto__']);
      expect(await st().eventsModeratedBy('nobody')).toEqual([]);
      expect(await st().stageKeyGeneration('studio')).toBe(2);
      expect(await st().stageKeyGeneration('hall-5')).toBe(1);
      expect(await st().stageKeyGeneration('constructor')).toBe(0);
      await changesNothing(() => st().setEventModerators('ev-1', ['m9']), () => st().eventModerators('ev-1'));
      await changesNothing(() => st().nextStageKeyGeneration('studio'), () => st().stageKeyGeneration('studio'));
    });

    it('a failed write changes nothing', async () => {
      await st().createInvitation(invitation('i1'));
      await changesNothing(() => st().claimInvitation('hash-i1', iso(T0), 'acc'), () => st().listInvitations());
      await changesNothing(() => st().createInvitation(invitation('i9')), () => st().listInvitations());
      await changesNothing(() => st().appendAudit(audit(1)), () => st().listAudit(10));
      await changesNothing(() => st().addFairCounts('2026-05-10', { visitors: 1 }), () => st().fairDays());
      await changesNothing(() => st().setAccountStatus('x', { staffAdmin: true, deactivatedAt: null }), () => st().accountStatuses());
    });
  });
}
