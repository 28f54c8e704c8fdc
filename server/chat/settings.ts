// What stand chat rooms need from the rest of the server. Colyseus builds rooms itself, so
// the server hands the chat's parts over once at start (as presence/settings.ts does): the
// chat service, who a visitor cookie belongs to, the event bus (accountRevoked closes staff
// connections) and the per-address post budget.
import type { EventBus } from '../events/bus.ts';
import type { PostRate } from './postLimit.ts';
import type { ChatService } from './service.ts';

export interface ChatSettings {
  service: ChatService;
  /** The signed visitor id behind a Cookie header (expo_vid), or null: RunningServer.visitors. */
  visitorOf(cookieHeader: string | null): string | null;
  bus: EventBus;
  /** Visitor posts per client address and stand. */
  addressPosts: PostRate;
}

let current: ChatSettings | null = null;

export function configureChat(settings: ChatSettings): void {
  current = settings;
}

export function chatSettings(): ChatSettings {
  if (!current) throw new Error('configureChat() was not called');
  return current;
}

export function chatService(): ChatService {
  return chatSettings().service;
}
