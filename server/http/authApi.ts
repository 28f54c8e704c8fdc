// Cabinet log in / log out / who am I / password change. Paths come from shared/api.ts.
import { Router } from 'express';
import { LoginBody, PasswordChangeBody } from '../../shared/accounts.ts';
import { API } from '../../shared/api.ts';
import { toMe } from '../auth/me.ts';
import { currentMe, requireAccount, sameOriginOnly } from '../auth/middleware.ts';
import { hashPassword, verifyNothing, verifyPassword } from '../auth/passwords.ts';
import { clearedSessionCookie, hashToken, sessionCookie, startSession, tokenFromCookie } from '../auth/sessions.ts';
import { normaliseEmail } from '../storage/lowdb/accounts.ts';
import type { Storage } from '../storage/storage.ts';
import { WindowLimiter, tooMany } from './rateLimit.ts';
import { parseOr400 } from './validate.ts';

export interface AuthApiOptions {
  /** Failed logins per IP and e-mail before 429 (default 5 per 15 minutes). */
  loginFailures?: number;
  loginWindowMs?: number;
}

/** One message for an unknown e-mail and a wrong password, so addresses cannot be probed. */
const BAD_LOGIN = 'wrong e-mail or password';

export function authApi(storage: Storage, options: AuthApiOptions = {}): Router {
  const r = Router();
  const failures = new WindowLimiter(options.loginFailures ?? 5, options.loginWindowMs ?? 15 * 60_000);
  r.use(['/api/auth'], sameOriginOnly);

  r.post(API.login, async (req, res) => {
    const body = parseOr400(LoginBody, req.body, res);
    if (!body) return;
    const key = `${req.ip ?? '?'}|${normaliseEmail(body.email)}`;
    const wait = failures.blockedFor(key);
    if (wait > 0) {
      tooMany(res, wait, 'failed logins');
      return;
    }
    const account = await storage.findAccountByEmail(body.email);
    const ok = account ? await verifyPassword(body.password, account.passwordHash) : await verifyNothing(body.password);
    if (!account || !ok) {
      failures.hit(key);
      res.status(401).json({ error: BAD_LOGIN });
      return;
    }
    failures.clear(key);
    const { token } = await startSession(storage, account.id);
    res.set('Cache-Control', 'no-store').append('Set-Cookie', sessionCookie(token, req.secure)).json(toMe(account));
  });

  r.post(API.logout, async (req, res) => {
    const token = tokenFromCookie(req.headers.cookie);
    if (token) await storage.deleteSession(hashToken(token));
    res.append('Set-Cookie', clearedSessionCookie(req.secure)).status(204).end();
  });

  r.get(API.me, requireAccount, (_req, res) => {
    res.set('Cache-Control', 'no-store').json(currentMe(res));
  });

  r.post(API.password, requireAccount, async (req, res) => {
    const body = parseOr400(PasswordChangeBody, req.body, res);
    if (!body) return;
    const me = currentMe(res);
    // A stolen session must not become a way to guess the password either.
    const key = `account|${me.id}`;
    const wait = failures.blockedFor(key);
    if (wait > 0) {
      tooMany(res, wait, 'wrong passwords');
      return;
    }
    const account = await storage.getAccount(me.id);
    if (!account || !(await verifyPassword(body.current, account.passwordHash))) {
      failures.hit(key);
      res.status(400).json({ error: 'the password was not changed', details: ['current: the current password is wrong'] });
      return;
    }
    if (body.next === body.current) {
      res.status(400).json({ error: 'the password was not changed', details: ['next: the new password must differ from the current one'] });
      return;
    }
    failures.clear(key);
    await storage.setPasswordHash(account.id, await hashPassword(body.next));
    // Everyone else who knew the old password is logged out; this browser stays in.
    await storage.deleteSessionsOf(account.id, res.locals.sessionHash);
    res.status(204).end();
  });

  return r;
}
