// The HTTP API contract: every path and response shape, defined once for server and client.
import { z } from 'zod';
import { CategoryId } from './categories.ts';
import { Lead } from './leads.ts';
import { LocalText } from './text.ts';

export const API = {
  health: '/api/health',
  /** For load balancers: 200 only while listening, storage writable and not shutting down. */
  ready: '/api/ready',
  floors: '/api/floors',
  floor: '/api/floors/:floorId',
  /** Where every exhibitor stands: one row per stand, for search across floors. */
  directory: '/api/directory',
  exhibitors: '/api/exhibitors',
  exhibitor: '/api/exhibitors/:exhibitorId',
  /** Floor-file problems the server refuses now, formatted "file:line:col path: message". */
  levelProblems: '/api/levels/problems',
  /** Static files of the sample exhibition (logos, videos, materials). */
  assets: '/assets',
  /** Files exhibitors uploaded, served with safe content types. */
  uploads: '/uploads',

  // Visitors at a stand (no account).
  standContent: '/api/exhibitors/:exhibitorId/content',
  standEvents: '/api/exhibitors/:exhibitorId/events',
  callback: '/api/exhibitors/:exhibitorId/callback',
  cardForMaterials: '/api/exhibitors/:exhibitorId/card',
  /** Webinar as an .ics file for "add to calendar". */
  webinarIcs: '/api/exhibitors/:exhibitorId/webinars/:webinarId.ics',

  // Accounts.
  login: '/api/auth/login',
  logout: '/api/auth/logout',
  me: '/api/auth/me',
  /** "Am I logged in?" without an error: 200 { me } or { me: null } (me answers 401 when not). */
  session: '/api/auth/session',
  password: '/api/auth/password',

  // The exhibitor cabinet (a session is required; 401 without, 403 for someone else's stand).
  /** The exhibitors the account may act for (organisers: all). */
  cabinetExhibitors: '/api/cabinet/exhibitors',
  cabinetExhibitor: '/api/cabinet/exhibitors/:exhibitorId',
  cabinetContent: '/api/cabinet/exhibitors/:exhibitorId/content',
  cabinetLeads: '/api/cabinet/exhibitors/:exhibitorId/leads',
  cabinetLeadsCsv: '/api/cabinet/exhibitors/:exhibitorId/leads.csv',
  cabinetLead: '/api/cabinet/exhibitors/:exhibitorId/leads/:leadId',
  cabinetAnalytics: '/api/cabinet/exhibitors/:exhibitorId/analytics',
  cabinetUpload: '/api/cabinet/exhibitors/:exhibitorId/uploads',
  /** Server-sent events: new and changed leads of the account's exhibitors. */
  cabinetEvents: '/api/cabinet/events',
  /** Saved answers of an exhibitor's chat staff (GET, PUT). */
  cabinetQuickReplies: '/api/cabinet/exhibitors/:exhibitorId/quick-replies',

  // Stand chat (live messages go through the standChat room, see shared/protocol.ts).
  /** A short-lived ticket that lets the logged-in account join stand chats as staff. */
  chatTicket: '/api/chat/ticket',
  /** A returning visitor's unread staff answers per stand (POST: the visitor id is not for URLs). */
  chatUnread: '/api/chat/unread',
  /** The staff inbox: conversations of the account's stands, newest activity first. */
  chatInbox: '/api/chat/inbox',

  // The business programme (read-only; see shared/programme/views.ts for the answers).
  /** Clusters, events with their state at the fair clock, speakers in brief. */
  programme: '/api/programme',
  programmeEvent: '/api/programme/events/:eventId',
  /** One event as an .ics file for "add to calendar". */
  programmeEventIcs: '/api/programme/events/:eventId.ics',
  programmeSpeaker: '/api/programme/speakers/:speakerId',
  /** The fair clock: real time unless FAIR_CLOCK_OFFSET / FAIR_CLOCK_START shift it. */
  programmeClock: '/api/programme/clock',
  /** Events live now and when that next changes (the hall's banner and stage landmarks). */
  programmeOnAir: '/api/programme/on-air',
  /** Server-Sent Events: "revision" whenever the served programme changes (pages reload their data). */
  programmeLive: '/api/programme/live',
  /** Programme-file problems refused now, formatted "file:line:col path: message". */
  programmeProblems: '/api/programme/problems',
  // "My programme" of the visitor asking (signed visitor cookie; nobody can name another's).
  myProgramme: '/api/programme/my',
  /** POST { eventId, starred }. */
  myProgrammeStars: '/api/programme/my/stars',
  /** PUT { leadMinutes, email | null, consent }. */
  myProgrammeReminders: '/api/programme/my/reminders',
  /** POST: a new calendar-feed address (the old one stops working). */
  myProgrammeFeed: '/api/programme/my/feed',
  /** POST: a one-time code (and link) that moves this programme to another browser. */
  myProgrammeTransfer: '/api/programme/my/transfer',
  /** POST { code }: this browser takes over the programme the code was made for. */
  myProgrammeRedeem: '/api/programme/my/transfer/redeem',
  /** The subscribable calendar of a visitor's starred events; the token is the secret. */
  programmeFeed: '/api/programme/feed/:token.ics',

  // The stream hall (server/stream): HLS files, a public status, the broadcasters' API.
  /** HLS playlists and segments: /streams/<eventId>/index.m3u8 (a closed playlist is the recording). */
  streams: '/streams',
  streamPlaylist: '/streams/:eventId/index.m3u8',
  /** Public: is the event's stream on, is its recording ready (no key). */
  streamStatus: '/api/stream/events/:eventId',
  /** Public, ended events only: approved questions and comments with their times, for the replay. */
  qaReplay: '/api/qa/events/:eventId/replay',
  /** Organisers and moderators: every stage with its port, state and event. */
  broadcastStages: '/api/broadcast/stages',
  /** Organisers and moderators: ingest URL and key, state and stats of the event's stage. */
  broadcastEvent: '/api/broadcast/events/:eventId',
  broadcastLogs: '/api/broadcast/events/:eventId/logs',
  /** POST: arm the stage's listener for this event ("go live"). */
  broadcastLive: '/api/broadcast/events/:eventId/live',
  /** POST: close the listener; the playlist ends and is the recording. */
  broadcastEnd: '/api/broadcast/events/:eventId/end',
  /** POST (organisers): a new stream key for the event's stage; refused while the stage is live. */
  broadcastKey: '/api/broadcast/events/:eventId/key',
  /** GET: the event's assigned moderators (and, for organisers, whom they may assign); PUT (organisers): replace them. */
  broadcastModerators: '/api/broadcast/events/:eventId/moderators',
  /** The broadcast page (client/qa.html): key, ingest, what the server receives, go live / end, viewers. */
  broadcastPage: '/broadcast/:eventId',

  // The organisers' console (organiser role; 401 without a session, 403 for other roles).
  organiserOverview: '/api/organiser/overview',
  organiserDaysCsv: '/api/organiser/days.csv',
  organiserExhibitors: '/api/organiser/exhibitors',
  organiserExhibitorsCsv: '/api/organiser/exhibitors.csv',
  organiserStand: '/api/organiser/floors/:floorId/stands/:standId',
  organiserAccounts: '/api/organiser/accounts',
  organiserAccount: '/api/organiser/accounts/:accountId',
  organiserDeactivate: '/api/organiser/accounts/:accountId/deactivate',
  organiserInvitations: '/api/organiser/invitations',
  organiserInvitationsCsv: '/api/organiser/invitations/csv',
  organiserResend: '/api/organiser/invitations/:invitationId/resend',
  organiserRevoke: '/api/organiser/invitations/:invitationId/revoke',
  organiserAudit: '/api/organiser/audit',
  organiserAnnouncements: '/api/organiser/announcements',
  /** An exhibitor's staff admin: invitations to their own stands. */
  teamInvitations: '/api/team/invitations',
  teamResend: '/api/team/invitations/:invitationId/resend',
  teamRevoke: '/api/team/invitations/:invitationId/revoke',
  /** The invitation link sets a password (no session). */
  acceptInvitation: '/api/invitations/accept',
  /** Announcements showing now (?floor=...&event=...), for a page that loads after they started. */
  announcementsCurrent: '/api/announcements/current',

  /** Development only (no SMTP_URL): the mail written to the outbox. */
  devOutbox: '/dev/outbox',
} as const;

