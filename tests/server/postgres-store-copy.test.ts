// `npm run store:copy`: an embedded store filled through the Storage API in every domain is
// copied into a fresh PostgreSQL database, and the PostgreSQL store then answers every read
// as the embedded one did (ids, times, order, counts), carries on the ids where the embedded
// store stopped, refuses a second copy onto data unless --replace, and says clearly what is
// wrong with a bad address or a damaged file, writing nothing then.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Exhibitor } from '../../shared/exhibitor.ts';
import type { Lead } from '../../shared/leads.ts';
import type { Announcement, AuditEntry } from '../../shared/organiser.ts';
import type { LedgerEntry } from '../../shared/programme/eventLedger.ts';
import { EMPTY_CONTENT } from '../../shared/standContent.ts';
import { ROOT } from '../../server/config.ts';
import { openLowdbStorage } from '../../server/storage/lowdbStorage.ts';
import { openPostgresStorage } from '../../server/storage/postgres/postgresStorage.ts';
import { DOMAIN_TABLES } from '../../server/storage/postgres/import.ts';
import type { NewQuestion } from '../../server/storage/qaStore.ts';
import type { Storage } from '../../server/storage/storage.ts';
import { StoreCopyError, copyStore } from '../../server/storage/storeCopy.ts';
import type { StoredTrack } from '../../server/storage/trackStore.ts';
import { freePort } from '../../scripts/lib/measure.ts';
import { main } from '../../scripts/store-copy.ts';
import { freshDatabase } from '../fixtures/services.ts';

const T0 = Date.UTC(2026, 3, 14, 9, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();
const EVENT = 'main-d1-talk';
const STANDS = ['a-1', 'b-2'];
const VISITOR_A = 'visitorAAAAAAAAAAAAAAA';
const VISITOR_B = 'visitorBBBBBBBBBBBBBBB';

function exhibitor(id: string): Exhibitor {
  return { id, name: `Exhibitor ${id}`, category: 'school', colour: '#2f6fd6', logo: `logos/${id}.svg`, short: 's', description: 'd', contacts: { site: 'https://example.org' } } as Exhibitor;
}

function lead(n: number, exhibitorId: string, createdAt: string): Lead {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    exhibitorId,
    createdAt,
    status: 'new',
    note: '',
    kind: 'callback',
    callback: { name: 'Иван Петров', phone: '+7 999 123-45-67', preferredTime: '', question: `question ${n}` },
  };
}

function question(text: string, askedAt: number): NewQuestion {
  return { eventId: EVENT, askerRef: 'askerAAAAAAAAAAA', text, name: 'Гость 1234', anonymous: false, status: 'pending', pinnedAt: null, askedAt, answeredAt: null, answer: null, mergedInto: null, merged: 0 };
}

function track(id: string, owner: string, createdAt: number): StoredTrack {
  return {
    id,
    owner,
    title: 'Инклюзия · практик',
    topics: ['инклюзия'],
    level: 'practitioner',
    items: [
      { kind: 'event', eventId: 'main-d1-inclusion-1', done: false },
      { kind: 'stand', exhibitorId: 'alpha', done: true },
    ],
    createdAt,
    updatedAt: createdAt,
  };
}

function ledger(eventId: string, sequence: number): LedgerEntry {
  return { eventId, hash: `h${sequence}`, sequence, modifiedAt: T0, cancelled: sequence > 1, snapshot: { title: { ru: `Событие ${eventId}` }, start: '2026-04-14T10:00:00+03:00', duration: 45, cluster: 'c1' } };
}

