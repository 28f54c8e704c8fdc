// One way to open a Redis connection for the server's shared parts (ioredis, the client the
// Colyseus redis packages already use, so there is one client library). Each part that
// subscribes needs a connection of its own: a subscribed connection can do nothing else.
import { Redis } from 'ioredis';

export function openRedis(url: string, name: string, log: (line: string) => void): Redis {
  const redis = new Redis(url, { connectionName: `expo-${name}`, maxRetriesPerRequest: 3 });
  // ioredis reconnects by itself; without a listener an error event would crash the process.
  let lastLogged = 0;
  redis.on('error', (e: Error) => {
    if (Date.now() - lastLogged < 10_000) return;
    lastLogged = Date.now();
    log(`[redis] ${name}: ${e.message}`);
  });
  return redis;
}
