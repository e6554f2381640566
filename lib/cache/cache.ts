/**
 * The compare cache: bentocache, with an in-memory tier (L1) in front of Redis (L2) and a Redis pub/sub bus
 * that drops other instances' L1 copies when an entry is replaced or invalidated. Without REDIS_URL it is
 * the in-memory tier alone.
 *
 * What it gives the services (docs/resilience.md has the settings and reasons):
 * - stale-while-revalidate: past its fresh time an entry is served at once for a grace period while one
 *   background refresh runs; a failed refresh keeps the stale copy serving until the grace ends;
 * - stampede protection: concurrent misses for a key run one computation per instance (bentocache's own lock)
 *   and, through a Redis lock around the computation, one across instances: a waiter re-reads the entry the
 *   winner wrote instead of calling the upstreams again (bentocache does not lock across instances);
 * - TTL jitter, so entries written together do not all expire together;
 * - invalidation by tag (lazy: tagged entries become stale and refresh on their next read);
 * - a Redis outage is never an error: L2 failures are suppressed, a breaker skips Redis for a few seconds,
 *   and L1 and the in-process lock carry on.
 */
import 'server-only';
import { BentoCache, bentostore, errors } from 'bentocache';
import { redisBusDriver, redisDriver } from 'bentocache/drivers/redis';
import type Redis from 'ioredis';
import { cacheKey } from './keys';
import { createLocalLocker, createRedisLocker, getLocker, LockBusyError, type Locker } from './lock';
import { objectMemoryDriver } from './memory-tier';
import { getRedis } from './redis';
import { moduleLogger } from '../log';

export { cacheKey } from './keys';

export interface ComputeOptions<T> {
  /** Fresh time for a computed value (before jitter); it is then served stale for the grace period. */
  ttlSeconds: (value: T) => number;
  /** Tags the value can later be invalidated by. */
  tags?: (value: T) => string[];
}

export type CacheState = 'hit' | 'miss' | 'stale';

export interface Cache {
  readonly kind: 'redis' | 'memory';
  /**
   * The cached value for `key`, computing it on a miss. `state`: `miss` when this call's own computation
   * produced the value; `hit` when a fresh copy was found; `stale` when the value is past its fresh time or
   * invalidated (a background refresh is under way, or has failed).
   */
  getOrCompute<T>(key: string, compute: () => Promise<T>, options: ComputeOptions<T>): Promise<{ value: T; state: CacheState }>;
  /** Marks every entry carrying one of `tags` stale, on every instance: each refreshes on its next read. */
  invalidateTags(tags: string[]): Promise<void>;
  /** Closes the bus connections (tests; the app keeps its cache for the life of the process). */
  close(): Promise<void>;
}

export interface CacheConfig {
  /** Without it the cache is in memory only. */
  redis?: Redis;
  /** How long past its fresh time an entry may still be served while a refresh runs or after one fails. */
  graceSeconds: number;
  /** Namespace of the keys in Redis, `bijia:v1:cache` by default (tests give each cache its own). */
  prefix?: string;
  /** Excludes concurrent fills across instances; defaults to a Redis lock on `redis` (in-process without). */
  locker?: Locker;
  /** Fraction of the TTL taken off at random, so entries written together expire apart. */
  ttlJitter?: number;
}

/** Entries in each instance's memory tier (docs/resilience.md). */
export const L1_MAX_ENTRIES = 200;
/** After a failed refresh, the stale value is served this long before the next attempt. */
export const GRACE_BACKOFF_SECONDS = 15;
/** A fill that holds the cross-instance lock longer than this is presumed dead; others may then compute. */
const FILL_LOCK_TTL_MS = 60_000;
/** How long a miss waits for another instance's fill before computing itself (bounded by the upstream deadlines). */
const FILL_WAIT_MS = 20_000;
/** With Redis failing, skip it for this long instead of paying a command timeout on every read. */
const L2_BREAKER_SECONDS = 5;

