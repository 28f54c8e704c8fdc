// "My programme" (issue 12) as stored: per signed visitor id, the starred events, reminder
// settings, reminder-sent marks and the secret calendar-feed token; one-time transfer codes
// (stored by hash only) that hand a visitor id to another browser; and the programme-wide
// event ledger the calendar feeds take SEQUENCE, LAST-MODIFIED and cancellations from. Every
// write resolves once durable; a failed write changes nothing. The rules (limits, merging,
// what is due) are the services' (server/programme/my*.ts) and shared/programme/*.
import type { LedgerEntry } from '../../shared/programme/eventLedger.ts';
import type { ReminderSettings, StarredEvent } from '../../shared/programme/myProgramme.ts';

export interface ReminderSent {
  eventId: string;
  /** The event's start (ms) the reminder was for: a moved event is reminded of again. */
  startMs: number;
  at: number;
}

export interface VisitorProgrammeRecord {
  /** In the order they were starred. */
  starred: StarredEvent[];
  reminders: ReminderSettings;
  sent: ReminderSent[];
  feedToken: string | null;
}

export interface TransferCode {
  /** sha256 of the code (hex): the code itself is never stored. */
  codeHash: string;
  visitorId: string;
  expiresAt: number;
}

export interface VisitorProgrammeStore {
  /** The visitor's record; an unknown visitor has none starred, default reminders, no token. */
  visitorProgramme(visitorId: string): Promise<VisitorProgrammeRecord>;
  /**
   * Stars (at `at`) or unstars an event; true when that changed something. Starring beyond
   * `limit` stars rejects and changes nothing.
   */
  setStarred(visitorId: string, eventId: string, starred: boolean, at: number, limit: number): Promise<boolean>;
  setReminderSettings(visitorId: string, settings: ReminderSettings): Promise<void>;
  /**
   * One mark per visitor, event and start: true when marked now (the caller sends), false
   * when it was marked already (by this or another process).
   */
  markReminderSent(visitorId: string, mark: ReminderSent): Promise<boolean>;
  /** The visitor's feed token, set to `fresh` first when there is none yet. */
  ensureFeedToken(visitorId: string, fresh: string): Promise<string>;
  /** Replaces the token (the old feed address stops working). */
  replaceFeedToken(visitorId: string, fresh: string): Promise<void>;
  visitorOfFeedToken(token: string): Promise<string | undefined>;
  /** Visitors with a reminder e-mail address and at least one star (the reminder scheduler starts from them). */
  visitorsWithReminderEmail(): Promise<{ visitorId: string; record: VisitorProgrammeRecord }[]>;
  /**
   * Adds `from`'s stars (not already there) to `into`'s, keeps `into`'s reminders unless it
   * has no address and `from` has, and empties `from`. Nothing of `into` is lost.
   */
  mergeVisitorProgramme(from: string, into: string): Promise<void>;

  addTransferCode(code: TransferCode): Promise<void>;
  /**
   * Single use: the visitor id of a code that exists and has not expired at `now`. The code
   * is gone afterwards either way; of two redeeming at once, one gets it.
   */
  takeTransferCode(codeHash: string, now: number): Promise<string | undefined>;

  /** Every entry of the programme's event ledger. */
  eventLedger(): Promise<LedgerEntry[]>;
  /** Creates or replaces ledger entries by event id, all or nothing. */
  putEventLedger(entries: LedgerEntry[]): Promise<void>;
}

/** The pure merge rule both backends apply (see mergeVisitorProgramme). */
export function mergedProgramme(from: VisitorProgrammeRecord, into: VisitorProgrammeRecord): VisitorProgrammeRecord {
  const have = new Set(into.starred.map((s) => s.eventId));
  return {
    starred: [...into.starred, ...from.starred.filter((s) => !have.has(s.eventId))],
    reminders: into.reminders.email === null && from.reminders.email !== null ? from.reminders : into.reminders,
    sent: [...into.sent, ...from.sent.filter((m) => !into.sent.some((x) => x.eventId === m.eventId && x.startMs === m.startMs))],
    feedToken: into.feedToken ?? from.feedToken,
  };
}
