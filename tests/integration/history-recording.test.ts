/**
 * The compare service records the prices it computes for the history chart: every computed result set (the
 * Weidian price and each platform's lowest), only the Weidian price from a product page, nothing on a cache
 * hit; and through the app's defaults the rows reach the database without the answer waiting for them.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GET as compare } from '@/app/api/products/compare/route';
import { createCache } from '@/lib/cache/cache';
import { getComparePage, getProductDetail, type CompareDeps } from '@/lib/compare/service';
import { closeDb, getDb } from '@/lib/db/client';
import { parseEnv } from '@/lib/env';
import { getPriceHistory } from '@/lib/history/store';
import type { PriceObservation } from '@/lib/history/types';
import { createProviders, sandboxAwareFetch } from '@/lib/upstream/providers';
import { createSandboxHandler } from '@/sandbox/handler';
import { setEnv } from '../support/process-singletons';

const query = { q: null, categoryId: 2, page: 1, pageSize: 100, sort: 'default' as const }; // the whole set on one page

let restore: (() => void) | undefined;
afterEach(async () => {
  await closeDb();
  restore?.();
});

describe('recording price history', () => {
  it('records what it computes, once: the list with every platform, the product page the Weidian price only', async () => {
    const recorded: PriceObservation[][] = [];
    const deps: CompareDeps = {
      providers: createProviders(parseEnv({}), sandboxAwareFetch(createSandboxHandler())),
      cache: createCache({ graceSeconds: 60 }),
      ttlSeconds: 60,
      now: Date.now,
      recordHistory: (o) => void recorded.push(o),
    };
    const { data } = await getComparePage(query, deps);
    expect(recorded).toHaveLength(1);
    expect(data.items).toHaveLength(data.total);
    const set = recorded[0]!;
    expect(new Set(set.filter((o) => o.platform === 'weidian').map((o) => o.productId)).size).toBe(data.total);
    const otherPlatforms = data.items.reduce((n, i) => n + i.bestByPlatform.length, 0);
    expect(otherPlatforms).toBeGreaterThan(0);
    expect(set).toHaveLength(data.total + otherPlatforms);
    await getComparePage({ ...query, sort: 'price_asc' }, deps); // a hit: nothing new
    expect(recorded).toHaveLength(1);

    const first = data.items[0]!.product;
    await getProductDetail(first.productId, deps);
    expect(recorded[1]).toEqual([{ productId: first.productId, platform: 'weidian', priceFen: first.priceFen, observedAt: expect.any(String) }]);
  });

  it('through the route, the rows land in the database after the answer', async () => {
    restore = setEnv({
      WEIDIAN_APP_KEY: undefined, WEIDIAN_APP_SECRET: undefined, PRICE_API_KEY: undefined, PRICE_API_BASE: undefined, WEIDIAN_API_BASE: undefined,
      REDIS_URL: undefined, DATABASE_URL: undefined, PGLITE_DIR: mkdtempSync(path.join(tmpdir(), 'bijia-history-')),
    });
    const res = await compare(new Request('http://localhost/api/products/compare?category_id=6'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { product: { productId: string }; bestByPlatform: unknown[] }[] };
    const item = body.items.find((i) => i.bestByPlatform.length > 0) ?? body.items[0]!;
    const db = await getDb();
    let sources = 0;
    for (let i = 0; i < 100 && sources === 0; i++) {
      const history = await getPriceHistory(db, item.product.productId, { days: 30, now: Date.now() });
      sources = history.series.length;
      if (sources === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(sources).toBe(1 + item.bestByPlatform.length);
  }, 30_000);
});
