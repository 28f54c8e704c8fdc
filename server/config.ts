// Server settings from the environment, with the zero-setup defaults of the embedded mode.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fairClockOffsetFrom } from './programme/fairClock.ts';
import { LOW_RUNGS, type LowRung } from './stream/ffmpegArgs.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface ServerConfig {
  port: number;
  host: string;
  /** Where the embedded store keeps its files (git-ignored). */
  dataDir: string;
  /** PostgreSQL for the store ("postgres://user@host:5432/expo"); without it, lowdb files in dataDir. */
  databaseUrl?: string;
  /**
   * Redis shared by several server processes ("redis://host:6379"): Colyseus presence and
   * matchmaking, the event bus, rate limits, mail ownership. Without it, one process holds all.
   */
  redisUrl?: string;
  /**
   * How browsers reach this process's WebSockets when several run ("expo.example.org/p/1"):
   * Colyseus puts it in each seat reservation, and the balancer routes that path here.
   */
  publicAddress?: string;
  levelsDir: string;
  assetsDir: string;
  /** Built client (vite output); absent in API-only tests. */
  clientDir: string;
  /** Seed file for exhibitors, used on first start. */
  seedFile: string;
  quiet: boolean;
  /** Visitors per floor-room instance before another instance opens. */
  roomCapacity?: number;
  /** Benchmark baseline only: send everyone to everyone. */
  naiveInterest?: boolean;
  /** Reload floor files when they change on disk (default true; LEVELS_WATCH=0 turns it off). */
  watchLevels?: boolean;
  /** Seed of stand interiors (exhibitor id → StandContent); default: content.json beside seedFile. */
  contentFile?: string;
  /** Seed of cabinet accounts; default: accounts.json beside seedFile. */
  accountsFile?: string;
  /** SMTP server for outgoing mail ("smtp://user:pass@host:587"); without it mail goes to the outbox. */
  smtpUrl?: string;
  /** Sender of outgoing mail. */
  mailFrom?: string;
  /** Public origin for links in e-mails ("https://expo.example.org"); else taken from the request. */
  publicUrl?: string;
  /** Where uploaded files are kept; default <dataDir>/uploads. */
  uploadsDir?: string;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (rate limits per visitor). */
  trustProxy?: boolean;
  /** Lead forms (callback, card) accepted per visitor address and minute; default 10. */
  leadsPerMinute?: number;
  /** Password hashes (scrypt) at once; default cores − 1 (at least 1), so file writes keep a thread. */
  hashConcurrency?: number;
  /**
   * Other origins whose pages may call the matchmaker (CORS, never with credentials); default
   * none: the app is same-origin and no response carries CORS headers.
   */
  corsOrigins?: string[];
  /** Open WebSockets per client address (floor + chat per tab; a school behind one NAT needs more); default 20. */
  maxSocketsPerAddress?: number;
  /** Matchmaking answers per client address not yet used by a socket (joins in flight); default 10. */
  maxPendingJoinsPerAddress?: number;
  /** The business programme's files (PROGRAMME_DIR); default <root>/programme. */
  programmeDir?: string;
  /** Fair time minus real time in ms (FAIR_CLOCK_OFFSET or FAIR_CLOCK_START); default 0: real time. */
  fairClockOffsetMs?: number;
  /**
   * Move a sample programme ("sampleAsOf") so that its moment is now (shared/programme/sampleShift.ts).
   * On from the environment unless FAIR_CLOCK_OFFSET / FAIR_CLOCK_START chose the time; off when unset,
   * so tests keep the sample's own dates.
   */
  moveSampleProgramme?: boolean;
  /** Reload programme files when they change on disk (default true; PROGRAMME_WATCH=0 turns it off). */
  watchProgramme?: boolean;
  /** Stream keys derive from this (STREAM_SECRET); default a random one kept in <dataDir>/stream-secret. */
  streamSecret?: string;
  /** Stage n listens for SRT on this UDP port + n (STREAM_SRT_PORT_BASE); default 9000. */
  streamSrtPortBase?: number;
  /** Address the SRT listeners bind to (STREAM_HOST); default HOST. */
  streamHost?: string;
  /** Host shown in ingest URLs (STREAM_PUBLIC_HOST), when senders reach the server by another name. */
  streamPublicHost?: string;
  /** The one transcoded rung beside the copied stream (STREAM_LOW_RUNG: none, 360p, audio); default none. */
  streamLowRung?: LowRung;
  /** ffmpeg binary (FFMPEG_PATH); default "ffmpeg" on PATH. */
  ffmpegPath?: string;
}

export const DEFAULT_MAIL_FROM = 'ММСО Экспо <noreply@expo.local>';

/** The sample exhibition's exhibitors and interiors; inside assets/, but static.ts serves nothing from it. */
export const SAMPLE_SEED_DIR = path.join(ROOT, 'assets', 'seed');
/** Demo cabinet accounts (public passwords, scrypt hashes): outside every served folder. */
export const DEMO_ACCOUNTS_FILE = path.join(ROOT, 'seed', 'demo-accounts.json');

/**
 * Seed files live together: content and accounts sit beside the exhibitors' seed unless given;
 * the sample's accounts live in seed/demo-accounts.json, since account files never belong in a
 * folder under the served assets.
 */