/** Fills ":param" placeholders of an API path. */
export function apiPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(value);
  });
}

export const FloorSummary = z.object({
  id: z.string(),
  title: LocalText,
  category: CategoryId,
  order: z.number(),
  standCount: z.number().int(),
});
export type FloorSummary = z.infer<typeof FloorSummary>;

export const ApiError = z.object({ error: z.string(), details: z.array(z.string()).optional() });
export type ApiError = z.infer<typeof ApiError>;

/** `booth` is the stand's booth number on its floor's plan (shared/plan/boothNumbers.ts). */
export const DirectoryEntry = z.object({ floor: z.string(), stand: z.string(), exhibitor: z.string(), booth: z.string().optional() });
export type DirectoryEntry = z.infer<typeof DirectoryEntry>;

export const UploadResult = z.object({ path: z.string(), type: z.string(), size: z.number().int(), name: z.string() });
export type UploadResult = z.infer<typeof UploadResult>;

/** Answer to a lead form: the lead is stored; mail (for cards) goes out after. */
export const LeadAccepted = z.object({ id: z.string(), mail: z.enum(['queued', 'none']) });
export type LeadAccepted = z.infer<typeof LeadAccepted>;

/** One message of the cabinet's event stream (SSE event name "lead"): a lead was created or changed. */
export const LeadEvent = z.object({
  change: z.enum(['created', 'updated', 'mail']),
  lead: Lead,
});
export type LeadEvent = z.infer<typeof LeadEvent>;

export const LevelProblemList = z.object({ problems: z.array(z.string()) });
export type LevelProblemList = z.infer<typeof LevelProblemList>;
