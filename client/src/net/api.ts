// The only place the client talks HTTP to the server. Responses are parsed by the shared
// schemas before they reach the store.
import { z } from 'zod';
import { API, DirectoryEntry, FloorSummary, LevelProblemList, apiPath } from '../../../shared/api.ts';
import { ExhibitorList } from '../../../shared/exhibitor.ts';
import { Level } from '../../../shared/level/schema.ts';
import { useStore } from '../store/index.ts';

async function getJson<T>(path: string, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, { signal, headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return schema.parse(await res.json());
}

export async function loadCatalogue(): Promise<void> {
  const store = useStore.getState();
  store.setStatus('loading');
  try {
    const [floors, exhibitors, directory] = await Promise.all([
      getJson(API.floors, z.array(FloorSummary)),
      getJson(API.exhibitors, ExhibitorList),
      getJson(API.directory, z.array(DirectoryEntry)),
    ]);
    store.setCatalogue(floors, exhibitors, directory);
    store.setStatus('ready');
    performance.mark('expo:catalogue');
  } catch (err) {
    console.error(err);
    store.setStatus('error');
  }
}

const pending = new Map<string, Promise<Level>>();

/** Loads a floor's layout once; later calls reuse it. */
export function loadLevel(floorId: string): Promise<Level> {
  const known = useStore.getState().levels[floorId];
  if (known) return Promise.resolve(known);
  let p = pending.get(floorId);
  if (!p) {
    p = getJson(apiPath(API.floor, { floorId }), Level).then((level) => {
      useStore.getState().setLevel(level);
      return level;
    });
    p.finally(() => pending.delete(floorId)).catch(() => {});
    pending.set(floorId, p);
  }
  return p;
}

const reloads = new Map<string, number>();

/** Fetches a floor's layout again (an organiser changed it); the newest request wins. */
export async function reloadLevel(floorId: string): Promise<void> {
  const seq = (reloads.get(floorId) ?? 0) + 1;
  reloads.set(floorId, seq);
  const level = await getJson(apiPath(API.floor, { floorId }), Level);
  if (reloads.get(floorId) === seq) useStore.getState().setLevel(level);
}

/** The floor-file problems the server refuses now (organisers' layout panel). */
export async function loadLevelProblems(): Promise<void> {
  const { problems } = await getJson(API.levelProblems, LevelProblemList);
  useStore.getState().setLevelProblems(problems);
}

/** URL of a logo or other exhibitor image: sample files live under /assets, uploads under /uploads. */
export function assetUrl(path: string): string {
  if (path.startsWith('uploads/')) return `${API.uploads}/${path.slice('uploads/'.length)}`;
  return `${API.assets}/${path}`;
}
