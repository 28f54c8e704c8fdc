// The organisers' console in PostgreSQL (migration "organiser"): invitations keyed by a hash of
// their token, account status, the audit log, announcements, and the fair's day counters as
// one row per (day, key, kind) updated in place, so batched counts from several processes add up.
import type { Announcement, AuditEntry } from '../../../shared/organiser.ts';
import type { AccountStatus, FairDayCounts, Invitation, OrganiserStore } from '../organiserStore.ts';
import { ACTIVE } from '../organiserStore.ts';
import { type Db, jsonParam, noNul } from './db.ts';

interface InvitationRow {
  id: string;
  email: string;
  name: string;
  role: Invitation['role'];
  exhibitors: string[];
  staff_admin: boolean;
  token_hash: string;
  status: Invitation['status'];
  created_at: Date;
  created_by: string;
  expires_at: Date;
  account_id: string | null;
}

const INVITATION_COLUMNS = 'id, email, name, role, exhibitors, staff_admin, token_hash, status, created_at, created_by, expires_at, account_id';

function invitationOf(r: InvitationRow): Invitation {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    exhibitors: r.exhibitors,
    staffAdmin: r.staff_admin,
    tokenHash: r.token_hash,
    status: r.status,
    createdAt: r.created_at.toISOString(),
    createdBy: r.created_by,
    expiresAt: r.expires_at.toISOString(),
    ...(r.account_id !== null ? { accountId: r.account_id } : {}),
  };
}

function time(iso: string): Date {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error(`not an ISO time: "${iso}"`);
  return d;
}