export function seedPaths(config: ServerConfig): { content: string; accounts: string } {
  const dir = path.dirname(path.resolve(config.seedFile));
  return {
    content: config.contentFile ?? path.join(dir, 'content.json'),
    accounts: config.accountsFile ?? (dir === SAMPLE_SEED_DIR ? DEMO_ACCOUNTS_FILE : path.join(dir, 'accounts.json')),
  };
}

function originsFrom(value: string | undefined): string[] {
  if (!value?.trim()) return [];
  return value.split(',').map((item) => {
    const url = URL.canParse(item.trim()) ? new URL(item.trim()) : null;
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== item.trim().replace(/\/$/, '')) {
      throw new Error(`CORS_ORIGINS must be comma-separated origins like https://partner.example.org, got "${item.trim()}"`);
    }
    return url.origin;
  });
}

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number of at least 1, got "${value}"`);
  return n;
}

function publicUrlFrom(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new Error(`PUBLIC_URL must be an http(s) address like https://expo.example.org, got "${value}"`);
  }
  return url.origin;
}

function redisUrlFrom(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || (url.protocol !== 'redis:' && url.protocol !== 'rediss:')) {
    throw new Error(`REDIS_URL must be a Redis address like redis://host:6379, got "${url ? url.protocol : 'not an address'}"`);
  }
  return value;
}

/** host[:port][/path], no scheme: the SDK adds ws:// or wss:// itself. */
function publicAddressFrom(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (/^[a-z]+:\/\//i.test(value) || !URL.canParse(`http://${value}`)) {
    throw new Error(`PUBLIC_ADDRESS must be host[:port][/path] without a scheme, like expo.example.org/p/1, got "${value}"`);
  }
  return value.replace(/\/$/, '');
}

function databaseUrlFrom(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')) {
    throw new Error(`DATABASE_URL must be a PostgreSQL address like postgres://user@host:5432/expo, got "${url ? url.protocol : 'not an address'}"`);
  }
  return value;
}

function lowRungFrom(value: string | undefined): LowRung {
  if (!value) return 'none';
  if (!(LOW_RUNGS as readonly string[]).includes(value)) throw new Error(`STREAM_LOW_RUNG must be one of ${LOW_RUNGS.join(', ')}, got "${value}"`);
  return value as LowRung;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const dataDir = path.resolve(env.DATA_DIR ?? path.join(ROOT, 'data'));
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir,
    databaseUrl: databaseUrlFrom(env.DATABASE_URL),
    redisUrl: redisUrlFrom(env.REDIS_URL),
    publicAddress: publicAddressFrom(env.PUBLIC_ADDRESS),
    levelsDir: path.resolve(env.LEVELS_DIR ?? path.join(ROOT, 'levels')),
    assetsDir: path.resolve(env.ASSETS_DIR ?? path.join(ROOT, 'assets')),
    clientDir: path.resolve(env.CLIENT_DIR ?? path.join(ROOT, 'dist', 'client')),
    seedFile: path.resolve(env.SEED_FILE ?? path.join(SAMPLE_SEED_DIR, 'exhibitors.json')),
    accountsFile: env.ACCOUNTS_FILE ? path.resolve(env.ACCOUNTS_FILE) : undefined,
    quiet: env.QUIET === '1',
    roomCapacity: Number(env.ROOM_CAPACITY ?? 1500) || 1500,
    naiveInterest: env.PRESENCE_NAIVE === '1',
    watchLevels: env.LEVELS_WATCH !== '0',
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || DEFAULT_MAIL_FROM,
    publicUrl: publicUrlFrom(env.PUBLIC_URL),
    uploadsDir: path.resolve(env.UPLOADS_DIR ?? path.join(dataDir, 'uploads')),
    trustProxy: env.TRUST_PROXY === '1',
    leadsPerMinute: Number(env.LEADS_PER_MINUTE ?? 10) || 10,
    hashConcurrency: env.HASH_CONCURRENCY ? positiveInt('HASH_CONCURRENCY', env.HASH_CONCURRENCY, 1) : undefined,
    corsOrigins: originsFrom(env.CORS_ORIGINS),
    maxSocketsPerAddress: positiveInt('MAX_SOCKETS_PER_ADDRESS', env.MAX_SOCKETS_PER_ADDRESS, 20),
    maxPendingJoinsPerAddress: positiveInt('MAX_PENDING_JOINS_PER_ADDRESS', env.MAX_PENDING_JOINS_PER_ADDRESS, 10),
    programmeDir: path.resolve(env.PROGRAMME_DIR ?? path.join(ROOT, 'programme')),
    fairClockOffsetMs: fairClockOffsetFrom(env),
    moveSampleProgramme: !env.FAIR_CLOCK_OFFSET && !env.FAIR_CLOCK_START,
    watchProgramme: env.PROGRAMME_WATCH !== '0',
    streamSecret: env.STREAM_SECRET || undefined,
    streamSrtPortBase: positiveInt('STREAM_SRT_PORT_BASE', env.STREAM_SRT_PORT_BASE, 9000),
    streamHost: env.STREAM_HOST || undefined,
    streamPublicHost: env.STREAM_PUBLIC_HOST || undefined,
    streamLowRung: lowRungFrom(env.STREAM_LOW_RUNG),
    ffmpegPath: env.FFMPEG_PATH || undefined,
  };
}
