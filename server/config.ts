// Server settings from the environment, with the zero-setup defaults of the embedded mode.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface ServerConfig {
  port: number;
  host: string;
  /** Where the embedded store keeps its files (git-ignored). */
  dataDir: string;
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
}

export const DEFAULT_MAIL_FROM = 'ММСО Экспо <noreply@expo.local>';

/** Seed files live together: content and accounts sit beside the exhibitors' seed unless given. */
export function seedPaths(config: ServerConfig): { content: string; accounts: string } {
  const dir = path.dirname(config.seedFile);
  return {
    content: config.contentFile ?? path.join(dir, 'content.json'),
    accounts: config.accountsFile ?? path.join(dir, 'accounts.json'),
  };
}

function publicUrlFrom(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new Error(`PUBLIC_URL must be an http(s) address like https://expo.example.org, got "${value}"`);
  }
  return url.origin;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const dataDir = path.resolve(env.DATA_DIR ?? path.join(ROOT, 'data'));
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir,
    levelsDir: path.resolve(env.LEVELS_DIR ?? path.join(ROOT, 'levels')),
    assetsDir: path.resolve(env.ASSETS_DIR ?? path.join(ROOT, 'assets')),
    clientDir: path.resolve(env.CLIENT_DIR ?? path.join(ROOT, 'dist', 'client')),
    seedFile: path.resolve(env.SEED_FILE ?? path.join(ROOT, 'assets', 'seed', 'exhibitors.json')),
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
  };
}
