// The storage contract against PostgreSQL (the run's server: tests/fixtures/servicesSetup.ts),
// each test in a fresh schema. Failing writes are refused by the database itself: while they
// are on, every connection the store takes is switched to read-only transactions
// (default_transaction_read_only), so INSERT/UPDATE/DELETE fail inside PostgreSQL.
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openPostgresStorage, type PostgresOptions } from '../../server/storage/postgres/postgresStorage.ts';
import type { Connector } from '../../server/storage/postgres/db.ts';
import { type ContractSubject, storageContract } from './contract.ts';
import { organiserContract } from './organiserContract.ts';
import { qaContract } from './qaContract.ts';
import { tracksContract } from './tracksContract.ts';
import { visitorProgrammeContract } from './visitorProgrammeContract.ts';

/** A pool whose connections the database makes refuse writes while `failing` is on. */
export function switchablePool(): { wrapPool: NonNullable<PostgresOptions['wrapPool']>; fail(on: boolean): void } {
  let failing = false;
  return {
    wrapPool: (pool: pg.Pool): Connector => ({
      async connect() {
        const client = await pool.connect();
        try {
          await client.query(`SET default_transaction_read_only = ${failing ? 'on' : 'off'}`);
        } catch (e) {
          client.release(e instanceof Error ? e : true);
          throw e;
        }
        return client;
      },
      end: () => pool.end(),
    }),
    fail(on) {
      failing = on;
    },
  };
}

let n = 0;
async function openPostgresSubject(): Promise<ContractSubject> {
  const url = inject('databaseUrl');
  const schema = `contract_${process.pid}_${n++}_${Math.random().toString(36).slice(2, 8)}`;
  const { wrapPool, fail } = switchablePool();
  const options: PostgresOptions = { schema, wrapPool, poolSize: 4 };
  const subject: ContractSubject = {
    storage: await openPostgresStorage(url, options),
    async reopen() {
      await subject.storage.close();
      subject.storage = await openPostgresStorage(url, options);
    },
    failWrites: fail,
    async cleanup() {
      await subject.storage.close();
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await admin.end();
      }
    },
  };
  return subject;
}

storageContract('postgres', openPostgresSubject);
organiserContract('postgres', openPostgresSubject);
qaContract('postgres', openPostgresSubject);
tracksContract('postgres', openPostgresSubject);
visitorProgrammeContract('postgres', openPostgresSubject);

describe('postgres: several processes on one database', () => {
  const url = () => inject('databaseUrl');
  const schemas: string[] = [];
  const fresh = () => {
    const s = `multi_${process.pid}_${schemas.length}_${Math.random().toString(36).slice(2, 8)}`;
    schemas.push(s);
    return s;
  };
  afterAll(async () => {
    const admin = new pg.Client({ connectionString: url() });
    await admin.connect();
    for (const s of schemas) await admin.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
    await admin.end();
  });

  it('opens one fresh schema from many stores at once, migrating it exactly once', async () => {
    const schema = fresh();
    const lines: string[] = [];
    const stores = await Promise.all(Array.from({ length: 6 }, () => openPostgresStorage(url(), { schema, poolSize: 2, log: (l) => lines.push(l) })));
    try {
      expect(lines.filter((l) => l.includes('applied migration 1'))).toHaveLength(1);
      await stores[0]!.upsertExhibitors([{ id: 'alpha', name: 'Alpha', category: 'school', colour: '#2f6fd6', logo: 'logos/alpha.svg', short: 'short', description: 'description', contacts: {} } as never]);
      expect((await stores[5]!.listExhibitors()).map((e) => e.id)).toEqual(['alpha']);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('gives chat ids without gaps or repeats when several stores post to one stand at once', async () => {
    const schema = fresh();
    const stores = [];
    for (let i = 0; i < 4; i++) stores.push(await openPostgresStorage(url(), { schema, poolSize: 4 }));
    try {
      const posts = stores.flatMap((s, i) =>
        Array.from({ length: 25 }, (_, k) =>
          s.addChatMessage({ standId: 'st-1', thread: null, author: { kind: 'visitor', ref: 'AAAAAAAAAAAAAAAA', name: 'Guest' }, text: `p${i}-${k}`, at: Date.now() }),
        ),
      );
      const added = await Promise.all(posts);
      expect(added.map((m) => m.id).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
      // Within one store (one process), ids follow the order the posts were made in.
      for (let i = 0; i < 4; i++) {
        const mine = added.slice(i * 25, (i + 1) * 25).map((m) => m.id);
        expect(mine).toEqual([...mine].sort((a, b) => a - b));
      }
      const all = await stores[2]!.chatMessages('st-1', { threads: 'all', limit: 100 });
      expect(all.messages.map((m) => m.text).sort()).toEqual(added.map((m) => m.text).sort());
      expect(await stores[1]!.chatLastId('st-1')).toBe(100);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('fails writes in the database itself while writes are switched off', async () => {
    const schema = fresh();
    const { wrapPool, fail } = switchablePool();
    const store = await openPostgresStorage(url(), { schema, wrapPool });
    try {
      fail(true);
      await expect(store.ping()).rejects.toThrow(/read-only transaction/);
      await expect(store.listExhibitors()).resolves.toEqual([]);
    } finally {
      fail(false);
      await store.close();
    }
  });

  it('refuses text PostgreSQL cannot hold with a clear error, and stores nothing', async () => {
    const store = await openPostgresStorage(url(), { schema: fresh() });
    try {
      await expect(store.setQuickReplies('alpha', ['a\u0000b'])).rejects.toThrow(/U\+0000/);
      expect(await store.getQuickReplies('alpha')).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
