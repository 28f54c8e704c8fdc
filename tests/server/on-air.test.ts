// The hall's "on air now" endpoint on the real server under a fixed fair clock (day 2 of the
// sample fair, 12:10 Moscow): exactly the events the schedule calls live, with their cluster
// titles, and the next start or end after now; without a programme, an empty answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../shared/api.ts';
import type { OnAirView } from '../../shared/programme/onAir.ts';
import { windowOf } from '../../shared/programme/time.ts';
import type { ProgrammeView } from '../../shared/programme/views.ts';
import { bootServer } from '../e2e/harness.ts';

const FAIR_NOW = '2026-04-15T12:10:00+03:00';

async function get<T>(url: string): Promise<{ status: number; body: T; cache: string | null }> {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as T, cache: res.headers.get('cache-control') };
}

describe('GET /api/programme/on-air', () => {
  let server: Awaited<ReturnType<typeof bootServer>>;
  beforeAll(async () => {
    server = await bootServer({ fairClockOffsetMs: Date.parse(FAIR_NOW) - Date.now() });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('lists what the schedule calls live, and when that next changes', async () => {
    const [{ body: all }, onAir] = await Promise.all([get<ProgrammeView>(server.url + API.programme), get<OnAirView>(server.url + API.programmeOnAir)]);
    expect(onAir.status).toBe(200);
    expect(onAir.cache).toBe('no-store');
    const { events, nextChangeAt, clock } = onAir.body;
    const live = all.events.filter((e) => e.state === 'live').map((e) => e.id);
    expect(live.length).toBeGreaterThan(0);
    expect(events.map((e) => e.id).sort()).toEqual(live.sort());
    for (const e of events) {
      const full = all.events.find((x) => x.id === e.id)!;
      expect(e).toMatchObject({ title: full.title, cluster: full.cluster, stage: full.stage, start: full.start, end: full.end });
      expect(e.clusterTitle).toEqual(all.clusters.find((c) => c.id === e.cluster)!.title);
    }
    // Sorted by start.
    expect(events.map((e) => Date.parse(e.start))).toEqual(events.map((e) => Date.parse(e.start)).sort((a, b) => a - b));
    // The next change is the nearest start or end after now.
    const changes = all.events.flatMap((e) => Object.values(windowOf(e))).filter((t) => t > clock.nowMs);
    expect(nextChangeAt).toBe(Math.min(...changes));
  });
});
