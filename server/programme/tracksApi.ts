// Learning tracks over HTTP (paths in shared/programme/tracksView.ts). A track belongs to the
// signed visitor id of the browser that built it (res.locals.visitorId, server/visitors):
// its id is its share link, so anyone with it may read it, but only the owner edits or
// deletes it (403 for others, who may copy it instead: "make it mine"). Every body is parsed
// by its schema; an edit may only add things that exist (events, webinars, stands), and a bad
// request changes nothing. New tracks (built or copied) are limited per address and edits per
// visitor, so a script cannot fill the store (a fresh cookie per request would dodge a
// per-visitor limit on creation).
import { randomBytes } from 'node:crypto';
import { type Request, type Response, Router } from 'express';
import { apiPath } from '../../shared/api.ts';
import {
  MAX_TRACKS_PER_VISITOR,
  NewTrackBody,
  type Track,
  TrackEditBody,
  TrackId,
  type TrackItem,
  buildTrack,
  copiedItems,
  defaultTrackTitle,
  refKey,
} from '../../shared/programme/tracks.ts';
import { TRACKS_API, trackPageView, trackSummary } from '../../shared/programme/tracksView.ts';
import { addressKey, tooMany } from '../http/rateLimit.ts';
import { parseOr400 } from '../http/validate.ts';
import type { Limits, SharedWindowLimiter } from '../limits.ts';
import type { StoredTrack, TrackStore } from '../storage/trackStore.ts';
import type { TracksWorldSource } from './tracksWorld.ts';

/** What the owner is offered to add: a longer build than a new track gets. */
const SUGGESTION_LIMITS = { recordings: 8, events: 10, webinars: 8, stands: 6 };

export interface TracksApiDeps {
  storage: TrackStore;
  world: TracksWorldSource;
  limits: Limits;
  /** New tracks per address and minute (default 20). */
  createsPerMinute?: number;
  /** Edits per visitor and minute (default 240: every tick and move is one). */
  editsPerMinute?: number;
  /** Epoch ms for createdAt/updatedAt (the real clock; tests may fix it). */
  realNow?: () => number;
}

const newTrackId = () => randomBytes(12).toString('base64url');
const fresh = { 'Cache-Control': 'no-store' };

/** The visitor's public view of a stored track: the owner's id stays on the server. */
function wire(t: StoredTrack): Track {
  const { owner: _owner, ...track } = t;
  return track;
}

