// Accounts and roles. Visitors need no account; staff log in to the cabinet.
import { z } from 'zod';

export const Role = z.enum(['exhibitor', 'moderator', 'organiser']);
export type Role = z.infer<typeof Role>;

/** What the client learns about the logged-in person (never the password hash). */
export const Me = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: Role,
  /** Exhibitor ids this account may edit; organisers may edit every exhibitor. */
  exhibitors: z.array(z.string()),
});
export type Me = z.infer<typeof Me>;

export const LoginBody = z.strictObject({
  email: z.email('enter an e-mail address').max(200),
  password: z.string().min(1, 'enter the password').max(200),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const PASSWORD_MIN = 10;
export const PasswordChangeBody = z.strictObject({
  current: z.string().min(1).max(200),
  next: z.string().min(PASSWORD_MIN, `a new password needs at least ${PASSWORD_MIN} characters`).max(200),
});
export type PasswordChangeBody = z.infer<typeof PasswordChangeBody>;

/** E-mail addresses compare case-insensitively and without surrounding spaces. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** May this account act for this exhibitor (edit the stand, read leads, staff the chat)? */
export function canActFor(me: Pick<Me, 'role' | 'exhibitors'>, exhibitorId: string): boolean {
  return me.role === 'organiser' || me.exhibitors.includes(exhibitorId);
}

/** May this account moderate chats of this exhibitor's stands? */
export function canModerate(me: Pick<Me, 'role' | 'exhibitors'>, exhibitorId: string): boolean {
  return me.role === 'organiser' || me.role === 'moderator' || me.exhibitors.includes(exhibitorId);
}
