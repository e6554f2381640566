/** The clients' retry policy and breaker against the sandbox's injected faults. */
import { describe, expect, it } from 'vitest';
import { createPriceApiClient } from '@/lib/price-api/client';
import { createUpstreamPolicy } from '@/lib/upstream/resilience';
import { createWeidianClient } from '@/lib/weidian/client';
import { SANDBOX_PRICE_API_KEY, SANDBOX_WEIDIAN_APP_KEY, SANDBOX_WEIDIAN_APP_SECRET } from '@/sandbox/credentials';
import { createSandboxHandler } from '@/sandbox/handler';
import { inProcessFetch } from '@/lib/upstream/http';


describe('retries against injected faults', () => {
  it('30 % of Weidian calls answered 60001 → every read succeeds, at most 1.5 × the minimum calls', async () => {
    const handler = createSandboxHandler({ faultControl: true });
    handler.faults!.set('weidian', { rateLimitRate: 0.3, seed: 42 });
    const client = createWeidianClient({
      appKey: SANDBOX_WEIDIAN_APP_KEY, appSecret: SANDBOX_WEIDIAN_APP_SECRET, apiBase: 'http://sandbox.test/weidian', timeoutMs: 2000,
      fetch: inProcessFetch(handler),
      // The default policy, with shorter waits so the test is quick.
      policy: createUpstreamPolicy({ upstream: 'weidian', deadlineMs: 4000, baseDelayMs: 2, maxDelayMs: 20 }),
    });
    const reads = 100;
    const results = await Promise.all(Array.from({ length: reads }, (_, i) => client.listItems({ page: (i % 5) + 1, pageSize: 5 })));
    expect(results.every((r) => r.items.length === 5)).toBe(true);
    const counters = handler.faults!.counters.weidian;
    expect(counters.rateLimited).toBeGreaterThan(10);
    expect(counters.calls).toBeLessThanOrEqual(reads * 1.5);
  });

  it('retries are spread by full jitter: no second wave hits Weidian at one instant', async () => {
    const handler = createSandboxHandler({ faultControl: true });
    handler.faults!.set('weidian', { rateLimitRate: 0.3, seed: 7 });
    const times: number[] = [];
    const direct = inProcessFetch(handler);
    const client = createWeidianClient({
      appKey: SANDBOX_WEIDIAN_APP_KEY, appSecret: SANDBOX_WEIDIAN_APP_SECRET, apiBase: 'http://sandbox.test/weidian', timeoutMs: 2000,
      fetch: (input: string, init?: RequestInit) => (times.push(performance.now()), direct(input, init)),
      policy: createUpstreamPolicy({ upstream: 'weidian', deadlineMs: 4000, baseDelayMs: 100, maxDelayMs: 1000 }),
    });
    const reads = 100;
    await Promise.all(Array.from({ length: reads }, (_, i) => client.listItems({ page: (i % 5) + 1, pageSize: 5 })));
    // The first `reads` calls are the first attempts, all at once; the rest are retries.
    const start = times[0]!;
    const retries = times.slice(reads).map((t) => t - start);
    expect(retries.length).toBeGreaterThan(15);
    const inWindow = (t: number) => retries.filter((u) => u >= t && u < t + 10).length;
    expect(Math.max(...retries.map(inWindow))).toBeLessThanOrEqual(Math.ceil(retries.length * 0.3));
    expect(Math.max(...retries) - Math.min(...retries)).toBeGreaterThan(40);
  });

  it('a hanging price API opens the breaker (no more calls reach it), and a later probe closes it', async () => {
    const handler = createSandboxHandler({ faultControl: true });
    handler.faults!.set('price', { hangRate: 1 });
    const policy = createUpstreamPolicy({ upstream: 'price-api', deadlineMs: 150, maxAttempts: 1, breakerThreshold: 3, halfOpenAfterMs: 200 });
    const client = createPriceApiClient({ apiKey: SANDBOX_PRICE_API_KEY, apiBase: 'http://sandbox.test/price', timeoutMs: 100, fetch: inProcessFetch(handler), policy });
    for (let i = 0; i < 3; i++) await expect(client.searchAll({}, 10)).rejects.toMatchObject({ kind: 'timeout' });
    const reached = handler.faults!.counters.price.calls;
    const started = Date.now();
    await expect(client.searchAll({}, 10)).rejects.toMatchObject({ kind: 'unavailable' });
    expect(Date.now() - started).toBeLessThan(50); // a dead provider costs no waiting
    expect(handler.faults!.counters.price.calls).toBe(reached);
    handler.faults!.clear();
    await new Promise((r) => setTimeout(r, 250));
    expect((await client.searchAll({ category: 'books' }, 10)).length).toBeGreaterThan(0);
    expect(policy.state).toBe('closed');
  });
});
