// The cabinet's one staff connection to the stand chats, for as long as a signed-in cabinet
// page is open (whatever its tab): the account's own stands are joined at once, so visitors
// see the staff online while they edit the stand or read leads, and every new question
// reaches the page (unread counts in the store, listeners for toasts and alerts). The Chats
// tab reads the same connection; React only subscribes to it.
import type { ChatMessage } from '../../../shared/chat.ts';
import { StaffChats } from './chat.ts';
import { ChatHttpError } from './chatHttp.ts';

export type DeskPhase = 'loading' | 'ready' | 'login' | 'error';

export interface DeskView {
  /** The connections once the conversation list arrived; null while loading or failed. */
  chats: StaffChats | null;
  phase: DeskPhase;
  error: string;
}

const CLOSED: DeskView = { chats: null, phase: 'loading', error: '' };

class StaffDesk {
  private chats: StaffChats | null = null;
  private away = false;
  private stopped = false;
  view: DeskView = CLOSED;

  constructor(
    private readonly changed: () => void,
    private readonly onMessages: (messages: ChatMessage[]) => void,
  ) {}

  connect(): void {
    this.chats?.stop();
    const chats = new StaffChats(this.onMessages);
    chats.setAway(this.away);
    this.chats = chats;
    this.show({ chats: null, phase: 'loading', error: '' });
    chats
      .start()
      .then(() => {
        if (this.chats === chats && !this.stopped) this.show({ chats, phase: 'ready', error: '' });
      })
      .catch((err: unknown) => {
        if (this.chats !== chats || this.stopped) return;
        if (err instanceof ChatHttpError && err.status === 401) this.show({ chats: null, phase: 'login', error: '' });
        else this.show({ chats: null, phase: 'error', error: err instanceof Error ? err.message : String(err) });
      });
  }

  setAway(away: boolean): void {
    this.away = away;
    this.chats?.setAway(away);
  }

  stop(): void {
    this.stopped = true;
    this.chats?.stop();
    this.chats = null;
    this.show(CLOSED);
  }

  private show(view: DeskView): void {
    this.view = view;
    this.changed();
  }
}

let desk: StaffDesk | null = null;
const viewListeners = new Set<() => void>();
const messageListeners = new Set<(messages: ChatMessage[]) => void>();

function changed(): void {
  for (const l of [...viewListeners]) l();
}

function received(messages: ChatMessage[]): void {
  for (const l of [...messageListeners]) l(messages);
}

/** Opens the desk (the cabinet signed in); returns the close (signed out, page gone). */
export function openStaffDesk(): () => void {
  desk?.stop();
  const own = new StaffDesk(changed, received);
  desk = own;
  own.connect();
  return () => {
    own.stop();
    if (desk === own) desk = null;
    changed();
  };
}

/** Tries again after the conversation list failed to load. */
export function retryStaffDesk(): void {
  desk?.connect();
}

/** The cabinet page went idle or hidden, or is in use again. */
export function setStaffAway(away: boolean): void {
  desk?.setAway(away);
}

export function staffDeskView(): DeskView {
  return desk?.view ?? CLOSED;
}

/** For useSyncExternalStore: called whenever the desk opens, closes or changes phase. */
export function subscribeStaffDesk(listener: () => void): () => void {
  viewListeners.add(listener);
  return () => viewListeners.delete(listener);
}

/** Every new or changed message on the staff connections (live and caught up after a drop). */
export function onStaffMessages(listener: (messages: ChatMessage[]) => void): () => void {
  messageListeners.add(listener);
  return () => messageListeners.delete(listener);
}
