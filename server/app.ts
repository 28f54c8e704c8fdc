// Builds the whole server: JSON API, static client and Colyseus WebSocket on one port.
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import compression from 'compression';
import { constants as zlibConstants } from 'node:zlib';
import express from 'express';
import { Server as GameServer } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { buildBackends } from './backends.ts';
import { type ServerConfig, seedPaths } from './config.ts';
import type { EventBus } from './events/bus.ts';
import { resumeQueuedMail } from './mail/mailer.ts';
import type { Mailer } from './mail/types.ts';
import type { StandAnalyticsService } from './services/analytics.ts';
import type { Storage } from './storage/storage.ts';
import type { VisitorIds } from './visitors/visitorId.ts';
import { useAuthStorage } from './auth/middleware.ts';
import { StandChatRoom } from './chat/StandChatRoom.ts';
import { QaRoom } from './qa/QaRoom.ts';
import { configureQa } from './qa/settings.ts';
import { qaPages } from './qa/pages.ts';
import { replayApi } from './qa/replayApi.ts';
import { chatApi } from './chat/http.ts';
import { ChatService } from './chat/service.ts';
import { addressPostsFromEnv } from './chat/postLimit.ts';
import { configureChat } from './chat/settings.ts';
import { ticketSigner } from './chat/tickets.ts';
import { leadStreams } from './events/leadStream.ts';
import { apiRouter } from './http/api.ts';
import { authApi } from './http/authApi.ts';
import { cabinetApi } from './http/cabinetApi.ts';
import { jsonErrors } from './http/jsonErrors.ts';
import { mailBaseUrl, standApi, standPathOf } from './http/standApi.ts';
import { outboxPage } from './mail/outboxPage.ts';
import { staticRouter } from './http/static.ts';
import { securityHeaders } from './http/security.ts';
import { guardMatchmaking } from './matchmaking/guard.ts';
import { LevelStore } from './levels/levelStore.ts';
import { watchLevels } from './levels/watchLevels.ts';
import { type ProgrammeServer, startProgramme } from './programme/programmeServer.ts';
import { type MyProgrammeServer, startMyProgramme } from './programme/myProgrammeServer.ts';
import { type StreamServer, startStreams } from './stream/streamServer.ts';
import { FloorRoom } from './presence/FloorRoom.ts';
import { announceLevelChange } from './presence/roomRegistry.ts';
import { configurePresence } from './presence/settings.ts';
import { formatProblem } from '../shared/level/validate.ts';
import { ROOMS } from '../shared/protocol.ts';
import { API } from '../shared/api.ts';
import { stampPeerAddress } from './visitors/peerAddress.ts';
import { startOrganiser } from './organiser/organiser.ts';
import { relatedApi } from './programme/relatedApi.ts';
import { tracksApi } from './programme/tracksApi.ts';
import { tracksWorld } from './programme/tracksWorld.ts';

/** Largest WebSocket message the server accepts; room messages are small JSON. */
const MAX_WS_PAYLOAD = 16 * 1024;

export interface RunningServer {
  url: string;
  levels: LevelStore;
  storage: Storage;
  /** Stand analytics (counting and the cabinet's table) over the storage. */
  analytics: StandAnalyticsService;
  mailer: Mailer;
  bus: EventBus;
  /** Signed visitor ids (cookie): one per browser, for rooms, chat and analytics. */
  visitors: VisitorIds;
  /** The business programme: store, fair clock, live reload. */
  programme: ProgrammeServer;
  /** The stream hall: stages, ffmpeg ingest, HLS files and recordings. */
  stream: StreamServer;
  /** Visitors' own programmes: stars, reminders (in-page and e-mail), calendar feeds, transfers. */
  myProgramme: MyProgrammeServer;
  close(): Promise<void>;
}

