/**
 * The compare API's answer is written once per result set and page (lib/compare/service.ts): the bytes must
 * be exactly the JSON of the page getComparePage gives, for every sort and page, and follow the cache state.
 */
import { describe, expect, it } from 'vitest';
import { createCache } from '@/lib/cache/cache';
import { parseEnv } from '@/lib/env';
import { getComparePage, getComparePageJson } from '@/lib/compare/service';
import { createProviders, sandboxAwareFetch } from '@/lib/upstream/providers';
import type { CompareQuery } from '@/lib/types';
import { createSandboxHandler } from '@/sandbox/handler';

const decode = (bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes)) as unknown;

describe('getComparePageJson', () => {
  const handler = createSandboxHandler();
  const now = Date.parse('2026-12-01T04:00:00Z');
  const deps = {
    providers: createProviders(parseEnv({}), sandboxAwareFetch(async (request) => handler(request))),
    cache: createCache({ graceSeconds: 600 }),
    ttlSeconds: 60,
    now: () => now,
  };
  const base: CompareQuery = { q: null, categoryId: 1, page: 1, pageSize: 20, sort: 'default' };

  it('is the JSON of getComparePage for every sort and page, the same bytes again, another page another answer', async () => {
    for (const sort of ['default', 'price_asc', 'price_desc', 'saving_desc'] as const) {
      for (const page of [1, 2, 9]) {
        const query = { ...base, sort, page, pageSize: 7 };
        const { data } = await getComparePage(query, deps);
        const first = await getComparePageJson(query, deps);
        expect(decode(first.json)).toEqual(JSON.parse(JSON.stringify(data)));
        const again = await getComparePageJson(query, deps);
        expect(again.cache).toBe('hit');
        expect(again.json).toBe(first.json);
      }
    }
    const one = await getComparePageJson({ ...base, page: 1, pageSize: 7 }, deps);
    const two = await getComparePageJson({ ...base, page: 2, pageSize: 7 }, deps);
    expect(decode(one.json)).not.toEqual(decode(two.json));
    // The query is echoed as given: the same result set asked for as "Apple" and "apple" answers each as asked.
    const upper = decode((await getComparePageJson({ ...base, q: 'Apple' }, deps)).json) as { query: { q: string } };
    const lower = decode((await getComparePageJson({ ...base, q: 'apple' }, deps)).json) as { query: { q: string } };
    expect([upper.query.q, lower.query.q]).toEqual(['Apple', 'apple']);
  });

  it('says stale once the entry is past its fresh time (not the bytes written while it was fresh)', async () => {
    const sandbox = createSandboxHandler({ faultControl: true });
    const shortLived = { ...deps, providers: createProviders(parseEnv({}), sandboxAwareFetch(async (r) => sandbox(r))), cache: createCache({ graceSeconds: 600 }), ttlSeconds: 1 };
    const query = { ...base, categoryId: 2 };
    const fresh = await getComparePageJson(query, shortLived);
    expect((decode(fresh.json) as { stale: boolean }).stale).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    sandbox.faults!.set('weidian', { latencyMs: 1000 }); // the refresh is still running when we read
    const stale = await getComparePageJson(query, shortLived);
    expect(stale.cache).toBe('stale');
    expect((decode(stale.json) as { stale: boolean }).stale).toBe(true);
  });
});
