// "Staff online / away / offline" as a stand chat room counts it, against a real server with
// real @colyseus/sdk clients: a cabinet page says when it goes idle or hidden, a person is
// away only when every one of their pages is, organisers and moderators never count, and the
// floor marks the stand staffed only while someone is active. Stand b-3 belongs to alpha.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAT_CLIENT_MSG, type Counts, PROTOCOL_VERSION, ROOMS, SERVER_MSG } from '../../shared/protocol.ts';
import { staffState } from '../../shared/staffPresence.ts';
import { type TestServer, bootTestServer } from '../fixtures/cabinet.ts';
import { visitorClient } from '../fixtures/visitor.ts';
import { type ChatUser, joinAsStaff, joinAsVisitor, until } from './chatDriver.ts';

let server: TestServer;

beforeAll(async () => {
  server = await bootTestServer();
});
afterAll(async () => {
  await server?.close();
});

function setAway(u: ChatUser, away: unknown): void {
  u.room.send(CHAT_CLIENT_MSG.away, { away });
}

async function watchFloor(floorId: string): Promise<{ staffed(standId: string): boolean; leave(): Promise<void> }> {
  const client = await visitorClient(server.url);
  const floor = await client.joinOrCreate(ROOMS.floor, { floorId, name: 'Нина', protocol: PROTOCOL_VERSION });
  let counts: Counts | null = null;
  floor.onMessage(SERVER_MSG.counts, (c: Counts) => (counts = c));
  floor.onMessage('*', () => {});
  return {
    staffed: (standId) => ((counts as Counts | null)?.staff ?? []).includes(standId),
    leave: async () => void (await floor.leave(true)),
  };
}

describe('staff presence on a stand', () => {
  it('counts online, away and offline from the cabinet pages connected', async () => {
    const floor = await watchFloor('mini-b');
    const visitor = await joinAsVisitor(server.url, 'b-3', 'Олег');
    expect(staffState(visitor.staff)).toBe('offline');

    // Two cabinet pages of the same person (two tabs), and a moderator who never counts.
    const moderator = await joinAsStaff(server.url, 'b-3', 'mod');
    const tabA = await joinAsStaff(server.url, 'b-3', 'alpha');
    const tabB = await joinAsStaff(server.url, 'b-3', 'alpha');
    await until(() => visitor.staff.length === 1);
    expect(visitor.staff).toEqual([{ name: 'Alpha Staff' }]);
    expect(staffState(visitor.staff)).toBe('online');
    await until(() => floor.staffed('b-3'), 4000);

    // One page idle: the other is still in use, so still online. The moderator going away
    // changes nothing either. (A room answers in order: a change broadcast would have reached
    // each of them before the answer to their next request.)
    setAway(tabA, true);
    setAway(moderator, true);
    await Promise.all([tabA.since(0), moderator.since(0)]);
    expect(tabA.staff).toEqual([{ name: 'Alpha Staff' }]);
    expect(moderator.staff).toEqual([{ name: 'Alpha Staff' }]);
    expect(staffState(visitor.staff)).toBe('online');

    // Both pages idle or hidden: away, for visitors and for the other staff; not staffed on the floor.
    setAway(tabB, true);
    await until(() => staffState(visitor.staff) === 'away');
    expect(visitor.staff).toEqual([{ name: 'Alpha Staff', away: true }]);
    await until(() => staffState(tabA.staff) === 'away');
    await until(() => !floor.staffed('b-3'), 4000);

    // Back at one page: online again.
    setAway(tabA, false);
    await until(() => staffState(visitor.staff) === 'online');
    await until(() => floor.staffed('b-3'), 4000);

    // Every page closed: offline.
    await Promise.all([tabA.leave(), tabB.leave()]);
    await until(() => staffState(visitor.staff) === 'offline');
    expect(visitor.staff).toEqual([]);
    await until(() => !floor.staffed('b-3'), 4000);
    await Promise.all([visitor.leave(), moderator.leave(), floor.leave()]);
  });

  it('ignores away from visitors and malformed away messages, and keeps the room working', async () => {
    const visitor = await joinAsVisitor(server.url, 'b-3', 'Пётр');
    const staff = await joinAsStaff(server.url, 'b-3', 'alpha');
    await until(() => staffState(visitor.staff) === 'online');
    // A visitor cannot make the staff look away, nor can a payload that is not a boolean.
    setAway(visitor, true);
    setAway(staff, 'yes');
    setAway(staff, null);
    expect((await visitor.post('Вы тут?')).ok).toBe(true);
    await staff.since(0);
    expect(visitor.staff).toEqual([{ name: 'Alpha Staff' }]);
    expect(staff.staff).toEqual([{ name: 'Alpha Staff' }]);
    await until(() => staff.seen.some((m) => m.text === 'Вы тут?'));
    await Promise.all([visitor.leave(), staff.leave()]);
  });

  it('a page that rejoins starts active, and says again that it is away', async () => {
    const visitor = await joinAsVisitor(server.url, 'b-3', 'Рита');
    const first = await joinAsStaff(server.url, 'b-3', 'alpha');
    setAway(first, true);
    await until(() => staffState(visitor.staff) === 'away');
    // A new connection of the same person (the page rejoined after a restart) counts as in use.
    const again = await joinAsStaff(server.url, 'b-3', 'alpha');
    await until(() => staffState(visitor.staff) === 'online');
    setAway(again, true);
    await until(() => staffState(visitor.staff) === 'away');
    await Promise.all([first.leave(), again.leave()]);
    await until(() => staffState(visitor.staff) === 'offline');
    await visitor.leave();
  });
});
