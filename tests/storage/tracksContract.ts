// The learning-track storage contract (issue 12): what every Storage implementation does with
// visitors' tracks. Run by lowdb.test.ts and postgres.test.ts. Tracks survive a reopen, a
// visitor's list holds only their own, nobody but the owner replaces or deletes a track (the
// store refuses and changes nothing), ids are unique, and a failed write changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredTrack } from '../../server/storage/trackStore.ts';
import { type ContractSubject, failedWriteChangesNothing } from './contract.ts';

const ANNA = 'annaAAAAAAAAAAAAAAAAAA';
const BORIS = 'borisBBBBBBBBBBBBBBBBB';

function track(id: string, owner: string, over: Partial<StoredTrack> = {}): StoredTrack {
  return {
    id,
    owner,
    title: 'Инклюзия · практик',
    topics: ['инклюзия'],
    level: 'practitioner',
    items: [
      { kind: 'event', eventId: 'main-d1-inclusion-1', done: false },
      { kind: 'webinar', exhibitorId: 'teplyj-dom', webinarId: 'family-club', done: true },
      { kind: 'stand', exhibitorId: 'teplyj-dom', done: false },
    ],
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    ...over,
  };
}

export function tracksContract(name: string, open: () => Promise<ContractSubject>): void {
  describe(`tracks storage contract: ${name}`, () => {
    let s: ContractSubject;
    const st = () => s.storage;
    beforeEach(async () => {
      s = await open();
    });
    afterEach(async () => {
      s.failWrites(false);
      await s.cleanup();
    });

    it('stores tracks per visitor, newest first, and keeps them across a reopen', async () => {
      expect(await st().tracksOf(ANNA)).toEqual([]);
      await st().createTrack(track('aaaaaaaaaaaaaaa1', ANNA));
      await st().createTrack(track('aaaaaaaaaaaaaaa2', ANNA, { createdAt: 1_700_000_100_000, copiedFrom: 'bbbbbbbbbbbbbbb1' }));
      await st().createTrack(track('bbbbbbbbbbbbbbb1', BORIS));
      await s.reopen();
      expect((await st().tracksOf(ANNA)).map((t) => t.id)).toEqual(['aaaaaaaaaaaaaaa2', 'aaaaaaaaaaaaaaa1']);
      expect((await st().tracksOf(BORIS)).map((t) => t.id)).toEqual(['bbbbbbbbbbbbbbb1']);
      expect(await st().getTrack('aaaaaaaaaaaaaaa2')).toEqual(track('aaaaaaaaaaaaaaa2', ANNA, { createdAt: 1_700_000_100_000, copiedFrom: 'bbbbbbbbbbbbbbb1' }));
      expect(await st().getTrack('nonexistent00000')).toBeUndefined();
      for (const key of ['__proto__', 'constructor', 'toString']) expect(await st().getTrack(key)).toBeUndefined();
    });

    it('refuses a second track with a taken id', async () => {
      await st().createTrack(track('aaaaaaaaaaaaaaa1', ANNA));
      await expect(st().createTrack(track('aaaaaaaaaaaaaaa1', BORIS, { title: 'Чужой' }))).rejects.toThrow();
      expect(await st().getTrack('aaaaaaaaaaaaaaa1')).toMatchObject({ owner: ANNA, title: 'Инклюзия · практик' });
      expect(await st().tracksOf(BORIS)).toEqual([]);
    });

    it('lets the owner replace and delete a track, and nobody else', async () => {
      await st().createTrack(track('aaaaaaaaaaaaaaa1', ANNA));
      const edited = track('aaaaaaaaaaaaaaa1', ANNA, {
        title: 'Мой трек',
        items: [{ kind: 'stand', exhibitorId: 'teplyj-dom', done: true }],
        updatedAt: 1_700_000_200_000,
      });
      await st().putTrack(edited);
      await expect(st().putTrack({ ...edited, owner: BORIS, title: 'Захват' })).rejects.toThrow();
      await expect(st().putTrack(track('nonexistent00000', ANNA))).rejects.toThrow();
      expect(await st().deleteTrack('aaaaaaaaaaaaaaa1', BORIS)).toBe(false);
      await s.reopen();
      expect(await st().getTrack('aaaaaaaaaaaaaaa1')).toEqual(edited);
      expect(await st().getTrack('nonexistent00000')).toBeUndefined();
      expect(await st().deleteTrack('aaaaaaaaaaaaaaa1', ANNA)).toBe(true);
      expect(await st().deleteTrack('aaaaaaaaaaaaaaa1', ANNA)).toBe(false);
      await s.reopen();
      expect(await st().getTrack('aaaaaaaaaaaaaaa1')).toBeUndefined();
      expect(await st().tracksOf(ANNA)).toEqual([]);
    });

    it('changes nothing when a write fails', async () => {
      await st().createTrack(track('aaaaaaaaaaaaaaa1', ANNA));
      const read = async () => ({ mine: await st().tracksOf(ANNA), one: await st().getTrack('aaaaaaaaaaaaaaa1') });
      await failedWriteChangesNothing(s, () => st().createTrack(track('aaaaaaaaaaaaaaa2', ANNA)), read);
      await failedWriteChangesNothing(s, () => st().putTrack(track('aaaaaaaaaaaaaaa1', ANNA, { title: 'Новое' })), read);
      await failedWriteChangesNothing(s, () => st().deleteTrack('aaaaaaaaaaaaaaa1', ANNA), read);
    });
  });
}
