// The signed-in cabinet's presence for visitors, on every tab: the staff desk (net/staffDesk.ts)
// is open, the page's activity decides "online" or "away", and new visitor questions beep
// and notify (both opt-in, in the Chats tab; the browser's notification only when its
// permission was already given). Toasts and the title count are CabinetApp's, from the store.
import { type ChatMessage, type InboxEntry, conversationKey } from '../../../../shared/chat.ts';
import { onStaffMessages, openStaffDesk, setStaffAway } from '../../net/staffDesk.ts';
import { currentT, useStore } from '../../store/index.ts';
import { alertNew } from '../chat/notify.ts';
import { selectTab } from './cabinetActions.ts';
import { watchActivity } from './staffActivity.ts';

/** A new question from a visitor (not staff, not a deletion): what toasts and alerts are for. */
export function isQuestion(m: ChatMessage): boolean {
  return m.author.kind === 'visitor' && !m.deleted;
}

/** Is this conversation on screen, in front, so nothing needs to call for attention? */
export function beingRead(key: string): boolean {
  return useStore.getState().inboxOpen === key && document.visibilityState === 'visible' && document.hasFocus();
}

/** Opens a conversation in the Chats tab (from a toast or a notification). */
export function openConversation(key: string): void {
  selectTab('chats');
  useStore.getState().inboxSelect(key);
}

/** Unread visitor messages over all conversations (the Chats tab's badge, the title count). */
export function inboxUnread(inbox: Record<string, InboxEntry>): number {
  let n = 0;
  for (const e of Object.values(inbox)) n += e.unread;
  return n;
}

function alertFor(messages: ChatMessage[]): void {
  const s = useStore.getState();
  const t = currentT();
  for (const m of messages) {
    if (!isQuestion(m)) continue;
    const key = conversationKey(m.standId, m.thread);
    if (beingRead(key)) continue;
    const company = s.inbox[key]?.company ?? s.chatStands[m.standId]?.company ?? m.standId;
    alertNew(t('chat.inbox.notification', { company }), `${m.author.name}: ${m.text}`, key, () => openConversation(key));
  }
}

/** Starts presence for a signed-in cabinet page; returns the stop (signed out, page closed). */
export function startStaffPresence(): () => void {
  const closeDesk = openStaffDesk();
  const stopAlerts = onStaffMessages(alertFor);
  const stopWatching = watchActivity(setStaffAway);
  return () => {
    stopWatching();
    stopAlerts();
    closeDesk();
  };
}
