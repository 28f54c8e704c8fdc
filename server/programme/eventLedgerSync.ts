// Keeps the stored event ledger (shared/programme/eventLedger.ts) in step with the programme
// served: at start and after every reload the ledger is read from storage (another process
// may have moved it on), the pure step computes what changed, and the changes are stored.
// The calendar feed reads the in-memory copy. Syncs never overlap.
import { type LedgerEntry, ledgerChanges } from '../../shared/programme/eventLedger.ts';
import type { VisitorProgrammeStore } from '../storage/visitorProgrammeStore.ts';
import type { ProgrammeStore } from './programmeStore.ts';

export interface EventLedger {
  entry(eventId: string): LedgerEntry | undefined;
  /** Resolves once the latest sync has been stored (tests). */
  synced(): Promise<void>;
  close(): void;
}

export async function startEventLedger(
  storage: Pick<VisitorProgrammeStore, 'eventLedger' | 'putEventLedger'>,
  programme: ProgrammeStore,
  log: (line: string) => void,
  now: () => number = Date.now,
): Promise<EventLedger> {
  let entries = new Map<string, LedgerEntry>();
  const sync = async () => {
    const p = programme.programme;
    const stored = new Map((await storage.eventLedger()).map((e) => [e.eventId, e]));
    const changes = p ? ledgerChanges(stored, p.events, now()) : [];
    if (changes.length > 0) await storage.putEventLedger(changes);
    for (const c of changes) stored.set(c.eventId, c);
    entries = stored;
  };
  let chain: Promise<void> = sync();
  await chain;
  const stop = programme.onChange((change) => {
    if (!change.changed) return;
    chain = chain.then(sync).catch((e: unknown) => log(`[programme] could not update the calendar ledger: ${e instanceof Error ? e.message : String(e)}`));
  });
  return {
    entry: (id) => entries.get(id),
    synced: () => chain,
    close: stop,
  };
}
