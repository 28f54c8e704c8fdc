// Cabinet accounts and their sessions in accounts.json, seeded on first start from
// assets/seed/accounts.json (demo accounts with scrypt hashes, never plain passwords).
// Sessions are keyed by sha256 of the cookie token, so the file cannot be used to log in.
import fs from 'node:fs/promises';
import { z } from 'zod';
import { Account, type Session } from '../records.ts';
import type { AccountStore } from '../storage.ts';
import { openJsonFile } from './jsonFile.ts';

interface AccountsFile {
  schema: 1;
  accounts: Record<string, Account>;
  sessions: Record<string, Session>;
}

export const AccountSeed = z.array(Account);

/** E-mail addresses compare case-insensitively and without surrounding spaces. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

async function readSeed(seedFile: string | undefined, log: (line: string) => void): Promise<Record<string, Account>> {
  if (!seedFile) return {};
  let text: string;
  try {
    text = await fs.readFile(seedFile, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      log(`[accounts] no ${seedFile}: no one can log in to the cabinet until accounts are added`);
      return {};
    }
    throw e;
  }
  // All or nothing: a half-seeded account list would be a confusing security state.
  const list = AccountSeed.parse(JSON.parse(text));
  return Object.fromEntries(list.map((a) => [a.id, { ...a, email: normaliseEmail(a.email) }]));
}

export async function openAccounts(file: string, seedFile: string | undefined, log: (line: string) => void): Promise<AccountStore> {
  const db = await openJsonFile<AccountsFile>(file, { schema: 1, accounts: {}, sessions: {} }, async () => ({
    schema: 1,
    accounts: await readSeed(seedFile, log),
    sessions: {},
  }));

  // Accounts are only added by the seed, so the index is built once; it holds the same objects.
  const emailIndex = new Map(Object.values(db.data.accounts).map((a) => [normaliseEmail(a.email), a]));

  return {
    async findAccountByEmail(email) {
      const a = emailIndex.get(normaliseEmail(email));
      return a && structuredClone(a);
    },
    async getAccount(id) {
      const a = Object.hasOwn(db.data.accounts, id) ? db.data.accounts[id] : undefined;
      return a && structuredClone(a);
    },
    async setPasswordHash(accountId, hash) {
      const a = db.data.accounts[accountId];
      if (!a) throw new Error(`no account ${accountId}`);
      await db.update(() => {
        a.passwordHash = hash;
      });
    },
    async createSession(session) {
      const now = Date.now();
      await db.update((data) => {
        // Expired sessions are dropped whenever a new one starts, so the file stays small.
        for (const [key, s] of Object.entries(data.sessions)) if (Date.parse(s.expiresAt) <= now) delete data.sessions[key];
        data.sessions[session.tokenHash] = { ...session };
      });
    },
    async getSession(tokenHash) {
      const s = Object.hasOwn(db.data.sessions, tokenHash) ? db.data.sessions[tokenHash] : undefined;
      return s && { ...s };
    },
    async deleteSession(tokenHash) {
      if (!Object.hasOwn(db.data.sessions, tokenHash)) return;
      await db.update((data) => {
        delete data.sessions[tokenHash];
      });
    },
    async deleteSessionsOf(accountId, except) {
      await db.update((data) => {
        for (const [key, s] of Object.entries(data.sessions)) if (s.accountId === accountId && key !== except) delete data.sessions[key];
      });
    },
  };
}