/** Puts something in every domain, through the Storage API only. */
async function fill(s: Storage): Promise<void> {
  await s.upsertExhibitors(['alpha', 'beta', 'gamma'].map(exhibitor));
  await s.putContent('alpha', { ...EMPTY_CONTENT, gallery: [{ id: 'g1', title: 'Один', description: '', image: 'assets/gallery/one.jpg' }] });
  await s.putContent('beta', EMPTY_CONTENT);

  for (const id of ['acc-1', 'acc-2', 'org-1']) {
    await s.createAccount({ id, email: `${id}@example.org`, name: `Person ${id}`, role: id.startsWith('org') ? 'organiser' : 'exhibitor', exhibitors: ['alpha'], passwordHash: `scrypt$16384$8$1$salt$${id}` });
  }
  await s.createSession({ tokenHash: 'sess-1', accountId: 'acc-1', createdAt: iso(Date.now()), expiresAt: iso(Date.now() + 3_600_000) });
  await s.createSession({ tokenHash: 'sess-2', accountId: 'org-1', createdAt: iso(Date.now()), expiresAt: iso(Date.now() + 7_200_000) });

  // Two leads in one millisecond: arrival order decides their order in the list.
  await s.addLead(lead(1, 'alpha', iso(T0)));
  await s.addLead(lead(2, 'alpha', iso(T0)));
  await s.addLead(lead(3, 'alpha', iso(T0 + 1000)));
  await s.addLead(lead(4, 'beta', iso(T0 + 2000)));
  await s.updateLead(lead(1, 'alpha', '').id, { status: 'called', note: 'перезвонить в пятницу' });
  await s.setLeadMail(lead(4, 'beta', '').id, { status: 'sent', attempts: 1, updatedAt: iso(T0 + 3000) });

  for (const [key, counter] of [['k1', 'visits'], ['k2', 'visits'], ['k1', 'visits'], [undefined, 'videoPlays'], ['k3', 'downloads'], ['k2', 'leads']] as const) {
    await s.countStandEvent('alpha', '2026-04-14', counter, key);
  }
  await s.countStandEvent('alpha', '2026-04-15', 'visits', 'k9');
  await s.countStandEvent('beta', '2026-04-14', 'visits', 'k1');

  for (const standId of STANDS) {
    for (let i = 0; i < 7; i++) {
      const staff = i % 3 === 2;
      await s.addChatMessage({
        standId,
        thread: i % 2 === 0 ? null : 'REFAAAAAAAAAAAAA',
        author: staff ? { kind: 'staff', badge: 'staff', name: 'Staff', company: 'Alpha' } : { kind: 'visitor', ref: 'REFAAAAAAAAAAAAA', name: 'Guest' },
        text: `${standId} message ${i}`,
        at: T0 + i * 1000,
        ...(staff ? { accountId: 'acc-1' } : {}),
      });
    }
  }
  await s.deleteChatMessage('a-1', 2, 'acc-1', T0 + 60_000);
  await s.setChatMute('a-1', 'REFBBBBBBBBBBBBB', T0 + 3_600_000, 'acc-1');
  await s.setQuickReplies('alpha', ['Здравствуйте!', 'Спасибо']);
  await s.setChatReadMark('acc-1', 'a-1', 4);
  await s.setChatReadMark('acc-1', 'a-1/REFAAAAAAAAAAAAA', 5);

  const invitation = { email: 'new@example.org', name: 'New', role: 'exhibitor' as const, exhibitors: ['beta'], staffAdmin: false, createdAt: iso(T0), createdBy: 'org-1', expiresAt: iso(T0 + 86_400_000) };
  await s.createInvitation({ ...invitation, id: 'inv-1', tokenHash: 'th-1', status: 'pending' });
  await s.createInvitation({ ...invitation, id: 'inv-2', tokenHash: 'th-2', status: 'pending', staffAdmin: true });
  await s.claimInvitation('th-2', iso(T0 + 1000), 'acc-2');
  await s.setAccountStatus('acc-2', { staffAdmin: true, deactivatedAt: null });
  await s.setAccountStatus('acc-1', { staffAdmin: false, deactivatedAt: iso(T0 + 5000) });
  for (let n = 0; n < 3; n++) {
    const entry: AuditEntry = { id: `a${n}`, at: iso(T0 + n * 1000), actorId: 'org-1', actorEmail: 'org-1@example.org', action: 'invite.create', target: `inv-${n}`, detail: `n=${n}` };
    await s.appendAudit(entry);
  }
  const announcement: Announcement = {
    id: 'ann-1',
    audience: { kind: 'floor', floorId: 'school' },
    style: 'banner',
    text: { ru: 'Открытие через пять минут', en: 'The opening starts in five minutes' },
    startsAt: iso(T0),
    endsAt: iso(T0 + 3_600_000),
    createdAt: iso(T0),
    createdBy: 'org-1',
  };
  await s.addAnnouncement(announcement);
  await s.addFairCounts('2026-04-14', { visitors: 120, leads: 4 }, { peak: 37 });
  await s.addFairCounts('2026-04-14', { visitors: 5 }, { peak: 12 });
  await s.setEventModerators(EVENT, ['acc-2', 'acc-1']);
  await s.nextStageKeyGeneration('main');
  await s.nextStageKeyGeneration('main');

  const q1 = await s.addQaQuestion(question('Первый вопрос', T0));
  const q2 = await s.addQaQuestion(question('Второй вопрос', T0 + 1000));
  await s.putQaQuestion({ ...q2, status: 'approved', answeredAt: T0 + 5000, answer: { text: 'Да', at: T0 + 5000, by: 'acc-2' } });
  await s.addQaVote(EVENT, q1.id, 'v1');
  await s.addQaVote(EVENT, q1.id, 'v2');
  await s.addQaVote(EVENT, q2.id, 'v1');
  await s.addQaComment({ eventId: EVENT, author: { kind: 'visitor', name: 'Гость' }, text: 'Привет', at: T0, authorRef: 'v1' });
  const c2 = await s.addQaComment({ eventId: EVENT, author: { kind: 'moderator', name: 'Модератор' }, text: 'Добро пожаловать', at: T0 + 1000, accountId: 'acc-2' });
  await s.deleteQaComment(EVENT, c2.id, 'acc-2');
  const poll = await s.addQaPoll({ eventId: EVENT, question: 'Какой?', options: ['A', 'B', 'C'], multiple: true, status: 'draft' });
  await s.putQaPoll({ ...poll, status: 'open' });
  await s.addQaBallot(EVENT, poll.id, 'v1', [0, 2]);
  await s.addQaBallot(EVENT, poll.id, 'v2', [1]);
  await s.setQaSettings(EVENT, { slowModeSeconds: 30 });
  await s.setQaMute(EVENT, 'v3', T0 + 600_000, 'acc-2');

  await s.setStarred(VISITOR_A, 'main-d1-talk', true, T0, 100);
  await s.setStarred(VISITOR_A, 'main-d1-inclusion-1', true, T0 + 1000, 100);
  await s.setStarred(VISITOR_B, 'main-d1-talk', true, T0 + 2000, 100);
  await s.setReminderSettings(VISITOR_A, { leadMinutes: 15, email: 'anna@example.org', consentAt: T0 });
  await s.markReminderSent(VISITOR_A, { eventId: 'main-d1-talk', startMs: T0 + 3_600_000, at: T0 + 100 });
  await s.ensureFeedToken(VISITOR_A, 'feed-token-a');
  await s.addTransferCode({ codeHash: 'code-hash-1', visitorId: VISITOR_B, expiresAt: Date.now() + 600_000 });
  await s.putEventLedger([ledger('main-d1-talk', 1), ledger('main-d1-old', 2)]);

  await s.createTrack(track('track1AAAAAAAAAA', VISITOR_A, T0));
  await s.createTrack(track('track2AAAAAAAAAA', VISITOR_A, T0 + 1000));
  await s.createTrack(track('track3AAAAAAAAAA', VISITOR_B, T0 + 2000));
}

