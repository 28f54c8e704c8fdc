// What the server needs to know about an HLS playlist ffmpeg wrote: its segments with their
// program date-times, and whether it is closed (ENDLIST), which makes it a recording.
import fs from 'node:fs/promises';

export interface PlaylistSegment {
  uri: string;
  duration: number;
  /** EXT-X-PROGRAM-DATE-TIME in epoch ms, when present. */
  programDateTime?: number;
}

export interface PlaylistInfo {
  segments: PlaylistSegment[];
  ended: boolean;
  /** A master playlist (several renditions) lists variants instead of segments. */
  variants: string[];
}

export function parsePlaylist(text: string): PlaylistInfo {
  const segments: PlaylistSegment[] = [];
  const variants: string[] = [];
  let duration: number | null = null;
  let pdt: number | undefined;
  let variantNext = false;
  let ended = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith('#EXTINF:')) duration = Number.parseFloat(line.slice(8));
    else if (line.startsWith('#EXT-X-PROGRAM-DATE-TIME:')) pdt = Date.parse(line.slice(25).replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    else if (line.startsWith('#EXT-X-STREAM-INF')) variantNext = true;
    else if (line === '#EXT-X-ENDLIST') ended = true;
    else if (!line.startsWith('#')) {
      if (variantNext) variants.push(line);
      else if (duration !== null) segments.push({ uri: line, duration, ...(pdt !== undefined && !Number.isNaN(pdt) ? { programDateTime: pdt } : {}) });
      duration = null;
      pdt = undefined;
      variantNext = false;
    }
  }
  return { segments, ended, variants };
}

/** The playlist at `file`, or null when there is none yet. */
export async function readPlaylist(file: string): Promise<PlaylistInfo | null> {
  try {
    return parsePlaylist(await fs.readFile(file, 'utf8'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/**
 * Closes a playlist a killed ffmpeg left open (server crash, SIGKILL): what was written is
 * the recording. Written through a temp file and a rename, as ffmpeg does, so a reader never
 * sees half a playlist.
 */
export async function closePlaylist(file: string): Promise<boolean> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
  const info = parsePlaylist(text);
  if (info.ended || info.segments.length === 0) return info.ended;
  await fs.writeFile(`${file}.tmp`, `${text.replace(/\n*$/, '\n')}#EXT-X-ENDLIST\n`);
  await fs.rename(`${file}.tmp`, file);
  return true;
}

/**
 * Takes a playlist's ENDLIST back while its stage is still live: ffmpeg ends its playlist when
 * the sender drops (or the server stops), and a viewer's player that reads ENDLIST stops
 * asking for more. The restarted ffmpeg appends to it (append_list) once the sender returns;
 * only "end" closes it for good. True when it was reopened.
 */
export async function reopenPlaylist(file: string): Promise<boolean> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
  if (!parsePlaylist(text).ended) return false;
  await fs.writeFile(`${file}.reopen.tmp`, text.replace(/^#EXT-X-ENDLIST[ \t]*\r?\n?/gm, ''));
  await fs.rename(`${file}.reopen.tmp`, file);
  return true;
}
