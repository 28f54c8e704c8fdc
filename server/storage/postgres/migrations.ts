// The PostgreSQL schema, as numbered migrations applied in order at open. They run in one
// transaction under an advisory lock, so several processes starting at once apply each
// migration exactly once and none of them sees a half-made schema. A migration is never
// edited once released: changes are a new entry at the end.
import type { Db } from './db.ts';

interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'store',
    sql: `
      CREATE TABLE exhibitors (
        id text PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        data jsonb NOT NULL
      );
      CREATE TABLE stand_content (
        exhibitor_id text PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        data jsonb NOT NULL
      );

      CREATE TABLE accounts (
        id text PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        email text NOT NULL UNIQUE,
        name text NOT NULL,
        role text NOT NULL,
        exhibitors text[] NOT NULL,
        password_hash text NOT NULL
      );
      CREATE TABLE sessions (
        token_hash text PRIMARY KEY,
        account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX sessions_of_account ON sessions (account_id);
      CREATE INDEX sessions_by_expiry ON sessions (expires_at);

      -- created_at is the lead's ISO time as given; "C" order is its time order.
      CREATE TABLE leads (
        id text PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        exhibitor_id text NOT NULL,
        created_at text COLLATE "C" NOT NULL,
        data jsonb NOT NULL
      );
      CREATE INDEX leads_of_exhibitor ON leads (exhibitor_id, created_at DESC, seq DESC);

      CREATE TABLE stand_days (
        exhibitor_id text NOT NULL,
        day text NOT NULL,
        visits integer NOT NULL DEFAULT 0,
        video_plays integer NOT NULL DEFAULT 0,
        downloads integer NOT NULL DEFAULT 0,
        leads integer NOT NULL DEFAULT 0,
        PRIMARY KEY (exhibitor_id, day)
      );
      CREATE TABLE stand_day_visitors (
        exhibitor_id text NOT NULL,
        day text NOT NULL,
        visitor_key text NOT NULL,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        PRIMARY KEY (exhibitor_id, day, visitor_key)
      );

      -- One row per stand with messages: its newest id. Taking the next ids updates this row
      -- in the statement that inserts the messages, so ids have no gaps and a failed insert
      -- gives its ids back.
      CREATE TABLE chat_stands (
        stand_id text PRIMARY KEY,
        last_id integer NOT NULL
      );
      CREATE TABLE chat_messages (
        stand_id text NOT NULL,
        id integer NOT NULL,
        thread text,
        author jsonb NOT NULL,
        author_kind text GENERATED ALWAYS AS (author ->> 'kind') STORED,
        text text NOT NULL,
        at double precision NOT NULL,
        deleted boolean NOT NULL DEFAULT false,
        account_id text,
        deleted_by text,
        deleted_at double precision,
        PRIMARY KEY (stand_id, id)
      );
      CREATE INDEX chat_messages_by_thread ON chat_messages (stand_id, thread, id);
      CREATE TABLE chat_mutes (
        stand_id text NOT NULL,
        ref text NOT NULL,
        muted_until double precision NOT NULL,
        muted_by text NOT NULL,
        PRIMARY KEY (stand_id, ref)
      );
      CREATE TABLE chat_quick_replies (
        exhibitor_id text PRIMARY KEY,
        replies text[] NOT NULL
      );
      CREATE TABLE chat_read_marks (
        account_id text NOT NULL,
        conversation text NOT NULL,
        up_to integer NOT NULL,
        PRIMARY KEY (account_id, conversation)
      );

      -- ping() writes here: a health check that proves a write commits.
      CREATE TABLE storage_health (
        id integer PRIMARY KEY,
        at timestamptz NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'organiser',
    sql: `
      -- The organisers' console (issue 17). Invitations keep only sha256 of their link's token.
      CREATE TABLE invitations (
        id text PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        email text NOT NULL,
        name text NOT NULL,
        role text NOT NULL,
        exhibitors text[] NOT NULL,
        staff_admin boolean NOT NULL,
        token_hash text NOT NULL UNIQUE,
        status text NOT NULL,
        created_at timestamptz NOT NULL,
        created_by text NOT NULL,
        expires_at timestamptz NOT NULL,
        account_id text
      );
      CREATE TABLE account_status (
        account_id text PRIMARY KEY,
        staff_admin boolean NOT NULL,
        deactivated_at timestamptz
      );
      CREATE TABLE audit_log (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id text NOT NULL,
        at timestamptz NOT NULL,
        data jsonb NOT NULL
      );
      CREATE TABLE announcements (
        id text PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        data jsonb NOT NULL
      );
      CREATE INDEX announcements_by_end ON announcements (ends_at);
      -- kind 'sum' adds up, kind 'max' keeps the largest (peak concurrency).
      CREATE TABLE fair_days (
        day text NOT NULL,
        key text NOT NULL,
        kind text NOT NULL,
        value bigint NOT NULL,
        PRIMARY KEY (day, key, kind)
      );
    `,
  },
  {
    version: 3,
    name: 'qa',
    sql: `
      -- Programme events' Q&A (issue 13; server/storage/postgres/qa.ts). qa_events holds each
      -- event's newest ids (moved on with every insert) and its settings.
      CREATE TABLE qa_events (
        event_id text PRIMARY KEY,
        last_question integer NOT NULL DEFAULT 0,
        last_comment integer NOT NULL DEFAULT 0,
        last_poll integer NOT NULL DEFAULT 0,
        settings jsonb
      );
      CREATE TABLE qa_questions (
        event_id text NOT NULL,
        id integer NOT NULL,
        data jsonb NOT NULL,
        PRIMARY KEY (event_id, id)
      );
      CREATE TABLE qa_votes (
        event_id text NOT NULL,
        question_id integer NOT NULL,
        voter text NOT NULL,
        PRIMARY KEY (event_id, question_id, voter)
      );
      CREATE INDEX qa_votes_voter ON qa_votes (event_id, voter);
      CREATE TABLE qa_comments (
        event_id text NOT NULL,
        id integer NOT NULL,
        author jsonb NOT NULL,
        text text NOT NULL,
        at bigint NOT NULL,
        deleted boolean NOT NULL,
        author_ref text,
        account_id text,
        deleted_by text,
        PRIMARY KEY (event_id, id)
      );
      CREATE TABLE qa_polls (
        event_id text NOT NULL,
        id integer NOT NULL,
        data jsonb NOT NULL,
        PRIMARY KEY (event_id, id)
      );
      CREATE TABLE qa_ballots (
        event_id text NOT NULL,
        poll_id integer NOT NULL,
        voter text NOT NULL,
        choices integer[] NOT NULL,
        PRIMARY KEY (event_id, poll_id, voter)
      );
      CREATE TABLE qa_mutes (
        event_id text NOT NULL,
        ref text NOT NULL,
        until bigint NOT NULL,
        by_account text NOT NULL,
        PRIMARY KEY (event_id, ref)
      );
    `,
  },
  {
    version: 4,
    name: 'visitor programme',
    sql: `
      -- "My programme" per signed visitor id (issue 12; server/storage/postgres/visitorProgramme.ts):
      -- reminder settings and the calendar-feed token, stars, reminder-sent marks (once per
      -- visitor, event and start), one-time transfer codes (hashes) and the event ledger.
      CREATE TABLE visitor_programme (
        visitor_id text PRIMARY KEY,
        lead_minutes integer NOT NULL,
        email text,
        consent_at bigint,
        feed_token text UNIQUE
      );
      CREATE INDEX visitor_programme_with_email ON visitor_programme (visitor_id) WHERE email IS NOT NULL;
      CREATE TABLE visitor_stars (
        visitor_id text NOT NULL,
        event_id text NOT NULL,
        at bigint NOT NULL,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        PRIMARY KEY (visitor_id, event_id)
      );
      CREATE TABLE visitor_reminders_sent (
        visitor_id text NOT NULL,
        event_id text NOT NULL,
        start_ms bigint NOT NULL,
        at bigint NOT NULL,
        PRIMARY KEY (visitor_id, event_id, start_ms)
      );
      CREATE TABLE visitor_transfer_codes (
        code_hash text PRIMARY KEY,
        visitor_id text NOT NULL,
        expires_at bigint NOT NULL
      );
      CREATE TABLE programme_event_ledger (
        event_id text PRIMARY KEY,
        data jsonb NOT NULL
      );
    `,
  },
  {
    version: 5,
    name: 'tracks',
    sql: `
      -- Learning tracks per signed visitor id (issue 12; server/storage/postgres/tracks.ts).
      CREATE TABLE tracks (
        id text PRIMARY KEY,
        owner text NOT NULL,
        created_at bigint NOT NULL,
        data jsonb NOT NULL
      );
      CREATE INDEX tracks_of_owner ON tracks (owner, created_at DESC, id);
    `,
  },
  {
    version: 6,
    name: 'event-moderators',
    sql: `
      -- Moderators organisers assign per programme event, and how often each stage's stream
      -- key was regenerated (issue 13; server/storage/postgres/organiser.ts).
      CREATE TABLE event_moderators (
        event_id text NOT NULL,
        account_id text NOT NULL,
        position integer NOT NULL,
        PRIMARY KEY (event_id, account_id)
      );
      CREATE INDEX event_moderators_by_account ON event_moderators (account_id);
      CREATE TABLE stage_keys (
        stage text PRIMARY KEY,
        generation integer NOT NULL
      );
    `,
  },
];

/** First key of the advisory lock that serialises migrations (the second is the schema's). */
const MIGRATION_LOCK = 0x45787030; // "Expo"

/**
 * Brings the schema (the given one, created if needed, or the first on the search path) up to
 * the newest migration. Refuses a database migrated by a newer version of the server.
 */
export async function migrate(db: Db, schema: string | undefined, log: (line: string) => void): Promise<void> {
  await db.tx(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock($1, hashtext(current_setting($2)))', [MIGRATION_LOCK, 'search_path']);
    if (schema !== undefined) await q.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    await q.query(`CREATE TABLE IF NOT EXISTS expo_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await q.query<{ version: number }>('SELECT version FROM expo_migrations');
    const applied = new Set(rows.map((r) => r.version));
    const known = new Set(MIGRATIONS.map((m) => m.version));
    const unknown = [...applied].filter((v) => !known.has(v)).sort((a, b) => a - b);
    if (unknown.length > 0) {
      const newest = Math.max(0, ...known);
      throw new Error(`the database has schema migration ${unknown.join(', ')}, which this server does not know (it knows up to ${newest}); upgrade the server`);
    }
    // Every migration not yet recorded, in version order: one written on a branch and landed
    // after a later one still applies (they are independent tables).
    for (const m of [...MIGRATIONS].sort((a, b) => a.version - b.version)) {
      if (applied.has(m.version)) continue;
      await q.query(m.sql);
      await q.query('INSERT INTO expo_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      log(`[storage] PostgreSQL: applied migration ${m.version} (${m.name})`);
    }
  });
}

/** Schema names are checked, then quoted; they are the only identifiers built from input. */
export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`bad schema name "${name}": use lower-case letters, digits and _`);
  return `"${name}"`;
}
