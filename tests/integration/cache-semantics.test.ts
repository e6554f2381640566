/**
 * The compare cache against the real Redis (127.0.0.1:6379): stale-while-revalidate with grace, one
 * computation across instances, TTL jitter, the in-memory tier, invalidation. An "instance" here is what a
 * server process holds: its own Redis client, cache (L1 + bus) and providers; all share one sandbox, so its
 * call counters see every upstream call.
 */
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheKey, createCache, type Cache } from '@/lib/cache/cache';
import type { Locker } from '@/lib/cache/lock';
import { createRedisClient } from '@/lib/cache/redis';
import { getComparePage, getProductDetail, invalidateProduct, type CompareDeps } from '@/lib/compare/service';
import { parseEnv } from '@/lib/env';
import { UpstreamError } from '@/lib/upstream/http';
import { createProviders, sandboxAwareFetch } from '@/lib/upstream/providers';
import { createSandboxHandler, type SandboxHandler } from '@/sandbox/handler';
import { captureLogs } from '../support/capture-logs';
import { eventually } from '../support/eventually';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const admin = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
const opened: { cache: Cache; redis: Redis }[] = [];
afterAll(async () => {
  for (const { cache } of opened) await cache.close();
  for (const { redis } of opened) redis.disconnect();
  await admin.quit();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const query = (categoryId: number | null, q: string | null = null) => ({ q, categoryId, page: 1, pageSize: 20, sort: 'default' as const });

/** One server instance's worth of cache and providers, in namespace `prefix`, talking to `sandbox`. */
function instance(sandbox: SandboxHandler, prefix: string, options: { ttlSeconds?: number; graceSeconds?: number; timeoutMs?: number } = {}): CompareDeps {
  const redis = createRedisClient(REDIS_URL);
  const cache = createCache({ redis, prefix, graceSeconds: options.graceSeconds ?? 60 });
  opened.push({ cache, redis });
  // Short upstream timeouts by default, so a failing Weidian gives up quickly (deadline 2 × 300 ms).
  const timeout = String(options.timeoutMs ?? 300);
  const providers = createProviders(parseEnv({ WEIDIAN_TIMEOUT_MS: timeout, PRICE_API_TIMEOUT_MS: timeout }), sandboxAwareFetch(sandbox));
  return { providers, cache, ttlSeconds: options.ttlSeconds ?? 60, now: Date.now };
}

const counted = () => createSandboxHandler({ faultControl: true });
const calls = (sandbox: SandboxHandler) => ({ weidian: sandbox.faults!.counters.weidian.calls, price: sandbox.faults!.counters.price.calls });
const freshPrefix = () => cacheKey('test', randomUUID());

/** A bare cache on its own Redis client in namespace `prefix`, as another instance would hold it. */
function redisCache(prefix: string): Cache {
  const redis = createRedisClient(REDIS_URL);
  const cache = createCache({ redis, prefix, graceSeconds: 60 });
  opened.push({ cache, redis });
  return cache;
}

/** Upstream calls one computation of `q` costs, measured on a cache of its own. */
async function oneComputation(q: ReturnType<typeof query>) {
  const sandbox = counted();
  await getComparePage(q, instance(sandbox, freshPrefix()));
  return calls(sandbox);
}

describe('stampede protection', () => {
  it('200 concurrent cold requests across 4 instances → one computation: exactly the calls of a single request', async () => {
    const q = query(4);
    const single = await oneComputation(q);
    expect(single).toEqual({ weidian: 1, price: 1 }); // one item.list page, one offer search page
    const sandbox = counted();
    const prefix = freshPrefix();
    const instances = Array.from({ length: 4 }, () => instance(sandbox, prefix));
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => getComparePage(q, instances[i % 4]!)));
    expect(calls(sandbox)).toEqual(single);
    expect(new Set(results.map((r) => JSON.stringify(r.data))).size).toBe(1);
    expect(results.filter((r) => r.cache === 'miss')).toHaveLength(1);
  });
});

