/**
 * One ioredis client per process, kept on globalThis so Next's hot reload and repeated serverless
 * invocations reuse it instead of opening a connection each time.
 *
 * Bounded everywhere: a connect timeout, one retry per command, a command timeout; and while the client is
 * not connected, callers skip Redis at once instead of queueing behind a dead server.
 */
import 'server-only';
import Redis from 'ioredis';

const g = globalThis as typeof globalThis & { __bijiaRedis?: Map<string, Redis> };

export function createRedisClient(url: string): Redis {
  const client = new Redis(url, {
    connectTimeout: 1000,
    commandTimeout: 500,
    maxRetriesPerRequest: 1,
    // Commands issued before the first connect wait for it (bounded by commandTimeout); after that an
    // unavailable client is skipped by isRedisUsable() rather than queued.
    enableOfflineQueue: true,
    retryStrategy: (times) => Math.min(times * 250, 5000),
    lazyConnect: false,
  });
  let down = false;
  client.on('error', (error: Error) => {
    // Logged once per outage, not once per request or reconnect attempt.
    if (!down) console.warn(`[cache] Redis unavailable (${error.message}); serving without the cache until it is back`);
    down = true;
  });
  client.on('ready', () => {
    if (down) console.info('[cache] Redis is back');
    down = false;
  });
  return client;
}

/** The process-wide client for `url`. */
export function getRedis(url: string): Redis {
  const clients = (g.__bijiaRedis ??= new Map());
  let client = clients.get(url);
  if (!client) {
    client = createRedisClient(url);
    clients.set(url, client);
  }
  return client;
}

/** True when a command has a chance of being answered promptly. */
export function isRedisUsable(client: Redis): boolean {
  return client.status === 'ready' || client.status === 'connecting' || client.status === 'connect' || client.status === 'wait';
}
