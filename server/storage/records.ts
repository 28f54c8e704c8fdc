// Server-side records that never leave the server as they are (hashes live here).
import { z } from 'zod';
import { Role } from '../../shared/accounts.ts';

export const Account = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: Role,
  exhibitors: z.array(z.string()),
  /** "scrypt$N$r$p$salt$hash" (see server/auth/passwords.ts). */
  passwordHash: z.string(),
});
export type Account = z.infer<typeof Account>;

export const Session = z.object({
  tokenHash: z.string(),
  accountId: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type Session = z.infer<typeof Session>;
