// Addresses of the programme's pages: /programme (the schedule, filters in the query string),
// /programme/library, /programme/<eventId> and /speakers/<id>. No imports, so the entry can
// ask "is this a programme page?" without loading the programme's chunk.

export const PROGRAMME_PATH = '/programme';
export const LIBRARY_PATH = '/programme/library';
/** The visitor's own starred events, clashes and reminders. */
export const MY_PATH = '/programme/my';
export const TRACKS_PATH = '/programme/tracks';
export const SPEAKERS_PATH = '/speakers';

export type ProgrammePage =
  | { kind: 'schedule' }
  | { kind: 'library' }
  | { kind: 'my' }
  /** Learning tracks: the builder and the visitor's list; one track by its share id. */
  | { kind: 'tracks' }
  | { kind: 'track'; trackId: string }
  | { kind: 'event'; eventId: string }
  | { kind: 'speaker'; speakerId: string }
  | { kind: 'unknown' };

const ID = /^[a-z0-9][a-z0-9-]*$/;
/** shared/programme/tracks.ts TrackId. */
const TRACK_ID = /^[A-Za-z0-9_-]{16}$/;

export function isProgrammePath(pathname: string): boolean {
  return pathname === PROGRAMME_PATH || pathname.startsWith(`${PROGRAMME_PATH}/`) || pathname.startsWith(`${SPEAKERS_PATH}/`);
}

export function parseProgrammePath(pathname: string): ProgrammePage {
  let parts: string[];
  try {
    parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return { kind: 'unknown' }; // a malformed %-escape in a pasted link
  }
  const [head, id, ...rest] = parts;
  if (head === 'programme' && id === 'tracks') {
    if (rest.length === 0) return { kind: 'tracks' };
    return rest.length === 1 && TRACK_ID.test(rest[0]!) ? { kind: 'track', trackId: rest[0]! } : { kind: 'unknown' };
  }
  if (rest.length > 0) return { kind: 'unknown' };
  if (head === 'programme') {
    if (id === undefined) return { kind: 'schedule' };
    // "library" and "tracks" are pages, so no event may be called that (ids are ours to choose).
    if (id === 'library') return { kind: 'library' };
    if (id === 'my') return { kind: 'my' };
    return ID.test(id) ? { kind: 'event', eventId: id } : { kind: 'unknown' };
  }
  if (head === 'speakers' && id !== undefined && ID.test(id)) return { kind: 'speaker', speakerId: id };
  return { kind: 'unknown' };
}

export const eventPath = (id: string): string => `${PROGRAMME_PATH}/${encodeURIComponent(id)}`;
export const speakerPath = (id: string): string => `${SPEAKERS_PATH}/${encodeURIComponent(id)}`;
