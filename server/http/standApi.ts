// What visitors do at a stand, no account needed: read the interior, count visits, plays and
// downloads, leave a callback request or a business card for the materials, take a webinar to
// their calendar. Paths come from shared/api.ts; every body is zod-validated. Leads are built
// and accepted by server/services/leads.ts; analytics count the signed visitor-id cookie.
import { type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { StandEvent } from '../../shared/analytics.ts';
import { API, type LeadAccepted } from '../../shared/api.ts';
import type { Exhibitor } from '../../shared/exhibitor.ts';
import { CallbackRequest, CardForMaterials } from '../../shared/leads.ts';
import { viewUrl } from '../../shared/routes.ts';
import type { EventBus } from '../events/bus.ts';
import type { LevelStore } from '../levels/levelStore.ts';
import type { Mailer } from '../mail/types.ts';
import type { StandAnalyticsService } from '../services/analytics.ts';
import { LeadService, newLead } from '../services/leads.ts';
import type { Storage } from '../storage/storage.ts';
import { webinarCalendar } from './ics.ts';
import type { Limits } from '../limits.ts';
import { tooMany } from './rateLimit.ts';
import { parseOr400 } from './validate.ts';

export interface StandApiDeps {
  /** Where rate limiters come from (the composition root's). */
  limits: Limits;
  storage: Storage;
  levels: LevelStore;
  mailer: Mailer;
  bus: EventBus;
  analytics: StandAnalyticsService;
  /** Origin for links in e-mails; else the request's own. */
  publicUrl?: string;
  /** The address the server listens on (known once it listens), for e-mail links. */
  ownUrl: () => string;
  /** Lead forms per visitor IP and minute (default 10). */
  leadsPerMinute?: number;
  /** Analytics events per visitor IP and minute (default 120). */
  eventsPerMinute?: number;
}

const StandQuery = z.object({ stand: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a stand id').optional() });

/** The request's origin, for links in a calendar file that goes back to the same requester. */
export function baseUrlOf(req: Request, publicUrl: string | undefined): string {
  return publicUrl ?? `${req.protocol}://${req.get('host') ?? '127.0.0.1'}`;
}

/**
 * The origin for links in e-mail. A Host header is the client's to forge, and a card may name
 * anyone's address, so mail never trusts it: PUBLIC_URL (set it in production), else the
 * address the server itself listens on.
 */
export function mailBaseUrl(publicUrl: string | undefined, ownUrl: () => string): string {
  return publicUrl ?? ownUrl();
}

/** Client path of the stand a lead came from, else the exhibitor's stand on the first floor. */
export function standPathOf(levels: LevelStore, exhibitorId: string, standId?: string): string | undefined {
  const floors = [...levels.list()].sort((x, y) => x.order - y.order);
  const stands = floors.flatMap((f) => f.stands.filter((s) => s.exhibitor === exhibitorId).map((s) => ({ floor: f.id, stand: s.id })));
  const stand = stands.find((s) => s.stand === standId) ?? stands[0];
  return stand && viewUrl({ kind: 'stand', floorId: stand.floor, standId: stand.stand });
}

export function standApi(deps: StandApiDeps): Router {
  const { storage, levels, mailer, bus, analytics } = deps;
  const leads = new LeadService(storage, analytics, bus);
  const r = Router();
  const leadLimit = deps.limits.window(deps.leadsPerMinute ?? 10, 60_000, 'leads');
  const eventLimit = deps.limits.window(deps.eventsPerMinute ?? 120, 60_000, 'standEvents');

  async function exhibitorOr404(req: Request, res: Response): Promise<Exhibitor | undefined> {
    const id = String(req.params.exhibitorId);
    const e = await storage.getExhibitor(id);
    if (!e) res.status(404).json({ error: `exhibitor "${id}" not found` });
    return e;
  }

  /** The stand (of this exhibitor) a lead came from, from "?stand=": undefined after a 400. */
  function standOf(req: Request, res: Response, exhibitorId: string): { standId?: string } | undefined {
    const q = parseOr400(StandQuery, req.query, res, 'the query');
    if (!q) return undefined;
    if (q.stand === undefined) return {};
    if (!levels.directory().some((d) => d.stand === q.stand && d.exhibitor === exhibitorId)) {
      res.status(400).json({ error: 'the query is not valid', details: [`stand: "${q.stand}" is not a stand of this exhibitor`] });
      return undefined;
    }
    return { standId: q.stand };
  }

  /** Counts a lead-form attempt; false after answering 429. */
  async function leadAllowed(req: Request, res: Response): Promise<boolean> {
    const key = req.ip ?? '?';
    const wait = await leadLimit.blockedFor(key);
    if (wait > 0) {
      tooMany(res, wait, 'requests from this address');
      return false;
    }
    await leadLimit.hit(key);
    return true;
  }

  r.get(API.standContent, async (req, res) => {
    if (!(await exhibitorOr404(req, res))) return;
    res.set('Cache-Control', 'no-cache').json(await storage.getContent(String(req.params.exhibitorId)));
  });

  r.post(API.standEvents, async (req, res) => {
    const wait = await eventLimit.blockedFor(req.ip ?? '?');
    if (wait > 0) {
      tooMany(res, wait, 'events from this address');
      return;
    }
    await eventLimit.hit(req.ip ?? '?');
    const e = await exhibitorOr404(req, res);
    if (!e) return;
    const event = parseOr400(StandEvent, req.body, res);
    if (!event) return;
    // The signed cookie's id, never the body's: a made-up id must not count as another visitor.
    await analytics.record(e.id, { kind: event.kind, visitorId: res.locals.visitorId });
    res.status(204).end();
  });

  r.post(API.callback, async (req, res) => {
    if (!(await leadAllowed(req, res))) return;
    const e = await exhibitorOr404(req, res);
    if (!e) return;
    const stand = standOf(req, res, e.id);
    if (!stand) return;
    const body = parseOr400(CallbackRequest, req.body, res);
    if (!body) return;
    const { consent: _consent, ...callback } = body;
    const lead = newLead(e.id, stand.standId, { kind: 'callback', callback });
    await leads.accept(lead);
    const answer: LeadAccepted = { id: lead.id, mail: 'none' };
    res.status(201).json(answer);
  });

  r.post(API.cardForMaterials, async (req, res) => {
    if (!(await leadAllowed(req, res))) return;
    const e = await exhibitorOr404(req, res);
    if (!e) return;
    const stand = standOf(req, res, e.id);
    if (!stand) return;
    const body = parseOr400(CardForMaterials, req.body, res);
    if (!body) return;
    const lead = newLead(e.id, stand.standId, { kind: 'card', card: body.card });
    await leads.accept(lead);
    // The card is the exhibitor's already; the e-mail goes out (and retries) on its own.
    mailer.sendMaterials({
      lead,
      exhibitor: e,
      content: await storage.getContent(e.id),
      baseUrl: mailBaseUrl(deps.publicUrl, deps.ownUrl),
      standPath: standPathOf(levels, e.id, lead.standId),
    });
    const answer: LeadAccepted = { id: lead.id, mail: 'queued' };
    res.status(201).json(answer);
  });

  r.get(API.webinarIcs, async (req, res) => {
    const e = await exhibitorOr404(req, res);
    if (!e) return;
    const webinarId = String(req.params.webinarId);
    const webinar = (await storage.getContent(e.id)).webinars.find((w) => w.id === webinarId);
    if (!webinar) {
      res.status(404).json({ error: `webinar "${webinarId}" not found at this stand` });
      return;
    }
    const base = baseUrlOf(req, deps.publicUrl);
    const standPath = standPathOf(levels, e.id);
    const ics = webinarCalendar({
      webinar,
      exhibitor: e,
      host: new URL(base).hostname,
      standUrl: standPath && base + standPath,
      now: new Date(),
    });
    res
      .set('Content-Type', 'text/calendar; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="${webinar.id}.ics"`)
      .set('Cache-Control', 'no-cache')
      .send(ics);
  });

  return r;
}
