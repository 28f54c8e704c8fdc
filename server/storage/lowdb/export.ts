// Reads an embedded store's files as rows for `npm run store:copy` (server/storage/transfer.ts),
// each through the schema its domain module checks it with, and without writing anything: no
// folder is made, a missing file is an empty domain, a damaged one rejects with a
// StorageFileError naming it. File names are lowdbStorage.ts's; run it on a stopped server
// (a running one may be writing the next value of a file meanwhile).
import fs from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import type { StoredChatMessage } from '../chatStore.ts';
import type { QaEventRows, StoreDump } from '../transfer.ts';
import { AccountsFile } from './accounts.ts';
import { AnalyticsFile } from './analytics.ts';
import { ChunkFile, MetaFile } from './chat.ts';
import { ContentFile } from './content.ts';
import { type Disk, DurableJsonFile, realDisk } from './durableFile.ts';
import { ExhibitorsFile } from './exhibitors.ts';
import { LeadsFile } from './leads.ts';
import { OrganiserFile } from './organiser.ts';
import { BallotsFile, CommentsFile, QaFile, VotesFile } from './qa.ts';
import { TracksFile } from './tracks.ts';
import { SHARDS, ShardFile, SharedFile } from './visitorProgramme.ts';

/** The files and folders of a store (relative to its folder), as lowdbStorage.ts opens them. */
export const STORE_FILES = ['db.json', 'content.json', 'accounts.json', 'leads.json', 'analytics.json', 'chat', 'organiser.json', 'qa', 'visitor-programme', 'tracks.json'];

/** The file as its module reads it, or null when it does not exist. */
function read<S extends z.ZodType>(file: string, schema: S, disk: Disk): Promise<z.infer<S> | null> {
  return new DurableJsonFile<z.infer<S>>(file, schema, 1, disk).read();
}

