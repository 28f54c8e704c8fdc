// "My programme" over HTTP: the visitor's own stars, reminder settings, calendar-feed address
// and transfer codes, always those of the signed visitor cookie (res.locals.visitorId), so no
// request can name another visitor; the calendar feed is found by its secret token alone.
// Bodies are zod-validated (shared/programme/myProgramme.ts); a refused request changes nothing.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { type Request, type Response, Router } from 'express';
import { API } from '../../shared/api.ts';
import {
  MAX_STARRED,
  type MyProgrammeView,
  RedeemBody,
  ReminderBody,
  StarBody,
  TRANSFER_ALPHABET,
  TRANSFER_CODE_LENGTH,
  TRANSFER_TTL_MS,
  type TransferCodeView,
  formatTransferCode,
} from '../../shared/programme/myProgramme.ts';
import { addressKey, tooMany } from '../http/rateLimit.ts';
import { parseOr400 } from '../http/validate.ts';
import type { Limits } from '../limits.ts';
import type { VisitorProgrammeRecord, VisitorProgrammeStore } from '../storage/visitorProgrammeStore.ts';
import type { VisitorIds } from '../visitors/visitorId.ts';
import { calendarFeed } from './calendarFeed.ts';
import type { EventLedger } from './eventLedgerSync.ts';
import type { ProgrammeStore } from './programmeStore.ts';

export interface MyProgrammeDeps {
  storage: VisitorProgrammeStore;
  programme: ProgrammeStore;
  ledger: EventLedger;
  visitors: Pick<VisitorIds, 'cookieFor'>;
  limits: Limits;
  /** Told after every change of a visitor's record (the e-mail reminders follow it). */
  changed(visitorId: string, record: VisitorProgrammeRecord): void;
  /** Real time (transfer codes expire on it; the fair clock is for the programme). */
  now(): number;
}

export const TRANSFER_PAGE = '/programme/my';
const feedPathOf = (token: string) => API.programmeFeed.replace(':token', token);
const hashCode = (code: string) => createHash('sha256').update(`transfer\n${code}`).digest('hex');
/** 24 random bytes: the feed address is as hard to guess as a session token. */
const freshToken = () => randomBytes(24).toString('base64url');

function transferCode(): string {
  let code = '';
  for (let i = 0; i < TRANSFER_CODE_LENGTH; i++) code += TRANSFER_ALPHABET[randomInt(TRANSFER_ALPHABET.length)];
  return code;
}

