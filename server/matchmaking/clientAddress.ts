// The address a request came from, decided the way express does with `trust proxy` = 1: behind
// our one proxy, the last X-Forwarded-For entry (the one our proxy added); otherwise the socket's
// peer. Earlier entries are whatever the client wrote and are never trusted.
import type { IncomingMessage } from 'node:http';

export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  if (!trustProxy) return peer;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return hops.at(-1) ?? peer;
}
