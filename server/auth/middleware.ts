// Express guards for the cabinet (and the stand chat's staff side):
//   requireAccount     401 without a live session; sets res.locals.me
//   requireActFor(p)   403 unless the account may act for the exhibitor in req.params[p]
//   sameOriginOnly     403 for state-changing requests sent from another site
// The session store is the app's (see useAuthStorage), so the guards are plain middleware.
import type { Application, NextFunction, Request, RequestHandler, Response } from 'express';
import { type Me, canActFor } from '../../shared/accounts.ts';
import type { Storage } from '../storage/storage.ts';
import { sessionFromCookie } from './sessions.ts';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      /** Set by requireAccount. */
      me?: Me;
      /** sha256 of the session token, set by requireAccount (logout, password change). */
      sessionHash?: string;
    }
  }
}

const STORAGE_KEY = 'authStorage';

/** Tells the guards which store holds sessions; startServer calls it once. */
export function useAuthStorage(app: Application, storage: Storage): void {
  app.locals[STORAGE_KEY] = storage;
}

function storageOf(req: Request): Storage {
  const s = req.app.locals[STORAGE_KEY] as Storage | undefined;
  if (!s) throw new Error('useAuthStorage(app, storage) was not called');
  return s;
}

export const requireAccount: RequestHandler = async (req, res, next) => {
  const session = await sessionFromCookie(storageOf(req), req.headers.cookie);
  if (!session) {
    res.status(401).json({ error: 'log in to the cabinet first' });
    return;
  }
  res.locals.me = session.me;
  res.locals.sessionHash = session.tokenHash;
  next();
};

/** The account set by requireAccount; throws when the guard is missing (a wiring bug). */
export function currentMe(res: Response): Me {
  const me = res.locals.me;
  if (!me) throw new Error('requireAccount must run before this handler');
  return me;
}

export function requireActFor(param = 'exhibitorId'): RequestHandler {
  return (req, res, next) => {
    const id = req.params[param];
    const me = currentMe(res);
    if (typeof id !== 'string' || !canActFor(me, id)) {
      res.status(403).json({ error: 'this account may not act for this exhibitor' });
      return;
    }
    next();
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookies are SameSite and bodies are JSON, which already stops classic CSRF; refusing a
 * state-changing request whose Origin is another host closes the remaining gaps (sibling
 * subdomains, old browsers). Requests without Origin (curl, same-origin GET) pass.
 */
export function sameOriginOnly(req: Request, res: Response, next: NextFunction): void {
  const origin = req.headers.origin;
  if (SAFE_METHODS.has(req.method) || origin === undefined) {
    next();
    return;
  }
  const host = req.headers.host;
  const originHost = URL.canParse(origin) ? new URL(origin).host : null;
  if (!host || originHost !== host) {
    res.status(403).json({ error: `cross-site request refused: Origin ${origin} is not this site` });
    return;
  }
  next();
}
