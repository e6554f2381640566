import { describe, expect, it } from 'vitest';

import { createPriceApiClient } from '@/lib/price-api/client';
import { inProcessFetch, UpstreamError, type FetchLike } from '@/lib/upstream/http';
import type { UpstreamPolicy } from '@/lib/upstream/resilience';
import { createWeidianClient } from '@/lib/weidian/client';
import { SANDBOX_PRICE_API_KEY, SANDBOX_WEIDIAN_APP_KEY, SANDBOX_WEIDIAN_APP_SECRET } from '@/sandbox/credentials';
import { createFaultInjector, faultControlEnabledByEnv, type FaultController, type FaultPlan } from '@/sandbox/faults';
import { createSandboxHandler } from '@/sandbox/handler';

const NOW = Date.parse('2026-11-30T06:00:00Z');
const ORIGIN = 'http://sandbox.test';

/** One attempt per call, so every sandbox answer reaches the test as it is (no retries, no breaker). */
const singleShot: UpstreamPolicy = { state: 'closed', execute: (attempt) => attempt(new AbortController().signal) };

function setup(timeoutMs = 2000) {
  const faults = createFaultInjector();
  const handler = createSandboxHandler({ now: () => NOW, faultControl: faults });
  const fetchImpl: FetchLike = inProcessFetch(handler);
  const weidian = createWeidianClient({
    appKey: SANDBOX_WEIDIAN_APP_KEY,
    appSecret: SANDBOX_WEIDIAN_APP_SECRET,
    apiBase: `${ORIGIN}/weidian`,
    timeoutMs,
    fetch: fetchImpl,
    now: () => NOW,
    policy: singleShot,
  });
  const price = createPriceApiClient({ apiKey: SANDBOX_PRICE_API_KEY, apiBase: `${ORIGIN}/price`, timeoutMs, fetch: fetchImpl, policy: singleShot });
  const listItems = () => weidian.listItems({ q: '牛奶', page: 1, pageSize: 5 });
  const search = () => price.searchAll({ keyword: 'iPhone' }, 10);
  const batch = () => price.batch([{ ref: 'a', keyword: 'iPhone' }]);
  return { faults, handler, weidian, price, listItems, search, batch };
}

async function failure(promise: Promise<unknown>): Promise<UpstreamError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(UpstreamError);
    return error as UpstreamError;
  }
  throw new Error('expected the call to fail');
}

