/**
 * One ioredis client per process, kept on globalThis so Next's hot reload and repeated serverless
 * invocations reuse it instead of opening a connection each time.
 *
 * Bounded everywhere: a connect timeout, one retry per command, a command timeout; and while the client is
 * not connected, callers skip Redis at once instead of queueing behind a dead server.
 */
import 'server-only';
import Redis, { type RedisOptions } from 'ioredis';
import { moduleLogger } from '../log';

const g = globalThis as typeof globalThis & { __bijiaRedis?: Map<string, Redis> };

/**
 * The cache bus (bentocache → @boringnode/bus) duplicates this client into a publisher and a subscriber.
 * bentocache does not await its startup subscribe(), so on a duplicate commands wait for the connection
 * instead of failing (which would be an unhandled rejection while Redis is down), and the subscription is
 * made once Redis answers. A publish, which a cache write awaits, fails at once while Redis is down instead:
 * the bus retries it later. Duplicates log outages like the main client.
 */
class LoggedRedis extends Redis {
  /** One outage state for all duplicates, so the bus's two connections log one line between them. */
  private readonly duplicatesOutage = { down: false };

  override duplicate(override?: Partial<RedisOptions>): Redis {
    const copy = logOutages(super.duplicate({ maxRetriesPerRequest: null, commandTimeout: undefined, ...override }), 'bus', this.duplicatesOutage);
    const publish = copy.publish.bind(copy) as (...args: unknown[]) => Promise<number>;
    copy.publish = ((...args: unknown[]) =>
      copy.status === 'ready' ? publish(...args) : Promise.reject(new Error('Redis is not connected'))) as typeof copy.publish;
    return copy;
  }
}

export function createRedisClient(url: string): Redis {
  const client = new LoggedRedis(url, {
    connectTimeout: 1000,
    commandTimeout: 500,
    maxRetriesPerRequest: 1,
    // Commands issued before the first connect wait for it (bounded by commandTimeout); after that an
    // unavailable client is skipped by isRedisUsable() rather than queued.
    enableOfflineQueue: true,
    retryStrategy: (times) => Math.min(times * 250, 5000),
    lazyConnect: false,
  });
  return logOutages(client, 'cache', { down: false });
}

function logOutages(client: Redis, module: string, outage: { down: boolean }): Redis {
  client.on('error', (error: Error) => {
    // Logged once per outage, not once per request or reconnect attempt.
    if (!outage.down) moduleLogger(module).warn({ event: 'redis_down', reason: error.message }, 'Redis unavailable; serving without it until it is back');
    outage.down = true;
  });
  client.on('ready', () => {
    if (outage.down) moduleLogger(module).info({ event: 'redis_back' }, 'Redis is back');
    outage.down = false;
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
