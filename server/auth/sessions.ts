// Cabinet sessions: a random 32-byte token lives only in the visitor's httpOnly cookie; the
// store keeps sha256(token), so a leaked data file cannot be replayed as a login.
import { createHash, randomBytes } from 'node:crypto';
import { parse as parseCookies, serialize } from 'cookie';
import type { Me } from '../../shared/accounts.ts';
import type { Session } from '../storage/records.ts';
import type { Storage } from '../storage/storage.ts';
import { toMe } from './me.ts';

export const SESSION_COOKIE = 'expo_session';
export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;

/** base64url of 32 bytes: exactly 43 characters. Anything else is not ours. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function startSession(storage: Storage, accountId: string, now = new Date()): Promise<{ token: string; session: Session }> {
  const token = randomBytes(32).toString('base64url');
  const session: Session = {
    tokenHash: hashToken(token),
    accountId,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
  };
  await storage.createSession(session);
  return { token, session };
}

export function tokenFromCookie(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  const token = parseCookies(cookieHeader)[SESSION_COOKIE];
  return token && TOKEN_SHAPE.test(token) ? token : undefined;
}

export interface ActiveSession {
  me: Me;
  tokenHash: string;
}

/** The live session behind a Cookie header: undefined when absent, forged, expired or orphaned. */
export async function sessionFromCookie(storage: Storage, cookieHeader: string | undefined, now = Date.now()): Promise<ActiveSession | undefined> {
  const token = tokenFromCookie(cookieHeader);
  if (!token) return undefined;
  const tokenHash = hashToken(token);
  const session = await storage.getSession(tokenHash);
  if (!session) return undefined;
  if (Date.parse(session.expiresAt) <= now) {
    await storage.deleteSession(tokenHash);
    return undefined;
  }
  const account = await storage.getAccount(session.accountId);
  if (!account) return undefined;
  return { me: toMe(account), tokenHash };
}

/** The logged-in account for a Cookie header (HTTP requests, WebSocket upgrades). */
export async function accountFromCookie(storage: Storage, cookieHeader: string | undefined): Promise<Me | undefined> {
  return (await sessionFromCookie(storage, cookieHeader))?.me;
}

/** Set-Cookie value for a new session; Secure whenever the request came over https. */
export function sessionCookie(token: string, secure: boolean): string {
  return serialize(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure,
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  });
}

export function clearedSessionCookie(secure: boolean): string {
  return serialize(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', path: '/', secure, maxAge: 0, expires: new Date(0) });
}
