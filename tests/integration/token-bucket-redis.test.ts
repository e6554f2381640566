import Redis from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedisClient } from '@/lib/cache/redis';
import { bucketKey, createTokenBucket, QuotaExceededError, type TokenBucket } from '@/lib/quota/token-bucket';
import { freePort, startRedis, stopRedis as stop } from '../support/redis-server';
import { captureLogs } from '../support/capture-logs';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const a = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
const b = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
afterAll(async () => {
  await Promise.all([a.quit(), b.quit()]);
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Fires `total` takes spread evenly over one second across the buckets; returns the grant times. */
async function flood(buckets: TokenBucket[], total: number, maxWaitMs: number): Promise<number[]> {
  const granted: number[] = [];
  const calls: Promise<void>[] = [];
  const start = Date.now();
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / total;
    if (due > Date.now()) await sleep(due - Date.now());
    const bucket = buckets[i % buckets.length]!;
    calls.push(
      bucket.take({ maxWaitMs }).then(
        () => void granted.push(Date.now()),
        (error: unknown) => expect(error).toBeInstanceOf(QuotaExceededError),
      ),
    );
  }
  await Promise.all(calls);
  return granted.sort((x, y) => x - y);
}

const maxInAnySecond = (times: number[]) => Math.max(0, ...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length));

describe('token bucket on Redis', () => {
  it('50/s with burst 10, 300 calls wanted in one second: at most 60 granted in any one-second window', async () => {
    const name = `test-${Math.random()}`;
    const bucket = createTokenBucket({ redis: a, name, ratePerSecond: 50, burst: 10 });
    const granted = await flood([bucket], 300, 0);
    expect(maxInAnySecond(granted)).toBeLessThanOrEqual(60);
    expect(granted.length).toBeGreaterThanOrEqual(45);
    // The key always carries a TTL of about 2 × burst / rate (+ slack).
    const ttl = await a.pttl(bucketKey(name));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(2000 * 10 / 50 + 1000);
  });

  it('two instances (two Redis clients) sharing the bucket stay under it together', async () => {
    const name = `test-${Math.random()}`;
    const one = createTokenBucket({ redis: a, name, ratePerSecond: 50, burst: 10 });
    const two = createTokenBucket({ redis: b, name, ratePerSecond: 50, burst: 10 });
    const granted = await flood([one, two], 300, 0);
    expect(maxInAnySecond(granted)).toBeLessThanOrEqual(60);
    expect(granted.length).toBeGreaterThanOrEqual(45);
  });

  it('a waiter reserves the next token across instances and goes when it is due; a short wait fails fast', async () => {
    const name = `test-${Math.random()}`;
    const one = createTokenBucket({ redis: a, name, ratePerSecond: 10, burst: 1 });
    const two = createTokenBucket({ redis: b, name, ratePerSecond: 10, burst: 1 });
    await one.take({ maxWaitMs: 0 });
    const started = Date.now();
    await two.take({ maxWaitMs: 250 }); // next token ~100 ms from now
    expect(Date.now() - started).toBeGreaterThanOrEqual(80);
    const refused = await one.take({ maxWaitMs: 20 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(QuotaExceededError);
    expect((refused as QuotaExceededError).retryAfterMs).toBeGreaterThan(20);
  });
});

describe('token bucket when Redis dies', () => {
  it('falls back in-process without throwing, logs once, and is shared again once Redis is back', async () => {
    const logs = captureLogs();
    const port = await freePort();
    let server = await startRedis(port);
    const client = createRedisClient(`redis://127.0.0.1:${port}`);
    const inspect = new Redis({ port, maxRetriesPerRequest: 1, lazyConnect: true });
    inspect.on('error', () => undefined);
    try {
      const name = `test-${Math.random()}`;
      const bucket = createTokenBucket({ redis: client, name, ratePerSecond: 1000, burst: 1000 });
      await bucket.take();
      await inspect.connect();
      expect(await inspect.exists(bucketKey(name))).toBe(1);
      inspect.disconnect();

      await stop(server);
      await sleep(200);
      for (let i = 0; i < 20; i++) await expect(bucket.take()).resolves.toBeUndefined();
      const quotaWarnings = logs.lines.filter((l) => l.level === 'warn' && l.module === 'quota');
      expect(quotaWarnings).toHaveLength(1);

      server = await startRedis(port); // empty: the old key went with the old server
      for (let i = 0; i < 100 && client.status !== 'ready'; i++) await sleep(100);
      expect(client.status).toBe('ready');
      await bucket.take();
      await inspect.connect();
      expect(await inspect.exists(bucketKey(name))).toBe(1);
      expect(await inspect.pttl(bucketKey(name))).toBeGreaterThan(0);
      expect(logs.messages('info').some((m) => /shared again/.test(m))).toBe(true);
    } finally {
      inspect.disconnect();
      client.disconnect();
      await stop(server);
      logs.restore();
    }
  }, 30_000);
});
