// "On air now" and where a programme landmark leads (shared/programme/onAir.ts), and the
// floors' programme landmarks: only "programme" landmarks name a part of the programme, and
// the clusters they name exist.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { floorScopes, landmarkTarget, onAirFor, onAirNow } from '../../shared/programme/onAir.ts';
import type { Cluster, ProgrammeEvent } from '../../shared/programme/schema.ts';
import { validateLevels } from '../../shared/level/validate.ts';
import { ROOT } from '../../server/config.ts';

const MIN = 60_000;
const T0 = Date.parse('2026-04-14T10:00:00+03:00');

function ev(id: string, startMin: number, duration: number, cluster = 'a', stage: 'main' | 'continuation' = 'main'): ProgrammeEvent {
  const start = new Date(T0 + startMin * MIN).toISOString().replace('.000Z', 'Z');
  return { id, title: { ru: id }, start, duration, format: 'lecture', language: 'ru', cluster, stage, tags: [], speakers: [] };
}
const clusters: Cluster[] = [{ id: 'a', title: { ru: 'Кластер А' }, colour: '#000000' } as Cluster];

describe('onAirNow', () => {
  const events = [ev('later', 60, 30), ev('now-2', 10, 30, 'b', 'continuation'), ev('now-1', 0, 45), ev('done', -60, 30)];

  it('lists the live events by start with cluster titles, and the next start or end', () => {
    const r = onAirNow(events, clusters, T0 + 20 * MIN);
    expect(r.events.map((e) => e.id)).toEqual(['now-1', 'now-2']);
    expect(r.events[0]).toMatchObject({ cluster: 'a', clusterTitle: { ru: 'Кластер А' }, stage: 'main', end: '2026-04-14T07:45:00+00:00' });
    expect(r.events[1]!.clusterTitle).toBeNull();
    // now-2 ends at 10:40, before now-1's end (10:45) and later's start (11:00).
    expect(r.nextChangeAt).toBe(T0 + 40 * MIN);
  });

  it('live from the start (inclusive) to the end (exclusive); nothing left to change at the end', () => {
    expect(onAirNow(events, clusters, T0).events.map((e) => e.id)).toEqual(['now-1']);
    expect(onAirNow(events, clusters, T0 + 45 * MIN).events.map((e) => e.id)).toEqual([]);
    const last = onAirNow(events, clusters, T0 + 90 * MIN);
    expect(last).toEqual({ events: [], nextChangeAt: null });
  });
});

describe('a floor and its programme landmarks', () => {
  const live = onAirNow([ev('m1', 0, 30), ev('m2', 0, 30, 'b'), ev('c1', 0, 30, 'c', 'continuation')], clusters, T0 + MIN).events;

  it('announces the events of its landmarks’ scopes, all of them without a landmark', () => {
    const scopes = floorScopes([{ kind: 'cafe' }, { kind: 'programme', programme: { stage: 'main' } }]);
    expect(onAirFor(live, scopes).map((e) => e.id)).toEqual(['m1', 'm2']);
    expect(onAirFor(live, floorScopes([{ kind: 'programme', programme: { cluster: 'c' } }])).map((e) => e.id)).toEqual(['c1']);
    expect(floorScopes([{ kind: 'cafe' }])).toBeNull();
    expect(onAirFor(live, null)).toHaveLength(3);
  });

  it('leads into the one live event, the live schedule when several, the schedule when none', () => {
    expect(landmarkTarget({ cluster: 'c' }, live)).toEqual({ kind: 'event', eventId: 'c1' });
    expect(landmarkTarget({ stage: 'main' }, live)).toEqual({ kind: 'schedule', stage: 'main', cluster: null, live: true });
    expect(landmarkTarget({ cluster: 'zzz' }, live)).toEqual({ kind: 'schedule', stage: null, cluster: 'zzz', live: false });
  });
});

describe('the floors’ programme landmarks', () => {
  const read = (f: string) => JSON.parse(fs.readFileSync(path.join(ROOT, f), 'utf8')) as Record<string, unknown>;
  const clusterIds = new Set((read('programme/clusters.json').clusters as { id: string }[]).map((c) => c.id));

  it('name clusters of the programme; each floor has one', () => {
    for (const f of ['school', 'higher', 'edtech', 'equipment']) {
      const marks = (read(`levels/${f}.json`).landmarks as { kind: string; programme?: { cluster?: string } }[]).filter((l) => l.kind === 'programme');
      expect(marks, f).toHaveLength(1);
      const cluster = marks[0]!.programme?.cluster;
      if (cluster) expect(clusterIds.has(cluster), `${f}: ${cluster}`).toBe(true);
    }
  });

  it('refuses a programme scope on a landmark that is not a programme one', () => {
    const level = read('levels/school.json');
    const landmarks = level.landmarks as Record<string, unknown>[];
    landmarks[0] = { ...landmarks[0], programme: { stage: 'main' } };
    const { problems } = validateLevels([{ file: 'levels/school.json', data: level }], new Set());
    expect(problems.find((p) => p.message.includes('not a programme landmark'))).toMatchObject({ path: ['landmarks', 0, 'programme'] });
  });
});