describe('stale-while-revalidate', () => {
  it('past its fresh time an entry is served at once, and one background refresh (across instances) replaces it', async () => {
    const sandbox = counted();
    const prefix = freshPrefix();
    const [a, b] = [instance(sandbox, prefix, { ttlSeconds: 1, timeoutMs: 3000 }), instance(sandbox, prefix, { ttlSeconds: 1, timeoutMs: 3000 })];
    const q = query(2);
    const first = await getComparePage(q, a);
    await getComparePage(q, b); // b now holds it in its own L1 too
    const afterFirst = calls(sandbox);
    await sleep(1100);
    sandbox.faults!.set('weidian', { latencyMs: 1000 }); // the refresh takes far longer than the reads below

    const started = Date.now();
    const stale = await Promise.all(Array.from({ length: 20 }, (_, i) => getComparePage(q, i % 2 ? a : b)));
    expect(Date.now() - started).toBeLessThan(700); // nobody waited for the refresh (1 s of upstream latency)
    for (const r of stale) {
      expect(r.cache).toBe('stale');
      expect(r.data.stale).toBe(true);
      expect(r.data.generatedAt).toBe(first.data.generatedAt);
    }
    // Exactly one refresh: the calls of one more computation, not one per instance or per request.
    await eventually(async () => calls(sandbox), (c) => c.weidian === afterFirst.weidian * 2 && c.price === afterFirst.price * 2, 5000);
    await sleep(1200); // the refresh's answer (1 s latency) being merged and written
    await sleep(300);
    expect(calls(sandbox)).toEqual({ weidian: afterFirst.weidian * 2, price: afterFirst.price * 2 });

    for (const deps of [a, b]) {
      const fresh = await getComparePage(q, deps);
      expect(fresh.cache).toBe('hit');
      expect(fresh.data.stale).toBe(false);
      expect(Date.parse(fresh.data.generatedAt)).toBeGreaterThan(Date.parse(first.data.generatedAt));
    }
  });

  it('Weidian failing: the stale copy keeps serving until the grace period ends, then the failure shows', async () => {
    const logs = captureLogs();
    const sandbox = counted();
    const deps = instance(sandbox, freshPrefix(), { ttlSeconds: 1, graceSeconds: 3 });
    const q = query(5);
    const first = await getComparePage(q, deps);
    sandbox.faults!.set('weidian', { errorRate: 1 });
    await sleep(1100);
    for (let i = 0; i < 3; i++) {
      const r = await getComparePage(q, deps);
      expect(r.cache).toBe('stale');
      expect(r.data.items).toEqual(first.data.items);
      await sleep(300);
    }
    expect(sandbox.faults!.counters.weidian.error).toBeGreaterThan(0); // a refresh was tried, and failed
    expect(logs.lines.some((l) => l.module === 'cache' && l.event === 'refresh_failed' && /^compare:/.test(String(l.key)))).toBe(true);
    logs.restore();
    await sleep(3000 - 900 + 200); // past fresh (1 s) + grace (3 s)
    const failed = await getComparePage(q, deps).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(UpstreamError);
  }, 15_000);
});

describe('TTL jitter', () => {
  it('entries written together get fresh times spread over the top 10 % of the TTL', async () => {
    const prefix = freshPrefix();
    const cache = redisCache(prefix);
    await Promise.all(Array.from({ length: 30 }, (_, i) => cache.getOrCompute(`k${i}`, async () => i, { ttlSeconds: () => 100 })));
    // Each computing call answers before its write to Redis is done.
    const keys = await eventually(() => admin.keys(`${prefix}:k*`), (ks) => ks.length >= 30);
    expect(keys).toHaveLength(30);
    const ttls = await Promise.all(
      keys.map(async (k) => {
        const entry = JSON.parse((await admin.get(k))!) as { logicalExpiration: number; createdAt: number };
        return entry.logicalExpiration - entry.createdAt;
      }),
    );
    for (const t of ttls) {
      expect(t).toBeGreaterThanOrEqual(90_000);
      expect(t).toBeLessThanOrEqual(100_000);
    }
    expect(new Set(ttls).size).toBeGreaterThan(20);
  });
});

describe('in-memory tier', () => {
  it('an instance answers repeat reads from memory, without Redis; another instance reads Redis', async () => {
    const prefix = freshPrefix();
    const make = () => redisCache(prefix);
    const [a, b] = [make(), make()];
    let computations = 0;
    const compute = async () => ({ n: ++computations });
    expect(await a.getOrCompute('x', compute, { ttlSeconds: () => 60 })).toEqual({ value: { n: 1 }, state: 'miss' });
    expect(await b.getOrCompute('x', compute, { ttlSeconds: () => 60 })).toEqual({ value: { n: 1 }, state: 'hit' });
    await admin.del(`${prefix}:x`); // behind the caches' backs: no bus message
    expect(await a.getOrCompute('x', compute, { ttlSeconds: () => 60 })).toEqual({ value: { n: 1 }, state: 'hit' });
    const c = make();
    expect(await c.getOrCompute('x', compute, { ttlSeconds: () => 60 })).toEqual({ value: { n: 2 }, state: 'miss' });
  });
});

