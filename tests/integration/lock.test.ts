import Redis from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalLocker, createRedisLocker, LockBusyError, type Locker } from '@/lib/cache/lock';
import { captureLogs } from '../support/capture-logs';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const a = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
const b = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
afterAll(async () => {
  await Promise.all([a.quit(), b.quit()]);
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each([
  ['Redis, two clients (two instances)', () => [createRedisLocker(a), createRedisLocker(b)] as [Locker, Locker]],
  ['in-process', () => { const l = createLocalLocker(); return [l, l] as [Locker, Locker]; }],
])('%s', (_name, make) => {
  it('runs one holder at a time; a waiter gets in after release', async () => {
    const [l1, l2] = make();
    const name = `test-${Math.random()}`;
    let inside = 0;
    let maxInside = 0;
    const work = async () => {
      inside++;
      maxInside = Math.max(maxInside, inside);
      await sleep(50);
      inside--;
    };
    await Promise.all([l1.withLock(name, { ttlMs: 5000, waitMs: 3000 }, work), l2.withLock(name, { ttlMs: 5000, waitMs: 3000 }, work), l1.withLock(name, { ttlMs: 5000, waitMs: 3000 }, work)]);
    expect(maxInside).toBe(1);
  });

  it('fails fast with LockBusyError when told not to wait, and releases on error', async () => {
    const [l1, l2] = make();
    const name = `test-${Math.random()}`;
    const holding = l1.withLock(name, { ttlMs: 5000 }, () => sleep(100));
    await sleep(10);
    await expect(l2.withLock(name, { ttlMs: 5000 }, async () => 1)).rejects.toBeInstanceOf(LockBusyError);
    await holding;
    await expect(l1.withLock(name, { ttlMs: 5000 }, async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(await l2.withLock(name, { ttlMs: 5000 }, async () => 'free')).toBe('free');
  });
});

describe('Redis failing in the middle of taking a lock', () => {
  it('falls back to the in-process lock instead of failing the caller (e.g. a command timeout as Redis goes)', async () => {
    const failing = {
      status: 'ready',
      set: async () => {
        throw new Error('Command timed out');
      },
      eval: async () => 0,
    } as unknown as Redis;
    const logs = captureLogs();
    try {
      const locker = createRedisLocker(failing);
      await expect(locker.withLock('x', { ttlMs: 1000 }, async () => 42)).resolves.toBe(42);
      // ... and the fallback still excludes within the instance.
      let inside = 0;
      let most = 0;
      await Promise.all(
        Array.from({ length: 5 }, () =>
          locker.withLock('y', { ttlMs: 1000, waitMs: 2000 }, async () => {
            most = Math.max(most, ++inside);
            await new Promise((r) => setTimeout(r, 10));
            inside--;
          }),
        ),
      );
      expect(most).toBe(1);
      expect(logs.lines.filter((l) => l.level === 'warn')).toMatchObject([{ module: 'lock', event: 'redis_down' }]);
    } finally {
      logs.restore();
    }
  });
});
