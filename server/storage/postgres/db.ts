// The one way the PostgreSQL store talks to the server: a pool of connections, single
// statements (each atomic on its own) and transactions for writes that belong together.
// Queries are always parameterised; values never become SQL text.
import type { PoolClient, QueryResult, QueryResultRow } from 'pg';

/** What the store needs of a pool (pg.Pool has it; tests wrap one to make writes fail). */
export interface Connector {
  connect(): Promise<PoolClient>;
  end(): Promise<void>;
}

/** A connection to run statements on: the pool (one statement) or a transaction's client. */
export interface Queryable {
  query<R extends QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
}

export class Db implements Queryable {
  constructor(private readonly pool: Connector) {}

  async query<R extends QueryResultRow>(text: string, values: unknown[] = []): Promise<QueryResult<R>> {
    const client = await this.pool.connect();
    try {
      return await client.query<R>(text, values);
    } finally {
      client.release();
    }
  }

  /** Runs `work` in one transaction: committed (durable, synchronous_commit) when it resolves, rolled back when it throws. */
  async tx<T>(work: (q: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      try {
        const out = await work(client);
        await client.query('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch((rollbackError: unknown) => {
          // A connection that cannot roll back is not handed out again.
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        });
        throw e;
      }
    } finally {
      client.release(broken);
    }
  }

  /** Runs `work` on one connection held throughout (session-level locks); not a transaction. */
  async session<T>(work: (q: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      return await work(client);
    } catch (e) {
      // The session's state (a lock it may still hold) is unknown: close the connection.
      broken = e instanceof Error ? e : new Error(String(e));
      throw e;
    } finally {
      client.release(broken);
    }
  }

  end(): Promise<void> {
    return this.pool.end();
  }
}

/** PostgreSQL's error code (SQLSTATE) of a failed query, if it is one. */
export function sqlState(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export const UNIQUE_VIOLATION = '23505';

/**
 * A value as a jsonb parameter. PostgreSQL text cannot hold U+0000, which JSON files can:
 * such text is refused here with a clear error instead of a driver error mid-statement.
 */
export function jsonParam(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'string') noNul(v);
    return v;
  });
}

/** Refuses text with U+0000 (see jsonParam); returns it otherwise. */
export function noNul<T extends string | null | undefined>(text: T): T {
  if (typeof text === 'string' && text.includes('\u0000')) throw new Error('text with the character U+0000 cannot be stored');
  return text;
}
