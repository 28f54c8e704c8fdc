// The broadcast API for organisers and the event's moderators (shared/eventModerators.ts): a
// stage's ingest URL and key, what the server receives (state, resolution, fps, bitrate,
// dropped frames), the live viewer count, ffmpeg's log, "go live" / "end", a new key, and who
// moderates the event. Visitors get only the public status of an event's stream (no key).
// Exhibitor staff see keys only of events an organiser made them moderators of.
import { type Request, type RequestHandler, type Response, Router } from 'express';
import { API } from '../../shared/api.ts';
import type { StreamStatus } from '../../shared/broadcast.ts';
import { EventModeratorsBody } from '../../shared/eventModerators.ts';
import { currentMe, requireAccount, sameOriginOnly } from '../auth/middleware.ts';
import { parseOr400 } from '../http/validate.ts';
import { audit } from '../organiser/audit.ts';
import { type EventModerators, ModeratorsRefused } from '../organiser/eventModerators.ts';
import type { OrganiserStore } from '../storage/organiserStore.ts';
import { type StreamHall, StreamError } from './streamHall.ts';

export interface StreamApiDeps {
  moderators: EventModerators;
  /** Where go live / end / new key are recorded. */
  auditLog: Pick<OrganiserStore, 'appendAudit'>;
  /** Whether the programme has this event (moderators are assigned whatever its source). */
  eventExists: (eventId: string) => boolean;
}

/** The list of every stage is for organisers and moderators; exhibitors' staff never see it. */
const requireBroadcaster: RequestHandler = (_req, res, next) => {
  const me = currentMe(res);
  if (me.role !== 'organiser' && me.role !== 'moderator') {
    res.status(403).json({ error: 'only organisers and moderators may broadcast' });
    return;
  }
  next();
};

function fail(res: Response, e: unknown): void {
  if (e instanceof StreamError || e instanceof ModeratorsRefused) res.status(e.status).json({ error: e.message });
  else throw e;
}

const eventIdOf = (req: Request) => String(req.params.eventId);

const STATUS_CACHE_MS = 1000;

export function streamApi(hall: StreamHall, deps: StreamApiDeps): Router {
  const r = Router();
  const noStore = { 'Cache-Control': 'no-store' };

  /** The event's broadcasters only: organisers, its assigned moderators, or any moderator while none is assigned. */
  const requireEventBroadcaster: RequestHandler = async (req, res, next) => {
    const me = currentMe(res);
    if (!(await deps.moderators.may(me, eventIdOf(req)))) {
      res.status(403).json({ error: 'you do not moderate this event' });
      return;
    }
    next();
  };
  const requireOrganiser: RequestHandler = (_req, res, next) => {
    if (currentMe(res).role !== 'organiser') {
      res.status(403).json({ error: 'only organisers may do this' });
      return;
    }
    next();
  };

  // Public: is this event's stream on, is its recording ready, how many watch? Nothing secret.
  // Every player asks while it plays (for the viewer count): one answer per event and second
  // serves them all, instead of a playlist read and segment stats per request.
  const statusCache = new Map<string, { at: number; body: Promise<StreamStatus> }>();
  const statusOf = (eventId: string): Promise<StreamStatus> => {
    const now = Date.now();
    const hit = statusCache.get(eventId);
    if (hit && now - hit.at < STATUS_CACHE_MS) return hit.body;
    if (statusCache.size > 1000) for (const [k, v] of statusCache) if (now - v.at >= STATUS_CACHE_MS) statusCache.delete(k);
    const body = hall.broadcast(eventId).then((b) => ({ eventId: b.eventId, state: b.state, playlist: b.playlist, recordingReady: b.recordingReady, segments: b.segments, viewers: b.viewers }));
    // A refusal (no such event) is not kept: it is cheap and must not outlive a programme reload.
    body.catch(() => statusCache.delete(eventId));
    statusCache.set(eventId, { at: now, body });
    return body;
  };
  r.get(API.streamStatus, async (req, res) => {
    try {
      res.set(noStore).json(await statusOf(eventIdOf(req)));
    } catch (e) {
      fail(res, e);
    }
  });

  r.use('/api/broadcast', sameOriginOnly, requireAccount);
  r.use('/api/broadcast/events/:eventId', requireEventBroadcaster);

  r.get(API.broadcastStages, requireBroadcaster, (_req, res) => {
    res.set(noStore).json({ stages: hall.stages() });
  });

  r.get(API.broadcastEvent, async (req, res) => {
    try {
      res.set(noStore).json(await hall.broadcast(eventIdOf(req)));
    } catch (e) {
      fail(res, e);
    }
  });

  r.get(API.broadcastLogs, async (req, res) => {
    try {
      const b = await hall.broadcast(eventIdOf(req));
      res.set(noStore).json({ stage: b.stage, lines: hall.logOf(b.stage).tail() });
    } catch (e) {
      fail(res, e);
    }
  });

  r.post(API.broadcastLive, async (req, res) => {
    try {
      const b = await hall.goLive(eventIdOf(req));
      await audit(deps.auditLog, currentMe(res), 'stream.live', b.eventId, `stage ${b.stage}`);
      res.set(noStore).json(b);
    } catch (e) {
      fail(res, e);
    }
  });

  r.post(API.broadcastEnd, async (req, res) => {
    try {
      const b = await hall.end(eventIdOf(req));
      await audit(deps.auditLog, currentMe(res), 'stream.end', b.eventId, `stage ${b.stage}, ${b.segments} segments`);
      res.set(noStore).json(b);
    } catch (e) {
      fail(res, e);
    }
  });

  // A leaked key: a new one for the stage (every event on it), never shown in the audit log.
  r.post(API.broadcastKey, requireOrganiser, async (req, res) => {
    try {
      const b = await hall.regenerateKey(eventIdOf(req));
      await audit(deps.auditLog, currentMe(res), 'stream.key', b.stage, `regenerated from event ${b.eventId}`);
      res.set(noStore).json(b);
    } catch (e) {
      fail(res, e);
    }
  });

  r.get(API.broadcastModerators, async (req, res) => {
    try {
      res.set(noStore).json(await deps.moderators.view(currentMe(res), eventIdOf(req)));
    } catch (e) {
      fail(res, e);
    }
  });

  r.put(API.broadcastModerators, requireOrganiser, async (req, res) => {
    try {
      const eventId = eventIdOf(req);
      if (!deps.eventExists(eventId)) {
        res.status(404).json({ error: `event "${eventId}" not found` });
        return;
      }
      const body = parseOr400(EventModeratorsBody, req.body, res);
      if (!body) return;
      res.set(noStore).json(await deps.moderators.assign(currentMe(res), eventId, body.accountIds));
    } catch (e) {
      fail(res, e);
    }
  });

  return r;
}
