// The organisers' console contract: request bodies and answers of /api/organiser/*, the
// invitation link, announcements and the fair's counters. Pure schemas and rules, used by the
// server, the console (client/src/ui/organiser) and the hall (announcements).
import { z } from 'zod';
import { PASSWORD_MIN, Role } from './accounts.ts';
import { LocalText } from './text.ts';

/** An invitation link lives this long; resending makes a new link and kills the old one. */
export const INVITE_TTL_MS = 72 * 3600 * 1000;
/** The console's client path; links in invitation mails point to INVITE_PATH?token=... */
export const ORGANISER_PATH = '/organiser';
export const INVITE_PATH = '/organiser/invite';

export function isOrganiserPath(pathname: string): boolean {
  return pathname === ORGANISER_PATH || pathname.startsWith(`${ORGANISER_PATH}/`);
}

const ExhibitorId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'an exhibitor id is lowercase letters, digits and dashes');

export const InviteBody = z.strictObject({
  email: z.email('enter an e-mail address').max(200),
  name: z.string().trim().min(1, 'enter a name').max(120),
  role: Role,
  exhibitors: z.array(ExhibitorId).max(50).default([]),
  /** May invite colleagues to the same stands (exhibitor staff only). */
  staffAdmin: z.boolean().default(false),
});
export type InviteBody = z.infer<typeof InviteBody>;

export const InvitationStatus = z.enum(['pending', 'accepted', 'revoked']);
export type InvitationStatus = z.infer<typeof InvitationStatus>;

/** An invitation as the console sees it (the token hash never leaves the server). */
export const InvitationView = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: Role,
  exhibitors: z.array(z.string()),
  staffAdmin: z.boolean(),
  status: InvitationStatus,
  /** Pending and past its expiry. */
  expired: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string(),
  expiresAt: z.string(),
});
export type InvitationView = z.infer<typeof InvitationView>;

export const AcceptInviteBody = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'this invitation link is not valid'),
  password: z.string().min(PASSWORD_MIN, `a password needs at least ${PASSWORD_MIN} characters`).max(200),
});
export type AcceptInviteBody = z.infer<typeof AcceptInviteBody>;

export const AccountView = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: Role,
  exhibitors: z.array(z.string()),
  staffAdmin: z.boolean(),
  deactivatedAt: z.string().nullable(),
});
export type AccountView = z.infer<typeof AccountView>;

export const AccessBody = z.strictObject({
  role: Role.optional(),
  exhibitors: z.array(ExhibitorId).max(50).optional(),
  staffAdmin: z.boolean().optional(),
});
export type AccessBody = z.infer<typeof AccessBody>;

export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string(),
  actorEmail: z.string(),
  /** "invite.create", "invite.resend", "invite.revoke", "invite.accept", "account.access", "account.deactivate", ... */
  action: z.string(),
  target: z.string(),
  detail: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const NewExhibitorBody = z.strictObject({
  id: ExhibitorId,
  name: z.string().trim().min(1).max(120),
  category: z.string().min(1).max(40),
  short: z.string().trim().min(1).max(200),
});
export type NewExhibitorBody = z.infer<typeof NewExhibitorBody>;

export const MoveStandBody = z.strictObject({ exhibitorId: ExhibitorId });

/** How complete a stand is: which parts its exhibitor has filled in. */
export const StandParts = ['logo', 'description', 'video', 'gallery', 'materials', 'webinars'] as const;
export type StandPart = (typeof StandParts)[number];

export const ExhibitorRow = z.object({
  id: z.string(),
  name: z.string(),
  category: z.string(),
  stands: z.array(z.object({ floor: z.string(), stand: z.string() })),
  /** Part → filled in. */
  parts: z.record(z.string(), z.boolean()),
  staff: z.number().int(),
});
export type ExhibitorRow = z.infer<typeof ExhibitorRow>;

export const ExhibitorOverview = z.object({
  rows: z.array(ExhibitorRow),
  stands: z.number().int(),
  /** Part → stands whose exhibitor has it missing ("42 of 300 stands have no video"). */
  missing: z.record(z.string(), z.number().int()),
});
export type ExhibitorOverview = z.infer<typeof ExhibitorOverview>;

