/** Concurrent cold requests for one query share one computation within an instance. */
import { describe, expect, it } from 'vitest';
import { createCache } from '@/lib/cache/cache';
import { parseEnv } from '@/lib/env';
import { getComparePage } from '@/lib/compare/service';
import { createProviders, sandboxAwareFetch } from '@/lib/upstream/providers';
import { createSandboxHandler } from '@/sandbox/handler';

describe('getComparePage under a stampede', () => {
  it('20 concurrent misses make one set of upstream calls, and all get the same answer', async () => {
    const handler = createSandboxHandler();
    const calls = { weidian: 0, price: 0 };
    const fetchImpl = sandboxAwareFetch(async (request) => {
      if (new URL(request.url).pathname.endsWith('/router')) calls.weidian++;
      else calls.price++;
      return handler(request);
    });
    const deps = { providers: createProviders(parseEnv({}), fetchImpl), cache: createCache({ graceSeconds: 60 }), ttlSeconds: 60, now: Date.now };
    const query = { q: null, categoryId: 4, page: 1, pageSize: 20, sort: 'default' as const };
    const results = await Promise.all(Array.from({ length: 20 }, () => getComparePage(query, deps)));
    const firstRound = { ...calls };
    // One item.list chain (its pages) and one offer search, not twenty.
    const single = await getComparePage(query, { ...deps, cache: createCache({ graceSeconds: 60 }) });
    expect(firstRound.weidian).toBe(calls.weidian - firstRound.weidian);
    expect(firstRound.price).toBe(calls.price - firstRound.price);
    expect(new Set(results.map((r) => JSON.stringify(r.data.items))).size).toBe(1);
    const prices = (items: typeof single.data.items) => items.map((i) => [i.product.productId, i.lowest.priceFen]);
    expect(prices(single.data.items)).toEqual(prices(results[0]!.data.items));
  });
});
