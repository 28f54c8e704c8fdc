// What floor rooms need from the rest of the server. Colyseus builds rooms itself, so the
// server hands these over once at start instead of through room options (which may be
// serialised by the matchmaker).
import type { Level } from '../../shared/level/schema.ts';

export interface PresenceSettings {
  levels: () => { get(id: string): Level | undefined } | null;
  /** Visitors per room instance; a full floor opens another instance. */
  capacity: number;
  /** Benchmark baseline: everyone receives everyone (no interest management). */
  naive: boolean;
  /** The signed visitor id in a join's Cookie header (RunningServer.visitors), or null. */
  visitorOf: (cookieHeader: string | null) => string | null;
}

let current: PresenceSettings = { levels: () => null, capacity: 1500, naive: false, visitorOf: () => null };

export function configurePresence(settings: PresenceSettings): void {
  current = settings;
}

export function presenceSettings(): PresenceSettings {
  return current;
}
