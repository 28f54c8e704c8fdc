// The programme's part of the server, built in one call from the config: the store (loaded
// and validated at start), live reload, the fair clock and the read API router.
import path from 'node:path';
import type { Router } from 'express';
import { API } from '../../shared/api.ts';
import { formatProblem } from '../../shared/level/validate.ts';
import type { FairClock } from '../../shared/programme/clock.ts';
import { ROOT, type ServerConfig } from '../config.ts';
import { programmeApi } from './programmeApi.ts';
import type { StreamRecordings } from './streamRecordings.ts';
import { ProgrammeStore } from './programmeStore.ts';
import { revisionStreams } from './revisionStream.ts';
import { type ProgrammeWatcher, watchProgramme } from './watchProgramme.ts';

export interface ProgrammeServer {
  store: ProgrammeStore;
  clock: FairClock;
  router: Router;
  watcher: ProgrammeWatcher | null;
  close(): void;
}

export async function startProgramme(
  config: ServerConfig,
  log: (line: string) => void,
  clock: FairClock,
  /** Recordings the stream hall finished (server/stream); none by default. */
  recordings?: StreamRecordings,
): Promise<ProgrammeServer> {
  const dir = config.programmeDir ?? path.join(ROOT, 'programme');
  const store = new ProgrammeStore(
    dir,
    config.quiet ? () => {} : undefined,
    // With a FAIR_CLOCK setting the operator chose the moment: the sample stays where it is.
    config.moveSampleProgramme && !config.fairClockOffsetMs ? clock.now() : undefined,
  );
  await store.load();
  const p = store.programme;
  if (p) log(`[programme] ${p.events.length} events, ${p.speakers.length} speakers; fair clock ${new Date(clock.now()).toISOString()}`);
  const stop = store.onChange((change) => {
    if (change.changed) log(`[programme] reloaded: revision ${store.revision}`);
    else if (change.problems.length > 0) log(`[programme] kept revision ${store.revision}: ${change.problems.map(formatProblem)[0]}`);
  });
  const watcher = config.watchProgramme === false ? null : watchProgramme(store, dir, { log });
  // Open programme pages hear of every served change (live reload) on one stream each.
  const live = revisionStreams(store);
  const router = programmeApi(store, clock, recordings);
  router.get(API.programmeLive, live.handler);
  return {
    store,
    clock,
    router,
    watcher,
    close() {
      watcher?.close();
      live.closeAll();
      stop();
    },
  };
}
