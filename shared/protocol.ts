// The real-time protocol between the client and the Colyseus server: room names, message
// names and payload schemas, defined once. Client and server import from here only.
import type { Announcement } from './organiser.ts';
import { z } from 'zod';
import { VisitorId } from './analytics.ts';
import { NAME_MAX, cleanName } from './names.ts';
import {
  CHAT_PAGE_MAX,
  type ChatActionResult,
  type ChatError,
  type ChatMessage,
  type ChatPage,
  type ChatPostResult,
  ChatThread,
  type ChatMe,
  MUTE_MINUTES_MAX,
  type StaffOnline,
  StandId,
} from './chat.ts';

/**
 * Bumped whenever a message changes shape. A page that joins with an older (or no) version is
 * refused with PROTOCOL_OUTDATED: it must reload to get the current client.
 * 2: floor joins carry no position (the server chooses the spawn); typed message maps.
 */
export const PROTOCOL_VERSION = 2;

/** Join refusals, as the error code the client's join promise rejects with. Defined once here. */
export const JOIN_ERRORS = {
  /** The page is older than the server: reload it. */
  protocolOutdated: { code: 4409, message: 'this page is out of date: reload it to continue' },
  /** No valid signed visitor id cookie (expo_vid): load the site's page first, with cookies on. */
  visitorRequired: { code: 4401, message: 'no visitor id: reload the page (cookies must be allowed)' },
} as const;
export const PROTOCOL_OUTDATED = JOIN_ERRORS.protocolOutdated.code;

/** Whether join options come from a page older than this protocol (no version counts as old). */
export function protocolOutdated(options: unknown): boolean {
  const v = typeof options === 'object' && options !== null ? (options as { protocol?: unknown }).protocol : undefined;
  return typeof v !== 'number' || !Number.isInteger(v) || v < PROTOCOL_VERSION;
}

export const ROOMS = {
  /** One room type per floor, filtered by floor id; overflow opens another instance. */
  floor: 'floor',
  /** One room per stand (filtered by stand id): its public chat and private threads. */
  standChat: 'standChat',
  /** One room per programme event (filtered by event id): moderated Q&A, comments, polls, reactions (shared/qa.ts). */
  qa: 'qa',
} as const;

// The Q&A room's message maps and payload schemas live in shared/qa.ts (its rules are there too).
export type { QaClientMessages, QaReplies, QaServerMessages } from './qa.ts';

/** Messages a client sends to a floor room. */
export const CLIENT_MSG = {
  move: 'move',
  view: 'view',
  profile: 'profile',
  who: 'who',
} as const;

/** Messages a floor room sends to its clients. */
export const SERVER_MSG = {
  /** The joining client's own id and (resumed or spawn) position, chosen by the server. */
  welcome: 'welcome',
  /** Changes among visitors near the client's viewport (see PeopleDelta). */
  people: 'people',
  /** The server refused a move; the avatar goes back here. */
  correct: 'correct',
  /** Visitors at each stand and on each floor, summed over room instances. */
  counts: 'counts',
  warning: 'warning',
  /** An organiser edited this floor's file and the server took it: refetch the layout. */
  levelChanged: 'levelChanged',
  /** Every floor-file problem the server refuses now (possibly none), after a change. */
  levelProblems: 'levelProblems',
  /** An organisers' announcement for this floor's visitors (shared/organiser.ts Announcement). */
  announcement: 'announcement',
} as const;

/** Positions travel as integer decimetres: compact and exact enough for walking. */
export const POSITION_SCALE = 10;
export const AVATAR_COLOURS = ['#0ea5e9', '#7c3aed', '#db2777', '#059669', '#d97706', '#dc2626', '#2563eb', '#475569'] as const;

// Display names (cleaning, the look-alike staff check) live in names.ts; re-exported for old imports.
export { NAME_MAX, cleanName };

const Coord = z.number().finite().min(-1).max(10_000);

/**
 * Joining a floor. The client never says where it appears: the server places it (the floor's
 * arrival point, the visitor's own last position on that floor, or the portal it came
 * through, which must exist). Unknown keys, such as x/y from pages of protocol 1, are dropped.
 */
