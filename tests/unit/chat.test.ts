// Stand chat rules (shared/chat.ts) and its embedded store (chunked files, reopen).
import { createHmac } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHAT_TEXT_MAX, type ChatMessage, checkChatText, cleanChatText, mergeMessages, safeHref, splitLinks, staffUnread, visitorUnread } from '../../shared/chat.ts';
import { openChat } from '../../server/storage/lowdb/chat.ts';
import { conversationsOf } from '../../server/chat/chatRules.ts';
import { AddressMutes } from '../../server/chat/addressMutes.ts';
import { ticketSigner } from '../../server/chat/tickets.ts';
import { addressKey } from '../../server/visitors/peerAddress.ts';

describe('chat text', () => {
  it('cleans invisible characters and spare blank lines, keeps markup as it is', () => {
    expect(cleanChatText('  при\u200bвет\r\n\r\n\r\n\r\nмир\u202e  ')).toBe('привет\n\nмир');
    expect(cleanChatText('<b>жирный</b> & "кавычки"')).toBe('<b>жирный</b> & "кавычки"');
  });

  it('limits length in characters with a clear error', () => {
    expect(checkChatText('😀'.repeat(CHAT_TEXT_MAX))).toEqual({ ok: true, text: '😀'.repeat(CHAT_TEXT_MAX) });
    expect(checkChatText('я'.repeat(CHAT_TEXT_MAX + 1))).toEqual({ ok: false, error: 'too-long', max: CHAT_TEXT_MAX });
    expect(checkChatText(' \n\u200b ')).toEqual({ ok: false, error: 'empty' });
  });
});