describe('each fault kind, as the project’s clients see it (in-process)', () => {
  it('no plan: everything passes, and is counted as ok', async () => {
    const { faults, listItems, search } = setup();
    expect((await listItems()).items.length).toBeGreaterThan(0);
    expect((await search()).length).toBeGreaterThan(0);
    expect(faults.counters.weidian).toMatchObject({ calls: 1, ok: 1 });
    expect(faults.counters.price).toMatchObject({ calls: 1, ok: 1 });
  });

  it('rate limiting: Weidian 60001 (HTTP 200 envelope), price 429 with Retry-After: 1', async () => {
    const { faults, listItems, search, batch } = setup();
    faults.set('weidian', { rateLimitRate: 1 });
    faults.set('price', { rateLimitRate: 1 });
    expect(await failure(listItems())).toMatchObject({ kind: 'api', code: '60001' });
    expect(await failure(search())).toMatchObject({ kind: 'http', status: 429, code: 'rate_limited', retryAfterMs: 1000 });
    expect(await failure(batch())).toMatchObject({ kind: 'http', status: 429 });
    expect(faults.counters.weidian).toMatchObject({ calls: 1, rateLimited: 1, ok: 0 });
    expect(faults.counters.price).toMatchObject({ calls: 2, rateLimited: 2 });
  });

  it('errors: HTTP 503 in the endpoint’s own shape', async () => {
    const { faults, handler, listItems, search } = setup();
    faults.set('weidian', { errorRate: 1 });
    faults.set('price', { errorRate: 1 });
    expect(await failure(listItems())).toMatchObject({ kind: 'http', status: 503 });
    expect(await failure(search())).toMatchObject({ kind: 'http', status: 503, code: 'internal' });
    const raw = await handler(new Request(`${ORIGIN}/weidian/router?method=item.list`));
    expect(raw.status).toBe(503);
    expect(await raw.json()).toEqual({ status: { status_code: 90001, status_reason: 'service unavailable' }, result: null });
    expect(faults.counters.weidian.error).toBe(2);
  });

  it('hangs: no answer until the client gives up (timeout), and the signal is respected', async () => {
    const { faults, listItems, search } = setup(150);
    faults.set('weidian', { hangRate: 1 });
    faults.set('price', { hangRate: 1 });
    const started = Date.now();
    expect(await failure(listItems())).toMatchObject({ kind: 'timeout' });
    expect(await failure(search())).toMatchObject({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(faults.counters.weidian.hang).toBe(1);
    expect(faults.counters.price.hang).toBe(1);
  });

  it('connection resets: the in-process fetch rejects with a TypeError → network', async () => {
    const { faults, handler, listItems, search } = setup();
    faults.set('weidian', { resetRate: 1 });
    faults.set('price', { resetRate: 1 });
    const weidianError = await failure(listItems());
    expect(weidianError).toMatchObject({ kind: 'network' });
    expect(weidianError.cause).toBeInstanceOf(TypeError);
    expect(await failure(search())).toMatchObject({ kind: 'network' });
    await expect(handler(new Request(`${ORIGIN}/price/v1/offers/search?keyword=x`))).rejects.toThrow(TypeError);
    expect(faults.counters.price.reset).toBe(2);
  });

  it('malformed JSON and wrong schema: both are malformed to the client', async () => {
    const { faults, handler, listItems, search, batch } = setup();
    faults.set('weidian', { malformedRate: 1 });
    faults.set('price', { malformedRate: 1 });
    expect(await failure(listItems())).toMatchObject({ kind: 'malformed', status: 200 });
    expect(await failure(search())).toMatchObject({ kind: 'malformed', status: 200 });
    const raw = await handler(new Request(`${ORIGIN}/price/v1/offers/search?keyword=x`));
    expect(raw.status).toBe(200);
    const text = await raw.text();
    expect(() => JSON.parse(text)).toThrow();

    faults.set('weidian', { wrongSchemaRate: 1 });
    faults.set('price', { wrongSchemaRate: 1 });
    expect(await failure(listItems())).toMatchObject({ kind: 'malformed' });
    expect(await failure(search())).toMatchObject({ kind: 'malformed' });
    expect(await failure(batch())).toMatchObject({ kind: 'malformed' });
    const wrong = await handler(new Request(`${ORIGIN}/weidian/router?method=item.list`));
    expect(wrong.status).toBe(200);
    expect(await wrong.json()).not.toHaveProperty('status');
    expect(faults.counters.weidian).toMatchObject({ malformed: 1, wrongSchema: 2 });
    expect(faults.counters.price).toMatchObject({ malformed: 2, wrongSchema: 2 });
  });

  it('latency (with jitter) delays the answer without failing it', async () => {
    const { faults, listItems } = setup();
    faults.set('weidian', { latencyMs: 60, jitterMs: 20 });
    const started = Date.now();
    await listItems();
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    expect(faults.counters.weidian).toMatchObject({ calls: 1, ok: 1 });
  });

  it('plans are per upstream', async () => {
    const { faults, listItems, search } = setup();
    faults.set('price', { errorRate: 1 });
    await listItems();
    expect(await failure(search())).toMatchObject({ status: 503 });
    faults.clear();
    await search();
    expect(faults.counters.price).toMatchObject({ calls: 1, ok: 1, error: 0 });
  });
});

describe('rates and determinism', () => {
  const plan: FaultPlan = { seed: 42, rateLimitRate: 0.2, errorRate: 0.1, malformedRate: 0.1, wrongSchemaRate: 0.1 };

  async function run(faults: FaultController, handler: (r: Request) => Promise<Response>, n: number): Promise<string[]> {
    const seen: string[] = [];
    const before = faults.counters.price.calls;
    for (let i = 0; i < n; i++) {
      const response = await handler(new Request(`${ORIGIN}/price/v1/offers/search?keyword=iPhone&limit=1`, { headers: { authorization: `Bearer ${SANDBOX_PRICE_API_KEY}` } }));
      const text = await response.text();
      let kind = `${response.status}`;
      if (response.status === 200) {
        try {
          kind = 'offers' in (JSON.parse(text) as object) ? 'ok' : 'wrongSchema';
        } catch {
          kind = 'malformed';
        }
      }
      seen.push(kind);
    }
    expect(faults.counters.price.calls - before).toBe(n);
    return seen;
  }

  it('honours the rates roughly, and the same seed gives the same sequence', async () => {
    const a = setup();
    a.faults.set('price', plan);
    const first = await run(a.faults, a.handler, 1000);
    const c = a.faults.counters.price;
    expect(c.ok + c.rateLimited + c.error + c.malformed + c.wrongSchema).toBe(1000);
    expect(c.rateLimited).toBeGreaterThan(150);
    expect(c.rateLimited).toBeLessThan(250);
    for (const kind of ['error', 'malformed', 'wrongSchema'] as const) {
      expect(c[kind]).toBeGreaterThan(60);
      expect(c[kind]).toBeLessThan(140);
    }
    expect(first.filter((k) => k === '429').length).toBe(c.rateLimited);
    expect(first.filter((k) => k === '503').length).toBe(c.error);
    expect(first.filter((k) => k === 'malformed').length).toBe(c.malformed);
    expect(first.filter((k) => k === 'wrongSchema').length).toBe(c.wrongSchema);

    const b = setup();
    b.faults.set('price', plan);
    expect(await run(b.faults, b.handler, 1000)).toEqual(first);

    // Setting the plan again restarts the sequence; another seed gives another one.
    a.faults.set('price', plan);
    expect(await run(a.faults, a.handler, 50)).toEqual(first.slice(0, 50));
    b.faults.set('price', { ...plan, seed: 43 });
    expect(await run(b.faults, b.handler, 50)).not.toEqual(first.slice(0, 50));
  });

  it('refuses invalid plans', () => {
    const faults = createFaultInjector();
    expect(() => faults.set('weidian', { errorRate: 1.5 })).toThrow();
    expect(() => faults.set('weidian', { errorRate: 0.6, hangRate: 0.6 })).toThrow(/at most 1/);
    expect(() => faults.set('weidian', { bogus: 1 } as FaultPlan)).toThrow();
    expect(faults.plans()).toEqual({});
  });
});

describe('control endpoint, in-process', () => {
  const control = (handler: (r: Request) => Promise<Response>, method: string, body?: unknown) =>
    handler(new Request(`${ORIGIN}/sandbox/__faults`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) }));

  it('sets, reads and clears plans and counters', async () => {
    const { handler, listItems } = setup();
    const set = await control(handler, 'POST', { weidian: { rateLimitRate: 1, seed: 7 } });
    expect(set.status).toBe(200);
    expect(await failure(listItems())).toMatchObject({ code: '60001' });
    const got = (await (await control(handler, 'GET')).json()) as { plans: Record<string, unknown>; counters: Record<string, Record<string, number>> };
    expect(got.plans).toEqual({ weidian: { rateLimitRate: 1, seed: 7 } });
    expect(got.counters.weidian).toMatchObject({ calls: 1, rateLimited: 1 });

    expect((await control(handler, 'POST', { weidian: { errorRate: 2 } })).status).toBe(400);
    expect((await control(handler, 'POST', { nope: {} })).status).toBe(400);
    expect((await control(handler, 'PUT', {})).status).toBe(405);

    // POST replaces the whole configuration; resetCounters zeroes the counters (for routes without DELETE).
    const replaced = (await (await control(handler, 'POST', { resetCounters: true })).json()) as { plans: object; counters: Record<string, Record<string, number>> };
    expect(replaced.plans).toEqual({});
    expect(replaced.counters.weidian?.calls).toBe(0);
    await listItems();

    await control(handler, 'POST', { price: { errorRate: 1 } });
    const cleared = (await (await control(handler, 'DELETE')).json()) as { plans: object; counters: Record<string, Record<string, number>> };
    expect(cleared.plans).toEqual({});
    expect(cleared.counters.weidian?.calls).toBe(0);
  });

  it('is absent when fault control is off (the endpoint is then a plain 404)', async () => {
    const handler = createSandboxHandler({ now: () => NOW, faultControl: false });
    expect(handler.faults).toBeUndefined();
    expect((await control(handler, 'GET')).status).toBe(404);
    expect((await control(handler, 'POST', { weidian: { errorRate: 1 } })).status).toBe(404);
  });

  it('is on by default outside production, and in production only with SANDBOX_FAULTS=1', () => {
    expect(faultControlEnabledByEnv({ NODE_ENV: 'test' })).toBe(true);
    expect(faultControlEnabledByEnv({ NODE_ENV: 'development' })).toBe(true);
    expect(faultControlEnabledByEnv({})).toBe(true);
    expect(faultControlEnabledByEnv({ NODE_ENV: 'production' })).toBe(false);
    expect(faultControlEnabledByEnv({ NODE_ENV: 'production', SANDBOX_FAULTS: '1' })).toBe(true);
    expect(createSandboxHandler().faults).toBeDefined(); // vitest runs with NODE_ENV=test
  });

  it('never faults the browser-facing consent pages, and a custom injector still runs first', async () => {
    const faults = createFaultInjector();
    faults.set('weidian', { errorRate: 1 });
    const handler = createSandboxHandler({ now: () => NOW, faultControl: faults, faults: ({ request }) => (request.url.includes('teapot') ? new Response('custom', { status: 418 }) : undefined) });
    const page = await handler(new Request(`${ORIGIN}/weidian/oauth2?response_type=code`));
    expect(page.status).not.toBe(503);
    expect((await handler(new Request(`${ORIGIN}/weidian/router?teapot=1`))).status).toBe(418);
    expect((await handler(new Request(`${ORIGIN}/weidian/router`))).status).toBe(503);
    expect(faults.counters.weidian).toMatchObject({ calls: 1, error: 1 });
  });
});