export const JoinOptions = z.object({
  floorId: z.string().regex(/^[a-z0-9-]+$/).max(64),
  name: z.string().max(200).optional(),
  colour: z.number().int().min(0).max(AVATAR_COLOURS.length - 1).optional(),
  /** Arriving through a portal: its id on this floor (the `to.portal` of the portal taken). */
  portal: z.string().max(64).optional(),
  protocol: z.number().int().optional(),
});
export type JoinOptions = z.infer<typeof JoinOptions>;

export const MoveMsg = z.object({ x: Coord, y: Coord });
export type MoveMsg = z.infer<typeof MoveMsg>;

/** The client's viewport in metres; the server clamps its size. */
const ViewCoord = z.number().finite().min(-10_000).max(10_000);
export const ViewMsg = z.object({ x: ViewCoord, y: ViewCoord, w: z.number().finite().min(0).max(10_000), h: z.number().finite().min(0).max(10_000) });
export type ViewMsg = z.infer<typeof ViewMsg>;

export const ProfileMsg = z.object({
  name: z.string().max(200),
  colour: z.number().int().min(0).max(AVATAR_COLOURS.length - 1),
});
export type ProfileMsg = z.infer<typeof ProfileMsg>;

export const WhoMsg = z.object({ q: z.string().max(NAME_MAX) });
export type WhoMsg = z.infer<typeof WhoMsg>;

export const CLIENT_SCHEMAS = {
  [CLIENT_MSG.move]: MoveMsg,
  [CLIENT_MSG.view]: ViewMsg,
  [CLIENT_MSG.profile]: ProfileMsg,
  [CLIENT_MSG.who]: WhoMsg,
} as const;

/** Floor room, client → server: message name → payload (what the room's schema accepts). */
export type FloorClientMessages = { [K in keyof typeof CLIENT_SCHEMAS]: z.infer<(typeof CLIENT_SCHEMAS)[K]> };
/** Floor room requests (client `request`, server handler's return value): name → answer. */
export interface FloorReplies {
  who: WhoEntry[];
}
/** Floor room, server → client: message name → payload. */
export interface FloorServerMessages {
  welcome: Welcome;
  people: PeopleDelta;
  correct: CorrectMsg;
  counts: Counts;
  warning: WarningMsg;
  levelChanged: LevelChanged;
  announcement: Announcement;
  levelProblems: LevelProblems;
}

/** The server refused a move: the avatar goes back here (metres). */
export interface CorrectMsg {
  x: number;
  y: number;
}

/** A message the room dropped, and why (the client logs it). */
export interface WarningMsg {
  message: string;
}

export interface Welcome {
  id: number;
  x: number;
  y: number;
  name: string;
  colour: number;
  roomId: string;
  capacity: number;
}

/**
 * What changed near a client since the last tick, as flat arrays (msgpack packs small
 * integers in 1-3 bytes):
 * - enter: [id, x, y, colour, name] per person that came into view (x, y in decimetres)
 * - move:  [id, dx, dy] per person in view who moved, relative to the position last sent
 *          to this client (small numbers: one byte each in msgpack for walking speeds)
 * - leave: [id] per person who left the view or the floor
 */
export interface PeopleDelta {
  enter?: (number | string)[];
  move?: number[];
  leave?: number[];
}

export interface Counts {
  /** standId -> visitors at it now (stands with nobody are absent). */
  stands: Record<string, number>;
  /** floorId -> visitors on the floor now. */
  floors: Record<string, number>;
  /** Instances of this floor's room, more than one when a floor overflows. */
  instances: number;
  /** Stands of this floor whose staff are online (a cabinet page open and in use; away staff are not). */
  staff?: string[];
}

export interface LevelChanged {
  floorId: string;
  /** Problems of that floor's file still refused ("file:line:col path: message"). */
  problems: string[];
}

export interface LevelProblems {
  problems: string[];
}

export interface WhoEntry {
  id: number;
  name: string;
  colour: number;
  x: number;
  y: number;
}

export function toDm(metres: number): number {
  return Math.round(metres * POSITION_SCALE);
}

export function fromDm(dm: number): number {
  return dm / POSITION_SCALE;
}

// --- Stand chat (one room per stand; message model and rules in shared/chat.ts) ----------