describe('links', () => {
  it('turns only http(s) addresses into links', () => {
    expect(safeHref('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
    expect(safeHref('www.example.org')).toBe('https://www.example.org/');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,<script>')).toBeNull();
    expect(safeHref('https://user:pw@example.org')).toBeNull();
    expect(safeHref('http://')).toBeNull();
  });

  it('splits text around links, leaving punctuation and markup outside', () => {
    expect(splitLinks('Смотрите https://alpha.example.org/trial, а также (www.example.org).')).toEqual([
      { kind: 'text', text: 'Смотрите ' },
      { kind: 'link', text: 'https://alpha.example.org/trial', href: 'https://alpha.example.org/trial' },
      { kind: 'text', text: ', а также (' },
      { kind: 'link', text: 'www.example.org', href: 'https://www.example.org/' },
      { kind: 'text', text: ').' },
    ]);
    expect(splitLinks('https://ru.wikipedia.org/wiki/Школа_(значения)')).toEqual([
      { kind: 'link', text: 'https://ru.wikipedia.org/wiki/Школа_(значения)', href: 'https://ru.wikipedia.org/wiki/%D0%A8%D0%BA%D0%BE%D0%BB%D0%B0_(%D0%B7%D0%BD%D0%B0%D1%87%D0%B5%D0%BD%D0%B8%D1%8F)' },
    ]);
    const evil = '<a href="javascript:alert(1)">x</a> <img src=x onerror=alert(1)>';
    expect(splitLinks(evil)).toEqual([{ kind: 'text', text: evil }]);
    expect(splitLinks('<a href="https://e.org">x</a>')).toEqual([
      { kind: 'text', text: '<a href="' },
      { kind: 'link', text: 'https://e.org', href: 'https://e.org/' },
      { kind: 'text', text: '">x</a>' },
    ]);
  });
});

const visitor = (ref: string) => ({ kind: 'visitor' as const, ref, name: 'Гость' });
const staff = { kind: 'staff' as const, badge: 'staff' as const, name: 'Анна', company: 'Кораблик' };
function msg(id: number, thread: string | null, author: ChatMessage['author'], extra: Partial<ChatMessage> = {}): ChatMessage {
  return { id, standId: 's-1', thread, author, text: `m${id}`, at: id, ...extra };
}

describe('unread and merging', () => {
  const list = [
    msg(1, null, visitor('AAAAAAAAAAAAAAAA')),
    msg(2, null, staff),
    msg(3, 'AAAAAAAAAAAAAAAA', staff),
    msg(4, 'BBBBBBBBBBBBBBBB', staff),
    msg(5, null, staff, { deleted: true, text: '' }),
    msg(6, 'AAAAAAAAAAAAAAAA', visitor('AAAAAAAAAAAAAAAA')),
  ];
  it('counts staff answers a visitor can see, and visitor questions per thread for staff', () => {
    expect(visitorUnread(list, 'AAAAAAAAAAAAAAAA', 1)).toBe(2);
    expect(visitorUnread(list, 'BBBBBBBBBBBBBBBB', 0)).toBe(2);
    expect(staffUnread(list, 'AAAAAAAAAAAAAAAA', 3)).toBe(1);
    expect(staffUnread(list, null, 0)).toBe(1);
  });
  it('merges by id: a resend replaces, order is by id', () => {
    const merged = mergeMessages(list.slice(0, 3), [list[1]!, msg(2, null, staff, { deleted: true, text: '' }), list[5]!]);
    expect(merged.map((m) => m.id)).toEqual([1, 2, 3, 6]);
    expect(merged[1]!.deleted).toBe(true);
  });
});

describe('chat store (lowdb)', () => {
  it('keeps ids in order across chunk files and reopens them', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'expo-chatstore-'));
    try {
      let store = await openChat(dir);
      // Concurrent appends still get consecutive ids, each resolving once on disk.
      const added = await Promise.all(
        Array.from({ length: 1201 }, (_, i) => store.addChatMessage({ standId: 'st-1', thread: i % 100 === 0 ? 'AAAAAAAAAAAAAAAA' : null, author: visitor('AAAAAAAAAAAAAAAA'), text: `t${i}`, at: i })),
      );
      expect(added.map((m) => m.id)).toEqual(Array.from({ length: 1201 }, (_, i) => i + 1));
      expect((await fs.readdir(path.join(dir, 'stands', 'st-1'))).sort()).toEqual(['0.json', '1.json', '2.json']);
      await store.deleteChatMessage('st-1', 600, 'acc', 1);
      await store.setQuickReplies('ex-1', ['Здравствуйте!']);

      store = await openChat(dir);
      expect(await store.chatLastId('st-1')).toBe(1201);
      const page = await store.chatMessages('st-1', { threads: [null], before: 602, limit: 3 });
      expect(page.messages.map((m) => m.id)).toEqual([598, 599, 600]);
      expect(page.messages[2]).toMatchObject({ deleted: true, text: '' });
      expect(page.more).toBe(true);
      const after = await store.chatMessages('st-1', { threads: ['AAAAAAAAAAAAAAAA'], after: 0, limit: 100 });
      expect(after.messages.map((m) => m.id)).toEqual([1, 101, 201, 301, 401, 501, 601, 701, 801, 901, 1001, 1101, 1201]);
      expect(await store.chatCount('st-1', { threads: 'all', after: 1190, authorKind: 'visitor' })).toBe(11);
      expect(conversationsOf(await store.chatThreadHeads('st-1')).map((c) => [c.thread, c.last.id])).toEqual([
        ['AAAAAAAAAAAAAAAA', 1201],
        [null, 1200],
      ]);
      expect(await store.getQuickReplies('ex-1')).toEqual(['Здравствуйте!']);
      expect(await store.chatStandIds()).toEqual(['st-1']);
      expect(await store.chatLastId('other')).toBe(0);
      await expect(store.addChatMessage({ standId: '../etc', thread: null, author: staff, text: 'x', at: 1 })).rejects.toThrow();
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('chat identity rules', () => {
  it('binds a staff ticket to the session it came from, and refuses tickets without one', () => {
    const signer = ticketSigner('test-secret');
    const { ticket } = signer.issue({ accountId: 'alpha', sessionHash: 'ab'.repeat(32) }, 1000);
    expect(signer.verify(ticket, 2000)).toEqual({ accountId: 'alpha', sessionHash: 'ab'.repeat(32) });
    expect(signer.verify(ticket, 1000 + 11 * 60_000)).toBeNull();
    // A correctly signed ticket of the old shape (no session) no longer joins.
    const payload = Buffer.from(JSON.stringify({ a: 'alpha', e: 10 ** 13 })).toString('base64url');
    const mac = createHmac('sha256', 'test-secret').update(payload).digest('base64url');
    expect(signer.verify(`${payload}.${mac}`, 2000)).toBeNull();
  });

  it('counts IPv4 addresses as they are and IPv6 ones by their /64', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
  });

  it('mutes the address a muted author last posted from, on that stand, until the mute ends', () => {
    const mutes = new AddressMutes();
    mutes.noteAuthor('a-1', 'ref1', '203.0.113.7');
    mutes.muteAuthor('a-1', 'ref1', 5000, 1000);
    expect(mutes.mutedUntil('a-1', '203.0.113.7', 2000)).toBe(5000);
    expect(mutes.mutedUntil('a-2', '203.0.113.7', 2000)).toBeNull();
    expect(mutes.mutedUntil('a-1', '198.51.100.1', 2000)).toBeNull();
    expect(mutes.mutedUntil('a-1', '203.0.113.7', 5000)).toBeNull();
    // An author never seen posting (before a restart): only the stored id mute holds.
    mutes.muteAuthor('a-1', 'unknown-ref', 9000, 1000);
    expect(mutes.mutedUntil('a-1', '198.51.100.1', 2000)).toBeNull();
  });
});
