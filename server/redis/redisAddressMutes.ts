// Stand chats' address mutes (chat/addressMutes.ts) shared by every process through Redis, so
// a mute given in the process that holds a stand's chat room today still holds when the room
// is re-created in another one. Addresses are kept as a hash (sha256), never as they are:
// the author's latest address per stand and ref for a day, an address mute until it ends.
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { AddressMuteStore } from '../chat/addressMutes.ts';

/** How long an author's address is remembered for a later mute (the in-memory one keeps the newest 50 000). */
const AUTHOR_MS = 24 * 3600_000;

/** KEYS[1] an address mute; ARGV until (ms). Raises the mute, never lowers it; it ends itself. */
const RAISE = `local was = tonumber(redis.call('GET', KEYS[1]) or '0')
if tonumber(ARGV[1]) > was then redis.call('SET', KEYS[1], ARGV[1], 'PXAT', ARGV[1]) end
return 0`;

export function redisAddressMutes(redis: Redis): AddressMuteStore {
  const hashed = (address: string) => createHash('sha256').update(address).digest('base64url');
  const author = (standId: string, ref: string) => `expo:chatmute:author:${standId}:${ref}`;
  const mutes = (standId: string) => `expo:chatmute:address:${standId}:`;
  return {
    async noteAuthor(standId, ref, address) {
      await redis.set(author(standId, ref), hashed(address), 'PX', AUTHOR_MS);
    },
    async muteAuthor(standId, ref, until) {
      const address = await redis.get(author(standId, ref));
      if (address === null) return;
      await redis.eval(RAISE, 1, mutes(standId) + address, String(Math.ceil(until)));
    },
    async mutedUntil(standId, address, now) {
      const until = Number((await redis.get(mutes(standId) + hashed(address))) ?? 0);
      return until > now ? until : null;
    },
  };
}
