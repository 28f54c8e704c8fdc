// Stand chats' address mutes shared through Redis (the run's private server): a visitor muted
// by a moderator in one process stays muted with a fresh cookie from the same address when
// the stand's chat is served by another process, on that stand only and until the mute ends;
// the address itself never reaches Redis (only its hash). Without Redis (each process's
// memory) the other process does not know the mute: that is what REDIS_URL changes.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ChatService, type Participant } from '../../server/chat/service.ts';
import { ticketSigner } from '../../server/chat/tickets.ts';
import { redisAddressMutes } from '../../server/redis/redisAddressMutes.ts';
import { openLowdbStorage } from '../../server/storage/lowdbStorage.ts';
import type { Storage } from '../../server/storage/storage.ts';

const ADDRESS = '203.0.113.77';
// Fresh stands per run: the Redis server is shared by the whole test run.
const run = Math.random().toString(36).slice(2, 8);
const STAND = `mute-${run}`;
const OTHER_STAND = `other-${run}`;
const directory = () => [
  { floor: 'f1', stand: STAND, exhibitor: 'alpha' },
  { floor: 'f1', stand: OTHER_STAND, exhibitor: 'alpha' },
];

const visitor = (ref: string, address = ADDRESS): Participant => ({ kind: 'visitor', ref, name: `Guest ${ref.slice(0, 2)}`, address });
const moderator: Participant = { kind: 'staff', accountId: 'acc-1', sessionHash: 's1', name: 'Staff', badge: 'staff', seesPrivate: true, moderates: true, online: true };

let dir: string;
let storage: Storage;
const connections: Redis[] = [];
function connect(): Redis {
  const r = new Redis(inject('redisUrl'), { maxRetriesPerRequest: 2 });
  connections.push(r);
  return r;
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'expo-address-mutes-'));
  storage = await openLowdbStorage(dir);
});
afterAll(async () => {
  await Promise.all(connections.map((r) => r.quit()));
  await storage?.close();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

/** Two "processes": each its own chat service (and Redis connection), one store. */
function processes(shared: boolean): [ChatService, ChatService] {
  const make = () => new ChatService(storage, directory, ticketSigner('test-secret'), undefined, shared ? redisAddressMutes(connect()) : undefined, () => {});
  return [make(), make()];
}

async function postAndMute(a: ChatService, ref: string, address = ADDRESS): Promise<number> {
  const stand = a.stand(STAND)!;
  const posted = await a.post(stand, visitor(ref, address), 'Alpha', `spam from ${ref}`, null, () => 0);
  if (!posted.ok) throw new Error(`not posted: ${posted.error}`);
  const muted = await a.mute(stand, moderator, posted.message.id, 15);
  if (!muted.result.ok) throw new Error('not muted');
  return (muted.result as { until: number }).until;
}

describe('address mutes across processes (Redis)', () => {
  it('hold on the other process for a fresh cookie from the same address, on that stand only', async () => {
    const [a, b] = processes(true);
    const until = await postAndMute(a, `trollAAA${run}`);
    const stand = b.stand(STAND)!;
    expect(await b.mutedUntil(stand, visitor(`freshBBB${run}`))).toBe(until);
    const refused = await b.post(stand, visitor(`freshBBB${run}`), 'Alpha', 'again', null, () => 0);
    expect(refused).toMatchObject({ ok: false, error: 'muted', until });
    // Another address, or another stand: not muted.
    expect(await b.mutedUntil(stand, visitor(`freshBBB${run}`, '198.51.100.1'))).toBeNull();
    expect(await b.mutedUntil(b.stand(OTHER_STAND)!, visitor(`freshBBB${run}`))).toBeNull();
    // Redis holds the address's hash, never the address.
    const keys = await connect().keys(`expo:chatmute:*${run}*`);
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) expect(k).not.toContain(ADDRESS);
    const values = await Promise.all(keys.map((k) => connect().get(k)));
    for (const v of values) expect(v).not.toContain(ADDRESS);
  });

  it("ends with the mute: the address mute's key expires at its end", async () => {
    const r = connect();
    const [a] = processes(true);
    const before = new Set(await r.keys(`expo:chatmute:address:${STAND}:*`));
    const until = await postAndMute(a, `trollCCC${run}`, '198.51.100.200');
    const keys = (await r.keys(`expo:chatmute:address:${STAND}:*`)).filter((k) => !before.has(k));
    expect(keys).toHaveLength(1);
    const expiresAt = Number(await r.call('PEXPIRETIME', keys[0]!));
    expect(expiresAt).toBe(until);
  });

  it('without Redis the other process does not know the mute (the gap REDIS_URL closes)', async () => {
    const [a, b] = processes(false);
    await postAndMute(a, `trollDDD${run}`);
    // The id mute is in the store, so the muted visitor stays muted everywhere…
    expect(await b.mutedUntil(b.stand(STAND)!, visitor(`trollDDD${run}`))).not.toBeNull();
    // …but a fresh cookie from the same address is refused only by the process that muted.
    expect(await a.mutedUntil(a.stand(STAND)!, visitor(`freshEEE${run}`))).not.toBeNull();
    expect(await b.mutedUntil(b.stand(STAND)!, visitor(`freshEEE${run}`))).toBeNull();
  });
});
