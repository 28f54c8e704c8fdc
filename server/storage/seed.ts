// First start: fills an empty store from the seed files (assets/seed/*.json, or the files the
// config names) through the Storage interface, so any backend is seeded the same way. Each
// domain is seeded only while it is empty: a restart never brings back what was changed since.
import fs from 'node:fs/promises';
import { z } from 'zod';
import { normaliseEmail } from '../../shared/accounts.ts';
import { ExhibitorList } from '../../shared/exhibitor.ts';
import { shiftWebinars } from '../../shared/sampleDates.ts';
import { StandContent } from '../../shared/standContent.ts';
import { Account } from './records.ts';
import type { Storage } from './storage.ts';

export interface SeedFiles {
  exhibitors: string;
  /** Stand interiors by exhibitor id; a missing file starts every stand empty. */
  content?: string;
  /** Moves every webinar in the content seed by this much (the sample's dates, shared/sampleDates.ts). */
  webinarShiftMs?: number;
  /** Cabinet accounts (scrypt hashes, never passwords); a missing file means no one can log in yet. */
  accounts?: string;
}

export const AccountSeed = z.array(Account);
const SeedObject = z.record(z.string(), z.unknown());

/** A seed file's text, or undefined when there is none. */
async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

function parseSeed(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`seed file ${file} is not valid JSON`);
  }
}

/**
 * Reads a stand-interior seed. An entry that does not parse (or names no known exhibitor) is
 * skipped with a log line, so one broken stand never keeps the exhibition from starting.
 */
export async function readContentSeed(
  seedFile: string,
  log: (line: string) => void,
  knownExhibitor: (id: string) => boolean = () => true,
): Promise<Record<string, StandContent>> {
  const text = await readOptional(seedFile);
  if (text === undefined) return {};
  const top = SeedObject.safeParse(parseSeed(seedFile, text));
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

/** Accounts from a seed file, all or nothing (a half-seeded account list is a confusing security state). */
export async function readAccountSeed(seedFile: string, log: (line: string) => void): Promise<Account[]> {
  const text = await readOptional(seedFile);
  if (text === undefined) {
    log(`[accounts] no ${seedFile}: no one can log in to the cabinet until accounts are added`);
    return [];
  }
  return AccountSeed.parse(parseSeed(seedFile, text)).map((a) => ({ ...a, email: normaliseEmail(a.email) }));
}

export async function seedStorage(storage: Storage, seed: SeedFiles, log: (line: string) => void = () => {}): Promise<void> {
  if ((await storage.listExhibitors()).length === 0) {
    const text = await fs.readFile(seed.exhibitors, 'utf8');
    await storage.upsertExhibitors(ExhibitorList.parse(parseSeed(seed.exhibitors, text)));
  }
  if (seed.content && (await storage.exhibitorsWithContent()).length === 0) {
    const known = new Set((await storage.listExhibitors()).map((e) => e.id));
    const content = await readContentSeed(seed.content, log, (id) => known.has(id));
    // Asked all at once, so the store can write them together.
    const shift = seed.webinarShiftMs ?? 0;
    await Promise.all(Object.entries(content).map(([id, c]) => storage.putContent(id, shiftWebinars(c, shift))));
  }
  if (seed.accounts && (await storage.listAccounts()).length === 0) {
    const accounts = await readAccountSeed(seed.accounts, log);
    await Promise.all(accounts.map((a) => storage.createAccount(a)));
  }
}