export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const log = config.quiet ? () => {} : (line: string) => console.log(line);
  const seeds = seedPaths(config);
  const backends = await buildBackends(config, log);
  const { storage, bus, limits, mailer, uploads, visitors } = backends;
  // The organisers' console: fair counters (stand visits counted through its analytics), invitations, announcements.
  const organiser = await startOrganiser(config, storage, bus, log, { mailer, presence: backends.colyseus.presence });
  const analytics = organiser.analytics;
  const levels = new LevelStore(
    config.levelsDir,
    async () => new Set((await storage.listExhibitors()).map((e) => e.id)),
    config.quiet ? () => {} : undefined,
  );
  await levels.load();
  // The stream hall finds its stages in the programme; the programme learns from it which
  // events have a finished recording (set right after, before any request can ask).
  let streamHall: StreamServer | null = null;
  const programme = await startProgramme(config, log, backends.fairClock, (id) => streamHall?.hall.recordingOf(id) ?? null);
  const stream = await startStreams(config, { events: () => programme.store.programme?.events ?? [], event: (id) => programme.store.event(id) }, log, {
    storage,
    presence: backends.colyseus.presence,
  });
  streamHall = stream;
  const streams = leadStreams(bus, storage);

  /** Set once the server listens (port 0 picks one). */
  let url = '';
  // Reminder e-mails link to PUBLIC_URL, else to the address this server listens on.
  const myProgramme = await startMyProgramme({ storage, programme: programme.store, clock: backends.fairClock, mailer, visitors, limits, bus, mailBaseUrl: () => mailBaseUrl(config.publicUrl, () => url), log });
  const app = express();
  app.disable('x-powered-by');
  // CSP, no framing, nosniff, Referrer-Policy on every answer; uploads and logos tighten the CSP.
  app.use(securityHeaders({ publicUrl: config.publicUrl }));
  // One proxy hop: the client address is the one our proxy saw, not one a client made up.
  if (config.trustProxy) app.set('trust proxy', 1);
  app.use(visitors.middleware);
  useAuthStorage(app, storage);
  // Brotli quality 5 (the middleware's default is 4): the 330 KB catalogue goes out in 30 KB
  // instead of 34 KB for the same ~10 ms; built scripts are sent precompressed (http/static.ts).
  app.use(compression({ brotli: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } } }));
  // A full stand interior in Cyrillic is the largest body (~150 KB at the schema's limits).
  app.use(express.json({ limit: '256kb' }));
  app.use(API.uploads, uploads.serve);
  app.use(
    authApi(storage, {
      bus,
      secureCookies: config.publicUrl?.startsWith('https:') ?? false,
      hashConcurrency: config.hashConcurrency,
      throttle: { store: backends.loginStore },
    }),
  );
  // Tickets signed per process unless CHAT_SECRET is set (several processes behind one address).
  const chat = new ChatService(storage, () => levels.directory(), ticketSigner(process.env.CHAT_SECRET), undefined, backends.addressMutes, log);
  app.use(chatApi(chat, storage, limits));
  app.use(cabinetApi({ storage, uploads, bus, streams, analytics }));
  app.use(
    standApi({ limits, storage, levels, mailer, bus, analytics, publicUrl: config.publicUrl, ownUrl: () => url, leadsPerMinute: config.leadsPerMinute }),
  );
  // Readiness: a balancer stops sending visitors once close() has begun.
  let closing = false;
  app.use(programme.router);
  app.use(myProgramme.router);
  // Stage two (webinars beside the programme) and learning tracks per signed visitor id.
  const programmeWorld = tracksWorld({
    storage,
    programme: programme.store,
    clock: backends.fairClock,
    directory: () => levels.directory(),
    recordings: (id) => streamHall?.hall.recordingOf(id) ?? null,
  });
  app.use(relatedApi(programmeWorld));
  app.use(tracksApi({ storage, world: programmeWorld, limits }));
  app.use(replayApi({ storage, event: (id) => programme.store.event(id), clock: programme.clock, recordings: (id) => stream.hall.recordingOf(id) }));
  app.use(stream.api);
  app.use(API.streams, stream.files);
  app.use(organiser.router(levels, () => url, (id) => programme.store.event(id) !== undefined));
  app.use(apiRouter(levels, storage, { listening: () => httpServer.listening, closing: () => closing }));
  // Without SMTP the mail is kept in the outbox; developers read it at API.devOutbox.
  if (!config.smtpUrl) app.use(outboxPage(path.join(config.dataDir, 'outbox')));
  // Seeds (accounts!) and stored data are never files a browser can fetch, wherever they lie.
  const privateDirs = [
    path.join(config.assetsDir, 'seed'),
    path.dirname(config.seedFile),
    path.dirname(seeds.content),
    path.dirname(seeds.accounts),
    config.dataDir,
  ];
  // The moderator view and the broadcast overlay are the Q&A's own entry (client/qa.html).
  app.use(qaPages(config.clientDir));
  app.use(staticRouter(config.clientDir, config.assetsDir, privateDirs));
  app.use('/api', jsonErrors(log));

  const httpServer = http.createServer(app);
  // Rooms limit per address: the one we trust, not a client's X-Forwarded-For.
  stampPeerAddress(httpServer, config.trustProxy ?? false);
  const game = new GameServer({
    transport: new WebSocketTransport({ server: httpServer, maxPayload: MAX_WS_PAYLOAD }),
    presence: backends.colyseus.presence,
    driver: backends.colyseus.driver,
    // Several processes: where browsers reach this one's rooms (the balancer routes it here).
    publicAddress: config.publicAddress,
    greet: false,
    gracefullyShutdown: false,
  });
  configurePresence({
    levels: () => levels,
    capacity: config.roomCapacity ?? 1500,
    naive: config.naiveInterest ?? false,
    visitorOf: (cookie) => visitors.fromCookieHeader(cookie),
  });
  game.define(ROOMS.floor, FloorRoom).filterBy(['floorId']);
  configureChat({
    service: chat,
    visitorOf: (cookie) => visitors.fromCookieHeader(cookie),
    bus,
    // Visitor posts per address, stand and minute (a school shares one address).
    addressPosts: addressPostsFromEnv(process.env.CHAT_POSTS_PER_ADDRESS),
  });
  game.define(ROOMS.standChat, StandChatRoom).filterBy(['standId']);
  // Programme events' moderated Q&A: moderators join with the same staff tickets as the chat.
  configureQa({
    storage,
    eventExists: (id) => programme.store.event(id) !== undefined,
    visitorOf: (cookie) => visitors.fromCookieHeader(cookie),
    tickets: chat.tickets,
    bus,
    addressPosts: addressPostsFromEnv(process.env.CHAT_POSTS_PER_ADDRESS),
  });
  game.define(ROOMS.qa, QaRoom).filterBy(['eventId']);
  await game.listen(config.port, config.host);
  // After listen: Colyseus binds its matchmaking router to httpServer only then.
  guardMatchmaking(httpServer, {
    trustProxy: config.trustProxy ?? false,
    corsOrigins: config.corsOrigins ?? [],
    publicUrl: config.publicUrl,
    maxSocketsPerAddress: config.maxSocketsPerAddress ?? 20,
    maxPendingJoinsPerAddress: config.maxPendingJoinsPerAddress ?? 10,
    seats: backends.seats,
    log,
  });

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
    analytics,
    mailer,
    bus,
    visitors,
    programme,
    stream,
    myProgramme,
    async close() {
      closing = true;
      watcher?.close();
      programme.close();
      await myProgramme.close();
      // ffmpeg children close their playlists (ENDLIST) before the process goes.
      await stream.close();
      stopAnnouncing();
      // Open event streams never end by themselves; they would hold httpServer.close() forever.
      streams.closeAll();
      await game.gracefullyShutdown(false);
      await organiser.close();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeAllConnections();
      await backends.close();
    },
  };
}
