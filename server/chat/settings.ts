// What stand chat rooms need from the rest of the server. Colyseus builds rooms itself, so
// the server hands the chat service over once at start (as presence/settings.ts does).
import type { ChatService } from './service.ts';

let current: ChatService | null = null;

export function configureChat(service: ChatService): void {
  current = service;
}

export function chatService(): ChatService {
  if (!current) throw new Error('configureChat() was not called');
  return current;
}
