// The composition root: from the config it builds every part the server is made of that has
// more than one possible implementation (storage, event bus, rate limits, clock, mail queue,
// uploads, visitor ids, Colyseus presence and driver). The embedded default is lowdb files,
// in-memory bus and limits, LocalPresence and LocalDriver in one process; scaling out swaps
// parts here and nowhere else: DATABASE_URL picks PostgreSQL, REDIS_URL picks Redis for
// Colyseus presence and matchmaking, the bus, rate limits and mail ownership. Rules live in services
// and shared/, never in these parts.
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { RedisDriver } from '@colyseus/redis-driver';
import { RedisPresence } from '@colyseus/redis-presence';
import { LocalDriver, LocalPresence, type Presence, type matchMaker } from '@colyseus/core';
import type { FairClock } from '../shared/programme/clock.ts';
import { type Clock, systemClock } from './clock.ts';
import { serverFairClock } from './programme/fairClock.ts';
import { DEFAULT_MAIL_FROM, type ServerConfig } from './config.ts';
import { EventBus } from './events/bus.ts';
import { type Limits, memoryLimits } from './limits.ts';
import { createMailer } from './mail/mailer.ts';
import type { MailLease, Mailer } from './mail/types.ts';
import type { LoginThrottleStore } from './auth/loginThrottle.ts';
import type { AddressMuteStore } from './chat/addressMutes.ts';
import type { SharedSeats } from './matchmaking/perAddress.ts';
import { openRedis } from './redis/connect.ts';
import { redisLoginStore } from './redis/redisLoginStore.ts';
import { redisAddressMutes } from './redis/redisAddressMutes.ts';
import { redisSeats } from './redis/redisSeats.ts';
import { redisMailLease } from './redis/mailLease.ts';
import { RedisBus } from './redis/redisBus.ts';
import { redisLimits } from './redis/redisLimits.ts';
import { StandAnalyticsService } from './services/analytics.ts';
import { openStorage } from './storage/openStorage.ts';
import type { Storage } from './storage/storage.ts';
import type { Uploads } from './uploads/types.ts';
import { createUploads } from './uploads/uploads.ts';
import { type VisitorIds, visitorIds, visitorSecret } from './visitors/visitorId.ts';

export interface Backends {
  storage: Storage;
  analytics: StandAnalyticsService;
  bus: EventBus;
  limits: Limits;
  /** The login throttle's shared counters (several processes); absent: in memory. */
  loginStore?: LoginThrottleStore;
  /** Stand chats' address mutes shared by every process; absent: in each chat service's memory. */
  addressMutes?: AddressMuteStore;
  /** The matchmaking guard's seat reservations shared by every process; absent: per process. */
  seats?: SharedSeats;
  clock: Clock;
  /** The programme's clock: real time, or shifted for a demo (FAIR_CLOCK_OFFSET / FAIR_CLOCK_START). */
  fairClock: FairClock;
  mailer: Mailer;
  uploads: Uploads;
  visitors: VisitorIds;
  colyseus: { presence: Presence; driver: matchMaker.MatchMakerDriver };
  /** Stops what the parts hold open (mail retries, storage connections). */
  close(): Promise<void>;
}

export async function buildBackends(config: ServerConfig, log: (line: string) => void): Promise<Backends> {
  // lowdb files or PostgreSQL (DATABASE_URL), seeded on first start; a damaged file rejects here.
  const storage = await openStorage(config, log);
  const shared = config.redisUrl ? await sharedParts(config.redisUrl, log) : null;
  // Leads, their mail state, revoked sessions and the cabinet's live feed meet on one bus.
  const bus = shared?.bus ?? new EventBus();
  const mailer = createMailer({
    lease: shared?.mailLease,
    smtpUrl: config.smtpUrl,
    outboxDir: path.join(config.dataDir, 'outbox'),
    storage,
    from: config.mailFrom ?? DEFAULT_MAIL_FROM,
    log,
    onLeadChanged: (lead) => bus.publish('lead', { change: 'mail', lead }),
  });
  const visitors = visitorIds({
    secret: visitorSecret(process.env.VISITOR_SECRET, config.dataDir),
    secure: config.publicUrl?.startsWith('https:') ?? false,
  });
  return {
    storage,
    analytics: new StandAnalyticsService(storage),
    bus,
    limits: shared?.limits ?? memoryLimits,
    loginStore: shared?.loginStore,
    addressMutes: shared?.addressMutes,
    seats: shared?.seats,
    clock: systemClock,
    fairClock: serverFairClock(config.fairClockOffsetMs ?? 0),
    mailer,
    uploads: createUploads({ dir: config.uploadsDir ?? path.join(config.dataDir, 'uploads') }),
    visitors,
    colyseus: shared?.colyseus ?? { presence: new LocalPresence(), driver: new LocalDriver() },
    async close() {
      await mailer.close();
      await storage.close();
      await shared?.close();
    },
  };
}

interface SharedParts {
  bus: RedisBus;
  limits: Limits;
  loginStore: LoginThrottleStore;
  addressMutes: AddressMuteStore;
  seats: SharedSeats;
  mailLease: MailLease;
  colyseus: { presence: Presence; driver: matchMaker.MatchMakerDriver };
  close(): Promise<void>;
}

/**
 * Several processes behind one Redis: Colyseus' own presence (pub/sub, room registries,
 * counts) and driver (the room listing every process's matchmaker searches), and our bus,
 * limits and mail leases on connections of their own.
 */
async function sharedParts(url: string, log: (line: string) => void): Promise<SharedParts> {
  const commands = openRedis(url, 'commands', log);
  const subscriber = openRedis(url, 'bus', log);
  const bus = new RedisBus(commands, subscriber, log);
  await bus.ready();
  const mailLease = redisMailLease(commands, randomUUID());
  const presence = new RedisPresence(url);
  const driver = new RedisDriver(url);
  log(`[redis] sharing rooms, counts, bus, limits and mail through ${new URL(url).host}`);
  return {
    bus,
    limits: redisLimits(commands),
    loginStore: redisLoginStore(commands),
    addressMutes: redisAddressMutes(commands),
    seats: redisSeats(commands),
    mailLease,
    colyseus: { presence, driver },
    async close() {
      mailLease.close();
      await bus.close();
      // Colyseus shuts its presence and driver down itself (gracefullyShutdown).
      await Promise.allSettled([commands.quit(), subscriber.quit()]);
    },
  };
}
