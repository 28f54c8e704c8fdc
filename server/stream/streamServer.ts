// The stream hall's part of the server, built in one call from the config: the registry of
// stages and recordings (StreamHall), the broadcast API and the HLS file server.
import path from 'node:path';
import type { Router } from 'express';
import type { ProgrammeEvent } from '../../shared/programme/schema.ts';
import type { ServerConfig } from '../config.ts';
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
): Promise<StreamServer> {
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
    log,
  });
  await hall.load();
  return { hall, api: streamApi(hall), files: serveStreams(streamsDir), streamsDir, close: () => hall.close() };
}