export function pgOrganiser(db: Db): OrganiserStore {
  async function one(sql: string, values: unknown[]): Promise<Invitation | undefined> {
    const { rows } = await db.query<InvitationRow>(sql, values);
    return rows[0] && invitationOf(rows[0]);
  }
  return {
    async createInvitation(i) {
      await db.query(`INSERT INTO invitations (${INVITATION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`, [
        i.id,
        noNul(i.email),
        noNul(i.name),
        i.role,
        i.exhibitors.map(noNul),
        i.staffAdmin,
        i.tokenHash,
        i.status,
        time(i.createdAt),
        i.createdBy,
        time(i.expiresAt),
        i.accountId ?? null,
      ]);
    },
    getInvitation(id) {
      return one(`SELECT ${INVITATION_COLUMNS} FROM invitations WHERE id = $1`, [id]);
    },
    async listInvitations() {
      const { rows } = await db.query<InvitationRow>(`SELECT ${INVITATION_COLUMNS} FROM invitations ORDER BY seq DESC`);
      return rows.map(invitationOf);
    },
    renewInvitation(id, tokenHash, expiresAt) {
      return one(`UPDATE invitations SET token_hash = $2, expires_at = $3 WHERE id = $1 AND status = 'pending' RETURNING ${INVITATION_COLUMNS}`, [
        id,
        tokenHash,
        time(expiresAt),
      ]);
    },
    revokeInvitation(id) {
      return one(`UPDATE invitations SET status = 'revoked' WHERE id = $1 AND status = 'pending' RETURNING ${INVITATION_COLUMNS}`, [id]);
    },
    claimInvitation(tokenHash, now, accountId) {
      // One statement: of two requests racing with the same link, only one sees it pending.
      return one(
        `UPDATE invitations SET status = 'accepted', account_id = $3
         WHERE token_hash = $1 AND status = 'pending' AND expires_at > $2 RETURNING ${INVITATION_COLUMNS}`,
        [tokenHash, time(now), accountId],
      );
    },
    async accountStatus(accountId) {
      const { rows } = await db.query<{ staff_admin: boolean; deactivated_at: Date | null }>(
        'SELECT staff_admin, deactivated_at FROM account_status WHERE account_id = $1',
        [accountId],
      );
      const r = rows[0];
      return r ? { staffAdmin: r.staff_admin, deactivatedAt: r.deactivated_at?.toISOString() ?? null } : { ...ACTIVE };
    },
    async accountStatuses() {
      const { rows } = await db.query<{ account_id: string; staff_admin: boolean; deactivated_at: Date | null }>(
        'SELECT account_id, staff_admin, deactivated_at FROM account_status',
      );
      const out: Record<string, AccountStatus> = {};
      for (const r of rows) {
        Object.defineProperty(out, r.account_id, {
          value: { staffAdmin: r.staff_admin, deactivatedAt: r.deactivated_at?.toISOString() ?? null },
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    },
    async setAccountStatus(accountId, status) {
      await db.query(
        `INSERT INTO account_status (account_id, staff_admin, deactivated_at) VALUES ($1, $2, $3)
         ON CONFLICT (account_id) DO UPDATE SET staff_admin = excluded.staff_admin, deactivated_at = excluded.deactivated_at`,
        [noNul(accountId), status.staffAdmin, status.deactivatedAt === null ? null : time(status.deactivatedAt)],
      );
    },
    async appendAudit(e: AuditEntry) {
      await db.query('INSERT INTO audit_log (id, at, data) VALUES ($1, $2, $3)', [e.id, time(e.at), jsonParam(e)]);
    },
    async listAudit(limit) {
      const { rows } = await db.query<{ data: AuditEntry }>('SELECT data FROM audit_log ORDER BY seq DESC LIMIT $1', [limit]);
      return rows.map((r) => r.data);
    },
    async addAnnouncement(a: Announcement) {
      await db.query('INSERT INTO announcements (id, starts_at, ends_at, data) VALUES ($1, $2, $3, $4)', [a.id, time(a.startsAt), time(a.endsAt), jsonParam(a)]);
    },
    async listAnnouncements(endsAfter) {
      const { rows } = await db.query<{ data: Announcement }>('SELECT data FROM announcements WHERE ends_at > $1 ORDER BY starts_at, seq', [time(endsAfter)]);
      return rows.map((r) => r.data);
    },
    async addFairCounts(day, sums, maxima = {}) {
      const keys: string[] = [];
      const kinds: string[] = [];
      const values: number[] = [];
      const put = (kind: string, counts: Record<string, number>) => {
        for (const [k, n] of Object.entries(counts)) {
          keys.push(noNul(k));
          kinds.push(kind);
          values.push(n);
        }
      };
      put('sum', sums);
      put('max', maxima);
      if (keys.length === 0) return;
      await db.query(
        `INSERT INTO fair_days (day, key, kind, value)
         SELECT $1, k, t, v FROM unnest($2::text[], $3::text[], $4::bigint[]) AS u(k, t, v)
         ON CONFLICT (day, key, kind) DO UPDATE SET value =
           CASE WHEN fair_days.kind = 'sum' THEN fair_days.value + excluded.value ELSE greatest(fair_days.value, excluded.value) END`,
        [noNul(day), keys, kinds, values],
      );
    },
    async fairDays() {
      const { rows } = await db.query<{ day: string; key: string; kind: string; value: string }>('SELECT day, key, kind, value FROM fair_days');
      const out: Record<string, FairDayCounts> = {};
      for (const r of rows) {
        if (!Object.hasOwn(out, r.day)) Object.defineProperty(out, r.day, { value: { sums: {}, maxima: {} }, enumerable: true, writable: true, configurable: true });
        const d = out[r.day]!;
        const into = r.kind === 'sum' ? d.sums : d.maxima;
        Object.defineProperty(into, r.key, { value: Number(r.value), enumerable: true, writable: true, configurable: true });
      }
      return out;
    },
    // Per-event moderators and stream key generations (migration 6, "event-moderators").
    async eventModerators(eventId) {
      const { rows } = await db.query<{ account_id: string }>('SELECT account_id FROM event_moderators WHERE event_id = $1 ORDER BY position', [eventId]);
      return rows.map((r) => r.account_id);
    },
    async setEventModerators(eventId, accountIds) {
      const ids = [...new Set(accountIds.map(noNul))];
      await db.tx(async (q) => {
        await q.query('DELETE FROM event_moderators WHERE event_id = $1', [noNul(eventId)]);
        if (ids.length > 0) {
          await q.query(
            'INSERT INTO event_moderators (event_id, account_id, position) SELECT $1, a, p FROM unnest($2::text[]) WITH ORDINALITY AS u(a, p)',
            [noNul(eventId), ids],
          );
        }
      });
    },
    async eventsModeratedBy(accountId) {
      const { rows } = await db.query<{ event_id: string }>('SELECT event_id FROM event_moderators WHERE account_id = $1 ORDER BY event_id COLLATE "C"', [accountId]);
      return rows.map((r) => r.event_id);
    },
    async stageKeyGeneration(stage) {
      const { rows } = await db.query<{ generation: number }>('SELECT generation FROM stage_keys WHERE stage = $1', [stage]);
      return rows[0]?.generation ?? 0;
    },
    async nextStageKeyGeneration(stage) {
      const { rows } = await db.query<{ generation: number }>(
        `INSERT INTO stage_keys (stage, generation) VALUES ($1, 1)
         ON CONFLICT (stage) DO UPDATE SET generation = stage_keys.generation + 1 RETURNING generation`,
        [noNul(stage)],
      );
      return rows[0]!.generation;
    },
  };
}
