// Moving a stand to another exhibitor (issue 17). Decision: the floor file stays the one truth
// of who stands where, so the change is written into it (no override table to disagree with
// the file an organiser edits next). Only the stand's own line changes: its "exhibitor" value;
// the rest of the file keeps its layout byte for byte. The new text must parse and still hold
// the stand, then it replaces the file atomically (temp file + rename) and the level store
// reloads, so rooms and visitors see the change as they do for a hand edit.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { LevelStore } from '../levels/levelStore.ts';
import { Refused } from './invitations.ts';

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The file text with one stand's exhibitor replaced, or a reason it cannot be done. */
export function reassignInText(text: string, standId: string, exhibitorId: string): { text: string } | { error: string } {
  const lines = text.split('\n');
  const idRe = new RegExp(`"id"\\s*:\\s*"${escapeRe(standId)}"`);
  const hits = lines.map((l, i) => (idRe.test(l) && /"exhibitor"\s*:/.test(l) ? i : -1)).filter((i) => i >= 0);
  if (hits.length !== 1) return { error: `stand ${standId} is not one line of its floor file with an "exhibitor"; edit the file by hand` };
  const at = hits[0]!;
  lines[at] = lines[at]!.replace(/("exhibitor"\s*:\s*)"[^"]*"/, `$1${JSON.stringify(exhibitorId)}`);
  const next = lines.join('\n');
  try {
    const data = JSON.parse(next) as { stands?: { id?: unknown; exhibitor?: unknown }[] };
    const stand = data.stands?.find((s) => s.id === standId);
    if (stand?.exhibitor !== exhibitorId) return { error: `stand ${standId} could not be changed safely; edit the file by hand` };
  } catch {
    return { error: 'the floor file would not be valid JSON; edit it by hand' };
  }
  return { text: next };
}

async function fileOfFloor(levelsDir: string, floorId: string): Promise<string | undefined> {
  for (const name of await fs.readdir(levelsDir)) {
    if (!name.endsWith('.json') || name.endsWith('.schema.json')) continue;
    const file = path.join(levelsDir, name);
    try {
      if ((JSON.parse(await fs.readFile(file, 'utf8')) as { id?: unknown }).id === floorId) return file;
    } catch {
      // A broken file is not the floor being served; the level store reports it.
    }
  }
  return undefined;
}

/** Moves the stand; returns the previous exhibitor. */
export async function moveStand(levels: LevelStore, levelsDir: string, floorId: string, standId: string, exhibitorId: string): Promise<string> {
  const stand = levels.get(floorId)?.stands.find((s) => s.id === standId);
  if (!stand) throw new Refused(404, `no stand ${standId} on floor ${floorId}`);
  const file = await fileOfFloor(levelsDir, floorId);
  if (!file) throw new Refused(409, `the file of floor ${floorId} was not found`);
  const result = reassignInText(await fs.readFile(file, 'utf8'), standId, exhibitorId);
  if ('error' in result) throw new Refused(409, result.error);
  const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await fs.writeFile(temp, result.text, { flush: true });
    await fs.rename(temp, file);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw e;
  }
  await levels.load();
  return stand.exhibitor;
}
