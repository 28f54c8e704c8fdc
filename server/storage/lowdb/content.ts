// Stand interiors in content.json, seeded from assets/seed/content.json on first start. A seed
// entry that does not parse (or names no known exhibitor) is skipped with a log line, so one
// broken stand never keeps the exhibition from starting.
import fs from 'node:fs/promises';
import { z } from 'zod';
import { EMPTY_CONTENT, StandContent } from '../../../shared/standContent.ts';
import type { ContentStore } from '../storage.ts';
import { openJsonFile } from './jsonFile.ts';

interface ContentFile {
  schema: 1;
  content: Record<string, StandContent>;
}

const SeedObject = z.record(z.string(), z.unknown());

/** Reads a seed file; a missing file means "no interiors yet". */
export async function readContentSeed(
  seedFile: string,
  log: (line: string) => void,
  knownExhibitor: (id: string) => boolean = () => true,
): Promise<Record<string, StandContent>> {
  let text: string;
  try {
    text = await fs.readFile(seedFile, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw e;
  }
  const top = SeedObject.safeParse(JSON.parse(text));
  if (!top.success) {
    log(`[content] ${seedFile}: expected an object of exhibitor id → stand content; starting empty`);
    return {};
  }
  const out: Record<string, StandContent> = {};
  for (const [id, raw] of Object.entries(top.data)) {
    if (!knownExhibitor(id)) {
      log(`[content] ${seedFile}: skipped "${id}": no such exhibitor`);
      continue;
    }
    const parsed = StandContent.safeParse(raw);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      log(`[content] ${seedFile}: skipped "${id}": ${first ? `${first.path.join('.')}: ${first.message}` : 'invalid'}`);
      continue;
    }
    out[id] = parsed.data;
  }
  return out;
}

export async function openContent(
  file: string,
  seedFile: string | undefined,
  log: (line: string) => void,
  knownExhibitor?: (id: string) => boolean,
): Promise<ContentStore> {
  const db = await openJsonFile<ContentFile>(file, { schema: 1, content: {} }, async () => ({
    schema: 1,
    content: seedFile ? await readContentSeed(seedFile, log, knownExhibitor) : {},
  }));

  return {
    async getContent(exhibitorId) {
      const c = Object.hasOwn(db.data.content, exhibitorId) ? db.data.content[exhibitorId] : undefined;
      return structuredClone(c ?? EMPTY_CONTENT);
    },
    async putContent(exhibitorId, content) {
      const valid = StandContent.parse(content);
      await db.update((data) => {
        data.content[exhibitorId] = valid;
      });
    },
  };
}
