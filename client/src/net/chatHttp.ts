// The stand chat's HTTP calls: a staff ticket (behind the cabinet session), the staff inbox,
// saved answers, and a returning visitor's unread counts. Live messages go through the chat
// rooms (net/chat.ts). Responses are parsed by the shared schemas before they are trusted.
import type { z } from 'zod';
import { API, apiPath } from '../../../shared/api.ts';
import { ChatTicket, Inbox, QuickReplies, UnreadCounts } from '../../../shared/chat.ts';
import { send } from './http.ts';

/** Chat calls fail with the client's one HTTP error type. */
export { HttpError as ChatHttpError } from './http.ts';

async function request<T>(method: string, path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
  const res = await send(method, path, body);
  return schema.parse(await res.json());
}

export function fetchTicket(): Promise<ChatTicket> {
  return request('POST', API.chatTicket, ChatTicket);
}

export function fetchInbox(): Promise<Inbox> {
  return request('GET', API.chatInbox, Inbox);
}

/** Unread staff answers for this browser (its signed visitor cookie says who asks). */
export function fetchUnread(marks: Record<string, number>): Promise<UnreadCounts> {
  return request('POST', API.chatUnread, UnreadCounts, { marks });
}

export function fetchQuickReplies(exhibitorId: string): Promise<QuickReplies> {
  return request('GET', apiPath(API.cabinetQuickReplies, { exhibitorId }), QuickReplies);
}

export function saveQuickReplies(exhibitorId: string, replies: string[]): Promise<QuickReplies> {
  return request('PUT', apiPath(API.cabinetQuickReplies, { exhibitorId }), QuickReplies, { replies });
}