describe('memory tier hits', () => {
  it('hand out the cached value itself, not a copy parsed again on every read', async () => {
    const cache = createCache({ graceSeconds: 60 });
    const compute = async () => ({ items: [{ id: 1 }] });
    const first = await cache.getOrCompute('k', compute, { ttlSeconds: () => 60 });
    const second = await cache.getOrCompute('k', compute, { ttlSeconds: () => 60 });
    expect(second.state).toBe('hit');
    expect(second.value).toBe(first.value);
    await cache.close();
  });

  it('read a value another instance wrote to Redis, again and again (bentocache stores it serialised: parsed once)', async () => {
    const prefix = freshPrefix();
    const [a, b] = [redisCache(prefix), redisCache(prefix)];
    const compute = async () => ({ items: [{ id: 1 }] });
    await a.getOrCompute('k', compute, { ttlSeconds: () => 60 });
    const first = await b.getOrCompute('k', compute, { ttlSeconds: () => 60 });
    const second = await b.getOrCompute('k', compute, { ttlSeconds: () => 60 });
    expect([first.state, second.state]).toEqual(['hit', 'hit']);
    expect(first.value).toEqual({ items: [{ id: 1 }] });
    expect(second.value).toEqual(first.value);
  });
});

describe('a value another instance filled', () => {
  it("lives in this instance's memory tier only as long as its own fresh time", async () => {
    const prefix = freshPrefix();
    const make = () => redisCache(prefix);
    const [a, b] = [make(), make()];
    const slow = (n: number) => async () => (await sleep(300), { n });
    const first = a.getOrCompute('k', slow(1), { ttlSeconds: () => 1 });
    await sleep(50);
    const waited = await b.getOrCompute('k', slow(99), { ttlSeconds: () => 1 }); // waits for a's fill, reads it
    expect((await first).value).toEqual({ n: 1 });
    expect(waited.value).toEqual({ n: 1 });
    await sleep(1200);
    // Past the 1 s fresh time b must not call its copy fresh (bentocache's default would keep it 30 min).
    expect((await b.getOrCompute('k', slow(2), { ttlSeconds: () => 1 })).state).not.toBe('hit');
  });
});

describe('invalidation', () => {
  it("invalidating a product makes its page and its category's lists stale on every instance; other lists stay fresh", async () => {
    const sandbox = counted();
    const prefix = freshPrefix();
    const [a, b] = [instance(sandbox, prefix), instance(sandbox, prefix)];
    const list = await getComparePage(query(3), a);
    const product = list.data.items[0]!.product;
    const other = query(6);
    await getProductDetail(product.productId, a);
    for (const q of [query(3), other]) await getComparePage(q, b);
    expect((await getProductDetail(product.productId, b))!.cache).toBe('hit');

    await invalidateProduct(product, a);
    await sleep(100); // the bus message reaching b
    const before = calls(sandbox);
    const detail = await getProductDetail(product.productId, b);
    expect(detail!.cache).toBe('stale'); // still answered at once, refreshing in the background
    expect((await getComparePage(query(3), b)).cache).toBe('stale');
    expect((await getComparePage(other, b)).cache).toBe('hit');
    await eventually(async () => calls(sandbox), (c) => c.weidian > before.weidian + 1, 5000);
    await sleep(300);
    const refreshed = await getProductDetail(product.productId, a);
    expect(refreshed!.cache).toBe('hit');
    expect(Date.parse(refreshed!.data.generatedAt)).toBeGreaterThan(Date.parse(detail!.data.generatedAt));
  });
});

describe('the request that computes', () => {
  it('answers once its value is computed, without waiting for the write and the lock release after it', async () => {
    const redis = createRedisClient(REDIS_URL);
    const slowRelease: Locker = {
      async withLock(_name, _options, fn) {
        const value = await fn();
        await sleep(400); // a release (or a write) that takes long
        return value;
      },
    };
    const cache = createCache({ redis, prefix: freshPrefix(), graceSeconds: 60, locker: slowRelease });
    opened.push({ cache, redis });
    const started = Date.now();
    const first = await cache.getOrCompute('k', async () => 'v', { ttlSeconds: () => 60 });
    expect(first).toEqual({ value: 'v', state: 'miss' });
    expect(Date.now() - started).toBeLessThan(300);
    // Everyone else still gets the value once the fill is done, computed once.
    let computed = 0;
    const again = await cache.getOrCompute('k', async () => (computed++, 'other'), { ttlSeconds: () => 60 });
    expect(again.value).toBe('v');
    expect(computed).toBe(0);
  });
});