export function tracksApi(deps: TracksApiDeps): Router {
  const r = Router();
  const realNow = deps.realNow ?? Date.now;
  const { storage, world } = deps;
  const visitor = (res: Response) => res.locals.visitorId!;
  const creates = deps.limits.window(deps.createsPerMinute ?? 20, 60_000, 'trackCreates');
  const edits = deps.limits.window(deps.editsPerMinute ?? 240, 60_000, 'trackEdits');

  /** Counts one try under `limiter`; false after answering 429. */
  async function allowed(limiter: SharedWindowLimiter, key: string, res: Response, what: string): Promise<boolean> {
    const wait = await limiter.blockedFor(key);
    if (wait > 0) {
      tooMany(res, wait, what);
      return false;
    }
    await limiter.hit(key);
    return true;
  }

  async function pageOf(t: StoredTrack, viewer: string) {
    const mine = t.owner === viewer;
    const w = await world.world();
    const suggestions = mine ? buildTrack(t.topics, t.level, await world.sources(), w.now, SUGGESTION_LIMITS) : [];
    return trackPageView(wire(t), mine, w, suggestions);
  }

  /** The track of the path, or undefined after answering 400/404. */
  async function found(req: Request, res: Response): Promise<StoredTrack | undefined> {
    const id = String(req.params.trackId);
    if (!TrackId.safeParse(id).success) {
      res.status(404).json({ error: `track "${id}" not found` });
      return undefined;
    }
    const t = await storage.getTrack(id);
    if (!t) res.status(404).json({ error: `track "${id}" not found` });
    return t;
  }

  /** The owner's track, or undefined after answering 404 or 403. */
  async function owned(req: Request, res: Response): Promise<StoredTrack | undefined> {
    const t = await found(req, res);
    if (t && t.owner !== visitor(res)) {
      res.status(403).json({ error: 'this track is someone else’s: copy it to change it' });
      return undefined;
    }
    return t;
  }

  async function roomFor(res: Response): Promise<boolean> {
    if ((await storage.tracksOf(visitor(res))).length < MAX_TRACKS_PER_VISITOR) return true;
    res.status(409).json({ error: `a visitor keeps at most ${MAX_TRACKS_PER_VISITOR} tracks: delete one first` });
    return false;
  }

  r.get(TRACKS_API.tracks, async (_req, res) => {
    const mine = await storage.tracksOf(visitor(res));
    res.set(fresh).json({ tracks: mine.map((t) => trackSummary(wire(t))) });
  });

  r.post(TRACKS_API.tracks, async (req, res) => {
    const body = parseOr400(NewTrackBody, req.body, res);
    if (!body || !(await allowed(creates, addressKey(req.ip), res, 'new tracks from this address')) || !(await roomFor(res))) return;
    const w = await world.world();
    const items = buildTrack(body.topics, body.level, await world.sources(), w.now);
    const at = realNow();
    const track: StoredTrack = {
      id: newTrackId(),
      owner: visitor(res),
      title: body.title ?? defaultTrackTitle(body.topics),
      topics: body.topics,
      level: body.level,
      items,
      createdAt: at,
      updatedAt: at,
    };
    await storage.createTrack(track);
    res.status(201).set(fresh).location(apiPath(TRACKS_API.track, { trackId: track.id })).json(await pageOf(track, track.owner));
  });

  r.get(TRACKS_API.track, async (req, res) => {
    const t = await found(req, res);
    if (t) res.set(fresh).json(await pageOf(t, visitor(res)));
  });

  r.put(TRACKS_API.track, async (req, res) => {
    const t = await owned(req, res);
    if (!t) return;
    const body = parseOr400(TrackEditBody, req.body, res);
    if (!body || !(await allowed(edits, t.owner, res, 'changes to tracks'))) return;
    // Items already in the track may have gone from the programme since; new ones must exist.
    const had = new Set(t.items.map(refKey));
    const w = await world.world();
    const unknown = body.items.flatMap((item: TrackItem, i) => {
      if (had.has(refKey(item))) return [];
      const exists =
        item.kind === 'event'
          ? w.event(item.eventId) !== undefined
          : item.kind === 'stand'
            ? w.stand(item.exhibitorId) !== undefined
            : (w.stand(item.exhibitorId)?.webinars.some((x) => x.id === item.webinarId) ?? false);
      return exists ? [] : [`items.${i}: there is no ${refKey(item).replace(':', ' ')}`];
    });
    if (unknown.length > 0) {
      res.status(400).json({ error: 'the request body is not valid', details: unknown });
      return;
    }
    const next: StoredTrack = { ...t, ...(body.title ? { title: body.title } : {}), items: body.items, updatedAt: realNow() };
    await storage.putTrack(next);
    res.set(fresh).json(await pageOf(next, next.owner));
  });

  r.delete(TRACKS_API.track, async (req, res) => {
    const t = await owned(req, res);
    if (!t) return;
    await storage.deleteTrack(t.id, t.owner);
    res.status(204).end();
  });

  r.post(TRACKS_API.copy, async (req, res) => {
    const t = await found(req, res);
    if (!t || !(await allowed(creates, addressKey(req.ip), res, 'new tracks from this address')) || !(await roomFor(res))) return;
    const at = realNow();
    const copy: StoredTrack = {
      id: newTrackId(),
      owner: visitor(res),
      title: t.title,
      topics: t.topics,
      level: t.level,
      items: copiedItems(t.items),
      copiedFrom: t.id,
      createdAt: at,
      updatedAt: at,
    };
    await storage.createTrack(copy);
    res.status(201).set(fresh).location(apiPath(TRACKS_API.track, { trackId: copy.id })).json(await pageOf(copy, copy.owner));
  });

  return r;
}