export function createCache(config: CacheConfig): Cache {
  const { redis, graceSeconds, prefix = cacheKey('cache'), ttlJitter = 0.1 } = config;
  const locker = config.locker ?? (redis ? createRedisLocker(redis) : createLocalLocker());
  // Values kept as objects, not JSON (memory-tier.ts): what is read from the cache is shared by every reader
  // in the instance and must never be mutated (nothing does).
  const l1 = objectMemoryDriver(L1_MAX_ENTRIES);
  const store = redis
    ? bentostore()
        .useL1Layer(l1)
        .useL2Layer(redisDriver({ connection: redis }))
        .useBus(redisBusDriver({ connection: redis }))
    : bentostore().useL1Layer(l1);
  const bento = new BentoCache({
    default: 'compare',
    prefix,
    grace: `${graceSeconds}s`,
    graceBackoff: `${GRACE_BACKOFF_SECONDS}s`,
    l2CircuitBreakerDuration: `${L2_BREAKER_SECONDS}s`,
    onFactoryError: (error) => {
      // A background refresh that failed: the stale copy keeps serving (the key names no person).
      if (error.isBackgroundFactory) {
        moduleLogger('cache').warn({ event: 'refresh_failed', key: error.key, reason: describe(error.cause) }, 'refresh failed; serving the stale copy');
      }
    },
    stores: { compare: store },
  });

  return {
    kind: redis ? 'redis' : 'memory',
    async getOrCompute<T>(key: string, compute: () => Promise<T>, options: ComputeOptions<T>): Promise<{ value: T; state: CacheState }> {
      // A fresh copy (L1, else L2) is the common case; only without one does getOrSet decide between a stale
      // copy (served, refreshed in the background) and a computation.
      const fresh = await bento.get<T>({ key, grace: false });
      if (fresh !== undefined) return { value: fresh, state: 'hit' };
      let computed: { value: T } | undefined;
      let computedNow: (c: { value: T }) => void = () => undefined;
      const computedEarly = new Promise<{ value: T }>((resolve) => (computedNow = resolve));
      try {
        const settled = bento.getOrSet<T>({
          key,
          factory: async (ctx) => {
            const fill = async (): Promise<T> => {
              // Another instance may have filled the entry while we waited for the lock: use its value. Its
              // copy in this instance's memory tier lives at most one fresh time from now (not bentocache's
              // 30-minute default), and the filler's next write drops it through the bus anyway.
              const filled = await bento.get<T>({ key, grace: false });
              if (filled !== undefined) {
                ctx.setOptions({ ttl: Math.max(1000, Math.round(options.ttlSeconds(filled) * 1000)), skipL2Write: true, skipBusNotify: true });
                ctx.setTags(options.tags?.(filled) ?? []);
                return filled;
              }
              const result = await compute();
              computed = { value: result };
              computedNow(computed);
              const ttl = Math.max(1000, Math.round(options.ttlSeconds(result) * (1 - Math.random() * ttlJitter) * 1000));
              const tags = options.tags?.(result) ?? [];
              // Written here, inside the lock, so the next instance to take it finds the value in Redis;
              // getOrSet's own write afterwards (same TTL and tags) only fills this instance's memory tier.
              await bento.set({ key, value: result, ttl, tags });
              ctx.setOptions({ ttl, skipL2Write: true, skipBusNotify: true });
              ctx.setTags(tags);
              return result;
            };
            ctx.setOptions({ skipL2Write: true, skipBusNotify: true });
            try {
              return await locker.withLock(`fill:${prefix}:${key}`, { ttlMs: FILL_LOCK_TTL_MS, waitMs: FILL_WAIT_MS }, fill);
            } catch (error) {
              if (!(error instanceof LockBusyError)) throw error;
              return fill(); // the other fill is taking too long: answer this request ourselves
            }
          },
        });
        const first = await Promise.race([
          settled.then((value) => ({ kind: 'settled' as const, value }), (error: unknown) => ({ kind: 'failed' as const, error })),
          computedEarly.then((c) => ({ kind: 'computed' as const, value: c.value })),
        ]);
        if (first.kind === 'computed') {
          // Ours, just computed: the answer need not wait for the write to Redis and the lock's release that
          // follow (~10-15 ms for a large result set: bench/RESULTS.md, figure b). Requests waiting on this
          // fill still get the value once it is written; a failed write only means the next read computes.
          void settled.catch((error: unknown) => moduleLogger('cache').warn({ event: 'cache_write_failed', key, reason: describe(error) }, 'computed value not cached'));
          return { value: first.value, state: 'miss' };
        }
        if (first.kind === 'failed') throw first.error;
        const value = first.value;
        if (computed !== undefined && computed.value === value) return { value, state: 'miss' };
        // Not ours: a stale copy served while a refresh runs (or after one failed), or a concurrent fill's value.
        return { value, state: (await bento.get<T>({ key, grace: false })) === undefined ? 'stale' : 'hit' };
      } catch (error) {
        // The computation's own error (an upstream failing), not bentocache's wrapper.
        throw error instanceof errors.E_FACTORY_ERROR && error.cause !== undefined ? error.cause : error;
      }
    },
    async invalidateTags(tags) {
      await bento.deleteByTag({ tags });
    },
    async close() {
      await bento.disconnectAll().catch(() => undefined);
    },
  };
}

const describe = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

const g = globalThis as typeof globalThis & { __bijiaCaches?: Map<string, Cache> };

/** The process's cache for `redisUrl` (null: in memory), created once so L1, bus and breaker are shared. */
export function getCache(redisUrl: string | null, graceSeconds: number): Cache {
  const caches = (g.__bijiaCaches ??= new Map());
  const id = `${redisUrl ?? 'memory'}|${graceSeconds}`;
  let cache = caches.get(id);
  if (!cache) {
    cache = createCache({ redis: redisUrl ? getRedis(redisUrl) : undefined, graceSeconds, locker: getLocker(redisUrl) });
    caches.set(id, cache);
  }
  return cache;
}
