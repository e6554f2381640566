/**
 * Our Weidian and price-API clients against the standalone sandbox over real HTTP on 127.0.0.1: the happy
 * path, and the sandbox's own verifier rejecting a tampered signature and a stale timestamp.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPriceApiClient } from '@/lib/price-api/client';
import { UpstreamError } from '@/lib/upstream/http';
import { createWeidianClient } from '@/lib/weidian/client';
import { signParams } from '@/lib/weidian/sign';
import { SANDBOX_PRICE_API_KEY, SANDBOX_WEIDIAN_APP_KEY, SANDBOX_WEIDIAN_APP_SECRET } from '@/sandbox/credentials';
import { startSandboxServer, type RunningSandboxServer } from '@/sandbox/server';

let server: RunningSandboxServer;
beforeAll(async () => {
  server = await startSandboxServer();
});
afterAll(() => server.close());

const weidian = (overrides: { appSecret?: string; now?: () => number } = {}) =>
  createWeidianClient({
    appKey: SANDBOX_WEIDIAN_APP_KEY,
    appSecret: overrides.appSecret ?? SANDBOX_WEIDIAN_APP_SECRET,
    apiBase: `${server.url}/weidian`,
    timeoutMs: 5000,
    fetch,
    now: overrides.now,
  });

const apiCode = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(UpstreamError);
  return (error as UpstreamError).code;
};

describe('Weidian client ↔ sandbox', () => {
  it('lists, searches in Chinese and reads one item, in fen', async () => {
    const page = await weidian().listItems({ q: '牛奶', page: 1, pageSize: 5 });
    expect(page.items.length).toBeGreaterThan(0);
    for (const item of page.items) {
      expect(item.title).toContain('牛奶');
      expect(Number.isSafeInteger(item.priceFen)).toBe(true);
    }
    const one = await weidian().getItem(page.items[0]!.productId);
    expect(one).toMatchObject({ productId: page.items[0]!.productId, priceFen: page.items[0]!.priceFen });
    expect(await weidian().getItem('1')).toBeNull();
  });

  it('pages through everything without duplicates', async () => {
    const all = await weidian().listAllItems({}, 1000);
    expect(all.items.length).toBe(all.total);
    expect(new Set(all.items.map((i) => i.productId)).size).toBe(all.total);
    expect(all.total).toBeGreaterThanOrEqual(300);
  });

  it('is refused with 10004 when signed with the wrong secret', async () => {
    expect(await apiCode(weidian({ appSecret: 'not-the-secret' }).listItems({ page: 1, pageSize: 5 }))).toBe('10004');
  });

  it('is refused with 10004 when a signed parameter is changed in flight', async () => {
    const params = { method: 'item.list', app_key: SANDBOX_WEIDIAN_APP_KEY, timestamp: Date.now(), page: 1, page_size: 5 };
    const sign = signParams(params, SANDBOX_WEIDIAN_APP_SECRET);
    const tampered = new URLSearchParams({ ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])), page_size: '50', sign });
    const body = await (await fetch(`${server.url}/weidian/router?${tampered}`)).json();
    expect(body.status.status_code).toBe(10004);
    // The untampered request goes through, so the refusal is about the change.
    const ok = new URLSearchParams({ ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])), sign });
    expect((await (await fetch(`${server.url}/weidian/router?${ok}`)).json()).status.status_code).toBe(0);
  });

  it('is refused with 10005 when the timestamp is more than 5 minutes off, either way', async () => {
    expect(await apiCode(weidian({ now: () => Date.now() - 6 * 60_000 }).listItems({ page: 1, pageSize: 5 }))).toBe('10005');
    expect(await apiCode(weidian({ now: () => Date.now() + 6 * 60_000 }).listItems({ page: 1, pageSize: 5 }))).toBe('10005');
    const fourMinutesAgo = await weidian({ now: () => Date.now() - 4 * 60_000 }).listItems({ page: 1, pageSize: 5 });
    expect(fourMinutesAgo.items).toHaveLength(5);
  });

  it('reports an unreachable upstream as a network error, not a crash', async () => {
    const dead = createWeidianClient({ appKey: 'k', appSecret: 's', apiBase: 'http://127.0.0.1:1', timeoutMs: 2000, fetch });
    const error = await dead.listItems({ page: 1, pageSize: 5 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'UpstreamError', kind: 'network' });
  });
});

describe('price API client ↔ sandbox', () => {
  const price = (apiKey = SANDBOX_PRICE_API_KEY) => createPriceApiClient({ apiKey, apiBase: `${server.url}/price`, timeoutMs: 5000, fetch });

  it('searches a category across cursor pages, and batches per item', async () => {
    const offers = await price().searchAll({ category: 'food' }, 5000);
    expect(offers.length).toBeGreaterThan(20);
    expect(new Set(offers.map((o) => o.offerId)).size).toBe(offers.length);
    for (const o of offers) {
      expect(Number.isSafeInteger(o.priceFen)).toBe(true);
      expect(o.url.startsWith('https://')).toBe(true);
    }
    const batch = await price().batch([{ ref: 'a', keyword: offers[0]!.title }, { ref: 'b', keyword: '不存在的商品名称' }]);
    expect(batch.get('a')!.map((o) => o.offerId)).toContain(offers[0]!.offerId);
    expect(batch.get('b')).toEqual([]);
  });

  it('hands each cursor page to onPage once it is read, with the next page already requested', async () => {
    let requests = 0;
    const counting: typeof fetch = (input, init) => (requests++, fetch(input, init));
    const client = createPriceApiClient({ apiKey: SANDBOX_PRICE_API_KEY, apiBase: `${server.url}/price`, timeoutMs: 5000, fetch: counting });
    const seen: { offers: number; requestsSoFar: number }[] = [];
    const all = await client.searchAll({}, 5000, (offers) => seen.push({ offers: offers.length, requestsSoFar: requests }));
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.reduce((sum, p) => sum + p.offers, 0)).toBe(all.length);
    // Page k is handed over after request k + 1 went out (the last page: no next one).
    expect(seen.map((p) => p.requestsSoFar)).toEqual(seen.map((_, k) => Math.min(k + 2, seen.length)));
  });

  it('turns a wrong API key into an http 401 UpstreamError', async () => {
    const error = await price('wrong').searchAll({}, 10).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'UpstreamError', kind: 'http', status: 401, code: 'unauthorized' });
  });
});
