// Learning tracks in tracks.json: every visitor's tracks keyed by track id, with the owner's
// visitor id beside each. One JsonDoc: a change is durable (fsynced) before it is
// acknowledged, and a write that fails leaves the file and memory as they were.
import { z } from 'zod';
import { Track } from '../../../shared/programme/tracks.ts';
import type { StoredTrack, TrackStore } from '../trackStore.ts';
import type { LowdbContext } from './context.ts';
import { openJsonDoc } from './jsonFile.ts';
import { own, withKey, withoutKeys } from './own.ts';

const StoredTrackSchema = Track.extend({ owner: z.string().min(1) });
export const TracksFile = z.object({ schema: z.literal(1), tracks: z.record(z.string(), StoredTrackSchema) });
type TracksFile = z.infer<typeof TracksFile>;

const newestFirst = (a: StoredTrack, b: StoredTrack) => b.createdAt - a.createdAt || a.id.localeCompare(b.id);

export async function openTracks(file: string, ctx: LowdbContext): Promise<TrackStore> {
  const db = await openJsonDoc<TracksFile>(file, { schema: TracksFile, empty: { schema: 1, tracks: {} }, disk: ctx.disk });

  return {
    async createTrack(track) {
      const valid = StoredTrackSchema.parse(track);
      await db.update((cur) => {
        if (own(cur.tracks, valid.id)) throw new Error(`track ${valid.id} exists`);
        return { ...cur, tracks: withKey(cur.tracks, valid.id, valid) };
      });
    },
    async getTrack(id) {
      const t = own(db.data.tracks, id);
      return t && structuredClone(t);
    },
    async tracksOf(owner) {
      return structuredClone(Object.values(db.data.tracks).filter((t) => t.owner === owner)).sort(newestFirst);
    },
    async putTrack(track) {
      const valid = StoredTrackSchema.parse(track);
      await db.update((cur) => {
        const was = own(cur.tracks, valid.id);
        if (!was || was.owner !== valid.owner) throw new Error(`no track ${valid.id} of this visitor`);
        return { ...cur, tracks: withKey(cur.tracks, valid.id, valid) };
      });
    },
    async deleteTrack(id, owner) {
      const was = own(db.data.tracks, id);
      if (!was || was.owner !== owner) return false;
      let removed = false;
      await db.update((cur) => {
        const t = own(cur.tracks, id);
        removed = t?.owner === owner;
        return removed ? { ...cur, tracks: withoutKeys(cur.tracks, (k) => k === id) } : cur;
      });
      return removed;
    },
  };
}