/** Entries of a folder that match `pattern` ([] when the folder does not exist). */
async function entries(dir: string, pattern: RegExp): Promise<string[]> {
  try {
    return (await fs.readdir(dir)).filter((f) => pattern.test(f));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

const numbered = async (dir: string) => (await entries(dir, /^\d+\.json$/)).map((f) => Number(f.slice(0, -5))).sort((a, b) => a - b);

/** Every domain's rows; one domain's files are read at a time. */
export async function exportLowdb(dataDir: string, disk: Disk = realDisk()): Promise<StoreDump> {
  const at = (...parts: string[]) => path.join(dataDir, ...parts);

  const exhibitorsFile = await read(at('db.json'), ExhibitorsFile, disk);
  const contentFile = await read(at('content.json'), ContentFile, disk);
  const accountsFile = await read(at('accounts.json'), AccountsFile, disk);
  const leadsFile = await read(at('leads.json'), LeadsFile, disk);
  const analyticsFile = await read(at('analytics.json'), AnalyticsFile, disk);
  const organiserFile = await read(at('organiser.json'), OrganiserFile, disk);
  const tracksFile = await read(at('tracks.json'), TracksFile, disk);

  return {
    exhibitors: { exhibitors: Object.values(exhibitorsFile?.exhibitors ?? {}) },
    content: { content: Object.entries(contentFile?.content ?? {}).map(([exhibitorId, content]) => ({ exhibitorId, content })) },
    accounts: { accounts: Object.values(accountsFile?.accounts ?? {}), sessions: Object.values(accountsFile?.sessions ?? {}) },
    leads: { leads: leadsFile?.leads ?? [] },
    analytics: {
      days: Object.entries(analyticsFile?.days ?? {}).flatMap(([exhibitorId, days]) =>
        Object.entries(days).map(([day, record]) => ({ exhibitorId, day, record })),
      ),
    },
    chat: await exportChat(at('chat'), disk),
    organiser: {
      invitations: organiserFile?.invitations ?? [],
      statuses: Object.entries(organiserFile?.statuses ?? {}).map(([accountId, status]) => ({ accountId, status })),
      audit: organiserFile?.audit ?? [],
      announcements: organiserFile?.announcements ?? [],
      days: Object.entries(organiserFile?.days ?? {}).map(([day, counts]) => ({ day, counts })),
      // Files from before per-event moderators lack these (the module's schema defaults them).
      eventModerators: Object.entries(organiserFile?.eventModerators ?? {}).map(([eventId, accountIds]) => ({ eventId, accountIds })),
      stageKeys: Object.entries(organiserFile?.stageKeys ?? {}).map(([stage, generation]) => ({ stage, generation })),
    },
    qa: { events: await exportQa(at('qa'), disk) },
    visitorProgramme: await exportVisitorProgramme(at('visitor-programme'), disk),
    tracks: { tracks: Object.values(tracksFile?.tracks ?? {}) },
  };
}

async function exportChat(dir: string, disk: Disk): Promise<StoreDump['chat']> {
  const meta = await read(path.join(dir, 'meta.json'), MetaFile, disk);
  const messages: StoredChatMessage[] = [];
  for (const standId of (await entries(path.join(dir, 'stands'), /^[a-z0-9][a-z0-9-]*$/)).sort()) {
    const mine: StoredChatMessage[] = [];
    for (const n of await numbered(path.join(dir, 'stands', standId))) {
      const chunk = await read(path.join(dir, 'stands', standId, `${n}.json`), ChunkFile, disk);
      mine.push(...((chunk?.messages ?? []) as StoredChatMessage[]));
    }
    messages.push(...mine.sort((a, b) => a.id - b.id));
  }
  return {
    messages,
    mutes: Object.entries(meta?.mutes ?? {}).flatMap(([standId, refs]) => Object.entries(refs).map(([ref, m]) => ({ standId, ref, until: m.until, by: m.by }))),
    quickReplies: Object.entries(meta?.quickReplies ?? {}).map(([exhibitorId, replies]) => ({ exhibitorId, replies })),
    reads: Object.entries(meta?.reads ?? {}).flatMap(([accountId, marks]) => Object.entries(marks).map(([conversation, upTo]) => ({ accountId, conversation, upTo }))),
  };
}

async function exportQa(dir: string, disk: Disk): Promise<QaEventRows[]> {
  const out: QaEventRows[] = [];
  for (const eventId of (await entries(dir, /^[a-z0-9][a-z0-9-]*$/)).sort()) {
    const folder = path.join(dir, eventId);
    const qa = await read(path.join(folder, 'qa.json'), QaFile, disk);
    const comments = await read(path.join(folder, 'comments.json'), CommentsFile, disk);
    const votes: QaEventRows['votes'] = [];
    for (const questionId of await numbered(path.join(folder, 'votes'))) {
      const f = await read(path.join(folder, 'votes', `${questionId}.json`), VotesFile, disk);
      for (const voter of f?.voters ?? []) votes.push({ questionId, voter });
    }
    const ballots: QaEventRows['ballots'] = [];
    for (const pollId of await numbered(path.join(folder, 'ballots'))) {
      const f = await read(path.join(folder, 'ballots', `${pollId}.json`), BallotsFile, disk);
      for (const [voter, choices] of Object.entries(f?.ballots ?? {})) ballots.push({ pollId, voter, choices });
    }
    out.push({
      eventId,
      questions: qa?.questions ?? [],
      comments: comments?.comments ?? [],
      polls: qa?.polls ?? [],
      votes,
      ballots,
      settings: qa?.settings ?? { slowModeSeconds: 0 },
      mutes: Object.entries(qa?.mutes ?? {}).map(([ref, m]) => ({ ref, until: m.until, by: m.by })),
    });
  }
  return out;
}

async function exportVisitorProgramme(dir: string, disk: Disk): Promise<StoreDump['visitorProgramme']> {
  const visitors: StoreDump['visitorProgramme']['visitors'] = [];
  for (let i = 0; i < SHARDS; i++) {
    const shard = await read(path.join(dir, `v${String(i).padStart(2, '0')}.json`), ShardFile, disk);
    for (const [visitorId, record] of Object.entries(shard?.visitors ?? {})) visitors.push({ visitorId, record });
  }
  const shared = await read(path.join(dir, 'shared.json'), SharedFile, disk);
  return {
    visitors,
    transfers: Object.entries(shared?.transfers ?? {}).map(([codeHash, t]) => ({ codeHash, visitorId: t.visitorId, expiresAt: t.expiresAt })),
    ledger: Object.values(shared?.ledger ?? {}),
  };
}
