// The client address of a room connection, for limits and mutes "per address". Colyseus'
// own `context.ip` believes the first X-Real-IP / X-Forwarded-For a client sends, so anyone
// could be a new address on every join. Instead the HTTP server stamps each WebSocket upgrade
// with the address we trust (the socket's peer, or what our one proxy appended when
// TRUST_PROXY is set, as express's `trust proxy 1` does), overwriting whatever came in.
import type { IncomingMessage, Server } from 'node:http';
import { clientAddress } from '../matchmaking/clientAddress.ts';

/** Set by stampPeerAddress on every upgrade request; a client-sent one is overwritten. */
export const PEER_HEADER = 'x-expo-peer';

/** Stamps every WebSocket upgrade before Colyseus sees it (its listener runs after ours). */
export function stampPeerAddress(server: Server, trustProxy: boolean): void {
  server.prependListener('upgrade', (req: IncomingMessage) => {
    req.headers[PEER_HEADER] = clientAddress(req, trustProxy);
  });
}

/** The stamped address of a room join (onAuth's context.headers); 'unknown' if unstamped. */
export function peerFromHeaders(headers: Headers): string {
  return headers.get(PEER_HEADER) ?? 'unknown';
}

/**
 * The key that limits count by: an IPv4 address as it is, an IPv6 address by its /64 (one
 * subscriber usually gets a whole /64, so its addresses are one "address" for limits).
 */
export function addressKey(address: string): string {
  const v4 = /^(?:::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (v4) return v4[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