/** Counts missing parts over stands (a stand counts its exhibitor's parts). */
export function missingParts(rows: readonly Pick<ExhibitorRow, 'stands' | 'parts'>[]): { stands: number; missing: Record<StandPart, number> } {
  const missing = Object.fromEntries(StandParts.map((p) => [p, 0])) as Record<StandPart, number>;
  let stands = 0;
  for (const r of rows) {
    stands += r.stands.length;
    for (const p of StandParts) if (!r.parts[p]) missing[p] += r.stands.length;
  }
  return { stands, missing };
}

// --- Announcements -------------------------------------------------------------------------

export const Audience = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all') }),
  z.strictObject({ kind: z.literal('floor'), floorId: z.string().min(1).max(64) }),
  z.strictObject({ kind: z.literal('event'), eventId: z.string().min(1).max(64) }),
]);
export type Audience = z.infer<typeof Audience>;

export const AnnouncementStyle = z.enum(['banner', 'toast']);

export const AnnouncementBody = z
  .strictObject({
    audience: Audience,
    style: AnnouncementStyle,
    text: z.strictObject({ ru: z.string().trim().min(1).max(500), en: z.string().trim().min(1).max(500) }),
    /** Omitted: now. */
    startsAt: z.iso.datetime({ offset: true }).optional(),
    endsAt: z.iso.datetime({ offset: true }),
  })
  .refine((b) => Date.parse(b.endsAt) > Date.parse(b.startsAt ?? new Date(0).toISOString()), { message: 'the end must come after the start', path: ['endsAt'] });
export type AnnouncementBody = z.infer<typeof AnnouncementBody>;

export const Announcement = z.object({
  id: z.string(),
  audience: Audience,
  style: AnnouncementStyle,
  text: LocalText,
  startsAt: z.string(),
  endsAt: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type Announcement = z.infer<typeof Announcement>;

export const AnnouncementList = z.object({ announcements: z.array(Announcement) });

/** Shown now to a page on this floor (or watching this event)? */
export function announcementApplies(a: Announcement, now: number, where: { floorId?: string; eventId?: string }): boolean {
  if (Date.parse(a.startsAt) > now || Date.parse(a.endsAt) <= now) return false;
  switch (a.audience.kind) {
    case 'all':
      return true;
    case 'floor':
      return a.audience.floorId === where.floorId;
    case 'event':
      return a.audience.eventId === where.eventId;
  }
}

// --- The fair at a glance ------------------------------------------------------------------

export const FairDay = z.object({ day: z.string(), uniqueVisitors: z.number().int(), peakConcurrent: z.number().int(), visits: z.number().int(), leads: z.number().int() });
export type FairDay = z.infer<typeof FairDay>;

/** What moderation the console counts per day (chat: stand chats; qa: programme events). */
export const MODERATION_KINDS = ['chatDeleted', 'chatMuted', 'qaRemoved', 'qaMuted'] as const;
export type ModerationKind = (typeof MODERATION_KINDS)[number];

/** One programme event's Q&A now: who moderates it, how many questions wait for them. */
export const EventDuty = z.object({ eventId: z.string(), moderators: z.array(z.string()), waiting: z.number().int() });
export type EventDuty = z.infer<typeof EventDuty>;

export const FairOverview = z.object({
  at: z.string(),
  /** Floor id → visitors connected now (every process's rooms, summed through presence). */
  visitorsNow: z.record(z.string(), z.number().int()),
  totalNow: z.number().int(),
  /** Event id → distinct visitors on its page now (its Q&A room's count, all processes); events without viewers left out. */
  eventViewersNow: z.record(z.string(), z.number().int()),
  days: z.array(FairDay),
  /** The exhibitors with the most stand visits (then leads), with their company names. */
  topStands: z.array(z.object({ exhibitorId: z.string(), name: z.string(), visits: z.number().int(), leads: z.number().int() })),
  /** Stand → chat questions without a staff answer for longer than `unansweredMinutes`. */
  unanswered: z.array(z.object({ standId: z.string(), count: z.number().int() })),
  unansweredMinutes: z.number().int(),
  mailFailures: z.number().int(),
  /** Moderation overview: events with an open Q&A room (all processes), and today's removals and mutes. */
  moderation: z.object({
    events: z.array(EventDuty),
    today: z.record(z.enum(MODERATION_KINDS), z.number().int()),
  }),
});
export type FairOverview = z.infer<typeof FairOverview>;
