// Stand chat messages (issue 6): what the chat rooms and the inbox need from a store. Ids
// are given by the store, increasing per stand; every write resolves once it is on disk.
import type { ChatMessage, ChatThread } from '../../shared/chat.ts';

/** A message as stored: the wire form plus who did what (never sent to visitors). */
export type StoredChatMessage = ChatMessage & {
  /** The staff account that wrote it. */
  accountId?: string;
  deletedBy?: string;
  deletedAt?: number;
};

export type NewChatMessage = Omit<StoredChatMessage, 'id' | 'deleted' | 'deletedBy' | 'deletedAt'>;

export interface ChatQuery {
  /** Which threads: every one, or the listed ones (null is the public chat). */
  threads: 'all' | readonly ChatThread[];
  /** Newest page older than this id (without `after`). */
  before?: number;
  /** Oldest page newer than this id (catching up). */
  after?: number;
  limit: number;
}

/** One page in id order, and whether more exist beyond it (older for `before`, newer for `after`). */
export interface ChatSlice {
  messages: StoredChatMessage[];
  more: boolean;
}

/** A thread of a stand as stored: its newest message, and its newest one written by a visitor. */
export interface ChatThreadHead {
  thread: ChatThread;
  last: StoredChatMessage;
  lastByVisitor?: StoredChatMessage;
}

export interface ChatStore {
  /** Stores a message under the stand's next id; resolves with it once it is on disk. */
  addChatMessage(message: NewChatMessage): Promise<StoredChatMessage>;
  getChatMessage(standId: string, id: number): Promise<StoredChatMessage | undefined>;
  chatMessages(standId: string, query: ChatQuery): Promise<ChatSlice>;
  /** Newest message id of a stand (0 when it has none). */
  chatLastId(standId: string): Promise<number>;
  /** Messages after `after` in these threads, by authors of this kind (unread counts). */
  chatCount(standId: string, query: { threads: 'all' | readonly ChatThread[]; after: number; authorKind: 'visitor' | 'staff' }): Promise<number>;
  /** Every thread of the stand that has messages (the public chat included), in no order. */
  chatThreadHeads(standId: string): Promise<ChatThreadHead[]>;
  /** Stands with at least one message. */
  chatStandIds(): Promise<string[]>;
  /** Blanks the text and marks the message deleted; undefined when there is no such message. */
  deleteChatMessage(standId: string, id: number, by: string, at: number): Promise<StoredChatMessage | undefined>;

  /**
   * A visitor (by per-stand ref) may not post on the stand until `until` (ms since the epoch).
   * Mutes of the stand that ended before `dropEndedBefore` are deleted in the same write.
   */
  setChatMute(standId: string, ref: string, until: number, by: string, dropEndedBefore?: number): Promise<void>;
  chatMutedUntil(standId: string, ref: string): Promise<number | undefined>;

  /** Saved answers of an exhibitor's staff. */
  getQuickReplies(exhibitorId: string): Promise<string[]>;
  setQuickReplies(exhibitorId: string, replies: string[]): Promise<void>;

  /** Staff read marks per conversation key (shared/chat.ts conversationKey) of one account. */
  chatReadMarks(accountId: string): Promise<Record<string, number>>;
  setChatReadMark(accountId: string, conversation: string, upTo: number): Promise<void>;
}
