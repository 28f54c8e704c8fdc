// Builds the whole server: JSON API, static client and Colyseus WebSocket on one port.
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import compression from 'compression';
import express from 'express';
import { Server as GameServer } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { DEFAULT_MAIL_FROM, type ServerConfig, seedPaths } from './config.ts';
import { useAuthStorage } from './auth/middleware.ts';
import { StandChatRoom } from './chat/StandChatRoom.ts';
import { chatApi } from './chat/http.ts';
import { ChatService } from './chat/service.ts';
import { configureChat } from './chat/settings.ts';
import { ticketSigner } from './chat/tickets.ts';
import { EventBus } from './events/bus.ts';
import { leadStreams } from './events/leadStream.ts';
import { apiRouter } from './http/api.ts';
import { authApi } from './http/authApi.ts';
import { cabinetApi } from './http/cabinetApi.ts';
import { jsonErrors } from './http/jsonErrors.ts';
import { standApi, standPathOf } from './http/standApi.ts';
import { createMailer, resumeQueuedMail } from './mail/mailer.ts';
import { outboxPage } from './mail/outboxPage.ts';
import type { Mailer } from './mail/types.ts';
import { createUploads } from './uploads/uploads.ts';
import { staticRouter } from './http/static.ts';
import { LevelStore } from './levels/levelStore.ts';
import { watchLevels } from './levels/watchLevels.ts';
import { FloorRoom } from './presence/FloorRoom.ts';
import { announceLevelChange } from './presence/roomRegistry.ts';
import { configurePresence } from './presence/settings.ts';
import { formatProblem } from '../shared/level/validate.ts';
import { ROOMS } from '../shared/protocol.ts';
import { API } from '../shared/api.ts';
import { openLowdbStorage } from './storage/lowdbStorage.ts';
import { type VisitorIds, visitorIds, visitorSecret } from './visitors/visitorId.ts';
import type { Storage } from './storage/storage.ts';

/** Largest WebSocket message the server accepts; room messages are small JSON. */
const MAX_WS_PAYLOAD = 16 * 1024;

export interface RunningServer {
  url: string;
  levels: LevelStore;
  storage: Storage;
  mailer: Mailer;
  bus: EventBus;
  /** Signed visitor ids (cookie): one per browser, for rooms, chat and analytics. */
  visitors: VisitorIds;
  close(): Promise<void>;
}

export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const log = config.quiet ? () => {} : (line: string) => console.log(line);
  const seeds = seedPaths(config);
  const storage = await openLowdbStorage(
    config.dataDir,
    { exhibitors: config.seedFile, content: seeds.content, accounts: seeds.accounts },
    { log },
  );
  const levels = new LevelStore(
    config.levelsDir,
    async () => new Set((await storage.listExhibitors()).map((e) => e.id)),
    config.quiet ? () => {} : undefined,
  );
  await levels.load();

  // Leads, their mail state and the cabinet's live feed meet on one bus.
  const bus = new EventBus();
  const mailer = createMailer({
    smtpUrl: config.smtpUrl,
    outboxDir: path.join(config.dataDir, 'outbox'),
    storage,
    from: config.mailFrom ?? DEFAULT_MAIL_FROM,
    log,
    onLeadChanged: (lead) => bus.publish('lead', { change: 'mail', lead }),
  });
  const uploads = createUploads({ dir: config.uploadsDir ?? path.join(config.dataDir, 'uploads') });
  const streams = leadStreams(bus, storage);

  /** Set once the server listens (port 0 picks one). */
  let url = '';
  const app = express();
  app.disable('x-powered-by');
  // One proxy hop: the client address is the one our proxy saw, not one a client made up.
  if (config.trustProxy) app.set('trust proxy', 1);
  const visitors = visitorIds({
    secret: visitorSecret(process.env.VISITOR_SECRET, config.dataDir),
    secure: config.publicUrl?.startsWith('https:') ?? false,
  });
  app.use(visitors.middleware);
  useAuthStorage(app, storage);
  app.use(compression());
  // A full stand interior in Cyrillic is the largest body (~150 KB at the schema's limits).
  app.use(express.json({ limit: '256kb' }));
  app.use(API.uploads, uploads.serve);
  app.use(authApi(storage));
  // Tickets signed per process unless CHAT_SECRET is set (several processes behind one address).
  const chat = new ChatService(storage, () => levels.directory(), ticketSigner(process.env.CHAT_SECRET));
  app.use(chatApi(chat, storage));
  app.use(cabinetApi({ storage, uploads, bus, streams }));
  app.use(
    standApi({ storage, levels, mailer, bus, publicUrl: config.publicUrl, ownUrl: () => url, leadsPerMinute: config.leadsPerMinute }),
  );
  app.use(apiRouter(levels, storage));
  // Without SMTP the mail is kept in the outbox; developers read it at API.devOutbox.
  if (!config.smtpUrl) app.use(outboxPage(path.join(config.dataDir, 'outbox')));
  app.use(staticRouter(config.clientDir, config.assetsDir));
  app.use('/api', jsonErrors(log));

  const httpServer = http.createServer(app);
  const game = new GameServer({
    transport: new WebSocketTransport({ server: httpServer, maxPayload: MAX_WS_PAYLOAD }),
    greet: false,
    gracefullyShutdown: false,
  });
  configurePresence({ levels: () => levels, capacity: config.roomCapacity ?? 1500, naive: config.naiveInterest ?? false });
  game.define(ROOMS.floor, FloorRoom).filterBy(['floorId']);
  configureChat(chat);
  game.define(ROOMS.standChat, StandChatRoom).filterBy(['standId']);
  await game.listen(config.port, config.host);

  const addr = httpServer.address() as AddressInfo;
  url = `http://${config.host}:${addr.port}`;
  log(`virtual-expo: ${levels.list().length} floors, listening on ${url}`);

  // Materials e-mails still queued when the process last stopped go out now.
  void resumeQueuedMail(mailer, {
    storage,
    baseUrl: config.publicUrl ?? url,
    standPath: (lead) => standPathOf(levels, lead.exhibitorId, lead.standId),
  }).catch((e: unknown) => log(`[mail] could not resume queued mail: ${String(e)}`));

  // Organisers' edits go live: rooms of changed floors rebuild and their visitors refetch.
  const stopAnnouncing = levels.onChange((change) => {
    if (change.changed.length > 0) log(`[levels] reloaded: ${change.changed.join(', ')}`);
    announceLevelChange(change, { all: () => levels.problems.map(formatProblem), of: (id) => levels.problemsOf(id) });
  });
  const watcher = config.watchLevels === false ? null : watchLevels(levels, config.levelsDir, { log });

  return {
    url,
    levels,
    storage,
    mailer,
    bus,
    visitors,
    async close() {
      watcher?.close();
      stopAnnouncing();
      // Open event streams never end by themselves; they would hold httpServer.close() forever.
      streams.closeAll();
      await game.gracefullyShutdown(false);
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeAllConnections();
      await mailer.close();
      await storage.close();
    },
  };
}
