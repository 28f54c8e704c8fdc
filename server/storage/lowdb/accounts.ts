// Cabinet accounts and their sessions in accounts.json. Sessions are keyed by sha256 of the
// cookie token, so the file cannot be used to log in.
import { z } from 'zod';
import { Account, Session } from '../records.ts';
import type { AccountAdminStore } from '../organiserStore.ts';
import type { AccountStore } from '../storage.ts';
import type { LowdbContext } from './context.ts';
import { openJsonDoc } from './jsonFile.ts';
import { own, withKey, withoutKeys } from './own.ts';

export const AccountsFile = z.object({
  schema: z.literal(1),
  accounts: z.record(z.string(), Account),
  sessions: z.record(z.string(), Session),
});
type AccountsFile = z.infer<typeof AccountsFile>;

export async function openAccounts(file: string, ctx: LowdbContext): Promise<AccountStore & AccountAdminStore> {
  const db = await openJsonDoc<AccountsFile>(file, { schema: AccountsFile, empty: { schema: 1, accounts: {}, sessions: {} }, disk: ctx.disk });

  // E-mail → account id, rebuilt when the accounts (not the sessions) have changed.
  let indexed: AccountsFile['accounts'] | null = null;
  let byEmail = new Map<string, string>();
  function emailIndex(): Map<string, string> {
    if (indexed !== db.data.accounts) {
      indexed = db.data.accounts;
      byEmail = new Map(Object.values(indexed).map((a) => [a.email, a.id]));
    }
    return byEmail;
  }

  return {
    async createAccount(account) {
      const valid = Account.parse(account);
      await db.update((cur) => {
        if (Object.hasOwn(cur.accounts, valid.id)) throw new Error(`account ${valid.id} exists`);
        if (Object.values(cur.accounts).some((a) => a.email === valid.email)) throw new Error(`an account with e-mail ${valid.email} exists`);
        return { ...cur, accounts: withKey(cur.accounts, valid.id, valid) };
      });
    },
    async listAccounts() {
      return Object.values(db.data.accounts).map((a) => structuredClone(a));
    },
    async findAccountByEmail(email) {
      const id = emailIndex().get(email);
      const a = id === undefined ? undefined : own(db.data.accounts, id);
      return a && structuredClone(a);
    },
    async getAccount(id) {
      const a = own(db.data.accounts, id);
      return a && structuredClone(a);
    },
    async updateAccount(id, patch) {
      let out: Account | undefined;
      await db.update((cur) => {
        const a = own(cur.accounts, id);
        if (!a) return cur;
        out = Account.parse({ ...a, ...patch });
        return { ...cur, accounts: withKey(cur.accounts, id, out) };
      });
      return out && structuredClone(out);
    },
    async setPasswordHash(accountId, hash) {
      await db.update((cur) => {
        const a = own(cur.accounts, accountId);
        if (!a) throw new Error(`no account ${accountId}`);
        return { ...cur, accounts: withKey(cur.accounts, accountId, { ...a, passwordHash: hash }) };
      });
    },
    async createSession(session) {
      const valid = Session.parse(session);
      const now = Date.now();
      await db.update((cur) => {
        // Expired sessions are dropped whenever a new one starts, so the file stays small.
        const live = withoutKeys(cur.sessions, (_k, s) => Date.parse(s.expiresAt) <= now);
        return { ...cur, sessions: withKey(live, valid.tokenHash, valid) };
      });
    },
    async getSession(tokenHash) {
      const s = own(db.data.sessions, tokenHash);
      return s && { ...s };
    },
    async deleteSession(tokenHash) {
      await db.update((cur) => (Object.hasOwn(cur.sessions, tokenHash) ? { ...cur, sessions: withoutKeys(cur.sessions, (k) => k === tokenHash) } : cur));
    },
    async deleteSessionsOf(accountId, except) {
      await db.update((cur) => {
        const drop = (k: string, s: Session) => s.accountId === accountId && k !== except;
        return Object.entries(cur.sessions).some(([k, s]) => drop(k, s)) ? { ...cur, sessions: withoutKeys(cur.sessions, drop) } : cur;
      });
    },
  };
}
