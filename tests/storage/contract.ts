// The storage contract: what every Storage implementation must do, domain by domain
// (exhibitors, content, accounts and sessions, leads, analytics, chat, ping). lowdb runs it in
// tests/storage/lowdb.test.ts; a PostgreSQL backend will be a second run of the same suite.
// Two cases matter most: whatever was acknowledged survives a reopen, and a write that fails
// changes nothing, neither now nor after a reopen (a visitor who retries makes no duplicate).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Exhibitor } from '../../shared/exhibitor.ts';
import type { Lead } from '../../shared/leads.ts';
import { EMPTY_CONTENT, type StandContent } from '../../shared/standContent.ts';
import type { NewChatMessage } from '../../server/storage/chatStore.ts';
import type { Account, Session } from '../../server/storage/records.ts';
import type { Storage } from '../../server/storage/storage.ts';

export interface ContractSubject {
  storage: Storage;
  /** Closes the store and opens it again on the same data; `storage` is the new one after. */
  reopen(): Promise<void>;
  /** Makes every write fail from now on (disk full, read-only, database gone), or work again. */
  failWrites(on: boolean): void;
  cleanup(): Promise<void>;
}

const PROTO_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];

function exhibitor(id: string, name = `Exhibitor ${id}`): Exhibitor {
  return {
    id,
    name,
    category: 'school',
    colour: '#2f6fd6',
    logo: `logos/${id}.svg`,
    short: 'short',
    description: 'description',
    contacts: { site: 'https://example.org' },
  } as Exhibitor;
}

const CONTENT: StandContent = {
  ...EMPTY_CONTENT,
  gallery: [{ id: 'g1', title: 'Один', description: '', image: 'assets/gallery/one.jpg' }],
};

function account(id: string, email = `${id}@example.org`): Account {
  return { id, email, name: `Person ${id}`, role: 'exhibitor', exhibitors: ['alpha'], passwordHash: `scrypt$16384$8$1$salt$${id}` };
}

function session(tokenHash: string, accountId: string, expiresInMs = 3_600_000): Session {
  const now = Date.now();
  return { tokenHash, accountId, createdAt: new Date(now).toISOString(), expiresAt: new Date(now + expiresInMs).toISOString() };
}

let leadN = 0;
function lead(exhibitorId: string, createdAt = new Date(Date.UTC(2026, 0, 1, 10, 0, leadN)).toISOString()): Lead {
  leadN++;
  return {
    id: `00000000-0000-4000-8000-${String(leadN).padStart(12, '0')}`,
    exhibitorId,
    createdAt,
    status: 'new',
    note: '',
    kind: 'callback',
    callback: { name: 'Иван Петров', phone: '+7 999 123-45-67', preferredTime: '', question: `question ${leadN}` },
  };
}

const REF_A = 'AAAAAAAAAAAAAAAA';
const REF_B = 'BBBBBBBBBBBBBBBB';

function message(standId: string, text: string, thread: string | null = null, by: 'visitor' | 'staff' = 'visitor', ref = REF_A): NewChatMessage {
  return {
    standId,
    thread,
    author: by === 'visitor' ? { kind: 'visitor', ref, name: `Guest ${ref.slice(0, 2)}` } : { kind: 'staff', badge: 'staff', name: 'Staff', company: 'Alpha' },
    text,
    at: Date.now(),
    ...(by === 'staff' ? { accountId: 'acc-1' } : {}),
  };
}

/** Runs `write` on a failing disk: it must reject, and `read` must be the same before, after and after a reopen. */
export async function failedWriteChangesNothing(s: ContractSubject, write: () => Promise<unknown>, read: () => Promise<unknown>): Promise<void> {
  const before = await read();
  s.failWrites(true);
  await expect(write()).rejects.toThrow();
  s.failWrites(false);
  expect(await read()).toEqual(before);
  await s.reopen();
  expect(await read()).toEqual(before);
}

