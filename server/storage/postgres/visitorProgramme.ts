// "My programme" in PostgreSQL (migration 4, 'visitor programme'). A visitor's settings and
// feed token are one row of visitor_programme; stars, reminder-sent marks and transfer codes
// are rows whose primary keys make "once" hold across processes (a mark inserted twice counts
// once, a code deleted twice is taken once). The event ledger is one jsonb row per event.
import type { LedgerEntry } from '../../../shared/programme/eventLedger.ts';
import { DEFAULT_REMINDERS, type ReminderSettings } from '../../../shared/programme/myProgramme.ts';
import { type VisitorProgrammeRecord, type VisitorProgrammeStore, mergedProgramme } from '../visitorProgrammeStore.ts';
import { type Db, type Queryable, jsonParam, noNul } from './db.ts';

interface SettingsRow {
  lead_minutes: number;
  email: string | null;
  consent_at: string | null;
  feed_token: string | null;
}

async function readRecord(q: Queryable, visitorId: string, lock = false): Promise<VisitorProgrammeRecord> {
  const settings = await q.query<SettingsRow>(
    `SELECT lead_minutes, email, consent_at, feed_token FROM visitor_programme WHERE visitor_id = $1${lock ? ' FOR UPDATE' : ''}`,
    [visitorId],
  );
  const stars = await q.query<{ event_id: string; at: string }>('SELECT event_id, at FROM visitor_stars WHERE visitor_id = $1 ORDER BY at, seq', [visitorId]);
  const sent = await q.query<{ event_id: string; start_ms: string; at: string }>(
    'SELECT event_id, start_ms, at FROM visitor_reminders_sent WHERE visitor_id = $1 ORDER BY at, event_id',
    [visitorId],
  );
  const s = settings.rows[0];
  const reminders: ReminderSettings = s
    ? { leadMinutes: s.lead_minutes, email: s.email, consentAt: s.consent_at === null ? null : Number(s.consent_at) }
    : { ...DEFAULT_REMINDERS };
  return {
    starred: stars.rows.map((r) => ({ eventId: r.event_id, at: Number(r.at) })),
    reminders,
    sent: sent.rows.map((r) => ({ eventId: r.event_id, startMs: Number(r.start_ms), at: Number(r.at) })),
    feedToken: s?.feed_token ?? null,
  };
}

/** Makes sure the visitor's row exists (stars lock it, so a visitor's limit is counted alone). */
async function lockVisitor(q: Queryable, visitorId: string): Promise<void> {
  await q.query('INSERT INTO visitor_programme (visitor_id, lead_minutes) VALUES ($1, $2) ON CONFLICT (visitor_id) DO NOTHING', [
    noNul(visitorId),
    DEFAULT_REMINDERS.leadMinutes,
  ]);
  await q.query('SELECT 1 FROM visitor_programme WHERE visitor_id = $1 FOR UPDATE', [visitorId]);
}

