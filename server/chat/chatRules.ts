// Stand chat rules that were inside the lowdb store: what a conversation of the inbox is (a
// thread's newest message and, for a private thread, the visitor's latest name) and how long
// ended mutes are kept. Stores keep the data (chatThreadHeads, setChatMute) and decide nothing.
import type { ChatThread } from '../../shared/chat.ts';
import type { ChatThreadHead, StoredChatMessage } from '../storage/chatStore.ts';

/** A conversation of a stand: its newest message and, for a thread, the visitor's latest name. */
export interface ChatConversation {
  thread: ChatThread;
  last: StoredChatMessage;
  visitorName?: string;
}

/** The stand's public chat (when it has messages) and private threads, newest activity first. */
export function conversationsOf(heads: readonly ChatThreadHead[]): ChatConversation[] {
  return heads
    .map((h): ChatConversation => {
      const name = h.thread !== null && h.lastByVisitor?.author.kind === 'visitor' ? h.lastByVisitor.author.name : undefined;
      return { thread: h.thread, last: h.last, ...(name !== undefined ? { visitorName: name } : {}) };
    })
    .sort((a, b) => b.last.id - a.last.id);
}

/**
 * Mutes that ended before this are deleted when a new mute is set. A mute lasts a day at most
 * (MUTE_MINUTES_MAX), so one that ended two days before the new one ends is surely over.
 */
export function muteDropCutoff(until: number): number {
  return until - 2 * 24 * 60 * 60 * 1000;
}
