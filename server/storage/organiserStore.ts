// What the organisers' console needs from a data store (issue 17): invitations (by a hash of
// their token, never the token), account access and status, the audit log, announcements and
// the fair's day counters. Implemented by server/storage/lowdb/organiser.ts and
// server/storage/postgres/organiser.ts; tests/storage/organiserContract.ts is what both pass.
// The rules (who may invite whom, expiry, what is counted) live in server/organiser/*.
import type { Role } from '../../shared/accounts.ts';
import type { Announcement, AuditEntry, InvitationStatus } from '../../shared/organiser.ts';
import type { Account } from './records.ts';

export interface Invitation {
  id: string;
  email: string;
  name: string;
  role: Role;
  exhibitors: string[];
  staffAdmin: boolean;
  /** sha256 of the link's token (server/auth/sessions.ts hashToken). */
  tokenHash: string;
  status: InvitationStatus;
  createdAt: string;
  /** Account id of who invited. */
  createdBy: string;
  expiresAt: string;
  /** The account made from (or reset by) the invitation, once accepted. */
  accountId?: string;
}

/** Status an account carries beside its access (kept apart from the login record). */
export interface AccountStatus {
  staffAdmin: boolean;
  /** ISO time; a deactivated account cannot log in until invited again. */
  deactivatedAt: string | null;
}

export const ACTIVE: AccountStatus = { staffAdmin: false, deactivatedAt: null };

/** One day of the whole fair: sums (`add`) and maxima (`max`, e.g. peak concurrency). */
export interface FairDayCounts {
  sums: Record<string, number>;
  maxima: Record<string, number>;
}

export interface OrganiserStore {
  createInvitation(invitation: Invitation): Promise<void>;
  getInvitation(id: string): Promise<Invitation | undefined>;
  /** Newest first. */
  listInvitations(): Promise<Invitation[]>;
  /** Replaces the token and expiry of a pending invitation (resend); undefined if not pending. */
  renewInvitation(id: string, tokenHash: string, expiresAt: string): Promise<Invitation | undefined>;
  /** Marks a pending invitation revoked; undefined if there is none pending with this id. */
  revokeInvitation(id: string): Promise<Invitation | undefined>;
  /**
   * Atomically takes a pending, unexpired invitation by its token hash and marks it accepted
   * (so a link works once, even when two requests race); undefined otherwise.
   */
  claimInvitation(tokenHash: string, now: string, accountId: string): Promise<Invitation | undefined>;

  accountStatus(accountId: string): Promise<AccountStatus>;
  /** Every account with a stored status (others are ACTIVE). */
  accountStatuses(): Promise<Record<string, AccountStatus>>;
  setAccountStatus(accountId: string, status: AccountStatus): Promise<void>;

  appendAudit(entry: AuditEntry): Promise<void>;
  /** Newest first, at most `limit`. */
  listAudit(limit: number): Promise<AuditEntry[]>;

  addAnnouncement(announcement: Announcement): Promise<void>;
  /** Ending after `endsAfter` (ISO), by start time. */
  listAnnouncements(endsAfter: string): Promise<Announcement[]>;

  /** Adds to a day's sums and raises its maxima, in one write. */
  addFairCounts(day: string, sums: Record<string, number>, maxima?: Record<string, number>): Promise<void>;
  fairDays(): Promise<Record<string, FairDayCounts>>;

  /** Accounts an organiser assigned to moderate an event (its Q&A and broadcast); [] when none. */
  eventModerators(eventId: string): Promise<string[]>;
  /** Replaces an event's moderators ([] clears them); ids are kept once each, in order. */
  setEventModerators(eventId: string, accountIds: string[]): Promise<void>;
  /** Events the account is assigned to moderate, sorted. */
  eventsModeratedBy(accountId: string): Promise<string[]>;
  /** How often the stage's stream key was regenerated (0: never). */
  stageKeyGeneration(stage: string): Promise<number>;
  /** Moves the stage's key on by one, atomically (two organisers at once get two generations). */
  nextStageKeyGeneration(stage: string): Promise<number>;
}

/** Changing an account's access (role, stands) in the account store itself. */
export interface AccountAdminStore {
  /** Undefined when there is no such account. */
  updateAccount(id: string, patch: Partial<Pick<Account, 'role' | 'exhibitors' | 'name' | 'passwordHash'>>): Promise<Account | undefined>;
}
