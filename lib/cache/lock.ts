/**
 * A mutual-exclusion lock per key, shared by every instance through Redis: `SET key token NX PX ttl` to
 * take it, a compare-and-delete Lua script to release only our own token (the standard single-instance
 * Redis lock; Redlock's multi-master variant buys nothing with one Redis). With no Redis configured, or
 * Redis down, an in-process lock stands in, which only excludes within this instance (logged once).
 *
 * Used for "one token refresh per merchant" and "one order sync per merchant".
 */
import 'server-only';
import { randomBytes } from 'node:crypto';
import type Redis from 'ioredis';
import { errorBrand } from '../brand';
import { cacheKey } from './keys';
import { getRedis, isRedisUsable } from './redis';
import { moduleLogger } from '../log';

const lockBusyBrand = errorBrand('LockBusyError');

export class LockBusyError extends Error {
  /** By brand, not prototype: the locker is shared by separately bundled code (lib/brand.ts). */
  static [Symbol.hasInstance](value: unknown): value is LockBusyError {
    return lockBusyBrand.test(value);
  }
  constructor(readonly key: string) {
    super(`lock ${key} is held by someone else`);
    lockBusyBrand.mark(this);
    this.name = 'LockBusyError';
  }
}

export interface LockOptions {
  /** How long the lock lives if its holder dies; the holder must finish well within it. */
  ttlMs: number;
  /** How long to wait for a held lock before giving up with LockBusyError; 0 = fail at once. */
  waitMs?: number;
}

export interface Locker {
  withLock<T>(name: string, options: LockOptions, fn: () => Promise<T>): Promise<T>;
}

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createRedisLocker(client: Redis, fallback: Locker = createLocalLocker()): Locker {
  let warned = false;
  return {
    async withLock(name, options, fn) {
      const local = () => {
        if (!warned) moduleLogger('lock').warn({ event: 'redis_down' }, 'Redis unavailable: locks only exclude within this instance');
        warned = true;
        return fallback.withLock(name, options, fn);
      };
      if (!isRedisUsable(client)) return local();
      const key = cacheKey('lock', name);
      const token = randomBytes(16).toString('hex');
      const deadline = Date.now() + (options.waitMs ?? 0);
      for (let delay = 25; ; delay = Math.min(delay * 2, 250)) {
        let ok: string | null;
        try {
          ok = await client.set(key, token, 'PX', options.ttlMs, 'NX');
        } catch {
          // Redis failed mid-command (a timeout while it goes away): not a reason to fail the caller.
          return local();
        }
        if (ok === 'OK') break;
        if (Date.now() + delay > deadline) throw new LockBusyError(name);
        await sleep(delay);
      }
      warned = false;
      try {
        return await fn();
      } finally {
        await client.eval(RELEASE, 1, key, token).catch(() => undefined); // expires by itself otherwise
      }
    },
  };
}

/** In-process lock: a promise chain per key. */
export function createLocalLocker(): Locker {
  const held = new Map<string, Promise<unknown>>();
  return {
    async withLock(name, options, fn) {
      const deadline = Date.now() + (options.waitMs ?? 0);
      while (held.has(name)) {
        const remaining = deadline - Date.now();
        if (remaining <= 0) throw new LockBusyError(name);
        await Promise.race([held.get(name)!.catch(() => undefined), sleep(Math.min(remaining, 250))]);
      }
      const run = fn();
      held.set(name, run);
      try {
        return await run;
      } finally {
        held.delete(name);
      }
    },
  };
}

const g = globalThis as typeof globalThis & { __bijiaLocalLocker?: Locker; __bijiaRedisLockers?: Map<string, Locker> };

/** The process's locker for `redisUrl`: one per process, so its outage warning is logged once, not per call. */
export function getLocker(redisUrl: string | null): Locker {
  const local = (g.__bijiaLocalLocker ??= createLocalLocker());
  if (!redisUrl) return local;
  const lockers = (g.__bijiaRedisLockers ??= new Map());
  let locker = lockers.get(redisUrl);
  if (!locker) lockers.set(redisUrl, (locker = createRedisLocker(getRedis(redisUrl), local)));
  return locker;
}
