// What the server needs from a data store, split by domain. The embedded default is lowdb in
// one process (server/storage/lowdb/*); a PostgreSQL implementation will sit behind the same
// interfaces when the fair scales out. Every write resolves only once it is durable on disk,
// so "acknowledged" means "survives kill -9"; a write that fails changes nothing. Stores keep
// data and answer queries; the rules (seeding, analytics, conversations, e-mail forms, edits)
// live in services and shared/. tests/storage/contract.ts is what every implementation passes.
import type { DayRecord, StandCounter } from '../../shared/analytics.ts';
import type { Exhibitor } from '../../shared/exhibitor.ts';
import type { Lead, LeadPatch, MailState } from '../../shared/leads.ts';
import type { StandContent } from '../../shared/standContent.ts';
import type { Account, Session } from './records.ts';
import type { ChatStore } from './chatStore.ts';
import type { QaStore } from './qaStore.ts';
import type { TrackStore } from './trackStore.ts';
import type { VisitorProgrammeStore } from './visitorProgrammeStore.ts';
import type { AccountAdminStore, OrganiserStore } from './organiserStore.ts';

export interface ExhibitorStore {
  listExhibitors(): Promise<Exhibitor[]>;
  getExhibitor(id: string): Promise<Exhibitor | undefined>;
  /** Creates or replaces exhibitors by id, all or nothing. */
  upsertExhibitors(items: Exhibitor[]): Promise<void>;
}

export interface ContentStore {
  /** The stand interior; an exhibitor without one gets EMPTY_CONTENT. */
  getContent(exhibitorId: string): Promise<StandContent>;
  putContent(exhibitorId: string, content: StandContent): Promise<void>;
  /** Exhibitors that have an interior stored (seeding asks whether there is any). */
  exhibitorsWithContent(): Promise<string[]>;
}

export interface AccountStore {
  /** Adds an account; rejects when its id or e-mail is taken. E-mails are stored as given. */
  createAccount(account: Account): Promise<void>;
  listAccounts(): Promise<Account[]>;
  /** Exact match: callers normalise first (shared/accounts.ts normaliseEmail). */
  findAccountByEmail(email: string): Promise<Account | undefined>;
  getAccount(id: string): Promise<Account | undefined>;
  /** Rejects when there is no such account. */
  setPasswordHash(accountId: string, hash: string): Promise<void>;
  /** Sessions are stored by a hash of their token, never the token itself. */
  createSession(session: Session): Promise<void>;
  getSession(tokenHash: string): Promise<Session | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Every session of an account (a password change logs the others out). */
  deleteSessionsOf(accountId: string, except?: string): Promise<void>;
}

export interface LeadStore {
  /** Resolves once the lead is on disk. */
  addLead(lead: Lead): Promise<void>;
  listLeads(exhibitorId: string): Promise<Lead[]>;
  getLead(id: string): Promise<Lead | undefined>;
  updateLead(id: string, patch: LeadPatch): Promise<Lead | undefined>;
  setLeadMail(id: string, mail: MailState): Promise<Lead | undefined>;
}

/** Counters per exhibitor and day; what they mean is server/services/analytics.ts's. */
export interface AnalyticsStore {
  /** Adds one to a day's counter; `visitorKey` (already anonymised) joins that day's visitors once. */
  countStandEvent(exhibitorId: string, day: string, counter: StandCounter, visitorKey?: string): Promise<void>;
  /** Every stored day of an exhibitor ("YYYY-MM-DD" → counters). */
  standDays(exhibitorId: string): Promise<Record<string, DayRecord>>;
}

export interface Storage extends ExhibitorStore, ContentStore, AccountStore, LeadStore, AnalyticsStore, ChatStore, OrganiserStore, AccountAdminStore, QaStore, VisitorProgrammeStore, TrackStore {
  /** Proves the store can take a durable write now (health and readiness); rejects if not. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
