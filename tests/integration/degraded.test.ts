/** Price API failing → the compare answer still comes, with Weidian prices only, marked degraded. */
import { describe, expect, it } from 'vitest';
import { createCache, type Cache } from '@/lib/cache/cache';
import { getComparePage, getProductDetail } from '@/lib/compare/service';
import { parseEnv } from '@/lib/env';
import { createProviders, sandboxAwareFetch } from '@/lib/upstream/providers';
import { createSandboxHandler } from '@/sandbox/handler';

function setup() {
  const handler = createSandboxHandler({ faultControl: true });
  const providers = createProviders(parseEnv({ PRICE_API_TIMEOUT_MS: '300' }), sandboxAwareFetch(handler));
  const cache = createCache({ graceSeconds: 60 });
  const sets: number[] = [];
  // Records the fresh time asked for each computed value.
  const spy: Cache = {
    ...cache,
    getOrCompute: (key, compute, options) => cache.getOrCompute(key, compute, { ...options, ttlSeconds: (v) => (sets.push(options.ttlSeconds(v)), options.ttlSeconds(v)) }),
  };
  return { handler, deps: { providers, cache: spy, ttlSeconds: 300, now: Date.now }, sets };
}

const query = { q: null, categoryId: 3, page: 1, pageSize: 20, sort: 'default' as const };

describe('degraded mode', () => {
  it.each([
    ['down (503)', { errorRate: 1 }],
    ['hanging', { hangRate: 1 }],
    ['answering garbage', { malformedRate: 1 }],
  ])('price API %s → Weidian items, no offers, degraded, short cache', async (_what, plan) => {
    const { handler, deps, sets } = setup();
    handler.faults!.set('price', plan);
    const started = Date.now();
    const { data } = await getComparePage(query, deps);
    expect(Date.now() - started).toBeLessThan(2000); // within the price API's deadline (2 × 300 ms) plus Weidian
    expect(data.degraded).toEqual(['price-api']);
    expect(data.items.length).toBeGreaterThan(0);
    for (const item of data.items) {
      expect(item.bestByPlatform).toEqual([]);
      expect(item.lowest.platform).toBe('weidian');
    }
    expect(sets).toEqual([30]);
  });

  it('the product page degrades the same way', async () => {
    const { handler, deps } = setup();
    const first = (await getComparePage(query, deps)).data.items[0]!.product.productId;
    handler.faults!.set('price', { errorRate: 1 });
    const detail = await getProductDetail(first, { ...deps, cache: createCache({ graceSeconds: 60 }) });
    expect(detail!.data.degraded).toEqual(['price-api']);
    expect(detail!.data.comparison.matchedOffers).toEqual([]);
  });

  it('a healthy answer is not degraded and is cached for the full TTL', async () => {
    const { deps, sets } = setup();
    const { data } = await getComparePage(query, deps);
    expect(data.degraded).toEqual([]);
    expect(sets).toEqual([300]);
  });
});