/** Messages a client sends to a stand chat room; all but `read` are requests with an answer. */
export const CHAT_CLIENT_MSG = {
  /** Post to the public chat (thread null) or a private thread; answers ChatPostResult. */
  post: 'post',
  /** A page of a thread older than `before` (newest page without it); answers ChatPage. */
  history: 'history',
  /** Every message this client may see after `after` (catching up after a reconnect); answers ChatPage. */
  since: 'since',
  /** Staff: delete a message; answers ChatActionResult. */
  remove: 'remove',
  /** Staff: mute the author of a message for some minutes; answers ChatActionResult. */
  mute: 'mute',
  /** Staff: everything up to this id in a thread is read (inbox unread counts). */
  read: 'read',
  /** Staff: this cabinet page went idle or hidden (true) or is in use again (false); no answer. */
  away: 'away',
} as const;

/** Messages a stand chat room sends. */
export const CHAT_SERVER_MSG = {
  /** Who the client is, the stand, staff online and the newest message id at joining. */
  welcome: 'chatWelcome',
  /** New or changed (deleted) messages, oldest first, in threads the client may see: ChatMessage[]. */
  message: 'chatMessage',
  /** Staff online on this stand, or their away state, changed. */
  staff: 'chatStaff',
  /** To a visitor just muted: until when. */
  muted: 'chatMuted',
} as const;

export const ChatJoinOptions = z.object({
  standId: StandId,
  /**
   * Ignored (pages of protocol 1 sent it). A visitor is who the signed `expo_vid` cookie of the
   * WebSocket request says; without one the join is refused with JOIN_ERRORS.visitorRequired.
   */
  visitorId: VisitorId.optional(),
  name: z.string().max(200).optional(),
  /** Staff: a ticket from the chat ticket endpoint (their cabinet session), never a flag. */
  ticket: z.string().max(1000).optional(),
  protocol: z.number().int().optional(),
});
export type ChatJoinOptions = z.infer<typeof ChatJoinOptions>;

const MessageId = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const CHAT_CLIENT_SCHEMAS = {
  // Text length is checked by the room (shared/chat.ts checkChatText), which answers with a
  // clear error; the WebSocket's maxPayload bounds what can arrive at all.
  [CHAT_CLIENT_MSG.post]: z.object({ text: z.string(), thread: ChatThread }),
  [CHAT_CLIENT_MSG.history]: z.object({ thread: ChatThread, before: MessageId.optional(), limit: z.number().int().min(1).max(CHAT_PAGE_MAX).optional() }),
  [CHAT_CLIENT_MSG.since]: z.object({ after: MessageId }),
  [CHAT_CLIENT_MSG.remove]: z.object({ id: MessageId }),
  [CHAT_CLIENT_MSG.mute]: z.object({ id: MessageId, minutes: z.number().int().min(1).max(MUTE_MINUTES_MAX) }),
  [CHAT_CLIENT_MSG.read]: z.object({ thread: ChatThread, upTo: MessageId }),
  [CHAT_CLIENT_MSG.away]: z.object({ away: z.boolean() }),
} as const;

export type ChatClientMsg = { [K in keyof typeof CHAT_CLIENT_SCHEMAS]: z.infer<(typeof CHAT_CLIENT_SCHEMAS)[K]> };
/** Stand chat, client → server: message name → payload. */
export type ChatClientMessages = ChatClientMsg;
/** Stand chat requests: name → answer (a `forbidden`/`rate`/`invalid` ChatError for any of them). */
export interface ChatReplies {
  post: ChatPostResult;
  history: ChatPage | ChatError;
  since: ChatPage | ChatError;
  remove: ChatActionResult;
  mute: ChatActionResult;
  read: ChatError | undefined;
  away: ChatError | undefined;
}
/** Stand chat, server → client: message name → payload. */
export interface ChatServerMessages {
  chatWelcome: ChatWelcome;
  chatMessage: ChatMessage[];
  chatStaff: ChatStaffMsg;
  chatMuted: ChatMutedMsg;
}

/** To a visitor just muted: until when (ms since the epoch). */
export interface ChatMutedMsg {
  until?: number;
}

export interface ChatWelcome {
  standId: string;
  exhibitorId: string;
  company: string;
  me: ChatMe;
  staff: StaffOnline[];
  /** Newest message id of the stand when joining: anything later arrives live. */
  lastId: number;
  /** Visitors: muted on this stand until (ms since the epoch), or null. */
  mutedUntil: number | null;
}

export interface ChatStaffMsg {
  staff: StaffOnline[];
}