const byKey = <T>(items: T[], key: (t: T) => string) => [...items].sort((a, b) => key(a).localeCompare(key(b)));

/** What the server would read, domain by domain, through the Storage API. */
async function view(s: Storage) {
  const exhibitors = await s.listExhibitors();
  const ids = exhibitors.map((e) => e.id);
  return {
    exhibitors,
    content: { with: await s.exhibitorsWithContent(), each: await Promise.all(ids.map((id) => s.getContent(id))) },
    accounts: await s.listAccounts(),
    byEmail: await s.findAccountByEmail('acc-2@example.org'),
    sessions: await Promise.all(['sess-1', 'sess-2', 'nope'].map((t) => s.getSession(t))),
    leads: await Promise.all(ids.map((id) => s.listLeads(id))),
    analytics: await Promise.all(ids.map((id) => s.standDays(id))),
    chat: await Promise.all(
      STANDS.map(async (standId) => ({
        all: await s.chatMessages(standId, { threads: 'all', limit: 100 }),
        newest: await s.chatMessages(standId, { threads: [null], limit: 2 }),
        after: await s.chatMessages(standId, { threads: 'all', after: 3, limit: 2 }),
        lastId: await s.chatLastId(standId),
        heads: byKey(await s.chatThreadHeads(standId), (h) => String(h.thread)),
        unread: await s.chatCount(standId, { threads: 'all', after: 1, authorKind: 'visitor' }),
      })),
    ),
    chatStands: (await s.chatStandIds()).sort(),
    chatMeta: {
      muted: await s.chatMutedUntil('a-1', 'REFBBBBBBBBBBBBB'),
      replies: await s.getQuickReplies('alpha'),
      reads: await s.chatReadMarks('acc-1'),
    },
    organiser: {
      invitations: await s.listInvitations(),
      statuses: await s.accountStatuses(),
      audit: await s.listAudit(100),
      announcements: await s.listAnnouncements(iso(0)),
      days: await s.fairDays(),
      moderators: await s.eventModerators(EVENT),
      moderatedBy: await s.eventsModeratedBy('acc-1'),
      stageKey: await s.stageKeyGeneration('main'),
    },
    qa: {
      snapshot: await s.qaSnapshot(EVENT, 100),
      votes: await s.qaVotesOf(EVENT, 'v1'),
      ballots: await s.qaBallotsOf(EVENT, 'v1'),
      muted: await s.qaMutedUntil(EVENT, 'v3'),
    },
    programme: {
      a: await s.visitorProgramme(VISITOR_A),
      b: await s.visitorProgramme(VISITOR_B),
      feed: await s.visitorOfFeedToken('feed-token-a'),
      withEmail: byKey(await s.visitorsWithReminderEmail(), (v) => v.visitorId),
      ledger: byKey(await s.eventLedger(), (e) => e.eventId),
    },
    tracks: { a: await s.tracksOf(VISITOR_A), b: await s.tracksOf(VISITOR_B), one: await s.getTrack('track3AAAAAAAAAA') },
  };
}