export function myProgrammeApi(d: MyProgrammeDeps): Router {
  const r = Router();
  const writes = d.limits.window(120, 60_000, 'myProgrammeWrites');
  // Guessing a code is hopeless (50 bits, 15 minutes, once); this keeps anyone from trying.
  const redeems = d.limits.window(10, 10 * 60_000, 'transferRedeems');
  const noStore = { 'Cache-Control': 'no-store' };

  const visitorOf = (res: Response) => res.locals.visitorId!;

  async function allowed(limiter: ReturnType<Limits['window']>, key: string, res: Response, what: string): Promise<boolean> {
    const wait = await limiter.blockedFor(key);
    if (wait > 0) {
      tooMany(res, wait, what);
      return false;
    }
    await limiter.hit(key);
    return true;
  }

  async function view(visitorId: string): Promise<MyProgrammeView> {
    const rec = await d.storage.visitorProgramme(visitorId);
    const token = rec.feedToken;
    const events = rec.starred.flatMap(({ eventId }) => {
      const e = d.programme.event(eventId);
      return e ? [{ id: e.id, title: e.title, start: e.start, duration: e.duration }] : [];
    });
    const removed = rec.starred.flatMap(({ eventId }) => {
      const gone = d.programme.event(eventId) ? undefined : d.ledger.entry(eventId);
      return gone ? [{ id: eventId, title: gone.snapshot.title, start: gone.snapshot.start }] : [];
    });
    return { starred: rec.starred, events, removed, reminders: rec.reminders, feedPath: token === null ? null : feedPathOf(token) };
  }

  async function changed(visitorId: string): Promise<MyProgrammeView> {
    d.changed(visitorId, await d.storage.visitorProgramme(visitorId));
    return view(visitorId);
  }

  r.get(API.myProgramme, async (_req, res) => {
    res.set(noStore).json(await view(visitorOf(res)));
  });

  r.post(API.myProgrammeStars, async (req, res) => {
    const me = visitorOf(res);
    if (!(await allowed(writes, me, res, 'changes from this browser'))) return;
    const body = parseOr400(StarBody, req.body, res);
    if (!body) return;
    // Anything may be unstarred (an event since removed); only events of the programme starred.
    if (body.starred && !d.programme.event(body.eventId)) {
      res.status(404).json({ error: `event "${body.eventId}" not found` });
      return;
    }
    const mine = await d.storage.visitorProgramme(me);
    if (body.starred && mine.starred.length >= MAX_STARRED && !mine.starred.some((s) => s.eventId === body.eventId)) {
      res.status(409).json({ error: `at most ${MAX_STARRED} starred events` });
      return;
    }
    await d.storage.setStarred(me, body.eventId, body.starred, d.now(), MAX_STARRED);
    // The first star brings the calendar address (visiting alone stores nothing).
    if (body.starred) await d.storage.ensureFeedToken(me, freshToken());
    res.set(noStore).json(await changed(me));
  });

  r.put(API.myProgrammeReminders, async (req, res) => {
    const me = visitorOf(res);
    if (!(await allowed(writes, me, res, 'changes from this browser'))) return;
    const body = parseOr400(ReminderBody, req.body, res);
    if (!body) return;
    const before = (await d.storage.visitorProgramme(me)).reminders;
    // Consent is dated when the address is given (again); a lead-time change keeps the date.
    const consentAt = body.email === null ? null : before.email === body.email && before.consentAt !== null ? before.consentAt : d.now();
    await d.storage.setReminderSettings(me, { leadMinutes: body.leadMinutes, email: body.email, consentAt });
    res.set(noStore).json(await changed(me));
  });

  r.post(API.myProgrammeFeed, async (_req, res) => {
    const me = visitorOf(res);
    if (!(await allowed(writes, me, res, 'changes from this browser'))) return;
    await d.storage.replaceFeedToken(me, freshToken());
    res.set(noStore).json(await view(me));
  });

  r.post(API.myProgrammeTransfer, async (_req, res) => {
    const me = visitorOf(res);
    if (!(await allowed(writes, me, res, 'changes from this browser'))) return;
    const code = transferCode();
    const expiresAt = d.now() + TRANSFER_TTL_MS;
    await d.storage.addTransferCode({ codeHash: hashCode(code), visitorId: me, expiresAt });
    const out: TransferCodeView = { code: formatTransferCode(code), linkPath: `${TRANSFER_PAGE}?transfer=${code}`, expiresAt };
    res.set(noStore).json(out);
  });

  r.post(API.myProgrammeRedeem, async (req: Request, res) => {
    const me = visitorOf(res);
    if (!(await allowed(redeems, addressKey(req.ip), res, 'codes tried from this address'))) return;
    const body = parseOr400(RedeemBody, req.body, res);
    if (!body) return;
    const owner = await d.storage.takeTransferCode(hashCode(body.code), d.now());
    if (owner === undefined) {
      res.status(404).json({ error: 'this code is unknown, used or expired: make a new one in the other browser' });
      return;
    }
    if (owner !== me) {
      // This browser's own stars join the moved programme; then the browser becomes its owner
      // (the signed cookie), so both browsers share one programme from now on.
      await d.storage.mergeVisitorProgramme(me, owner);
      d.changed(me, await d.storage.visitorProgramme(me));
      res.append('Set-Cookie', d.visitors.cookieFor(owner));
    }
    res.set(noStore).json(await changed(owner));
  });

  r.get(API.programmeFeed, async (req, res) => {
    const token = String(req.params.token);
    const visitorId = /^[A-Za-z0-9_-]{16,64}$/.test(token) ? await d.storage.visitorOfFeedToken(token) : undefined;
    const p = d.programme.programme;
    if (visitorId === undefined || !p) {
      res.status(404).json({ error: 'no such calendar feed' });
      return;
    }
    const rec = await d.storage.visitorProgramme(visitorId);
    const base = p.meta.url ?? `${req.protocol}://${req.get('host') ?? 'localhost'}/`;
    const clusterTitle = (id: string) => p.clusters.find((c) => c.id === id)?.title.ru ?? id;
    const items = rec.starred.map(({ eventId }) => {
      const event = d.programme.event(eventId);
      const ledger = d.ledger.entry(eventId);
      const people = event ? [event.moderator, ...event.speakers].flatMap((s) => (s ? (d.programme.speaker(s)?.name.ru ?? []) : [])) : [];
      const cluster = event?.cluster ?? ledger?.snapshot.cluster ?? '';
      return { eventId, event, ledger, clusterTitle: clusterTitle(cluster), people, url: new URL(`programme/${encodeURIComponent(eventId)}`, base).toString() };
    });
    const ics = calendarFeed({
      items,
      host: new URL(base).hostname,
      leadMinutes: rec.reminders.leadMinutes,
      calendarName: `${p.meta.title.ru}: моя программа`,
      now: new Date(d.now()),
    });
    res
      .set('Content-Type', 'text/calendar; charset=utf-8')
      .set('Cache-Control', 'no-cache')
      // Secret address: never sent on as a referrer, never indexed.
      .set('X-Robots-Tag', 'noindex')
      .send(ics);
  });

  return r;
}
