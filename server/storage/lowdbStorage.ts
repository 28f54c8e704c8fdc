// The embedded store: lowdb files under data/, one per domain, composed into one Storage.
// Each domain module owns its file, so a lead written never rewrites the exhibitors, and
// every write resolves only once its file is on disk.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Storage } from './storage.ts';
import { openAccounts } from './lowdb/accounts.ts';
import { openAnalytics } from './lowdb/analytics.ts';
import { openChat } from './lowdb/chat.ts';
import { openContent } from './lowdb/content.ts';
import { openExhibitors } from './lowdb/exhibitors.ts';
import { openLeads } from './lowdb/leads.ts';

export interface SeedFiles {
  exhibitors: string;
  /** Stand interiors by exhibitor id; a missing file starts every stand empty. */
  content?: string;
  /** Cabinet accounts; a missing file means no one can log in yet. */
  accounts?: string;
}

export interface StorageOptions {
  log?: (line: string) => void;
}

export async function openLowdbStorage(dataDir: string, seed: SeedFiles, options: StorageOptions = {}): Promise<Storage> {
  const log = options.log ?? (() => {});
  const exhibitors = await openExhibitors(path.join(dataDir, 'db.json'), seed.exhibitors);
  const known = new Set((await exhibitors.listExhibitors()).map((e) => e.id));
  const content = await openContent(path.join(dataDir, 'content.json'), seed.content, log, (id) => known.has(id));
  const accounts = await openAccounts(path.join(dataDir, 'accounts.json'), seed.accounts, log);
  const leads = await openLeads(path.join(dataDir, 'leads.json'));
  const analytics = await openAnalytics(path.join(dataDir, 'analytics.json'));
  return {
    ...exhibitors,
    ...content,
    ...accounts,
    ...leads,
    ...analytics,
    // Stand chats: their own folder, one small file per chunk of a stand's messages.
    ...(await openChat(path.join(dataDir, 'chat'))),
    async ping() {
      // A small file written and flushed like any record: fails when the disk is full or read-only.
      const file = path.join(dataDir, '.health');
      const handle = await fs.open(file, 'w');
      try {
        await handle.writeFile(String(Date.now()));
        await handle.sync();
      } finally {
        await handle.close();
      }
    },
    // Every write is awaited by its caller, so nothing is pending once requests have ended.
    async close() {},
  };
}
