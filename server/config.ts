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
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(env.DATA_DIR ?? path.join(ROOT, 'data')),
    levelsDir: path.resolve(env.LEVELS_DIR ?? path.join(ROOT, 'levels')),
    assetsDir: path.resolve(env.ASSETS_DIR ?? path.join(ROOT, 'assets')),
    clientDir: path.resolve(env.CLIENT_DIR ?? path.join(ROOT, 'dist', 'client')),
    seedFile: path.resolve(env.SEED_FILE ?? path.join(ROOT, 'assets', 'seed', 'exhibitors.json')),
    quiet: env.QUIET === '1',
    roomCapacity: Number(env.ROOM_CAPACITY ?? 1500) || 1500,
    naiveInterest: env.PRESENCE_NAIVE === '1',
    watchLevels: env.LEVELS_WATCH !== '0',
  };
}
