import { request as httpRequest } from 'node:http';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createPriceApiClient } from '@/lib/price-api/client';
import { UpstreamError } from '@/lib/upstream/http';
import type { UpstreamPolicy } from '@/lib/upstream/resilience';
import { createWeidianClient } from '@/lib/weidian/client';
import { SANDBOX_PRICE_API_KEY, SANDBOX_WEIDIAN_APP_KEY, SANDBOX_WEIDIAN_APP_SECRET } from '@/sandbox/credentials';
import { startSandboxServer, type RunningSandboxServer } from '@/sandbox/server';

const NOW = Date.parse('2026-11-30T06:00:00Z');
const singleShot: UpstreamPolicy = { state: 'closed', execute: (attempt) => attempt(new AbortController().signal) };
let server: RunningSandboxServer;

beforeAll(async () => {
  server = await startSandboxServer({ now: () => NOW });
});
afterAll(async () => {
  await server?.close();
});
beforeEach(async () => {
  expect((await fetch(`${server.url}/__faults`, { method: 'DELETE' })).status).toBe(200);
});

const clients = (timeoutMs = 2000) => ({
  weidian: createWeidianClient({
    appKey: SANDBOX_WEIDIAN_APP_KEY,
    appSecret: SANDBOX_WEIDIAN_APP_SECRET,
    apiBase: `${server.url}/weidian`,
    timeoutMs,
    fetch,
    now: () => NOW,
    policy: singleShot,
  }),
  price: createPriceApiClient({ apiKey: SANDBOX_PRICE_API_KEY, apiBase: `${server.url}/price`, timeoutMs, fetch, policy: singleShot }),
});

async function failure(promise: Promise<unknown>): Promise<UpstreamError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(UpstreamError);
    return error as UpstreamError;
  }
  throw new Error('expected the call to fail');
}

async function setFaults(body: unknown): Promise<Response> {
  return fetch(`${server.url}/__faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

interface Snapshot {
  plans: Record<string, unknown>;
  counters: Record<'weidian' | 'price', Record<string, number>>;
}
const snapshot = async (): Promise<Snapshot> => (await (await fetch(`${server.url}/__faults`)).json()) as Snapshot;

describe('fault injection on the standalone server, over real HTTP on 127.0.0.1', () => {
  it('control endpoint: POST sets, GET reads plans and counters, DELETE clears', async () => {
    const { weidian, price } = clients();
    const set = await setFaults({ weidian: { rateLimitRate: 1 }, price: { errorRate: 1, seed: 3 } });
    expect(set.status).toBe(200);
    expect(await failure(weidian.listItems({ page: 1, pageSize: 5 }))).toMatchObject({ kind: 'api', code: '60001' });
    expect(await failure(price.searchAll({ keyword: 'iPhone' }, 5))).toMatchObject({ kind: 'http', status: 503 });
    const got = await snapshot();
    expect(got.plans).toEqual({ weidian: { rateLimitRate: 1 }, price: { errorRate: 1, seed: 3 } });
    expect(got.counters.weidian).toMatchObject({ calls: 1, rateLimited: 1 });
    expect(got.counters.price).toMatchObject({ calls: 1, error: 1 });
    expect(server.faults?.counters.price.error).toBe(1); // the same controller, in-process

    expect((await setFaults({ price: { hangRate: -1 } })).status).toBe(400);
    const cleared = (await (await fetch(`${server.url}/__faults`, { method: 'DELETE' })).json()) as Snapshot;
    expect(cleared.plans).toEqual({});
    expect(cleared.counters.price.calls).toBe(0);
    expect((await weidian.listItems({ page: 1, pageSize: 5 })).items.length).toBeGreaterThan(0);
  });

  it('rate limiting: price 429 carries Retry-After: 1 on the wire', async () => {
    await setFaults({ price: { rateLimitRate: 1 } });
    const response = await fetch(`${server.url}/price/v1/offers/search?keyword=x`, { headers: { authorization: `Bearer ${SANDBOX_PRICE_API_KEY}` } });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(await response.json()).toEqual({ error: { code: 'rate_limited', message: 'rate limit exceeded' } });
  });

  it('connection reset: the socket is destroyed → network error', async () => {
    const { weidian, price } = clients();
    await setFaults({ weidian: { resetRate: 1 }, price: { resetRate: 1 } });
    expect(await failure(weidian.listItems({ page: 1, pageSize: 5 }))).toMatchObject({ kind: 'network' });
    expect(await failure(price.batch([{ ref: 'a', keyword: 'iPhone' }]))).toMatchObject({ kind: 'network' });
    // At the socket level too: no HTTP answer at all, the connection just dies.
    const error = await new Promise<NodeJS.ErrnoException>((resolve, reject) => {
      const req = httpRequest(`${server.url}/price/v1/offers/search?keyword=x`, (res) => reject(new Error(`got an answer: ${res.statusCode}`)));
      req.on('error', resolve);
      req.end();
    });
    expect(['ECONNRESET', 'UND_ERR_SOCKET']).toContain(error.code);
    expect((await snapshot()).counters.price.reset).toBe(2);
    // The server keeps serving afterwards.
    await fetch(`${server.url}/__faults`, { method: 'DELETE' });
    expect((await clients().price.searchAll({ keyword: 'iPhone' }, 5)).length).toBeGreaterThan(0);
  });

  it('hang: no answer until the client times out, and the server lets the request go', async () => {
    const { weidian } = clients(200);
    await setFaults({ weidian: { hangRate: 1 } });
    const started = Date.now();
    expect(await failure(weidian.listItems({ page: 1, pageSize: 5 }))).toMatchObject({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await snapshot()).counters.weidian.hang).toBe(1);
  });

  it('malformed JSON and wrong schema → malformed', async () => {
    const { weidian, price } = clients();
    await setFaults({ weidian: { malformedRate: 1 }, price: { wrongSchemaRate: 1 } });
    expect(await failure(weidian.listItems({ page: 1, pageSize: 5 }))).toMatchObject({ kind: 'malformed' });
    expect(await failure(price.searchAll({ keyword: 'iPhone' }, 5))).toMatchObject({ kind: 'malformed' });
    await setFaults({ weidian: { wrongSchemaRate: 1 }, price: { malformedRate: 1 } });
    expect(await failure(weidian.getItem('1'))).toMatchObject({ kind: 'malformed' });
    expect(await failure(price.searchAll({ keyword: 'iPhone' }, 5))).toMatchObject({ kind: 'malformed' });
    expect((await snapshot()).counters).toMatchObject({ weidian: { malformed: 1, wrongSchema: 1 }, price: { malformed: 1, wrongSchema: 1 } });
  });

  it('the same seed gives the same sequence over HTTP', async () => {
    const sequence = async () => {
      await setFaults({ price: { seed: 11, rateLimitRate: 0.3, errorRate: 0.3 } });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) {
        const r = await fetch(`${server.url}/price/v1/offers/search?keyword=x&limit=1`, { headers: { authorization: `Bearer ${SANDBOX_PRICE_API_KEY}` } });
        await r.arrayBuffer();
        statuses.push(r.status);
      }
      return statuses;
    };
    const first = await sequence();
    expect(new Set(first)).toEqual(new Set([200, 429, 503]));
    expect(await sequence()).toEqual(first);
  });

  it('is absent when fault control is turned off', async () => {
    const plain = await startSandboxServer({ now: () => NOW, faultControl: false });
    try {
      expect((await fetch(`${plain.url}/__faults`)).status).toBe(404);
      expect((await fetch(`${plain.url}/__faults`, { method: 'POST', body: '{}' })).status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
