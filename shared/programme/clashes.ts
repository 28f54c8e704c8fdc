// Clashes in a visitor's own programme: two starred events clash when their times overlap
// (touching ends do not). For each clash the one the visitor can catch later as a recording
// is named, so "my programme" can offer "watch the recording instead". Pure: events in, plan out.
import type { ProgrammeEvent } from './schema.ts';
import { windowOf } from './time.ts';

export type ClashInput = Pick<ProgrammeEvent, 'id' | 'start' | 'duration' | 'recording' | 'source'>;

export interface Clash {
  /** The other starred events whose times overlap this one's, in start order. */
  with: string[];
  /** This event will have a recording: it can be watched later instead. */
  recordable: boolean;
}

/**
 * Will the event be watchable afterwards: its file names a recording, or it is broadcast from
 * one of our own stages (the stream hall's playlist is its recording).
 */
export function willBeRecorded(e: Pick<ProgrammeEvent, 'recording' | 'source'>): boolean {
  return e.recording !== undefined || e.source?.kind === 'stage';
}

/**
 * Every clashing event of `events`, by id. A sweep in start order keeps the events still
 * running, so n events with k clashes cost O(n log n + k), not n².
 */
export function findClashes(events: readonly ClashInput[]): Map<string, Clash> {
  const timed = events
    .map((e) => ({ e, ...windowOf(e) }))
    .filter((t) => Number.isFinite(t.start))
    .sort((a, b) => a.start - b.start || a.e.id.localeCompare(b.e.id));
  const out = new Map<string, Clash>();
  const clashOf = (e: ClashInput) => {
    let c = out.get(e.id);
    if (!c) out.set(e.id, (c = { with: [], recordable: willBeRecorded(e) }));
    return c;
  };
  let open: typeof timed = [];
  for (const t of timed) {
    open = open.filter((o) => o.end > t.start);
    for (const o of open) {
      if (o.e.id === t.e.id) continue;
      clashOf(o.e).with.push(t.e.id);
      clashOf(t.e).with.push(o.e.id);
    }
    open.push(t);
  }
  // `with` in start order: an earlier event was added to a later one's list first, but a later
  // one to an earlier one's list only as it came; sort once by the events' order.
  const order = new Map(timed.map((t, i) => [t.e.id, i]));
  for (const c of out.values()) c.with.sort((a, b) => order.get(a)! - order.get(b)!);
  return out;
}