export function storageContract(name: string, open: () => Promise<ContractSubject>): void {
  describe(`storage contract: ${name}`, () => {
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

    describe('exhibitors', () => {
      it('creates and replaces by id, all or nothing, and survives reopen', async () => {
        expect(await st().listExhibitors()).toEqual([]);
        await st().upsertExhibitors([exhibitor('alpha'), exhibitor('beta')]);
        await st().upsertExhibitors([exhibitor('alpha', 'Alpha renamed')]);
        await expect(st().upsertExhibitors([exhibitor('gamma'), { ...exhibitor('delta'), id: 'Not An Id' }])).rejects.toThrow();
        await s.reopen();
        expect((await st().listExhibitors()).map((e) => [e.id, e.name]).sort()).toEqual([
          ['alpha', 'Alpha renamed'],
          ['beta', 'Exhibitor beta'],
        ]);
        expect(await st().getExhibitor('beta')).toEqual(exhibitor('beta'));
        expect(await st().getExhibitor('gamma')).toBeUndefined();
      });

      it('a failed write changes nothing', async () => {
        await st().upsertExhibitors([exhibitor('alpha')]);
        await changesNothing(() => st().upsertExhibitors([exhibitor('alpha', 'Lost'), exhibitor('beta')]), () => st().listExhibitors());
      });
    });

    describe('content', () => {
      it('stores interiors per exhibitor, gives EMPTY_CONTENT otherwise, hands out copies, and survives reopen', async () => {
        expect(await st().getContent('alpha')).toEqual(EMPTY_CONTENT);
        expect(await st().exhibitorsWithContent()).toEqual([]);
        await st().putContent('alpha', CONTENT);
        const copy = await st().getContent('alpha');
        copy.gallery.length = 0;
        await expect(st().putContent('beta', { gallery: 'no' } as unknown as StandContent)).rejects.toThrow();
        await s.reopen();
        expect(await st().getContent('alpha')).toEqual(CONTENT);
        expect(await st().getContent('beta')).toEqual(EMPTY_CONTENT);
        expect(await st().exhibitorsWithContent()).toEqual(['alpha']);
      });

      it('a failed write changes nothing', async () => {
        await changesNothing(() => st().putContent('alpha', CONTENT), async () => [await st().getContent('alpha'), await st().exhibitorsWithContent()]);
      });
    });

    describe('English beside Russian', () => {
      it('keeps the English of a card and of every interior item, refuses an unknown language key, and survives reopen', async () => {
        const card: Exhibitor = { ...exhibitor('alpha'), city: 'Казань', en: { short: 'In short', description: 'In English', city: 'Kazan' } };
        const content: StandContent = {
          video: { title: 'Видео', en: { title: 'Video' }, src: 'assets/video/a.webm', captions: [] },
          gallery: [{ id: 'g1', title: 'Один', description: 'Описание', en: { title: 'One' }, image: 'assets/gallery/one.jpg' }],
          materials: [{ id: 'm1', title: 'Каталог', en: { title: 'Catalogue' }, file: 'assets/materials/a.pdf', type: 'application/pdf', size: 10 }],
          webinars: [
            {
              id: 'w1',
              kind: 'webinar',
              title: 'Вебинар',
              speaker: 'Анна Петрова',
              en: { title: 'Webinar', speaker: 'Anna Petrova' },
              start: '2026-04-10T10:00:00+03:00',
              durationMin: 60,
              link: 'https://example.org/w1',
            },
          ],
        };
        await st().upsertExhibitors([card]);
        await st().putContent('alpha', content);
        await expect(st().upsertExhibitors([{ ...exhibitor('beta'), en: { name: 'Not translatable' } } as unknown as Exhibitor])).rejects.toThrow();
        await expect(st().putContent('beta', { ...content, materials: [{ ...content.materials[0]!, en: { title: 'x'.repeat(201) } }] })).rejects.toThrow();
        await s.reopen();
        expect(await st().getExhibitor('alpha')).toEqual(card);
        expect(await st().getExhibitor('beta')).toBeUndefined();
        expect(await st().getContent('alpha')).toEqual(content);
        expect(await st().exhibitorsWithContent()).toEqual(['alpha']);
      });
    });

    describe('accounts and sessions', () => {
      it('creates accounts with unique ids and e-mails, finds them exactly, and survives reopen', async () => {
        await st().createAccount(account('a1'));
        await st().createAccount(account('a2'));
        await expect(st().createAccount(account('a1', 'other@example.org'))).rejects.toThrow();
        await expect(st().createAccount(account('a3', 'a1@example.org'))).rejects.toThrow();
        await st().setPasswordHash('a2', 'scrypt$new');
        await expect(st().setPasswordHash('nobody', 'scrypt$x')).rejects.toThrow();
        await s.reopen();
        expect((await st().listAccounts()).map((a) => a.id).sort()).toEqual(['a1', 'a2']);
        expect(await st().findAccountByEmail('a1@example.org')).toEqual(account('a1'));
        expect(await st().findAccountByEmail('nobody@example.org')).toBeUndefined();
        expect((await st().getAccount('a2'))?.passwordHash).toBe('scrypt$new');
        expect(await st().getAccount('a3')).toBeUndefined();
      });

      it('keeps sessions by token hash, deletes one or all of an account (but one), and survives reopen', async () => {
        await st().createAccount(account('a1'));
        await st().createAccount(account('a2'));
        for (const [hash, who] of [['h1', 'a1'], ['h2', 'a1'], ['h3', 'a1'], ['h4', 'a2']] as const) await st().createSession(session(hash, who));
        await st().deleteSession('h1');
        await st().deleteSession('no-such-session');
        await st().deleteSessionsOf('a1', 'h3');
        await s.reopen();
        expect(await st().getSession('h1')).toBeUndefined();
        expect(await st().getSession('h2')).toBeUndefined();
        expect(await st().getSession('h3')).toMatchObject({ tokenHash: 'h3', accountId: 'a1' });
        expect((await st().getSession('h4'))?.accountId).toBe('a2');
      });

      it('a failed write changes nothing', async () => {
        await st().createAccount(account('a1'));
        const all = async () => [await st().listAccounts(), await st().getSession('h1'), await st().getSession('h0')];
        await st().createSession(session('h0', 'a1'));
        await changesNothing(() => st().createAccount(account('a2')), all);
        await changesNothing(() => st().setPasswordHash('a1', 'scrypt$lost'), all);
        await changesNothing(() => st().createSession(session('h1', 'a1')), all);
        await changesNothing(() => st().deleteSessionsOf('a1'), all);
      });
    });

    describe('leads', () => {
      it('adds leads once, lists an exhibitor\'s newest first, updates them, and survives reopen', async () => {
        const first = lead('alpha');
        const second = lead('alpha');
        const other = lead('beta');
        await Promise.all([st().addLead(first), st().addLead(second), st().addLead(other)]);
        await expect(st().addLead(first)).rejects.toThrow();
        expect(await st().updateLead('no-such-lead', { status: 'done' })).toBeUndefined();
        expect(await st().updateLead(first.id, { status: 'called', note: 'позвонить ещё' })).toMatchObject({ status: 'called', note: 'позвонить ещё' });
        const mail = { status: 'sent' as const, attempts: 1, updatedAt: new Date().toISOString() };
        expect(await st().setLeadMail(second.id, mail)).toMatchObject({ mail });
        await s.reopen();
        expect((await st().listLeads('alpha')).map((l) => l.id)).toEqual([second.id, first.id]);
        expect(await st().getLead(first.id)).toMatchObject({ status: 'called', note: 'позвонить ещё', callback: first.callback });
        expect((await st().getLead(second.id))?.mail).toEqual(mail);
        expect(await st().listLeads('beta')).toEqual([other]);
        expect(await st().getLead('no-such-lead')).toBeUndefined();
      });

      it('a failed addLead leaves nothing, now or after reopen, and a later write does not bring it back', async () => {
        await st().addLead(lead('alpha'));
        const failed = lead('alpha');
        await changesNothing(() => st().addLead(failed), () => st().listLeads('alpha'));
        expect(await st().getLead(failed.id)).toBeUndefined();
        // The next successful write must not carry the failed lead along with it.
        const later = lead('alpha');
        await st().addLead(later);
        await s.reopen();
        expect((await st().listLeads('alpha')).map((l) => l.id)).not.toContain(failed.id);
        expect(await st().getLead(later.id)).toEqual(later);
        // The visitor's retry is stored once, as a new lead.
        await st().addLead(failed);
        expect((await st().listLeads('alpha')).filter((l) => l.id === failed.id)).toHaveLength(1);
      });

      it('a failed update changes nothing', async () => {
        const l = lead('alpha');
        await st().addLead(l);
        await changesNothing(() => st().updateLead(l.id, { status: 'done' }), () => st().getLead(l.id));
        await changesNothing(() => st().setLeadMail(l.id, { status: 'failed', attempts: 3, updatedAt: new Date().toISOString() }), () => st().getLead(l.id));
      });
    });

    describe('analytics', () => {
      it('counts per exhibitor and day, each visitor key once a day, and survives reopen', async () => {
        await Promise.all([
          st().countStandEvent('alpha', '2026-01-01', 'visits', 'k1'),
          st().countStandEvent('alpha', '2026-01-01', 'visits', 'k1'),
          st().countStandEvent('alpha', '2026-01-01', 'visits', 'k2'),
          st().countStandEvent('alpha', '2026-01-01', 'leads'),
          st().countStandEvent('alpha', '2026-01-03', 'downloads'),
          st().countStandEvent('beta', '2026-01-01', 'videoPlays'),
        ]);
        await s.reopen();
        const days = await st().standDays('alpha');
        expect(Object.keys(days).sort()).toEqual(['2026-01-01', '2026-01-03']);
        expect(days['2026-01-01']).toMatchObject({ visits: 3, leads: 1, videoPlays: 0, downloads: 0 });
        expect([...days['2026-01-01']!.visitors].sort()).toEqual(['k1', 'k2']);
        expect(days['2026-01-03']).toMatchObject({ downloads: 1, visitors: [] });
        expect(await st().standDays('beta')).toEqual({ '2026-01-01': { visits: 0, videoPlays: 1, downloads: 0, leads: 0, visitors: [] } });
        expect(await st().standDays('gamma')).toEqual({});
      });

      it('a failed write changes nothing', async () => {
        await st().countStandEvent('alpha', '2026-01-01', 'visits', 'k1');
        await changesNothing(() => st().countStandEvent('alpha', '2026-01-01', 'visits', 'k2'), () => st().standDays('alpha'));
      });
    });

    describe('chat', () => {
      it('gives each stand consecutive ids, pages both ways by thread, counts, and survives reopen', async () => {
        const added = await Promise.all(
          Array.from({ length: 30 }, (_, i) => st().addChatMessage(message('st-1', `m${i + 1}`, i % 10 === 9 ? REF_A : null, i % 3 === 2 ? 'staff' : 'visitor'))),
        );
        expect(added.map((m) => m.id)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
        expect((await st().addChatMessage(message('st-2', 'other stand'))).id).toBe(1);
        await s.reopen();
        expect(await st().chatLastId('st-1')).toBe(30);
        expect(await st().chatLastId('nowhere')).toBe(0);
        expect((await st().getChatMessage('st-1', 7))?.text).toBe('m7');
        expect(await st().getChatMessage('st-1', 31)).toBeUndefined();
        const newest = await st().chatMessages('st-1', { threads: [null], limit: 5 });
        expect(newest.messages.map((m) => m.id)).toEqual([25, 26, 27, 28, 29]);
        expect(newest.more).toBe(true);
        const older = await st().chatMessages('st-1', { threads: [null], before: 25, limit: 3 });
        expect(older.messages.map((m) => m.id)).toEqual([22, 23, 24]);
        const since = await st().chatMessages('st-1', { threads: 'all', after: 27, limit: 10 });
        expect(since).toEqual({ messages: [added[27], added[28], added[29]], more: false });
        expect((await st().chatMessages('st-1', { threads: [REF_A], limit: 10 })).messages.map((m) => m.id)).toEqual([10, 20, 30]);
        expect(await st().chatCount('st-1', { threads: 'all', after: 20, authorKind: 'staff' })).toBe(4);
        expect(await st().chatCount('st-1', { threads: [null], after: 0, authorKind: 'visitor' })).toBe(18);
        expect((await st().chatStandIds()).sort()).toEqual(['st-1', 'st-2']);
      });

      it('knows each thread\'s newest message and newest visitor message', async () => {
        await st().addChatMessage(message('st-1', 'hello', null));
        await st().addChatMessage(message('st-1', 'private', REF_A, 'visitor', REF_A));
        await st().addChatMessage(message('st-1', 'answer', REF_A, 'staff'));
        await st().addChatMessage(message('st-1', 'other private', REF_B, 'visitor', REF_B));
        await s.reopen();
        const heads = (await st().chatThreadHeads('st-1')).sort((a, b) => a.last.id - b.last.id);
        expect(heads.map((h) => [h.thread, h.last.id, h.lastByVisitor?.id])).toEqual([
          [null, 1, 1],
          [REF_A, 3, 2],
          [REF_B, 4, 4],
        ]);
        expect(await st().chatThreadHeads('nowhere')).toEqual([]);
      });

      it('deletes a message (text blanked, who and when kept) and survives reopen', async () => {
        await st().addChatMessage(message('st-1', 'rude'));
        expect(await st().deleteChatMessage('st-1', 2, 'acc-1', 123)).toBeUndefined();
        expect(await st().deleteChatMessage('st-1', 1, 'acc-1', 123)).toMatchObject({ id: 1, deleted: true, text: '', deletedBy: 'acc-1', deletedAt: 123 });
        await s.reopen();
        expect(await st().getChatMessage('st-1', 1)).toMatchObject({ deleted: true, text: '' });
        expect((await st().chatThreadHeads('st-1'))[0]?.last).toMatchObject({ deleted: true });
      });

      it('keeps mutes, drops the ended ones it is told to, and survives reopen', async () => {
        await st().setChatMute('st-1', REF_A, 1_000, 'acc-1');
        await st().setChatMute('st-1', REF_B, 5_000, 'acc-1', 2_000);
        await st().setChatMute('st-2', REF_A, 9_000, 'acc-1');
        await s.reopen();
        expect(await st().chatMutedUntil('st-1', REF_A)).toBeUndefined();
        expect(await st().chatMutedUntil('st-1', REF_B)).toBe(5_000);
        expect(await st().chatMutedUntil('st-2', REF_A)).toBe(9_000);
        expect(await st().chatMutedUntil('st-3', REF_A)).toBeUndefined();
      });

      it('keeps quick replies and read marks (which only move forward), and survives reopen', async () => {
        await st().setQuickReplies('alpha', ['Здравствуйте!', 'Пишите на почту']);
        await st().setChatReadMark('acc-1', 'st-1', 5);
        await st().setChatReadMark('acc-1', 'st-1', 3);
        await st().setChatReadMark('acc-1', `st-1/${REF_A}`, 2);
        await s.reopen();
        expect(await st().getQuickReplies('alpha')).toEqual(['Здравствуйте!', 'Пишите на почту']);
        expect(await st().getQuickReplies('beta')).toEqual([]);
        expect(await st().chatReadMarks('acc-1')).toEqual({ 'st-1': 5, [`st-1/${REF_A}`]: 2 });
        expect(await st().chatReadMarks('acc-2')).toEqual({});
      });

      it('a failed write changes nothing', async () => {
        await st().addChatMessage(message('st-1', 'kept'));
        const all = async () => [
          await st().chatMessages('st-1', { threads: 'all', limit: 100 }),
          await st().chatLastId('st-1'),
          await st().chatThreadHeads('st-1'),
          await st().chatMutedUntil('st-1', REF_A),
          await st().getQuickReplies('alpha'),
          await st().chatReadMarks('acc-1'),
        ];
        await changesNothing(() => st().addChatMessage(message('st-1', 'lost')), all);
        await changesNothing(() => st().addChatMessage(message('st-9', 'lost on a new stand')), async () => [await all(), await st().chatStandIds()]);
        await changesNothing(() => st().deleteChatMessage('st-1', 1, 'acc-1', 1), all);
        await changesNothing(() => st().setChatMute('st-1', REF_A, 9_000, 'acc-1'), all);
        await changesNothing(() => st().setQuickReplies('alpha', ['lost']), all);
        await changesNothing(() => st().setChatReadMark('acc-1', 'st-1', 1), all);
        // Ids stay consecutive for what was acknowledged.
        expect((await st().addChatMessage(message('st-1', 'next'))).text).toBe('next');
        expect((await st().chatMessages('st-1', { threads: 'all', limit: 100 })).messages.map((m) => m.text)).toEqual(['kept', 'next']);
      });
    });

    describe('ping', () => {
      it('resolves when the store can write, rejects when it cannot', async () => {
        await st().ping();
        s.failWrites(true);
        await expect(st().ping()).rejects.toThrow();
        s.failWrites(false);
        await st().ping();
      });
    });

    describe('ids that are names of Object.prototype', () => {
      it('are unknown ids on every keyed read, and ordinary keys when written', async () => {
        for (const id of PROTO_KEYS) {
          expect(await st().getExhibitor(id)).toBeUndefined();
          expect(await st().getContent(id)).toEqual(EMPTY_CONTENT);
          expect(await st().getAccount(id)).toBeUndefined();
          expect(await st().findAccountByEmail(id)).toBeUndefined();
          expect(await st().getSession(id)).toBeUndefined();
          expect(await st().getLead(id)).toBeUndefined();
          expect(await st().updateLead(id, { status: 'done' })).toBeUndefined();
          expect(await st().listLeads(id)).toEqual([]);
          expect(await st().standDays(id)).toEqual({});
          expect(await st().getQuickReplies(id)).toEqual([]);
          expect(await st().chatReadMarks(id)).toEqual({});
          expect(await st().chatMutedUntil('st-1', id)).toBeUndefined();
          expect(await st().chatMutedUntil(id, REF_A)).toBeUndefined();
          await st().deleteSession(id);
        }
        for (const id of PROTO_KEYS) {
          await st().setQuickReplies(id, [`reply for ${id}`]);
          await st().setChatReadMark(id, id, 3);
          await st().countStandEvent(id, '2026-01-01', 'visits', id);
          await st().putContent(id, CONTENT);
        }
        await s.reopen();
        for (const id of PROTO_KEYS) {
          expect(await st().getQuickReplies(id)).toEqual([`reply for ${id}`]);
          expect(await st().chatReadMarks(id)).toEqual({ [id]: 3 });
          expect((await st().standDays(id))['2026-01-01']).toMatchObject({ visits: 1, visitors: [id] });
          expect(await st().getContent(id)).toEqual(CONTENT);
        }
        expect(Object.getPrototypeOf({})).toBe(Object.prototype);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      });
    });
  });
}
