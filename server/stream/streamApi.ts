// The broadcast API for organisers and moderators: a stage's ingest URL and key, what the
// server receives (state, resolution, fps, bitrate, dropped frames), ffmpeg's log, and
// "go live" / "end". Visitors get only the public status of an event's stream (no key).
import { type RequestHandler, type Response, Router } from 'express';
import { API } from '../../shared/api.ts';
import { currentMe, requireAccount, sameOriginOnly } from '../auth/middleware.ts';
import { type StreamHall, StreamError } from './streamHall.ts';

/** Broadcasting is for organisers and moderators; exhibitors' staff never see stream keys. */
const requireBroadcaster: RequestHandler = (_req, res, next) => {
  const me = currentMe(res);
  if (me.role !== 'organiser' && me.role !== 'moderator') {
    res.status(403).json({ error: 'only organisers and moderators may broadcast' });
    return;
  }
  next();
};

function fail(res: Response, e: unknown): void {
  if (e instanceof StreamError) res.status(e.status).json({ error: e.message });
  else throw e;
}

export function streamApi(hall: StreamHall): Router {
  const r = Router();
  const noStore = { 'Cache-Control': 'no-store' };

  // Public: is this event's stream on, and is its recording ready? Nothing secret.
  r.get(API.streamStatus, async (req, res) => {
    try {
      const b = await hall.broadcast(String(req.params.eventId));
      res.set(noStore).json({ eventId: b.eventId, state: b.state, playlist: b.playlist, recordingReady: b.recordingReady, segments: b.segments });
    } catch (e) {
      fail(res, e);
    }
  });

  r.use('/api/broadcast', sameOriginOnly, requireAccount, requireBroadcaster);

  r.get(API.broadcastStages, (_req, res) => {
    res.set(noStore).json({ stages: hall.stages() });
  });

  r.get(API.broadcastEvent, async (req, res) => {
    try {
      res.set(noStore).json(await hall.broadcast(String(req.params.eventId)));
    } catch (e) {
      fail(res, e);
    }
  });

  r.get(API.broadcastLogs, async (req, res) => {
    try {
      const b = await hall.broadcast(String(req.params.eventId));
      res.set(noStore).json({ stage: b.stage, lines: hall.logOf(b.stage).tail() });
    } catch (e) {
      fail(res, e);
    }
  });

  r.post(API.broadcastLive, async (req, res) => {
    try {
      res.set(noStore).json(await hall.goLive(String(req.params.eventId)));
    } catch (e) {
      fail(res, e);
    }
  });

  r.post(API.broadcastEnd, async (req, res) => {
    try {
      res.set(noStore).json(await hall.end(String(req.params.eventId)));
    } catch (e) {
      fail(res, e);
    }
  });

  return r;
}
