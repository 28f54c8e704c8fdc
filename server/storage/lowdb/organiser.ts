// The organisers' console in organiser.json: invitations (token hashes only), account status,
// the audit log, announcements and the fair's day counters. One file, one writer (JsonDoc);
// counters arrive batched (server/organiser/fairCounters.ts), so a busy fair writes it a few
// times a minute, not once per visitor.
import { z } from 'zod';
import { Role } from '../../../shared/accounts.ts';
import { Announcement, AuditEntry, InvitationStatus } from '../../../shared/organiser.ts';
import type { AccountStatus, FairDayCounts, Invitation, OrganiserStore } from '../organiserStore.ts';
import { ACTIVE } from '../organiserStore.ts';
import type { LowdbContext } from './context.ts';
import { openJsonDoc } from './jsonFile.ts';
import { own, withKey, withoutKeys } from './own.ts';

const InvitationRecord = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: Role,
  exhibitors: z.array(z.string()),
  staffAdmin: z.boolean(),
  tokenHash: z.string(),
  status: InvitationStatus,
  createdAt: z.string(),
  createdBy: z.string(),
  expiresAt: z.string(),
  accountId: z.string().optional(),
});
const StatusRecord = z.object({ staffAdmin: z.boolean(), deactivatedAt: z.string().nullable() });
const Counts = z.record(z.string(), z.number());
const DayCounts = z.object({ sums: Counts, maxima: Counts });

export const OrganiserFile = z.object({
  schema: z.literal(1),
  invitations: z.array(InvitationRecord),
  statuses: z.record(z.string(), StatusRecord),
  audit: z.array(AuditEntry),
  announcements: z.array(Announcement),
  days: z.record(z.string(), DayCounts),
  // Added with per-event moderators and stream key rotation (issue 13); older files have neither.
  eventModerators: z.record(z.string(), z.array(z.string())).default({}),
  stageKeys: z.record(z.string(), z.number().int().nonnegative()).default({}),
});
type OrganiserFile = z.infer<typeof OrganiserFile>;

/** The audit log keeps this many entries in the file (oldest dropped). */
const AUDIT_KEEP = 20_000;

function withInvitation(cur: OrganiserFile, id: string, change: (i: Invitation) => Invitation | undefined): { next: OrganiserFile; out?: Invitation } {
  const at = cur.invitations.findIndex((i) => i.id === id);
  const found = at < 0 ? undefined : cur.invitations[at];
  const changed = found && change(found);
  if (!changed) return { next: cur };
  const invitations = [...cur.invitations];
  invitations[at] = changed;
  return { next: { ...cur, invitations }, out: changed };
}

