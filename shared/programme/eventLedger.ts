// What calendar feeds need to reflect edits: per programme event, a fingerprint of what a
// calendar shows, a SEQUENCE that grows with every change, when it last changed, and the
// last version seen, so an event removed from the programme can still be sent as CANCELLED.
// ledgerChanges is the pure step from the stored ledger and the programme served now to the
// entries to write; the server runs it on every (re)load, storage keeps the entries.
import type { ProgrammeEvent, Text } from './schema.ts';

export interface LedgerSnapshot {
  title: Text;
  start: string;
  duration: number;
  cluster: string;
}

export interface LedgerEntry {
  eventId: string;
  /** Fingerprint of the fields a calendar shows (eventFingerprint). */
  hash: string;
  /** iCalendar SEQUENCE: 0 when first seen, +1 with every change and at cancellation. */
  sequence: number;
  /** When the change was first seen (ms since the epoch): LAST-MODIFIED. */
  modifiedAt: number;
  /** Gone from the programme. */
  cancelled: boolean;
  snapshot: LedgerSnapshot;
}

/** FNV-1a, 32 bits, twice with different seeds: a stable fingerprint without Node's crypto. */
function fnv(text: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** Changes to any of these change what a subscribed calendar shows. */
export function eventFingerprint(e: ProgrammeEvent): string {
  const shown = JSON.stringify([e.title, e.description ?? null, e.start, e.duration, e.cluster, e.format, e.language, e.moderator ?? null, e.speakers]);
  return fnv(shown, 0x811c9dc5) + fnv(shown, 0x2f6fd6a1);
}

export function snapshotOf(e: ProgrammeEvent): LedgerSnapshot {
  return { title: e.title, start: e.start, duration: e.duration, cluster: e.cluster };
}

/**
 * The entries to store so that the ledger describes `events` (the programme served now), as
 * seen at `at`: new events at sequence 0, changed ones (or ones back after a cancellation)
 * one higher, ones gone from the programme cancelled once. Unchanged entries are not returned.
 */
export function ledgerChanges(stored: ReadonlyMap<string, LedgerEntry>, events: readonly ProgrammeEvent[], at: number): LedgerEntry[] {
  const out: LedgerEntry[] = [];
  const present = new Set<string>();
  for (const e of events) {
    present.add(e.id);
    const hash = eventFingerprint(e);
    const before = stored.get(e.id);
    if (!before) {
      out.push({ eventId: e.id, hash, sequence: 0, modifiedAt: at, cancelled: false, snapshot: snapshotOf(e) });
    } else if (before.hash !== hash || before.cancelled) {
      out.push({ eventId: e.id, hash, sequence: before.sequence + 1, modifiedAt: at, cancelled: false, snapshot: snapshotOf(e) });
    }
  }
  for (const before of stored.values()) {
    if (present.has(before.eventId) || before.cancelled) continue;
    out.push({ ...before, sequence: before.sequence + 1, modifiedAt: at, cancelled: true });
  }
  return out;
}
