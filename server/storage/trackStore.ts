// Learning tracks (issue 12, "University"): each belongs to one signed visitor id. Anyone who
// has a track's id (its share link) may read it; only its owner changes or deletes it, which
// the store itself checks, so a service slip cannot hand one visitor's track to another.
// Every write resolves once durable; a write that fails changes nothing.
import type { Track } from '../../shared/programme/tracks.ts';

/** A track as stored: the wire form plus its owner's visitor id (never sent to browsers). */
export type StoredTrack = Track & { owner: string };

export interface TrackStore {
  /** Adds a track; rejects when its id is taken. */
  createTrack(track: StoredTrack): Promise<void>;
  getTrack(id: string): Promise<StoredTrack | undefined>;
  /** The owner's tracks, newest first (by createdAt, then id). */
  tracksOf(owner: string): Promise<StoredTrack[]>;
  /**
   * Replaces the owner's track (same id and owner); rejects when there is no such track or it
   * is someone else's, and then changes nothing.
   */
  putTrack(track: StoredTrack): Promise<void>;
  /** Removes the owner's track: true when it was there and theirs. */
  deleteTrack(id: string, owner: string): Promise<boolean>;
}
