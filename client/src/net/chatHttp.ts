// The stand chat's HTTP calls: a staff ticket (behind the cabinet session), the staff inbox,
// saved answers, and a returning visitor's unread counts. Live messages go through the chat
// rooms (net/chat.ts). Responses are parsed by the shared schemas before they are trusted.
import type { z } from 'zod';
import { API, ApiError, apiPath } from '../../../shared/api.ts';
import { ChatTicket, Inbox, QuickReplies, UnreadCounts } from '../../../shared/chat.ts';

export class ChatHttpError extends Error {
  constructor(
    /** 0: no connection. */
    readonly status: number,
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'ChatHttpError';
  }
}

async function request<T>(method: string, path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    throw new ChatHttpError(0, err instanceof Error ? err.message : 'network error');
  }
  if (!res.ok) {
    const parsed = ApiError.safeParse(await res.json().catch(() => null));
    throw new ChatHttpError(res.status, parsed.success ? parsed.data.error : `HTTP ${res.status}`, parsed.success ? (parsed.data.details ?? []) : []);
  }
  return schema.parse(await res.json());
}

export function fetchTicket(): Promise<ChatTicket> {
  return request('POST', API.chatTicket, ChatTicket);
}

export function fetchInbox(): Promise<Inbox> {
  return request('GET', API.chatInbox, Inbox);
}

export function fetchUnread(visitorId: string, marks: Record<string, number>): Promise<UnreadCounts> {
  return request('POST', API.chatUnread, UnreadCounts, { visitorId, marks });
}

export function fetchQuickReplies(exhibitorId: string): Promise<QuickReplies> {
  return request('GET', apiPath(API.cabinetQuickReplies, { exhibitorId }), QuickReplies);
}

export function saveQuickReplies(exhibitorId: string, replies: string[]): Promise<QuickReplies> {
  return request('PUT', apiPath(API.cabinetQuickReplies, { exhibitorId }), QuickReplies, { replies });
}
