// The client's chat state: unread staff answers counted once however often pages arrive, read
// when the chat is on screen; the staff inbox counts live questions.
import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import type { ChatMessage } from '../../shared/chat.ts';
import { type ChatSlice, createChatSlice } from '../../client/src/store/chatSlice.ts';

/** Just the chat slice: its actions only touch its own state. */
function store() {
  return create<ChatSlice>()((...a) => createChatSlice(...(a as unknown as Parameters<typeof createChatSlice>)) as ChatSlice);
}

const REF = 'AAAAAAAAAAAAAAAA';
const me = { kind: 'visitor' as const, ref: REF, name: 'Мария' };
function msg(id: number, staff: boolean, thread: string | null = null): ChatMessage {
  return {
    id,
    standId: 's-1',
    thread,
    text: `m${id}`,
    at: id,
    author: staff ? { kind: 'staff', badge: 'staff', name: 'Анна', company: 'Кораблик' } : { kind: 'visitor', ref: REF, name: 'Мария' },
  };
}

describe('chat slice', () => {
  it('counts staff answers after the read mark once, however often pages arrive', () => {
    const s = store();
    s.getState().chatStand('s-1', { me });
    s.getState().chatMarkRead('s-1', 1);
    s.getState().chatSetUnread({ 's-1': 2 }); // from the server on arrival
    const page = [msg(1, false), msg(2, true), msg(3, true, REF)];
    s.getState().chatAdd('s-1', page.filter((m) => m.thread === null), { thread: null, older: false });
    s.getState().chatAdd('s-1', page.filter((m) => m.thread === REF), { thread: REF, older: false });
    expect(s.getState().chatUnread['s-1']).toBe(2);
    // The same pages again (a reconnect), and a live copy: still two.
    s.getState().chatAdd('s-1', page.filter((m) => m.thread === null), { thread: null, older: false });
    s.getState().chatAdd('s-1', [msg(3, true, REF)]);
    expect(s.getState().chatUnread['s-1']).toBe(2);
    // Another visitor's question is not an answer.
    s.getState().chatAdd('s-1', [{ ...msg(4, false), author: { kind: 'visitor', ref: 'BBBBBBBBBBBBBBBB', name: 'Олег' } }]);
    expect(s.getState().chatUnread['s-1']).toBe(2);
    // Opening the chat reads everything.
    s.getState().chatView('s-1', true);
    expect(s.getState().chatUnread['s-1']).toBe(0);
    expect(s.getState().chatMarks['s-1']!.id).toBe(4);
    s.getState().chatAdd('s-1', [msg(5, true)]);
    expect(s.getState().chatUnread['s-1']).toBe(0);
    expect(s.getState().chatMarks['s-1']!.id).toBe(5);
  });

  it('does not count answers on stands the visitor never wrote to', () => {
    const s = store();
    s.getState().chatStand('s-1', { me });
    s.getState().chatAdd('s-1', [msg(1, true)], { thread: null, older: false });
    expect(s.getState().chatUnread['s-1'] ?? 0).toBe(0);
  });

  it('keeps older pages in order and knows when the first message is reached', () => {
    const s = store();
    s.getState().chatAdd('s-1', [msg(41, true), msg(42, false)], { thread: null, older: true });
    s.getState().chatAdd('s-1', [msg(43, true)]);
    s.getState().chatAdd('s-1', [msg(1, false), msg(2, true)], { thread: null, older: false });
    const conv = s.getState().chatConvs['s-1']!;
    expect(conv.messages.map((m) => m.id)).toEqual([1, 2, 41, 42, 43]);
    expect(conv.older).toBe(false);
  });

  it('counts live questions in the staff inbox, except in the conversation on screen', () => {
    const s = store();
    const entry = { standId: 's-1', floorId: 'f', exhibitorId: 'e', company: 'Кораблик', thread: null, last: null, unread: 0, own: true };
    s.getState().inboxLoaded({ id: 'a', email: 'a@b.c', name: 'Анна', role: 'exhibitor', exhibitors: ['e'] }, [entry]);
    s.getState().inboxNote([msg(1, false), msg(2, false, REF)]);
    expect(s.getState().inbox['s-1']!.unread).toBe(1);
    expect(s.getState().inbox[`s-1/${REF}`]).toMatchObject({ unread: 1, visitorName: 'Мария', thread: REF });
    s.getState().inboxSelect('s-1');
    s.getState().inboxNote([msg(3, false)]);
    expect(s.getState().inbox['s-1']!.unread).toBe(1);
    s.getState().inboxRead('s-1');
    expect(s.getState().inbox['s-1']!.unread).toBe(0);
  });
});
