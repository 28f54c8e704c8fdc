// What `npm run store:copy` moves from the embedded store to PostgreSQL: every domain's
// records as plain rows, with the ids, times and order the store gave them (chat and Q&A ids,
// lead arrival order, session expiry, analytics counters and visitor keys). The lowdb side
// reads them from the files (lowdb/export.ts), the PostgreSQL side writes them as they are
// (postgres/import.ts), one transaction per domain; neither goes through the public API,
// which would give new ids and count every vote again. Adding a domain means a key here.
import type { DayRecord } from '../../shared/analytics.ts';
import type { Exhibitor } from '../../shared/exhibitor.ts';
import type { Lead } from '../../shared/leads.ts';
import type { Announcement, AuditEntry } from '../../shared/organiser.ts';
import type { LedgerEntry } from '../../shared/programme/eventLedger.ts';
import type { StandContent } from '../../shared/standContent.ts';
import type { StoredChatMessage } from './chatStore.ts';
import type { AccountStatus, FairDayCounts, Invitation } from './organiserStore.ts';
import type { QaSettings, StoredPoll, StoredQaComment, StoredQuestion } from './qaStore.ts';
import type { Account, Session } from './records.ts';
import type { StoredTrack } from './trackStore.ts';
import type { TransferCode, VisitorProgrammeRecord } from './visitorProgrammeStore.ts';

/** One programme event's Q&A, everything the event's files hold. */
export interface QaEventRows {
  eventId: string;
  /** In id order, as stored (without counted votes). */
  questions: StoredQuestion[];
  comments: StoredQaComment[];
  polls: StoredPoll[];
  votes: { questionId: number; voter: string }[];
  ballots: { pollId: number; voter: string; choices: number[] }[];
  settings: QaSettings;
  mutes: { ref: string; until: number; by: string }[];
}

export interface StoreDump {
  exhibitors: { exhibitors: Exhibitor[] };
  content: { content: { exhibitorId: string; content: StandContent }[] };
  accounts: { accounts: Account[]; sessions: Session[] };
  /** In arrival order (the order ties within one millisecond are listed in). */
  leads: { leads: Lead[] };
  analytics: { days: { exhibitorId: string; day: string; record: DayRecord }[] };
  chat: {
    /** Per stand in id order. */
    messages: StoredChatMessage[];
    mutes: { standId: string; ref: string; until: number; by: string }[];
    quickReplies: { exhibitorId: string; replies: string[] }[];
    reads: { accountId: string; conversation: string; upTo: number }[];
  };
  organiser: {
    /** Oldest first. */
    invitations: Invitation[];
    statuses: { accountId: string; status: AccountStatus }[];
    /** Oldest first. */
    audit: AuditEntry[];
    announcements: Announcement[];
    days: { day: string; counts: FairDayCounts }[];
    eventModerators: { eventId: string; accountIds: string[] }[];
    stageKeys: { stage: string; generation: number }[];
  };
  qa: { events: QaEventRows[] };
  visitorProgramme: {
    visitors: { visitorId: string; record: VisitorProgrammeRecord }[];
    transfers: TransferCode[];
    ledger: LedgerEntry[];
  };
  tracks: { tracks: StoredTrack[] };
}

export type DomainName = keyof StoreDump;

/** The order domains are copied and reported in (no foreign keys cross domains). */
export const DOMAINS = [
  'exhibitors',
  'content',
  'accounts',
  'leads',
  'analytics',
  'chat',
  'organiser',
  'qa',
  'visitorProgramme',
  'tracks',
] as const satisfies readonly DomainName[];
// A domain added to StoreDump but not to DOMAINS would not be copied: refuse to compile.
type Uncopied = Exclude<DomainName, (typeof DOMAINS)[number]>;
const everyDomainCopied: [Uncopied] extends [never] ? true : Uncopied = true;
void everyDomainCopied;

/** Rows of each kind in a domain: what the copy reports, and what it reads back to verify. */
export type DomainCounts = Record<string, number>;

const sum = <T>(items: readonly T[], n: (t: T) => number) => items.reduce((a, t) => a + n(t), 0);

export function dumpCounts(dump: StoreDump): Record<DomainName, DomainCounts> {
  const { chat, organiser, qa, visitorProgramme: vp } = dump;
  return {
    exhibitors: { exhibitors: dump.exhibitors.exhibitors.length },
    content: { interiors: dump.content.content.length },
    accounts: { accounts: dump.accounts.accounts.length, sessions: dump.accounts.sessions.length },
    leads: { leads: dump.leads.leads.length },
    analytics: { days: dump.analytics.days.length, visitorKeys: sum(dump.analytics.days, (d) => d.record.visitors.length) },
    chat: {
      stands: new Set(chat.messages.map((m) => m.standId)).size,
      messages: chat.messages.length,
      mutes: chat.mutes.length,
      quickReplies: chat.quickReplies.length,
      readMarks: chat.reads.length,
    },
    organiser: {
      invitations: organiser.invitations.length,
      accountStatuses: organiser.statuses.length,
      audit: organiser.audit.length,
      announcements: organiser.announcements.length,
      fairCounters: sum(organiser.days, (d) => Object.keys(d.counts.sums).length + Object.keys(d.counts.maxima).length),
      eventModerators: sum(organiser.eventModerators, (e) => e.accountIds.length),
      stageKeys: organiser.stageKeys.length,
    },
    qa: {
      events: qa.events.length,
      questions: sum(qa.events, (e) => e.questions.length),
      votes: sum(qa.events, (e) => e.votes.length),
      comments: sum(qa.events, (e) => e.comments.length),
      polls: sum(qa.events, (e) => e.polls.length),
      ballots: sum(qa.events, (e) => e.ballots.length),
      mutes: sum(qa.events, (e) => e.mutes.length),
    },
    visitorProgramme: {
      visitors: vp.visitors.length,
      stars: sum(vp.visitors, (v) => v.record.starred.length),
      remindersSent: sum(vp.visitors, (v) => v.record.sent.length),
      transferCodes: vp.transfers.length,
      ledger: vp.ledger.length,
    },
    tracks: { tracks: dump.tracks.tracks.length },
  };
}
