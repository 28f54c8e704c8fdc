// The development outbox: without SMTP_URL every message is kept under data/outbox as a real
// RFC 822 file (<id>.eml, opens in any mail client) beside a small JSON entry (<id>.json) that
// the dev page lists. Both are written to a temp file and renamed, the entry last, so a listed
// entry always has its message.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

export const OutboxEntry = z.object({
  id: z.string(),
  createdAt: z.string(),
  to: z.string(),
  subject: z.string(),
  leadId: z.string().optional(),
  /** The readable parts, so the dev page can show them without a MIME parser. */
  text: z.string(),
  html: z.string().optional(),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

/** Outbox ids are generated here: time first (sorts), then randomness. */
export const OUTBOX_ID = /^[0-9]{13}-[0-9a-f]{8}$/;

async function writeAtomically(file: string, data: string | Buffer): Promise<void> {
  const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await fs.writeFile(temp, data, { flush: true });
    await fs.rename(temp, file);
  } catch (err) {
    await fs.rm(temp, { force: true });
    throw err;
  }
}

export async function writeToOutbox(
  dir: string,
  raw: Buffer,
  entry: Omit<OutboxEntry, 'id' | 'createdAt'>,
  now: Date = new Date(),
): Promise<OutboxEntry> {
  await fs.mkdir(dir, { recursive: true });
  const id = `${now.getTime().toString().padStart(13, '0')}-${randomBytes(4).toString('hex')}`;
  const full: OutboxEntry = { id, createdAt: now.toISOString(), ...entry };
  await writeAtomically(path.join(dir, `${id}.eml`), raw);
  await writeAtomically(path.join(dir, `${id}.json`), JSON.stringify(full, null, 2));
  return full;
}

/** Newest first, at most `limit`; unreadable entries are skipped rather than failing the list. */
export async function listOutbox(dir: string, limit = 200): Promise<OutboxEntry[]> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const ids = names
    .filter((n) => n.endsWith('.json'))
    .map((n) => n.slice(0, -'.json'.length))
    .filter((id) => OUTBOX_ID.test(id))
    .sort()
    .reverse()
    .slice(0, limit);
  const entries = await Promise.all(ids.map((id) => readOutboxEntry(dir, id)));
  return entries.filter((e): e is OutboxEntry => e !== undefined);
}

export async function readOutboxEntry(dir: string, id: string): Promise<OutboxEntry | undefined> {
  if (!OUTBOX_ID.test(id)) return undefined;
  try {
    const parsed = OutboxEntry.safeParse(JSON.parse(await fs.readFile(path.join(dir, `${id}.json`), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function outboxMessagePath(dir: string, id: string): string | undefined {
  return OUTBOX_ID.test(id) ? path.join(dir, `${id}.eml`) : undefined;
}