export function pgVisitorProgramme(db: Db): VisitorProgrammeStore {
  return {
    visitorProgramme: (visitorId) => readRecord(db, visitorId),
    async setStarred(visitorId, eventId, starred, at, limit) {
      return db.tx(async (q) => {
        await lockVisitor(q, visitorId);
        if (!starred) {
          const { rowCount } = await q.query('DELETE FROM visitor_stars WHERE visitor_id = $1 AND event_id = $2', [visitorId, eventId]);
          return Boolean(rowCount);
        }
        const { rows } = await q.query<{ n: string; has: boolean }>(
          'SELECT count(*) AS n, bool_or(event_id = $2) AS has FROM visitor_stars WHERE visitor_id = $1',
          [visitorId, eventId],
        );
        if (rows[0]!.has) return false;
        if (Number(rows[0]!.n) >= limit) throw new Error(`at most ${limit} starred events`);
        await q.query('INSERT INTO visitor_stars (visitor_id, event_id, at) VALUES ($1, $2, $3)', [visitorId, noNul(eventId), at]);
        return true;
      });
    },
    async setReminderSettings(visitorId, settings) {
      await db.query(
        `INSERT INTO visitor_programme (visitor_id, lead_minutes, email, consent_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (visitor_id) DO UPDATE SET lead_minutes = excluded.lead_minutes, email = excluded.email, consent_at = excluded.consent_at`,
        [noNul(visitorId), settings.leadMinutes, noNul(settings.email), settings.consentAt],
      );
    },
    async markReminderSent(visitorId, mark) {
      const { rowCount } = await db.query(
        `INSERT INTO visitor_reminders_sent (visitor_id, event_id, start_ms, at) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING`,
        [noNul(visitorId), noNul(mark.eventId), mark.startMs, mark.at],
      );
      return Boolean(rowCount);
    },
    async ensureFeedToken(visitorId, fresh) {
      const { rows } = await db.query<{ feed_token: string }>(
        `INSERT INTO visitor_programme (visitor_id, lead_minutes, feed_token) VALUES ($1, $2, $3)
         ON CONFLICT (visitor_id) DO UPDATE SET feed_token = coalesce(visitor_programme.feed_token, excluded.feed_token)
         RETURNING feed_token`,
        [noNul(visitorId), DEFAULT_REMINDERS.leadMinutes, noNul(fresh)],
      );
      return rows[0]!.feed_token;
    },
    async replaceFeedToken(visitorId, fresh) {
      await db.query(
        `INSERT INTO visitor_programme (visitor_id, lead_minutes, feed_token) VALUES ($1, $2, $3)
         ON CONFLICT (visitor_id) DO UPDATE SET feed_token = excluded.feed_token`,
        [noNul(visitorId), DEFAULT_REMINDERS.leadMinutes, noNul(fresh)],
      );
    },
    async visitorOfFeedToken(token) {
      const { rows } = await db.query<{ visitor_id: string }>('SELECT visitor_id FROM visitor_programme WHERE feed_token = $1', [token]);
      return rows[0]?.visitor_id;
    },
    async visitorsWithReminderEmail() {
      const { rows } = await db.query<{ visitor_id: string }>(
        `SELECT p.visitor_id FROM visitor_programme p
         WHERE p.email IS NOT NULL AND EXISTS (SELECT 1 FROM visitor_stars s WHERE s.visitor_id = p.visitor_id)
         ORDER BY p.visitor_id`,
      );
      const out: { visitorId: string; record: VisitorProgrammeRecord }[] = [];
      for (const r of rows) out.push({ visitorId: r.visitor_id, record: await readRecord(db, r.visitor_id) });
      return out;
    },
    async mergeVisitorProgramme(from, into) {
      if (from === into) return;
      await db.tx(async (q) => {
        // Both rows locked in one order, so two merges between the same visitors cannot deadlock.
        for (const id of [from, into].sort()) await lockVisitor(q, id);
        const source = await readRecord(q, from);
        const target = await readRecord(q, into);
        const merged = mergedProgramme(source, target);
        await q.query('UPDATE visitor_programme SET feed_token = NULL, email = NULL, consent_at = NULL WHERE visitor_id = $1', [from]);
        await q.query('UPDATE visitor_programme SET lead_minutes = $2, email = $3, consent_at = $4, feed_token = $5 WHERE visitor_id = $1', [
          into,
          merged.reminders.leadMinutes,
          merged.reminders.email,
          merged.reminders.consentAt,
          merged.feedToken,
        ]);
        await q.query(
          `INSERT INTO visitor_stars (visitor_id, event_id, at) SELECT $2, event_id, at FROM visitor_stars WHERE visitor_id = $1 ORDER BY at, seq
           ON CONFLICT DO NOTHING`,
          [from, into],
        );
        await q.query(
          `INSERT INTO visitor_reminders_sent (visitor_id, event_id, start_ms, at) SELECT $2, event_id, start_ms, at FROM visitor_reminders_sent WHERE visitor_id = $1
           ON CONFLICT DO NOTHING`,
          [from, into],
        );
        await q.query('DELETE FROM visitor_stars WHERE visitor_id = $1', [from]);
        await q.query('DELETE FROM visitor_reminders_sent WHERE visitor_id = $1', [from]);
        await q.query('UPDATE visitor_programme SET lead_minutes = $2 WHERE visitor_id = $1', [from, DEFAULT_REMINDERS.leadMinutes]);
      });
    },

    async addTransferCode(code) {
      await db.tx(async (q) => {
        // Long-expired codes go with the next one (measured on the codes' own clock).
        await q.query('DELETE FROM visitor_transfer_codes WHERE expires_at < $1', [code.expiresAt - 24 * 3600_000]);
        await q.query('INSERT INTO visitor_transfer_codes (code_hash, visitor_id, expires_at) VALUES ($1, $2, $3)', [
          noNul(code.codeHash),
          noNul(code.visitorId),
          code.expiresAt,
        ]);
      });
    },
    async takeTransferCode(codeHash, now) {
      const { rows } = await db.query<{ visitor_id: string; expires_at: string }>(
        'DELETE FROM visitor_transfer_codes WHERE code_hash = $1 RETURNING visitor_id, expires_at',
        [codeHash],
      );
      const r = rows[0];
      return r && Number(r.expires_at) > now ? r.visitor_id : undefined;
    },

    async eventLedger() {
      const { rows } = await db.query<{ data: LedgerEntry }>('SELECT data FROM programme_event_ledger ORDER BY event_id');
      return rows.map((r) => r.data);
    },
    async putEventLedger(entries) {
      if (entries.length === 0) return;
      await db.tx(async (q) => {
        for (const e of entries) {
          await q.query(
            `INSERT INTO programme_event_ledger (event_id, data) VALUES ($1, $2::jsonb)
             ON CONFLICT (event_id) DO UPDATE SET data = excluded.data`,
            [noNul(e.eventId), jsonParam(e)],
          );
        }
      });
    },
  };
}
