// Health and readiness for operators and load balancers.
//   GET /api/health  200 { ok: true, floors, refusedProblems } while storage can write a
//                    durable probe (Storage.ping); else 503 { ok: false, storage, reason }
//   GET /api/ready   200 only while the server listens, is not shutting down and storage
//                    can write; else 503 with the reason. A balancer sends visitors here.
// Concurrent checks share one probe write, so polling cannot become a disk load of its own.
import { Router } from 'express';
import { API } from '../../shared/api.ts';
import type { LevelStore } from '../levels/levelStore.ts';
import type { Storage } from '../storage/storage.ts';

export interface Lifecycle {
  listening(): boolean;
  closing(): boolean;
}

/** A probe that has not answered by then counts as a failure (a hung disk, a lost mount). */
const PING_TIMEOUT_MS = 3000;

/** Why storage cannot write, without paths or data: the error code when there is one. */
function reasonOf(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return `storage cannot write${typeof code === 'string' ? ` (${code})` : ''}`;
}

export function healthRouter(levels: LevelStore, storage: Storage, lifecycle: Lifecycle): Router {
  const r = Router();
  let inFlight: Promise<string | null> | undefined;

  /** null when storage wrote the probe, else the reason it could not. */
  function storageProblem(): Promise<string | null> {
    inFlight ??= new Promise<string | null>((resolve) => {
      const timer = setTimeout(() => resolve(`storage did not answer within ${PING_TIMEOUT_MS / 1000} s`), PING_TIMEOUT_MS);
      storage.ping().then(
        () => resolve(null),
        (e: unknown) => resolve(reasonOf(e)),
      ).finally(() => clearTimeout(timer));
    }).finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }

  r.get(API.health, async (_req, res) => {
    const problem = await storageProblem();
    const body = { ok: problem === null, floors: levels.list().length, refusedProblems: levels.problems.length };
    res.set('Cache-Control', 'no-store');
    if (problem) res.status(503).json({ ...body, storage: 'not writable', reason: problem });
    else res.json(body);
  });

  r.get(API.ready, async (_req, res) => {
    res.set('Cache-Control', 'no-store');
    const problem = lifecycle.closing()
      ? 'shutting down'
      : !lifecycle.listening()
        ? 'not listening yet'
        : await storageProblem();
    if (problem) res.status(503).json({ ready: false, reason: problem });
    else res.json({ ready: true });
  });

  return r;
}
