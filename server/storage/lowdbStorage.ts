// The embedded store: lowdb files under data/, one per domain, composed into one Storage.
// Each domain module owns its file, so a lead written never rewrites the exhibitors, and every
// write resolves only once its file (and folder) are fsynced. Pure persistence: seeding is
// server/storage/seed.ts, the rules are in services and shared/.
import path from 'node:path';
import type { Storage } from './storage.ts';
import { openAccounts } from './lowdb/accounts.ts';
import { openAnalytics } from './lowdb/analytics.ts';
import { openChat } from './lowdb/chat.ts';
import { openContent } from './lowdb/content.ts';
import type { LowdbContext } from './lowdb/context.ts';
import { type Disk, realDisk } from './lowdb/durableFile.ts';
import { openExhibitors } from './lowdb/exhibitors.ts';
import { openLeads } from './lowdb/leads.ts';
import { openOrganiser } from './lowdb/organiser.ts';
import { openQa } from './lowdb/qa.ts';
import { openTracks } from './lowdb/tracks.ts';
import { openVisitorProgramme } from './lowdb/visitorProgramme.ts';

export interface StorageOptions {
  log?: (line: string) => void;
  /** How files reach the disk (default: the real one, fsynced). Tests pass a failing one. */
  disk?: Disk;
}

/**
 * Opens every file under `dataDir`. A damaged file (not JSON, wrong shape or version) rejects
 * with a StorageFileError naming it, before anything is written.
 */
export async function openLowdbStorage(dataDir: string, options: StorageOptions = {}): Promise<Storage> {
  const ctx: LowdbContext = { disk: options.disk ?? realDisk(), log: options.log ?? (() => {}) };
  const exhibitors = await openExhibitors(path.join(dataDir, 'db.json'), ctx);
  const content = await openContent(path.join(dataDir, 'content.json'), ctx);
  const accounts = await openAccounts(path.join(dataDir, 'accounts.json'), ctx);
  const leads = await openLeads(path.join(dataDir, 'leads.json'), ctx);
  const analytics = await openAnalytics(path.join(dataDir, 'analytics.json'), ctx);
  // Stand chats: their own folder, one small file per chunk of a stand's messages.
  const chat = await openChat(path.join(dataDir, 'chat'), ctx);
  const organiser = await openOrganiser(path.join(dataDir, 'organiser.json'), ctx);
  // Programme events' Q&A: a folder per event, opened on first use.
  const qa = await openQa(path.join(dataDir, 'qa'), ctx);
  // Visitors' own programmes (stars, reminders, feed tokens): 32 files by visitor, plus shared.json.
  const visitorProgramme = await openVisitorProgramme(path.join(dataDir, 'visitor-programme'), ctx);
  // Visitors' learning tracks, keyed by track id.
  const tracks = await openTracks(path.join(dataDir, 'tracks.json'), ctx);
  return {
    ...exhibitors,
    ...content,
    ...accounts,
    ...leads,
    ...analytics,
    ...chat,
    ...organiser,
    ...qa,
    ...tracks,
    ...visitorProgramme,
    async ping() {
      // A small file written like any record: fails when the disk is full or read-only.
      await ctx.disk.replace(path.join(dataDir, '.health'), String(Date.now()));
    },
    // Every write is awaited by its caller, so nothing is pending once requests have ended.
    async close() {},
  };
}
