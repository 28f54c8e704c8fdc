// The cabinet inbox's refresh timer belongs to the inbox: stopped while its first list was
// still loading (the tab closed, React StrictMode's second effect run), no timer is left.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StaffChats } from '../../client/src/net/chat.ts';

const INBOX = { me: { id: 'u1', email: 'a@b.c', name: 'Анна', role: 'exhibitor', exhibitors: [] }, conversations: [] };

function answerLater(): () => void {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  vi.stubGlobal('fetch', async () => {
    await gate;
    return new Response(JSON.stringify(INBOX), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
  return release;
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('staff inbox refresh', () => {
  it('leaves no timer when stopped before the first list arrived', async () => {
    vi.useFakeTimers();
    const release = answerLater();
    const chats = new StaffChats(() => {});
    const started = chats.start();
    chats.stop();
    release();
    await started;
    expect(vi.getTimerCount()).toBe(0);
  });

  it('refreshes while open and stops with the inbox', async () => {
    vi.useFakeTimers();
    const release = answerLater();
    release();
    const chats = new StaffChats(() => {});
    await chats.start();
    expect(vi.getTimerCount()).toBe(1);
    chats.stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});
