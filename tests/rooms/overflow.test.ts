// A full floor opens another instance of its room; counts stay summed over all instances.
import type { Room } from '@colyseus/sdk';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Counts, PROTOCOL_VERSION, ROOMS, SERVER_MSG } from '../../shared/protocol.ts';
import { bootServer } from '../e2e/harness.ts';
import { visitorClient } from '../fixtures/visitor.ts';

let server: Awaited<ReturnType<typeof bootServer>>;
beforeAll(async () => {
  server = await bootServer({ roomCapacity: 2 });
});
afterAll(async () => {
  await server?.close();
});

it('puts the third visitor in a second instance and sums counts across instances', async () => {
  const rooms: Room[] = [];
  const counts: (Counts | null)[] = [];
  for (let i = 0; i < 3; i++) {
    const client = await visitorClient(server.url);
    const room = await client.joinOrCreate(ROOMS.floor, { floorId: 'higher', name: `V${i}`, protocol: PROTOCOL_VERSION });
    const idx = rooms.push(room) - 1;
    counts.push(null);
    room.onMessage(SERVER_MSG.counts, (c: Counts) => (counts[idx] = c));
    room.onMessage('*', () => {});
  }
  expect(rooms[0]!.roomId).toBe(rooms[1]!.roomId);
  expect(rooms[2]!.roomId).not.toBe(rooms[0]!.roomId);
  const end = Date.now() + 5000;
  while (!(counts[0]?.floors.higher === 3 && counts[2]?.floors.higher === 3 && counts[2]?.instances === 2)) {
    if (Date.now() > end) throw new Error(`counts not summed: ${JSON.stringify(counts)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(counts[0]!.instances).toBe(2);
  await Promise.all(rooms.map((r) => r.leave()));
});
