// Writes a domain's rows (server/storage/transfer.ts) into PostgreSQL as they are, for
// `npm run store:copy`: ids, times and order kept (rows go in in the order given, so identity
// columns list them as the embedded store did), and the per-stand and per-event id counters
// set to the newest id, so the next message or question continues from there. Runs inside the
// caller's transaction; counts() reads back what a domain holds, to verify the copy.
import type { DomainCounts, DomainName, StoreDump } from '../transfer.ts';
import { type Queryable, jsonParam } from './db.ts';

/** Each domain's tables, in an order TRUNCATE accepts (sessions reference accounts). */
export const DOMAIN_TABLES: Record<DomainName, readonly string[]> = {
  exhibitors: ['exhibitors'],
  content: ['stand_content'],
  accounts: ['sessions', 'accounts'],
  leads: ['leads'],
  analytics: ['stand_days', 'stand_day_visitors'],
  chat: ['chat_stands', 'chat_messages', 'chat_mutes', 'chat_quick_replies', 'chat_read_marks'],
  organiser: ['invitations', 'account_status', 'audit_log', 'announcements', 'fair_days', 'event_moderators', 'stage_keys'],
  qa: ['qa_events', 'qa_questions', 'qa_votes', 'qa_comments', 'qa_polls', 'qa_ballots', 'qa_mutes'],
  visitorProgramme: ['visitor_programme', 'visitor_stars', 'visitor_reminders_sent', 'visitor_transfer_codes', 'programme_event_ledger'],
  tracks: ['tracks'],
};

/** What a domain's counts are read back with (same keys as dumpCounts). */
const COUNTS: Record<DomainName, Record<string, string>> = {
  exhibitors: { exhibitors: 'SELECT count(*) FROM exhibitors' },
  content: { interiors: 'SELECT count(*) FROM stand_content' },
  accounts: { accounts: 'SELECT count(*) FROM accounts', sessions: 'SELECT count(*) FROM sessions' },
  leads: { leads: 'SELECT count(*) FROM leads' },
  analytics: { days: 'SELECT count(*) FROM stand_days', visitorKeys: 'SELECT count(*) FROM stand_day_visitors' },
  chat: {
    stands: 'SELECT count(*) FROM chat_stands',
    messages: 'SELECT count(*) FROM chat_messages',
    mutes: 'SELECT count(*) FROM chat_mutes',
    quickReplies: 'SELECT count(*) FROM chat_quick_replies',
    readMarks: 'SELECT count(*) FROM chat_read_marks',
  },
  organiser: {
    invitations: 'SELECT count(*) FROM invitations',
    accountStatuses: 'SELECT count(*) FROM account_status',
    audit: 'SELECT count(*) FROM audit_log',
    announcements: 'SELECT count(*) FROM announcements',
    fairCounters: 'SELECT count(*) FROM fair_days',
    eventModerators: 'SELECT count(*) FROM event_moderators',
    stageKeys: 'SELECT count(*) FROM stage_keys',
  },
  qa: {
    events: 'SELECT count(*) FROM qa_events',
    questions: 'SELECT count(*) FROM qa_questions',
    votes: 'SELECT count(*) FROM qa_votes',
    comments: 'SELECT count(*) FROM qa_comments',
    polls: 'SELECT count(*) FROM qa_polls',
    ballots: 'SELECT count(*) FROM qa_ballots',
    mutes: 'SELECT count(*) FROM qa_mutes',
  },
  visitorProgramme: {
    // Every visitor the embedded store has a record of has a settings row here.
    visitors: 'SELECT count(*) FROM visitor_programme',
    stars: 'SELECT count(*) FROM visitor_stars',
    remindersSent: 'SELECT count(*) FROM visitor_reminders_sent',
    transferCodes: 'SELECT count(*) FROM visitor_transfer_codes',
    ledger: 'SELECT count(*) FROM programme_event_ledger',
  },
  tracks: { tracks: 'SELECT count(*) FROM tracks' },
};

export async function domainCounts(q: Queryable, domain: DomainName): Promise<DomainCounts> {
  const out: DomainCounts = {};
  for (const [kind, sql] of Object.entries(COUNTS[domain])) {
    const { rows } = await q.query<{ count: string }>(sql);
    out[kind] = Number(rows[0]?.count ?? 0);
  }
  return out;
}

