/**
 * Redis killed in the middle of traffic, through the compare route as the app runs it (sandbox mode, the
 * process's own cache, buckets and limiter): no request fails, and once Redis is back the cache and the
 * outbound bucket are used again. The Redis is this test's own, on its own port.
 */
import type { ChildProcess } from 'node:child_process';
import Redis from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/products/compare/route';
import { bucketKey } from '@/lib/quota/token-bucket';
import { setEnv } from '../support/process-singletons';
import { freePort, startRedis, stopRedis } from '../support/redis-server';
import { captureLogs } from '../support/capture-logs';
import { eventually } from '../support/eventually';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sandboxEnv = { WEIDIAN_APP_KEY: undefined, WEIDIAN_APP_SECRET: undefined, PRICE_API_KEY: undefined, PRICE_API_BASE: undefined, WEIDIAN_API_BASE: undefined };

let server: ChildProcess | undefined;
let restore: (() => void) | undefined;
afterAll(async () => {
  restore?.();
  if (server) await stopRedis(server);
});

const QUERIES = ['?category_id=1', '?category_id=2&sort=price_asc', '?q=%E7%89%9B%E5%A5%B6', '?q=apple', '?category_id=7&page=2', '?q=%E5%8D%8E%E4%B8%BA'];

describe('Redis killed mid-run', () => {
  it('every request still answers 200; when Redis returns, entries and the bucket are written there again', async () => {
    const logs = captureLogs(); // an outage is logged; kept out of the test output
    try {
      const port = await freePort();
      server = await startRedis(port);
      restore = setEnv({ ...sandboxEnv, REDIS_URL: `redis://127.0.0.1:${port}`, API_RATE_LIMIT_PER_MINUTE: '100000' });
      const inspect = new Redis({ port, lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => 200 });
      inspect.on('error', () => undefined);
      await inspect.connect();

      const statuses: number[] = [];
      const run = async (qs: string) => {
        const started = Date.now();
        const res = await GET(new Request(`http://localhost/api/products/compare${qs}`));
        statuses.push(res.status);
        expect(Date.now() - started).toBeLessThan(20_000); // no hang: bounded by the upstream deadlines, not a speed check
        return res;
      };
      for (const qs of QUERIES.slice(0, 3)) await run(qs);
      // The computing request answers before its write to Redis is done (lib/cache/cache.ts).
      expect((await eventually(() => inspect.keys('bijia:v1:cache:compare:*'), (keys) => keys.length >= 3)).length).toBe(3);

      await stopRedis(server); // mid-run, without a goodbye
      const during = await Promise.all([...QUERIES, ...QUERIES].map(run)); // warm ones from memory, cold ones computed
      expect(during.every((r) => r.status === 200)).toBe(true);
      expect((await during[0]!.json()).items.length).toBeGreaterThan(0);

      server = await startRedis(port); // a fresh, empty server
      // Within the cache's L2 breaker (5 s) and the client's reconnect backoff, new entries land in Redis again.
      let found = 0;
      for (let i = 0; i < 60 && found === 0; i++) {
        await run(`?q=${encodeURIComponent(`回来${i}`)}`);
        found = (await inspect.keys('bijia:v1:cache:compare:*').catch(() => [])).length;
        if (found === 0) await sleep(250);
      }
      expect(found).toBeGreaterThan(0);
      expect(await inspect.exists(bucketKey('weidian'))).toBe(1);
      expect(statuses.every((s) => s === 200)).toBe(true);
      inspect.disconnect();
    } finally {
      logs.restore();
    }
  }, 60_000);
});