/** Runs `npm run store:copy` as the operator would (the script through tsx). */
function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'store-copy.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: '', DATA_DIR: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, out }));
  });
}

let dataDir: string;
let db: { url: string; drop(): Promise<void> };
let expected: Awaited<ReturnType<typeof view>>;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'expo-store-copy-'));
  const lowdb = await openLowdbStorage(dataDir);
  await fill(lowdb);
  expected = await view(lowdb);
  await lowdb.close();
  db = await freshDatabase(inject('databaseUrl'), 'expo_copy');
});
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  await db?.drop();
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

async function withPostgres<T>(url: string, work: (s: Storage) => Promise<T>): Promise<T> {
  const s = await openPostgresStorage(url, { poolSize: 2 });
  try {
    return await work(s);
  } finally {
    await s.close();
  }
}

describe('store:copy: embedded store into PostgreSQL', () => {
  it('copies every domain so that the PostgreSQL store reads back the same', async () => {
    const lines: string[] = [];
    const report = await copyStore({ dataDir, databaseUrl: db.url, log: (l) => lines.push(l) });
    expect(report.copied).toBe(true);
    expect(report.targetHadData).toBe(false);
    // What was copied, per domain, read back from the database.
    const counts = Object.fromEntries(report.domains.map((d) => [d.domain, d.target]));
    expect(counts).toMatchObject({
      exhibitors: { exhibitors: 3 },
      accounts: { accounts: 3, sessions: 2 },
      leads: { leads: 4 },
      analytics: { days: 3, visitorKeys: 5 },
      chat: { stands: 2, messages: 14, mutes: 1, quickReplies: 1, readMarks: 2 },
      organiser: { invitations: 2, accountStatuses: 2, audit: 3, announcements: 1, fairCounters: 3, eventModerators: 2, stageKeys: 1 },
      qa: { events: 1, questions: 2, votes: 3, comments: 2, polls: 1, ballots: 2, mutes: 1 },
      visitorProgramme: { visitors: 2, stars: 3, remindersSent: 1, transferCodes: 1, ledger: 2 },
      tracks: { tracks: 3 },
    });
    for (const d of report.domains) expect(d.target, d.domain).toEqual(d.source);

    await withPostgres(db.url, async (pgStore) => {
      const got = await view(pgStore);
      expect(got).toEqual(expected);
      // Spot checks of what the comparison covers, in words.
      expect(got.leads[0]!.map((l) => l.id.slice(-1))).toEqual(['3', '2', '1']);
      expect(got.leads[0]![2]).toMatchObject({ status: 'called', note: 'перезвонить в пятницу' });
      expect(got.sessions[0]).toMatchObject({ accountId: 'acc-1' });
      expect(got.analytics[0]!['2026-04-14']).toMatchObject({ visits: 3, videoPlays: 1, downloads: 1, leads: 1, visitors: ['k1', 'k2', 'k3'] });
      expect(got.qa.snapshot.questions.map((q) => q.votes)).toEqual([2, 1]);
      expect(got.programme.a.starred.map((s) => s.eventId)).toEqual(['main-d1-talk', 'main-d1-inclusion-1']);

      // Ids carry on where the embedded store stopped, and the copied code works once.
      expect((await pgStore.addChatMessage({ standId: 'a-1', thread: null, author: { kind: 'visitor', ref: 'REFAAAAAAAAAAAAA', name: 'Guest' }, text: 'after', at: T0 })).id).toBe(8);
      expect((await pgStore.addQaQuestion(question('После переноса', T0 + 9000))).id).toBe(3);
      expect((await pgStore.addQaComment({ eventId: EVENT, author: { kind: 'visitor', name: 'Гость' }, text: 'ещё', at: T0 })).id).toBe(3);
      expect((await pgStore.addQaPoll({ eventId: EVENT, question: 'Ещё?', options: ['да', 'нет'], multiple: false, status: 'draft' })).id).toBe(2);
      expect(await pgStore.takeTransferCode('code-hash-1', Date.now())).toBe(VISITOR_B);
    });
  });

  it('refuses a target that holds data, and changes nothing there', async () => {
    const before = await withPostgres(db.url, (s) => view(s));
    await expect(copyStore({ dataDir, databaseUrl: db.url })).rejects.toThrow(StoreCopyError);
    await expect(copyStore({ dataDir, databaseUrl: db.url })).rejects.toThrow(/already holds store data \(exhibitors: 3 rows.*--replace/);
    expect(await withPostgres(db.url, (s) => view(s))).toEqual(before);
  });

  it('--check writes nothing; --replace copies again and reads back the same (the command line)', async () => {
    const check = await runCli(['--check'], { DATABASE_URL: db.url, DATA_DIR: dataDir });
    expect(check.code, check.out).toBe(0);
    expect(check.out).toMatch(/check only, nothing written/);
    expect(check.out).toMatch(/already holds store data/);
    // The extra chat message of the first test is still there.
    expect(await withPostgres(db.url, (s) => s.chatLastId('a-1'))).toBe(8);

    const refused = await runCli([], { DATABASE_URL: db.url, DATA_DIR: dataDir });
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/store:copy: the target database already holds store data/);

    for (let run = 0; run < 2; run++) {
      const replaced = await runCli(['--replace'], { DATABASE_URL: db.url, DATA_DIR: dataDir });
      expect(replaced.code, replaced.out).toBe(0);
      expect(replaced.out).toMatch(/chat +2 stands, 14 messages, 1 mutes, 1 quickReplies, 2 readMarks/);
      expect(replaced.out).toMatch(/qa +1 events, 2 questions, 3 votes, 2 comments, 1 polls, 2 ballots, 1 mutes/);
      expect(await withPostgres(db.url, (s) => view(s))).toEqual(expected);
    }
  });

  it('a copy into a fresh database covers every table the migrations make', async () => {
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
      );
      const copied = new Set(Object.values(DOMAIN_TABLES).flat());
      // Bookkeeping, not store data: the migration log and the health check's row.
      const missing = rows.map((r) => r.table_name).filter((t) => !copied.has(t) && t !== 'expo_migrations' && t !== 'storage_health');
      expect(missing, 'tables store:copy does not copy (add them to server/storage/transfer.ts and postgres/import.ts)').toEqual([]);
    } finally {
      await admin.end();
    }
  });

  it('says clearly what is wrong with a bad DATABASE_URL or DATA_DIR', async () => {
    const port = await freePort();
    const unreachable = await runCli([], { DATABASE_URL: `postgres://nobody:secret@127.0.0.1:${port}/expo`, DATA_DIR: dataDir });
    expect(unreachable.code).toBe(1);
    expect(unreachable.out).toMatch(new RegExp(`store:copy: cannot reach PostgreSQL at postgres://nobody:\\*\\*\\*@127\\.0\\.0\\.1:${port}/expo: .*ECONNREFUSED`));
    expect(unreachable.out).not.toContain('secret');

    // The rest in this process (main() is what the command runs), each with its clear answer.
    const said = async (argv: string[], env: Record<string, string>) => {
      const lines: string[] = [];
      const code = await main(argv, env, (l) => lines.push(l));
      return { code, out: lines.join('\n') };
    };
    const notUrl = await said([], { DATABASE_URL: 'mysql://x@y/z', DATA_DIR: dataDir });
    expect(notUrl.code).toBe(1);
    expect(notUrl.out).toMatch(/DATABASE_URL must be a PostgreSQL address/);

    const unset = await said([], { DATA_DIR: dataDir });
    expect(unset.code).toBe(2);
    expect(unset.out).toMatch(/DATABASE_URL is not set/);

    const noStore = await said([], { DATABASE_URL: db.url, DATA_DIR: path.join(dataDir, 'nothing-here') });
    expect(noStore.code).toBe(1);
    expect(noStore.out).toMatch(/there is no embedded store at .*nothing-here/);

    const empty = await fs.mkdtemp(path.join(os.tmpdir(), 'expo-store-copy-empty-'));
    cleanups.push(() => fs.rm(empty, { recursive: true, force: true }));
    const noFiles = await said([], { DATABASE_URL: db.url, DATA_DIR: empty });
    expect(noFiles.code).toBe(1);
    expect(noFiles.out).toMatch(/holds none of the store's files .*is DATA_DIR right/);

    const badFlag = await said(['--force'], { DATABASE_URL: db.url, DATA_DIR: dataDir });
    expect(badFlag.code).toBe(2);
    expect(badFlag.out).toMatch(/usage:/);
  });

  it('a damaged file is named and nothing is written to the database', async () => {
    const broken = await fs.mkdtemp(path.join(os.tmpdir(), 'expo-store-copy-broken-'));
    cleanups.push(() => fs.rm(broken, { recursive: true, force: true }));
    await fs.cp(dataDir, broken, { recursive: true });
    await fs.writeFile(path.join(broken, 'qa', EVENT, 'comments.json'), '{"schema":1,"comm');
    const target = await freshDatabase(inject('databaseUrl'), 'expo_copy_broken');
    cleanups.push(() => target.drop());
    await expect(copyStore({ dataDir: broken, databaseUrl: target.url })).rejects.toThrow(/comments\.json.*not whole JSON/);
    const admin = new pg.Client({ connectionString: target.url });
    await admin.connect();
    try {
      // Not even the schema was made: the files are all read before the database is touched.
      const { rows } = await admin.query("SELECT to_regclass('exhibitors') AS t");
      expect(rows[0]).toEqual({ t: null });
    } finally {
      await admin.end();
    }
  });
});
