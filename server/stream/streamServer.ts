// The stream hall's part of the server, built in one call from the config: the registry of
// stages and recordings (StreamHall), the broadcast API and the HLS file server.
import path from 'node:path';
import type { Router } from 'express';
import type { ProgrammeEvent } from '../../shared/programme/schema.ts';
import type { Presence } from '@colyseus/core';
import type { ServerConfig } from '../config.ts';
import { EventModerators } from '../organiser/eventModerators.ts';
import { viewersReader } from '../qa/viewers.ts';
import type { Storage } from '../storage/storage.ts';
import { serveStreams } from './serveStreams.ts';
import { streamApi } from './streamApi.ts';
import { StreamHall } from './streamHall.ts';
import { streamSecret } from './streamKeys.ts';

export const DEFAULT_SRT_PORT_BASE = 9000;

export interface StreamServer {
  hall: StreamHall;
  /** Broadcast and status API (mount on the app). */
  api: Router;
  /** HLS files (mount at API.streams). */
  files: Router;
  streamsDir: string;
  close(): Promise<void>;
}

export async function startStreams(
  config: ServerConfig,
  programme: { events: () => readonly ProgrammeEvent[]; event: (id: string) => ProgrammeEvent | undefined },
  log: (line: string) => void,
  /** Key generations, moderators and the audit log live in the storage; viewer counts in presence. */
  parts: { storage: Storage; presence: Presence },
): Promise<StreamServer> {
  const { storage, presence } = parts;
  const streamsDir = path.join(config.dataDir, 'streams');
  const hall = new StreamHall({
    streamsDir,
    ffmpeg: config.ffmpegPath ?? 'ffmpeg',
    bindHost: config.streamHost ?? config.host,
    publicHost: config.streamPublicHost,
    portBase: config.streamSrtPortBase ?? DEFAULT_SRT_PORT_BASE,
    secret: streamSecret(config.streamSecret, config.dataDir),
    lowRung: config.streamLowRung ?? 'none',
    events: programme.events,
    event: programme.event,
    keys: { generation: (stage) => storage.stageKeyGeneration(stage), next: (stage) => storage.nextStageKeyGeneration(stage) },
    viewers: viewersReader(presence),
    log,
  });
  const moderators = new EventModerators(storage);
  await hall.load();
  return { hall, api: streamApi(hall, { moderators, auditLog: storage, eventExists: (id) => programme.event(id) !== undefined }), files: serveStreams(streamsDir), streamsDir, close: () => hall.close() };
}