export async function openOrganiser(file: string, ctx: LowdbContext): Promise<OrganiserStore> {
  const empty: OrganiserFile = { schema: 1, invitations: [], statuses: {}, audit: [], announcements: [], days: {}, eventModerators: {}, stageKeys: {} };
  const db = await openJsonDoc<OrganiserFile>(file, { schema: OrganiserFile, empty, disk: ctx.disk });

  /** Runs a step that may produce a result; the result is taken from the step that ran. */
  async function change<T>(step: (cur: OrganiserFile) => { next: OrganiserFile; out?: T }): Promise<T | undefined> {
    let out: T | undefined;
    await db.update((cur) => {
      const r = step(cur);
      out = r.out;
      return r.next;
    });
    return out && structuredClone(out);
  }

  return {
    async createInvitation(invitation) {
      const valid = InvitationRecord.parse(invitation);
      await db.update((cur) => {
        if (cur.invitations.some((i) => i.id === valid.id)) throw new Error(`invitation ${valid.id} exists`);
        return { ...cur, invitations: [...cur.invitations, valid] };
      });
    },
    async getInvitation(id) {
      const i = db.data.invitations.find((x) => x.id === id);
      return i && structuredClone(i);
    },
    async listInvitations() {
      return structuredClone([...db.data.invitations].reverse());
    },
    renewInvitation(id, tokenHash, expiresAt) {
      return change((cur) => withInvitation(cur, id, (i) => (i.status === 'pending' ? { ...i, tokenHash, expiresAt } : undefined)));
    },
    revokeInvitation(id) {
      return change((cur) => withInvitation(cur, id, (i) => (i.status === 'pending' ? { ...i, status: 'revoked' } : undefined)));
    },
    claimInvitation(tokenHash, now, accountId) {
      return change((cur) => {
        const found = cur.invitations.find((i) => i.tokenHash === tokenHash);
        if (!found) return { next: cur };
        return withInvitation(cur, found.id, (i) =>
          i.status === 'pending' && Date.parse(i.expiresAt) > Date.parse(now) ? { ...i, status: 'accepted', accountId } : undefined,
        );
      });
    },
    async accountStatus(accountId) {
      return { ...(own(db.data.statuses, accountId) ?? ACTIVE) };
    },
    async accountStatuses() {
      return structuredClone(db.data.statuses);
    },
    async setAccountStatus(accountId, status: AccountStatus) {
      const valid = StatusRecord.parse(status);
      await db.update((cur) => ({ ...cur, statuses: withKey(cur.statuses, accountId, valid) }));
    },
    async appendAudit(entry) {
      const valid = AuditEntry.parse(entry);
      await db.update((cur) => ({ ...cur, audit: [...cur.audit.slice(-(AUDIT_KEEP - 1)), valid] }));
    },
    async listAudit(limit) {
      return structuredClone(db.data.audit.slice(-limit).reverse());
    },
    async addAnnouncement(announcement) {
      const valid = Announcement.parse(announcement);
      await db.update((cur) => {
        if (cur.announcements.some((a) => a.id === valid.id)) throw new Error(`announcement ${valid.id} exists`);
        return { ...cur, announcements: [...cur.announcements, valid] };
      });
    },
    async listAnnouncements(endsAfter) {
      const after = Date.parse(endsAfter);
      return structuredClone(db.data.announcements.filter((a) => Date.parse(a.endsAt) > after).sort((a, b) => a.startsAt.localeCompare(b.startsAt)));
    },
    async addFairCounts(day, sums, maxima = {}) {
      const add = Counts.parse(sums);
      const raise = Counts.parse(maxima);
      await db.update((cur) => {
        const d: FairDayCounts = own(cur.days, day) ?? { sums: {}, maxima: {} };
        const next: FairDayCounts = { sums: { ...d.sums }, maxima: { ...d.maxima } };
        for (const [k, n] of Object.entries(add)) next.sums = withKey(next.sums, k, (own(next.sums, k) ?? 0) + n);
        for (const [k, n] of Object.entries(raise)) next.maxima = withKey(next.maxima, k, Math.max(own(next.maxima, k) ?? 0, n));
        return { ...cur, days: withKey(cur.days, day, next) };
      });
    },
    async fairDays() {
      return structuredClone(db.data.days);
    },
    async eventModerators(eventId) {
      return [...(own(db.data.eventModerators, eventId) ?? [])];
    },
    async setEventModerators(eventId, accountIds) {
      const ids = [...new Set(z.array(z.string()).parse(accountIds))];
      await db.update((cur) => ({
        ...cur,
        eventModerators: ids.length > 0 ? withKey(cur.eventModerators, eventId, ids) : withoutKeys(cur.eventModerators, (k) => k === eventId),
      }));
    },
    async eventsModeratedBy(accountId) {
      return Object.entries(db.data.eventModerators)
        .filter(([, ids]) => ids.includes(accountId))
        .map(([eventId]) => eventId)
        .sort();
    },
    async stageKeyGeneration(stage) {
      return own(db.data.stageKeys, stage) ?? 0;
    },
    async nextStageKeyGeneration(stage) {
      let next = 0;
      await db.update((cur) => {
        next = (own(cur.stageKeys, stage) ?? 0) + 1;
        return { ...cur, stageKeys: withKey(cur.stageKeys, stage, next) };
      });
      return next;
    },
  };
}
