// Upgrades floor files written in an older version of the format, so organisers' old files
// keep loading after the format changes. Runs on raw JSON before the schema: each step takes
// a file of version n and returns version n + 1, touching only what it understands and
// leaving anything odd for the schema to name with its path.
import { LEVEL_VERSION } from './schema.ts';

export type MigrationResult = { ok: true; data: unknown; from: number } | { ok: false; message: string };

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Version 1 gave each alley as one straight segment `{ id, from: [x, y], to: [x, y], width }`
 * and called a stand's entrance side `entry`. Version 2 has polylines (`points`) and `entrance`.
 */
function v1to2(level: Json): Json {
  const alleys = Array.isArray(level.alleys)
    ? level.alleys.map((a: unknown) => {
        if (!isObject(a) || 'points' in a || !('from' in a) || !('to' in a)) return a;
        const { from, to, ...rest } = a;
        return { ...rest, points: [from, to] };
      })
    : level.alleys;
  const stands = Array.isArray(level.stands)
    ? level.stands.map((s: unknown) => {
        if (!isObject(s) || 'entrance' in s || !('entry' in s)) return s;
        const { entry, ...rest } = s;
        return { ...rest, entrance: entry };
      })
    : level.stands;
  return { ...level, version: 2, alleys, stands };
}

/** MIGRATIONS[n] upgrades a file of version n + 1 to version n + 2. */
const MIGRATIONS: readonly ((level: Json) => Json)[] = [v1to2];

/**
 * Brings a parsed floor file up to LEVEL_VERSION. Files without a usable `version` are passed
 * through unchanged for the schema to report; a version newer than this code is refused.
 */
export function migrateLevel(data: unknown): MigrationResult {
  if (!isObject(data)) return { ok: true, data, from: NaN };
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: true, data, from: NaN };
  if (version > LEVEL_VERSION) {
    return { ok: false, message: `version ${version} is newer than this server understands (${LEVEL_VERSION})` };
  }
  let level = data;
  for (let v = version; v < LEVEL_VERSION; v++) {
    const step = MIGRATIONS[v - 1];
    if (!step) return { ok: false, message: `no migration from version ${v} to ${v + 1}` };
    level = step(level);
  }
  return { ok: true, data: level, from: version };
}
