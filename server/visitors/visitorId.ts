// Visitors have no accounts, so the server gives each browser one signed id in an httpOnly
// cookie: the same id for the floor rooms, the stand chats, analytics and (later) the
// programme. The client never sees or chooses it, so a muted or rate-limited visitor cannot
// come back as someone else by making up a new id; limits also apply per address.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCookies, serialize } from 'cookie';
import type { RequestHandler } from 'express';

export const VISITOR_COOKIE = 'expo_vid';
/** Browsers cap cookie lifetimes at 400 days; the id is renewed on every visit anyway. */
const MAX_AGE_S = 400 * 24 * 3600;
/** base64url of 16 random bytes. */
const ID_SHAPE = /^[A-Za-z0-9_-]{22}$/;

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      /** The signed visitor id of this browser, set by VisitorIds.middleware. */
      visitorId?: string;
    }
  }
}

export interface VisitorIds {
  /** The id behind a Cookie header when its signature is ours; null otherwise. */
  fromCookieHeader(cookieHeader: string | null | undefined): string | null;
  /** A fresh id and its cookie value. */
  issue(): { id: string; cookie: string };
  /** The cookie value that makes a browser this visitor (moving "my programme", issue 12). */
  cookieFor(id: string): string;
  /** Sets res.locals.visitorId, issuing a cookie to browsers that have none (or a forged one). */
  middleware: RequestHandler;
}

export interface VisitorIdOptions {
  /** HMAC key; several processes behind one address must share it. */
  secret: Buffer;
  /** Cookie gets `Secure` (PUBLIC_URL is https). */
  secure: boolean;
}

export function visitorIds(options: VisitorIdOptions): VisitorIds {
  const sign = (id: string) => createHmac('sha256', options.secret).update(`visitor\n${id}`).digest('base64url').slice(0, 22);
  const cookieOf = (id: string) =>
    serialize(VISITOR_COOKIE, `${id}.${sign(id)}`, {
      httpOnly: true,
      sameSite: 'lax',
      secure: options.secure,
      path: '/',
      maxAge: MAX_AGE_S,
    });

  const fromCookieHeader = (header: string | null | undefined): string | null => {
    if (!header) return null;
    const value = parseCookies(header)[VISITOR_COOKIE];
    if (!value) return null;
    const [id, mac, extra] = value.split('.');
    if (!id || !mac || extra !== undefined || !ID_SHAPE.test(id)) return null;
    const expected = Buffer.from(sign(id));
    const given = Buffer.from(mac);
    return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
  };

  const issue = () => {
    const id = randomBytes(16).toString('base64url');
    return { id, cookie: cookieOf(id) };
  };

  const middleware: RequestHandler = (req, res, next) => {
    const known = fromCookieHeader(req.headers.cookie);
    if (known) {
      res.locals.visitorId = known;
    } else {
      const fresh = issue();
      res.locals.visitorId = fresh.id;
      res.append('Set-Cookie', fresh.cookie);
    }
    next();
  };

  return { fromCookieHeader, issue, middleware, cookieFor: cookieOf };
}

/**
 * The visitor-id key: VISITOR_SECRET when set (several processes), else a random key kept in
 * the data folder (mode 0600), so ids (and with them chat threads) survive a restart.
 */
export function visitorSecret(envSecret: string | undefined, dataDir: string): Buffer {
  if (envSecret) return Buffer.from(envSecret, 'utf8');
  const file = path.join(dataDir, 'visitor-secret');
  try {
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64url');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  fs.writeFileSync(file, key.toString('base64url'), { mode: 0o600, flag: 'wx' });
  return key;
}

/** "Гость 1234": one stable default name per visitor, the same on every floor and stand. */
export function guestNameOf(visitorId: string): string {
  const n = createHash('sha256').update(`guest\n${visitorId}`).digest().readUInt32BE(0) % 9000;
  return `Гость ${1000 + n}`;
}