/** Rows per batch statement: bounds one parameter's size (a few MB of JSON). */
const BATCH = 2000;

/**
 * Inserts rows (objects keyed by column) in their given order: jsonb_to_recordset turns the
 * JSON into typed columns, WITH ORDINALITY keeps the order for identity columns.
 */
async function insert(q: Queryable, table: string, columns: Record<string, string>, rows: readonly Record<string, unknown>[]): Promise<void> {
  const names = Object.keys(columns);
  const defs = names.map((n) => `${n} ${columns[n]}`).join(', ');
  for (let i = 0; i < rows.length; i += BATCH) {
    await q.query(
      `INSERT INTO ${table} (${names.join(', ')})
       SELECT ${names.join(', ')} FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (${defs})) WITH ORDINALITY AS r(${names.join(', ')}, n)
       ORDER BY n`,
      [jsonParam(rows.slice(i, i + BATCH))],
    );
  }
}

/** Empties a domain's tables (for --replace), identity counters included. */
export async function clearDomain(q: Queryable, domain: DomainName): Promise<void> {
  await q.query(`TRUNCATE ${DOMAIN_TABLES[domain].join(', ')} RESTART IDENTITY`);
}

/** Writes one domain's rows; the caller's transaction makes it all or nothing. */
export async function importDomain<D extends DomainName>(q: Queryable, domain: D, rows: StoreDump[D]): Promise<void> {
  const dump = { [domain]: rows } as Partial<StoreDump>;
  switch (domain) {
    case 'exhibitors':
      await insert(q, 'exhibitors', { id: 'text', data: 'jsonb' }, dump.exhibitors!.exhibitors.map((e) => ({ id: e.id, data: e })));
      return;
    case 'content':
      await insert(q, 'stand_content', { exhibitor_id: 'text', data: 'jsonb' }, dump.content!.content.map((c) => ({ exhibitor_id: c.exhibitorId, data: c.content })));
      return;
    case 'accounts': {
      const { accounts, sessions } = dump.accounts!;
      await insert(
        q,
        'accounts',
        { id: 'text', email: 'text', name: 'text', role: 'text', exhibitors: 'text[]', password_hash: 'text' },
        accounts.map((a) => ({ id: a.id, email: a.email, name: a.name, role: a.role, exhibitors: a.exhibitors, password_hash: a.passwordHash })),
      );
      await insert(
        q,
        'sessions',
        { token_hash: 'text', account_id: 'text', created_at: 'timestamptz', expires_at: 'timestamptz' },
        sessions.map((s) => ({ token_hash: s.tokenHash, account_id: s.accountId, created_at: s.createdAt, expires_at: s.expiresAt })),
      );
      return;
    }
    case 'leads':
      await insert(
        q,
        'leads',
        { id: 'text', exhibitor_id: 'text', created_at: 'text', data: 'jsonb' },
        dump.leads!.leads.map((l) => ({ id: l.id, exhibitor_id: l.exhibitorId, created_at: l.createdAt, data: l })),
      );
      return;
    case 'analytics': {
      const { days } = dump.analytics!;
      await insert(
        q,
        'stand_days',
        { exhibitor_id: 'text', day: 'text', visits: 'integer', video_plays: 'integer', downloads: 'integer', leads: 'integer' },
        days.map((d) => ({
          exhibitor_id: d.exhibitorId,
          day: d.day,
          visits: d.record.visits,
          video_plays: d.record.videoPlays,
          downloads: d.record.downloads,
          leads: d.record.leads,
        })),
      );
      await insert(
        q,
        'stand_day_visitors',
        { exhibitor_id: 'text', day: 'text', visitor_key: 'text' },
        days.flatMap((d) => d.record.visitors.map((k) => ({ exhibitor_id: d.exhibitorId, day: d.day, visitor_key: k }))),
      );
      return;
    }
    case 'chat': {
      const { messages, mutes, quickReplies, reads } = dump.chat!;
      const last = new Map<string, number>();
      for (const m of messages) last.set(m.standId, Math.max(last.get(m.standId) ?? 0, m.id));
      await insert(q, 'chat_stands', { stand_id: 'text', last_id: 'integer' }, [...last].map(([stand_id, last_id]) => ({ stand_id, last_id })));
      await insert(
        q,
        'chat_messages',
        {
          stand_id: 'text',
          id: 'integer',
          thread: 'text',
          author: 'jsonb',
          text: 'text',
          at: 'double precision',
          deleted: 'boolean',
          account_id: 'text',
          deleted_by: 'text',
          deleted_at: 'double precision',
        },
        messages.map((m) => ({
          stand_id: m.standId,
          id: m.id,
          thread: m.thread,
          author: m.author,
          text: m.text,
          at: m.at,
          deleted: m.deleted === true,
          account_id: m.accountId ?? null,
          deleted_by: m.deletedBy ?? null,
          deleted_at: m.deletedAt ?? null,
        })),
      );
      await insert(
        q,
        'chat_mutes',
        { stand_id: 'text', ref: 'text', muted_until: 'double precision', muted_by: 'text' },
        mutes.map((m) => ({ stand_id: m.standId, ref: m.ref, muted_until: m.until, muted_by: m.by })),
      );
      await insert(q, 'chat_quick_replies', { exhibitor_id: 'text', replies: 'text[]' }, quickReplies.map((r) => ({ exhibitor_id: r.exhibitorId, replies: r.replies })));
      await insert(
        q,
        'chat_read_marks',
        { account_id: 'text', conversation: 'text', up_to: 'integer' },
        reads.map((r) => ({ account_id: r.accountId, conversation: r.conversation, up_to: r.upTo })),
      );
      return;
    }
    case 'organiser': {
      const o = dump.organiser!;
      await insert(
        q,
        'invitations',
        {
          id: 'text',
          email: 'text',
          name: 'text',
          role: 'text',
          exhibitors: 'text[]',
          staff_admin: 'boolean',
          token_hash: 'text',
          status: 'text',
          created_at: 'timestamptz',
          created_by: 'text',
          expires_at: 'timestamptz',
          account_id: 'text',
        },
        o.invitations.map((i) => ({
          id: i.id,
          email: i.email,
          name: i.name,
          role: i.role,
          exhibitors: i.exhibitors,
          staff_admin: i.staffAdmin,
          token_hash: i.tokenHash,
          status: i.status,
          created_at: i.createdAt,
          created_by: i.createdBy,
          expires_at: i.expiresAt,
          account_id: i.accountId ?? null,
        })),
      );
      await insert(
        q,
        'account_status',
        { account_id: 'text', staff_admin: 'boolean', deactivated_at: 'timestamptz' },
        o.statuses.map((s) => ({ account_id: s.accountId, staff_admin: s.status.staffAdmin, deactivated_at: s.status.deactivatedAt })),
      );
      await insert(q, 'audit_log', { id: 'text', at: 'timestamptz', data: 'jsonb' }, o.audit.map((e) => ({ id: e.id, at: e.at, data: e })));
      await insert(
        q,
        'announcements',
        { id: 'text', starts_at: 'timestamptz', ends_at: 'timestamptz', data: 'jsonb' },
        o.announcements.map((a) => ({ id: a.id, starts_at: a.startsAt, ends_at: a.endsAt, data: a })),
      );
      await insert(
        q,
        'fair_days',
        { day: 'text', key: 'text', kind: 'text', value: 'bigint' },
        o.days.flatMap((d) => [
          ...Object.entries(d.counts.sums).map(([key, value]) => ({ day: d.day, key, kind: 'sum', value })),
          ...Object.entries(d.counts.maxima).map(([key, value]) => ({ day: d.day, key, kind: 'max', value })),
        ]),
      );
      await insert(
        q,
        'event_moderators',
        { event_id: 'text', account_id: 'text', position: 'integer' },
        o.eventModerators.flatMap((e) => e.accountIds.map((account_id, i) => ({ event_id: e.eventId, account_id, position: i + 1 }))),
      );
      await insert(q, 'stage_keys', { stage: 'text', generation: 'integer' }, o.stageKeys.map((k) => ({ stage: k.stage, generation: k.generation })));
      return;
    }
    case 'qa': {
      const { events } = dump.qa!;
      const maxId = (items: readonly { id: number }[]) => items.reduce((a, i) => Math.max(a, i.id), 0);
      await insert(
        q,
        'qa_events',
        { event_id: 'text', last_question: 'integer', last_comment: 'integer', last_poll: 'integer', settings: 'jsonb' },
        events.map((e) => ({
          event_id: e.eventId,
          last_question: maxId(e.questions),
          last_comment: maxId(e.comments),
          last_poll: maxId(e.polls),
          settings: { slowModeSeconds: e.settings.slowModeSeconds },
        })),
      );
      await insert(q, 'qa_questions', { event_id: 'text', id: 'integer', data: 'jsonb' }, events.flatMap((e) => e.questions.map((x) => ({ event_id: e.eventId, id: x.id, data: x }))));
      await insert(
        q,
        'qa_votes',
        { event_id: 'text', question_id: 'integer', voter: 'text' },
        events.flatMap((e) => e.votes.map((v) => ({ event_id: e.eventId, question_id: v.questionId, voter: v.voter }))),
      );
      await insert(
        q,
        'qa_comments',
        {
          event_id: 'text',
          id: 'integer',
          author: 'jsonb',
          text: 'text',
          at: 'bigint',
          deleted: 'boolean',
          author_ref: 'text',
          account_id: 'text',
          deleted_by: 'text',
        },
        events.flatMap((e) =>
          e.comments.map((c) => ({
            event_id: e.eventId,
            id: c.id,
            author: c.author,
            text: c.text,
            at: c.at,
            deleted: c.deleted,
            author_ref: c.authorRef ?? null,
            account_id: c.accountId ?? null,
            deleted_by: c.deletedBy ?? null,
          })),
        ),
      );
      await insert(q, 'qa_polls', { event_id: 'text', id: 'integer', data: 'jsonb' }, events.flatMap((e) => e.polls.map((p) => ({ event_id: e.eventId, id: p.id, data: p }))));
      await insert(
        q,
        'qa_ballots',
        { event_id: 'text', poll_id: 'integer', voter: 'text', choices: 'integer[]' },
        events.flatMap((e) => e.ballots.map((b) => ({ event_id: e.eventId, poll_id: b.pollId, voter: b.voter, choices: b.choices }))),
      );
      await insert(
        q,
        'qa_mutes',
        { event_id: 'text', ref: 'text', until: 'bigint', by_account: 'text' },
        events.flatMap((e) => e.mutes.map((m) => ({ event_id: e.eventId, ref: m.ref, until: m.until, by_account: m.by }))),
      );
      return;
    }
    case 'visitorProgramme': {
      const { visitors, transfers, ledger } = dump.visitorProgramme!;
      await insert(
        q,
        'visitor_programme',
        { visitor_id: 'text', lead_minutes: 'integer', email: 'text', consent_at: 'bigint', feed_token: 'text' },
        visitors.map(({ visitorId, record: r }) => ({
          visitor_id: visitorId,
          lead_minutes: r.reminders.leadMinutes,
          email: r.reminders.email,
          consent_at: r.reminders.consentAt,
          feed_token: r.feedToken,
        })),
      );
      await insert(
        q,
        'visitor_stars',
        { visitor_id: 'text', event_id: 'text', at: 'bigint' },
        visitors.flatMap(({ visitorId, record }) => record.starred.map((s) => ({ visitor_id: visitorId, event_id: s.eventId, at: s.at }))),
      );
      await insert(
        q,
        'visitor_reminders_sent',
        { visitor_id: 'text', event_id: 'text', start_ms: 'bigint', at: 'bigint' },
        visitors.flatMap(({ visitorId, record }) => record.sent.map((m) => ({ visitor_id: visitorId, event_id: m.eventId, start_ms: m.startMs, at: m.at }))),
      );
      await insert(
        q,
        'visitor_transfer_codes',
        { code_hash: 'text', visitor_id: 'text', expires_at: 'bigint' },
        transfers.map((t) => ({ code_hash: t.codeHash, visitor_id: t.visitorId, expires_at: t.expiresAt })),
      );
      await insert(q, 'programme_event_ledger', { event_id: 'text', data: 'jsonb' }, ledger.map((e) => ({ event_id: e.eventId, data: e })));
      return;
    }
    case 'tracks':
      await insert(
        q,
        'tracks',
        { id: 'text', owner: 'text', created_at: 'bigint', data: 'jsonb' },
        dump.tracks!.tracks.map((t) => ({ id: t.id, owner: t.owner, created_at: t.createdAt, data: t })),
      );
      return;
    default: {
      const unknown: never = domain;
      throw new Error(`no import for domain ${String(unknown)}`);
    }
  }
}
