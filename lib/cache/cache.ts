/**
 * The cache the compare service uses: Redis when REDIS_URL is set, an in-process LRU otherwise, behind one
 * interface. A failing Redis never fails a request: reads become misses and writes are dropped.
 */
import 'server-only';
import type Redis from 'ioredis';
import { LRUCache } from 'lru-cache';
import { getRedis, isRedisUsable } from './redis';

export interface JsonCache {
  readonly kind: 'redis' | 'memory';
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Bump when a cached shape changes, so old entries are never read as new ones. */
export const CACHE_VERSION = 'v1';
export const cacheKey = (...parts: string[]) => `bijia:${CACHE_VERSION}:${parts.join(':')}`;

export function createRedisCache(client: Redis): JsonCache {
  return {
    kind: 'redis',
    async get<T>(key: string) {
      if (!isRedisUsable(client)) return undefined;
      try {
        const raw = await client.get(key);
        return raw === null ? undefined : (JSON.parse(raw) as T);
      } catch {
        return undefined; // already logged once by the client's error handler
      }
    },
    async set(key, value, ttlSeconds) {
      if (!isRedisUsable(client)) return;
      try {
        await client.set(key, JSON.stringify(value), 'EX', ttlSeconds);
      } catch {
        // dropped: the next request recomputes
      }
    },
    async delete(key) {
      if (!isRedisUsable(client)) return;
      try {
        await client.del(key);
      } catch {
        // dropped
      }
    },
  };
}

export function createMemoryCache(maxEntries = 500): JsonCache {
  // Values are stored as JSON text so a caller can never mutate a cached object in place.
  const lru = new LRUCache<string, string>({ max: maxEntries });
  return {
    kind: 'memory',
    async get<T>(key: string) {
      const raw = lru.get(key);
      return raw === undefined ? undefined : (JSON.parse(raw) as T);
    },
    async set(key, value, ttlSeconds) {
      lru.set(key, JSON.stringify(value), { ttl: ttlSeconds * 1000 });
    },
    async delete(key) {
      lru.delete(key);
    },
  };
}

const g = globalThis as typeof globalThis & { __bijiaMemoryCache?: JsonCache };

export function getCache(redisUrl: string | null): JsonCache {
  if (redisUrl) return createRedisCache(getRedis(redisUrl));
  return (g.__bijiaMemoryCache ??= createMemoryCache());
}
