// The JSON API: health and readiness (health.ts), floors and exhibitors. Paths come from
// shared/api.ts.
import { Router } from 'express';
import { API, type LevelProblemList } from '../../shared/api.ts';
import { formatProblem } from '../../shared/level/validate.ts';
import type { LevelStore } from '../levels/levelStore.ts';
import type { Storage } from '../storage/storage.ts';
import { type Lifecycle, healthRouter } from './health.ts';

/** Until told otherwise, a server that answers is listening and not shutting down. */
const ALWAYS_UP: Lifecycle = { listening: () => true, closing: () => false };

export function apiRouter(levels: LevelStore, storage: Storage, lifecycle: Lifecycle = ALWAYS_UP): Router {
  const r = Router();

  r.use(healthRouter(levels, storage, lifecycle));

  r.get(API.floors, (_req, res) => {
    res.json(levels.summaries().sort((a, b) => a.order - b.order));
  });

  r.get(API.floor, (req, res) => {
    const floor = levels.get(String(req.params.floorId));
    if (!floor) {
      res.status(404).json({ error: `floor "${String(req.params.floorId)}" not found` });
      return;
    }
    res.set('Cache-Control', 'no-cache').json(floor);
  });

  r.get(API.levelProblems, (_req, res) => {
    const body: LevelProblemList = { problems: levels.problems.map(formatProblem) };
    res.set('Cache-Control', 'no-cache').json(body);
  });

  r.get(API.directory, (_req, res) => {
    res.set('Cache-Control', 'no-cache').json(levels.directory());
  });

  r.get(API.exhibitors, async (_req, res) => {
    res.set('Cache-Control', 'no-cache').json(await storage.listExhibitors());
  });

  r.get(API.exhibitor, async (req, res) => {
    const e = await storage.getExhibitor(String(req.params.exhibitorId));
    if (!e) {
      res.status(404).json({ error: `exhibitor "${String(req.params.exhibitorId)}" not found` });
      return;
    }
    res.json(e);
  });

  r.use('/api', (_req, res) => {
    res.status(404).json({ error: 'no such API endpoint' });
  });
  return r;
}
