// Learning tracks in PostgreSQL (migration 5, 'tracks'): the validated track as jsonb with its
// owner and creation time as columns, so a visitor's list is one indexed query. Changes are
// single statements that name the owner, so another visitor's id never matches a row.
import { z } from 'zod';
import { Track } from '../../../shared/programme/tracks.ts';
import type { StoredTrack, TrackStore } from '../trackStore.ts';
import { type Db, UNIQUE_VIOLATION, jsonParam, noNul, sqlState } from './db.ts';

const StoredTrackSchema = Track.extend({ owner: z.string().min(1) });

export function pgTracks(db: Db): TrackStore {
  return {
    async createTrack(track) {
      const valid: StoredTrack = StoredTrackSchema.parse(track);
      try {
        await db.query('INSERT INTO tracks (id, owner, created_at, data) VALUES ($1, $2, $3, $4::jsonb)', [
          valid.id,
          noNul(valid.owner),
          valid.createdAt,
          jsonParam(valid),
        ]);
      } catch (e) {
        if (sqlState(e) === UNIQUE_VIOLATION) throw new Error(`track ${valid.id} exists`, { cause: e });
        throw e;
      }
    },
    async getTrack(id) {
      const { rows } = await db.query<{ data: StoredTrack }>('SELECT data FROM tracks WHERE id = $1', [id]);
      return rows[0]?.data;
    },
    async tracksOf(owner) {
      const { rows } = await db.query<{ data: StoredTrack }>('SELECT data FROM tracks WHERE owner = $1 ORDER BY created_at DESC, id', [owner]);
      return rows.map((r) => r.data);
    },
    async putTrack(track) {
      const valid: StoredTrack = StoredTrackSchema.parse(track);
      const { rowCount } = await db.query('UPDATE tracks SET data = $3::jsonb WHERE id = $1 AND owner = $2', [valid.id, valid.owner, jsonParam(valid)]);
      if (!rowCount) throw new Error(`no track ${valid.id} of this visitor`);
    },
    async deleteTrack(id, owner) {
      const { rowCount } = await db.query('DELETE FROM tracks WHERE id = $1 AND owner = $2', [id, owner]);
      return (rowCount ?? 0) > 0;
    },
  };
}
