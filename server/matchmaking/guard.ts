// The HTTP edge of matchmaking. Colyseus 0.18 binds its router by prepending a "request"
// listener to the http.Server (router/index.ts bindRouterToTransport): POST /matchmake/:method/
// :roomName goes to its router, which reads the whole body without a limit, the rest to express.
// WebSockets arrive on the server's "upgrade" event (ws-transport). So, once the game server
// listens, this wraps both events: matchmaking requests get a body cap, a method allow-list,
// CORS only for allowed origins (never with credentials) and a cap on pending joins per
// address; upgrades get a cap on open sockets per address. Both refuse pages of other
// origins (cross-site WebSocket hijacking: rooms know visitors by their cookie, which a
// browser also sends from another port of the same host).
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { clientAddress } from './clientAddress.ts';
import { EXPOSED_METHODS, matchmakeRequest, narrowController } from './controller.ts';
import { PerAddressCounts, type SharedSeats } from './perAddress.ts';

/** Join options are a few ids and a name: 16 KB is generous. */
export const MAX_MATCHMAKE_BODY = 16 * 1024;

export interface MatchmakingGuardOptions {
  trustProxy: boolean;
  /** Origins allowed to call the matchmaker from their pages; empty: none. */
  corsOrigins: readonly string[];
  maxSocketsPerAddress: number;
  maxPendingJoinsPerAddress: number;
  maxBodyBytes?: number;
  /** The public origin (PUBLIC_URL), accepted besides the request's own Host. */
  publicUrl?: string;
  /** Seat reservations shared by every process (REDIS_URL); without it, this process's. */
  seats?: SharedSeats;
  log?: (line: string) => void;
}

const MATCHMAKE_PATH = /^\/matchmake\/([^/]+)\/([^/]+)$/;

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;
type UpgradeListener = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

export function guardMatchmaking(server: Server, opts: MatchmakingGuardOptions): PerAddressCounts {
  narrowController();
  const counts = new PerAddressCounts({ maxSockets: opts.maxSocketsPerAddress, maxPendingJoins: opts.maxPendingJoinsPerAddress }, Date.now, opts.seats, opts.log);
  const origins = new Set(opts.corsOrigins);
  const maxBody = opts.maxBodyBytes ?? MAX_MATCHMAKE_BODY;

  const onRequest = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  const passOn = (req: IncomingMessage, res: ServerResponse): void => {
    for (const l of onRequest) l.call(server, req, res);
  };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    if (!pathname.startsWith('/matchmake/')) {
      passOn(req, res);
      return;
    }
    const origin = req.headers.origin;
    if (!originAllowed(req, origins, opts.publicUrl)) {
      refuse(res, 403, 'matchmaking from pages of another origin is refused');
      return;
    }
    if (origin && origins.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
    }
    if (req.method === 'OPTIONS') {
      if (origin && origins.has(origin)) {
        res.setHeader('Access-Control-Allow-Methods', 'POST');
        res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Accept, Authorization');
        res.setHeader('Access-Control-Max-Age', '600');
      }
      res.writeHead(204).end();
      return;
    }
    const method = MATCHMAKE_PATH.exec(pathname)?.[1];
    if (req.method !== 'POST' || !method || !EXPOSED_METHODS.includes(method)) {
      refuse(res, 404, `no matchmaking method "${method ?? pathname}"`);
      return;
    }
    if (Number(req.headers['content-length'] ?? 0) > maxBody) {
      refuse(res, 413, `matchmaking body over ${maxBody} bytes`);
      return;
    }
    const address = clientAddress(req, opts.trustProxy);
    const admitted = counts.startJoin(address);
    if (admitted instanceof Promise) admitted.then((done) => serve(req, res, address, done), () => res.destroy());
    else serve(req, res, address, admitted);
  });

  const serve = (req: IncomingMessage, res: ServerResponse, address: string, done: (() => void) | null): void => {
    if (!done) {
      res.setHeader('Retry-After', '15');
      refuse(res, 429, 'too many joins from this address at once; try again in a few seconds');
      return;
    }
    // Gone while the shared count was asked: nothing will close it again.
    if (req.destroyed) {
      done();
      return;
    }
    res.once('close', done);
    readCapped(req, maxBody).then(
      (body) => {
        if (body === null) {
          refuse(res, 413, `matchmaking body over ${maxBody} bytes`);
          return;
        }
        // Colyseus' request adapter uses a body already read (router/node.ts does the same).
        (req as IncomingMessage & { body?: string }).body = body;
        matchmakeRequest.run({ address, counts }, () => passOn(req, res));
      },
      () => res.destroy(),
    );
  };

  const onUpgrade = server.listeners('upgrade') as UpgradeListener[];
  server.removeAllListeners('upgrade');
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!originAllowed(req, origins, opts.publicUrl)) {
      const text = 'connections from pages of another origin are refused';
      socket.end(`HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${text.length}\r\n\r\n${text}`);
      return;
    }
    const release = counts.openSocket(clientAddress(req, opts.trustProxy));
    if (!release) {
      const text = 'too many open connections from this address';
      socket.end(`HTTP/1.1 429 Too Many Requests\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${text.length}\r\n\r\n${text}`);
      return;
    }
    // The TCP socket closes whatever happens to the handshake or the WebSocket after it.
    socket.once('close', release);
    counts.claim(new URL(req.url ?? '/', 'ws://server').searchParams.get('sessionId'));
    for (const l of onUpgrade) l.call(server, req, socket, head);
  });
  return counts;
}

/**
 * Browsers always send Origin on these requests; programs (bots, tests, the benchmarks) send
 * none and are limited per address like everyone. A page may call us when it is ours: its
 * origin names the host it asked (Host), the public origin, or one the operator allowed.
 */
function originAllowed(req: IncomingMessage, allowed: ReadonlySet<string>, publicUrl: string | undefined): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (allowed.has(origin) || origin === publicUrl) return true;
  if (!URL.canParse(origin)) return false;
  return new URL(origin).host === req.headers.host;
}

function refuse(res: ServerResponse, status: number, error: string): void {
  const body = JSON.stringify({ error });
  // The rest of an oversized body is never read: the connection closes after the answer.
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), Connection: 'close' });
  res.end(body);
}

/** The body as text, or null once it passes `limit` bytes (reading stops there). */
function readCapped(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
  });
}
