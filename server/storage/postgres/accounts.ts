// Cabinet accounts and sessions in PostgreSQL. Sessions are keyed by sha256 of the cookie
// token (never the token), and belong to their account (deleted with it).
import { Account, Session } from '../records.ts';
import type { AccountAdminStore } from '../organiserStore.ts';
import type { AccountStore } from '../storage.ts';
import { type Db, UNIQUE_VIOLATION, noNul, sqlState } from './db.ts';

interface AccountRow {
  id: string;
  email: string;
  name: string;
  role: Account['role'];
  exhibitors: string[];
  password_hash: string;
}

const ACCOUNT_COLUMNS = 'id, email, name, role, exhibitors, password_hash';

function accountOf(r: AccountRow): Account {
  return { id: r.id, email: r.email, name: r.name, role: r.role, exhibitors: r.exhibitors, passwordHash: r.password_hash };
}

interface SessionRow {
  token_hash: string;
  account_id: string;
  created_at: Date;
  expires_at: Date;
}

export function pgAccounts(db: Db): AccountStore & AccountAdminStore {
  return {
    async createAccount(account) {
      const a = Account.parse(account);
      try {
        await db.query(`INSERT INTO accounts (${ACCOUNT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)`, [
          a.id,
          noNul(a.email),
          noNul(a.name),
          a.role,
          a.exhibitors.map(noNul),
          a.passwordHash,
        ]);
      } catch (e) {
        if (sqlState(e) !== UNIQUE_VIOLATION) throw e;
        const { constraint } = e as { constraint?: string };
        throw new Error(constraint === 'accounts_email_key' ? `an account with e-mail ${a.email} exists` : `account ${a.id} exists`, { cause: e });
      }
    },
    async listAccounts() {
      const { rows } = await db.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts ORDER BY seq`);
      return rows.map(accountOf);
    },
    async findAccountByEmail(email) {
      const { rows } = await db.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE email = $1`, [email]);
      return rows[0] && accountOf(rows[0]);
    },
    async getAccount(id) {
      const { rows } = await db.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE id = $1`, [id]);
      return rows[0] && accountOf(rows[0]);
    },
    async updateAccount(id, patch) {
      const { rows } = await db.query<AccountRow>(
        `UPDATE accounts SET role = coalesce($2, role), exhibitors = coalesce($3, exhibitors), name = coalesce($4, name),
           password_hash = coalesce($5, password_hash) WHERE id = $1 RETURNING ${ACCOUNT_COLUMNS}`,
        [id, patch.role ?? null, patch.exhibitors?.map(noNul) ?? null, noNul(patch.name) ?? null, patch.passwordHash ?? null],
      );
      return rows[0] && accountOf(rows[0]);
    },
    async setPasswordHash(accountId, hash) {
      const { rowCount } = await db.query('UPDATE accounts SET password_hash = $2 WHERE id = $1', [accountId, hash]);
      if (rowCount === 0) throw new Error(`no account ${accountId}`);
    },
    async createSession(session) {
      const s = Session.parse(session);
      const created = new Date(s.createdAt);
      const expires = new Date(s.expiresAt);
      if (Number.isNaN(created.getTime()) || Number.isNaN(expires.getTime())) throw new Error('a session needs ISO times');
      await db.tx(async (q) => {
        // Expired sessions are dropped whenever a new one starts, so the table stays small.
        await q.query('DELETE FROM sessions WHERE expires_at <= $1', [new Date()]);
        await q.query(
          `INSERT INTO sessions (token_hash, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (token_hash) DO UPDATE SET account_id = excluded.account_id, created_at = excluded.created_at, expires_at = excluded.expires_at`,
          [s.tokenHash, s.accountId, created, expires],
        );
      });
    },
    async getSession(tokenHash) {
      const { rows } = await db.query<SessionRow>('SELECT token_hash, account_id, created_at, expires_at FROM sessions WHERE token_hash = $1', [tokenHash]);
      const r = rows[0];
      return r && { tokenHash: r.token_hash, accountId: r.account_id, createdAt: r.created_at.toISOString(), expiresAt: r.expires_at.toISOString() };
    },
    async deleteSession(tokenHash) {
      await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
    },
    async deleteSessionsOf(accountId, except) {
      await db.query('DELETE FROM sessions WHERE account_id = $1 AND token_hash IS DISTINCT FROM $2', [accountId, except ?? null]);
    },
  };
}
