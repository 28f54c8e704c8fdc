// Builds the whole server: JSON API, static client and Colyseus WebSocket on one port.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import compression from 'compression';
import express from 'express';
import { Server as GameServer } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import type { ServerConfig } from './config.ts';
import { apiRouter } from './http/api.ts';
import { staticRouter } from './http/static.ts';
import { LevelStore } from './levels/levelStore.ts';
import { watchLevels } from './levels/watchLevels.ts';
import { FloorRoom } from './presence/FloorRoom.ts';
import { announceLevelChange } from './presence/roomRegistry.ts';
import { configurePresence } from './presence/settings.ts';
import { formatProblem } from '../shared/level/validate.ts';
import { ROOMS } from '../shared/protocol.ts';
import { openLowdbStorage } from './storage/lowdbStorage.ts';

/** Largest WebSocket message the server accepts; room messages are small JSON. */
const MAX_WS_PAYLOAD = 16 * 1024;

export interface RunningServer {
  url: string;
  levels: LevelStore;
  close(): Promise<void>;
}

export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const log = config.quiet ? () => {} : (line: string) => console.log(line);
  const storage = await openLowdbStorage(config.dataDir, { exhibitors: config.seedFile });
  const levels = new LevelStore(
    config.levelsDir,
    async () => new Set((await storage.listExhibitors()).map((e) => e.id)),
    config.quiet ? () => {} : undefined,
  );
  await levels.load();

  const app = express();
  app.disable('x-powered-by');
  app.use(compression());
  app.use(express.json({ limit: '100kb' }));
  app.use(apiRouter(levels, storage));
  app.use(staticRouter(config.clientDir, config.assetsDir));

  const httpServer = http.createServer(app);
  const game = new GameServer({
    transport: new WebSocketTransport({ server: httpServer, maxPayload: MAX_WS_PAYLOAD }),
    greet: false,
    gracefullyShutdown: false,
  });
  configurePresence({ levels: () => levels, capacity: config.roomCapacity ?? 1500, naive: config.naiveInterest ?? false });
  game.define(ROOMS.floor, FloorRoom).filterBy(['floorId']);
  await game.listen(config.port, config.host);

  const addr = httpServer.address() as AddressInfo;
  const url = `http://${config.host}:${addr.port}`;
  log(`virtual-expo: ${levels.list().length} floors, listening on ${url}`);

  // Organisers' edits go live: rooms of changed floors rebuild and their visitors refetch.
  const stopAnnouncing = levels.onChange((change) => {
    if (change.changed.length > 0) log(`[levels] reloaded: ${change.changed.join(', ')}`);
    announceLevelChange(change, { all: () => levels.problems.map(formatProblem), of: (id) => levels.problemsOf(id) });
  });
  const watcher = config.watchLevels === false ? null : watchLevels(levels, config.levelsDir, { log });

  return {
    url,
    levels,
    async close() {
      watcher?.close();
      stopAnnouncing();
      await game.gracefullyShutdown(false);
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeAllConnections();
      await storage.close();
    },
  };
}
