// "On air now" for the hall: which events of the programme are live at the fair clock's now,
// when that next changes (a start or an end), and where a floor's programme landmark leads
// (its one live event, or the schedule filtered to its stage or cluster). Pure: the server
// answers with it, the hall's banner and landmark read the answer; live means what
// ./state.ts eventState calls live.
import type { Cluster, ProgrammeEvent, Stage, Text } from './schema.ts';
import { eventState } from './state.ts';
import { isoAtOffset, offsetMinutesOf, windowOf } from './time.ts';
import type { ClockView } from './views.ts';

/** What part of the programme a landmark stands for: a stage, a cluster, both, or everything. */
export interface ProgrammeScope {
  stage?: Stage;
  cluster?: string;
}

export interface OnAirEvent {
  id: string;
  title: Text;
  cluster: string;
  clusterTitle: Text | null;
  stage: Stage;
  start: string;
  /** End, written at the start's offset. */
  end: string;
}

/** The answer of the on-air endpoint. */
export interface OnAirView {
  revision: number;
  clock: ClockView;
  /** Live now, by start (then title), every stage and cluster. */
  events: OnAirEvent[];
  /** The next start or end of any event after now (epoch ms on the fair clock); null when none. */
  nextChangeAt: number | null;
}

export function onAirNow(
  events: readonly ProgrammeEvent[],
  clusters: readonly Cluster[],
  now: number,
): { events: OnAirEvent[]; nextChangeAt: number | null } {
  const titles = new Map(clusters.map((c) => [c.id, c.title]));
  const live: OnAirEvent[] = [];
  let next: number | null = null;
  for (const e of events) {
    const { start, end } = windowOf(e);
    if (Number.isNaN(start)) continue;
    const change = now < start ? start : now < end ? end : null;
    if (change !== null && (next === null || change < next)) next = change;
    if (eventState(e, now, null) !== 'live') continue;
    live.push({
      id: e.id,
      title: e.title,
      cluster: e.cluster,
      clusterTitle: titles.get(e.cluster) ?? null,
      stage: e.stage,
      start: e.start,
      end: isoAtOffset(end, offsetMinutesOf(e.start) ?? 0),
    });
  }
  live.sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.title.ru.localeCompare(b.title.ru) || a.id.localeCompare(b.id));
  return { events: live, nextChangeAt: next };
}

export function inScope(e: Pick<OnAirEvent, 'stage' | 'cluster'>, scope: ProgrammeScope): boolean {
  return (scope.stage === undefined || e.stage === scope.stage) && (scope.cluster === undefined || e.cluster === scope.cluster);
}

/** The live events a floor announces: those of its programme landmarks' scopes (all without landmarks). */
export function onAirFor(events: readonly OnAirEvent[], scopes: readonly ProgrammeScope[] | null): OnAirEvent[] {
  if (scopes === null) return [...events];
  return events.filter((e) => scopes.some((s) => inScope(e, s)));
}

/** Where a programme landmark leads. */
export type LandmarkTarget = { kind: 'event'; eventId: string } | { kind: 'schedule'; stage: Stage | null; cluster: string | null; live: boolean };

/**
 * Into its one live event; with several live, the schedule of its scope showing those live
 * now; with none, the schedule of its scope.
 */
export function landmarkTarget(scope: ProgrammeScope, onAir: readonly OnAirEvent[]): LandmarkTarget {
  const live = onAir.filter((e) => inScope(e, scope));
  if (live.length === 1) return { kind: 'event', eventId: live[0]!.id };
  return { kind: 'schedule', stage: scope.stage ?? null, cluster: scope.cluster ?? null, live: live.length > 1 };
}

/** The whole programme, one object (callers may compare scopes by identity). */
const WHOLE: ProgrammeScope = Object.freeze({});

/** The scopes of a floor's programme landmarks; null when it has none (it then announces all). */
export function floorScopes(landmarks: readonly { kind: string; programme?: ProgrammeScope }[]): ProgrammeScope[] | null {
  const scopes = landmarks.filter((l) => l.kind === 'programme').map((l) => l.programme ?? WHOLE);
  return scopes.length > 0 ? scopes : null;
}
