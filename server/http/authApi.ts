// Cabinet log in / log out / who am I / password change. Paths come from shared/api.ts.
// Password checks are throttled (auth/loginThrottle.ts) and bounded (auth/hashGate.ts), so a
// login flood neither guesses far nor starves the disk of libuv threads.
import { Router, type Response } from 'express';
import { LoginBody, PasswordChangeBody, normaliseEmail } from '../../shared/accounts.ts';
import { API } from '../../shared/api.ts';
import { HashGate, HashGateFull } from '../auth/hashGate.ts';
import { LoginThrottle, type LoginThrottleOptions, isRefusal } from '../auth/loginThrottle.ts';
import { toMe } from '../auth/me.ts';
import { currentMe, requireAccount, sameOriginOnly } from '../auth/middleware.ts';
import { hashPassword, verifyNothing, verifyPassword } from '../auth/passwords.ts';
import { accountFromCookie, clearedSessionCookie, hashToken, sessionCookie, startSession, tokenFromCookie } from '../auth/sessions.ts';
import type { EventBus } from '../events/bus.ts';
import type { Storage } from '../storage/storage.ts';
import { WindowLimiter, addressKey, tooMany } from './rateLimit.ts';
import { parseOr400 } from './validate.ts';

export interface AuthApiOptions {
  /** Where logout and password changes are announced (staff tickets and connections end). */
  bus?: EventBus;
  /** Session cookies are Secure always (PUBLIC_URL is https), not only on https requests. */
  secureCookies?: boolean;
  /** Password hashes at once and queued; see HashGate. */
  hashConcurrency?: number;
  hashQueue?: number;
  throttle?: LoginThrottleOptions;
}

/** One message for an unknown e-mail and a wrong password, so addresses cannot be probed. */
const BAD_LOGIN = 'wrong e-mail or password';

/** 503 + Retry-After: the password checks are busy; nothing was counted or changed. */
function busy(res: Response, e: HashGateFull): void {
  const seconds = Math.max(1, Math.ceil(e.retryAfterMs / 1000));
  res
    .status(503)
    .set('Retry-After', String(seconds))
    .json({ error: `the server is busy checking passwords; try again in ${seconds} s` });
}

export function authApi(storage: Storage, options: AuthApiOptions = {}): Router {
  const r = Router();
  const throttle = new LoginThrottle(options.throttle);
  const gate = new HashGate({ concurrency: options.hashConcurrency, queue: options.hashQueue });
  const passwordFailures = new WindowLimiter(5, 15 * 60_000);
  const secure = (req: { secure: boolean }) => options.secureCookies === true || req.secure;
  r.use(['/api/auth'], sameOriginOnly);

  r.post(API.login, async (req, res) => {
    const body = parseOr400(LoginBody, req.body, res);
    if (!body) return;
    // req.ip honours `trust proxy` (TRUST_PROXY=1): the visitor's address, not the proxy's.
    const address = addressKey(req.ip);
    const email = normaliseEmail(body.email);
    // The shared store's counters when several processes run (LoginThrottleOptions.store).
    const attempt = await throttle.check(email, address);
    if (isRefusal(attempt)) {
      tooMany(res, attempt.waitMs, attempt.what);
      return;
    }
    const account = await storage.findAccountByEmail(email);
    let ok: boolean;
    try {
      // Unknown e-mails hash too (same time, same bound), so timing tells nothing.
      ok = await gate.run(() => (account ? verifyPassword(body.password, account.passwordHash) : verifyNothing(body.password)));
    } catch (e) {
      if (!(e instanceof HashGateFull)) throw e;
      attempt.cancelled();
      busy(res, e);
      return;
    }
    if (!account || !ok) {
      res.status(401).json({ error: BAD_LOGIN });
      return;
    }
    attempt.succeeded();
    const { token } = await startSession(storage, account.id);
    res.set('Cache-Control', 'no-store').append('Set-Cookie', sessionCookie(token, secure(req))).json(toMe(account));
  });

  r.post(API.logout, async (req, res) => {
    const token = tokenFromCookie(req.headers.cookie);
    if (token) {
      const session = await storage.getSession(hashToken(token));
      await storage.deleteSession(hashToken(token));
      if (session) options.bus?.publish('accountRevoked', { accountId: session.accountId, reason: 'logout', session: session.tokenHash });
    }
    res.append('Set-Cookie', clearedSessionCookie(secure(req))).status(204).end();
  });

  r.get(API.me, requireAccount, (_req, res) => {
    res.set('Cache-Control', 'no-store').json(currentMe(res));
  });

  // The cabinet's first question before anyone logged in: not being logged in is no error.
  r.get(API.session, async (req, res) => {
    const me = (await accountFromCookie(storage, req.headers.cookie)) ?? null;
    res.set('Cache-Control', 'no-store').json({ me });
  });

  r.post(API.password, requireAccount, async (req, res) => {
    const body = parseOr400(PasswordChangeBody, req.body, res);
    if (!body) return;
    const me = currentMe(res);
    // A stolen session must not become a way to guess the password either.
    const key = `account|${me.id}`;
    const wait = passwordFailures.blockedFor(key);
    if (wait > 0) {
      tooMany(res, wait, 'wrong passwords');
      return;
    }
    const account = await storage.getAccount(me.id);
    let verdict: 'wrong' | 'same' | { hash: string };
    try {
      verdict = await gate.run(async () => {
        if (!account || !(await verifyPassword(body.current, account.passwordHash))) return 'wrong';
        if (body.next === body.current) return 'same';
        return { hash: await hashPassword(body.next) };
      });
    } catch (e) {
      if (!(e instanceof HashGateFull)) throw e;
      busy(res, e);
      return;
    }
    if (!account || verdict === 'wrong') {
      passwordFailures.hit(key);
      res.status(400).json({ error: 'the password was not changed', details: ['current: the current password is wrong'] });
      return;
    }
    if (verdict === 'same') {
      res.status(400).json({ error: 'the password was not changed', details: ['next: the new password must differ from the current one'] });
      return;
    }
    passwordFailures.clear(key);
    await storage.setPasswordHash(account.id, verdict.hash);
    // Everyone else who knew the old password is logged out; this browser stays in.
    await storage.deleteSessionsOf(account.id, res.locals.sessionHash);
    options.bus?.publish('accountRevoked', { accountId: account.id, reason: 'password', except: res.locals.sessionHash });
    res.status(204).end();
  });

  return r;
}
