/** The other route handlers, called in-process: the Weidian proxy, the embedded sandbox mount, health. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeDb } from '@/lib/db/client';
import { checkHealth, HEALTH_CACHE_MS } from '@/lib/health';
import { getProviders } from '@/lib/upstream/providers';
import { GET as compare } from '@/app/api/products/compare/route';
import { GET as health } from '@/app/api/health/route';
import { GET as weidianProducts } from '@/app/api/weidian/products/route';
import { GET as sandboxGet, POST as sandboxPost } from '@/app/sandbox/[...path]/route';
import { signParams } from '@/lib/weidian/sign';
import { SANDBOX_WEIDIAN_APP_KEY, SANDBOX_WEIDIAN_APP_SECRET } from '@/sandbox/credentials';
import { setEnv } from '../support/process-singletons';
import { captureLogs } from '../support/capture-logs';

const SANDBOX = { WEIDIAN_APP_KEY: undefined, WEIDIAN_APP_SECRET: undefined, PRICE_API_KEY: undefined, PRICE_API_BASE: undefined, WEIDIAN_API_BASE: undefined, REDIS_URL: undefined };
const REAL = { ...SANDBOX, WEIDIAN_APP_KEY: 'k', WEIDIAN_APP_SECRET: 's', PRICE_API_KEY: 'p', PRICE_API_BASE: 'https://prices.invalid' };

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  vi.restoreAllMocks();
});

function signedRouterUrl(business: Record<string, string>) {
  const params = { method: 'item.list', app_key: SANDBOX_WEIDIAN_APP_KEY, timestamp: String(Date.now()), ...business };
  const qs = new URLSearchParams({ ...params, sign: signParams(params, SANDBOX_WEIDIAN_APP_SECRET) });
  return `http://localhost/sandbox/weidian/router?${qs}`;
}

describe('/sandbox/*', () => {
  it('serves the emulator in sandbox mode', async () => {
    restore = setEnv(SANDBOX);
    const res = await sandboxGet(new Request(signedRouterUrl({ page_size: '3' })));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status.status_code).toBe(0);
    expect(body.result.items).toHaveLength(3);
  });

  it('answers 404 to GET and POST once real credentials are configured', async () => {
    restore = setEnv(REAL);
    expect((await sandboxGet(new Request(signedRouterUrl({ page_size: '3' })))).status).toBe(404);
    const post = new Request('http://localhost/sandbox/price/v1/offers/batch', { method: 'POST', body: '{"queries":[]}', headers: { 'content-type': 'application/json' } });
    expect((await sandboxPost(post)).status).toBe(404);
  });
});

describe('/api/weidian/products', () => {
  it('proxies item.list, signed on the server, reshaped into fen', async () => {
    restore = setEnv(SANDBOX);
    const res = await weidianProducts(new Request('http://localhost/api/weidian/products?category_id=8&page_size=5&page='));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.items).toHaveLength(5);
    for (const item of body.items) {
      expect(item.categoryId).toBe(8);
      expect(Number.isSafeInteger(item.priceFen)).toBe(true);
      expect(item).not.toHaveProperty('num_iid');
    }
    expect(JSON.stringify(body)).not.toContain(SANDBOX_WEIDIAN_APP_SECRET);
  });

  it.each(['page_size=51', 'category_id=0', 'sort=price_asc&page=x'])('%s → 400 naming the field', async (qs) => {
    restore = setEnv(SANDBOX);
    const res = await weidianProducts(new Request(`http://localhost/api/weidian/products?${qs}`));
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields.length).toBeGreaterThan(0);
  });
});

describe('upstream down', () => {
  it('answers 502 JSON without the upstream URL when Weidian cannot be reached', async () => {
    restore = setEnv({ ...REAL, WEIDIAN_API_BASE: 'http://127.0.0.1:1', PRICE_API_BASE: 'http://127.0.0.1:1', WEIDIAN_TIMEOUT_MS: '2000' });
    const res = await compare(new Request('http://localhost/api/products/compare'));
    expect(res.status).toBe(502);
    const text = await res.text();
    expect(JSON.parse(text).error.code).toBe('upstream_unavailable');
    expect(text).not.toContain('127.0.0.1');
  });
});

describe('Redis outage logging', () => {
  it('is logged once per subsystem, not once per request', async () => {
    restore = setEnv({ ...SANDBOX, REDIS_URL: 'redis://127.0.0.1:1' });
    const logs = captureLogs();
    const redisWarnings = () => logs.lines.filter((l) => l.level === 'warn' && l.event === 'redis_down').map((l) => `${String(l.module)}:${String(l.quota ?? '')}`);
    const requestTwice = async () => {
      for (let i = 0; i < 2; i++) expect((await compare(new Request('http://localhost/api/products/compare?category_id=2'))).status).toBe(200);
    };
    await requestTwice();
    const afterTwo = redisWarnings();
    await requestTwice();
    await requestTwice();
    expect(redisWarnings()).toEqual(afterTwo);
    // cache, inbound limiter, and each upstream's quota: one line each.
    expect(afterTwo).toEqual(expect.arrayContaining(['cache:', 'ratelimit:', 'quota:weidian', 'quota:price-api']));
    expect(new Set(afterTwo).size).toBe(afterTwo.length);
    logs.restore();
  });
});

describe('/api/health', () => {
  const pglite = () => ({ PGLITE_DIR: mkdtempSync(path.join(tmpdir(), 'bijia-health-')) });
  afterEach(() => closeDb());

  it('reports every dependency ok in sandbox mode', async () => {
    restore = setEnv({ ...SANDBOX, ...pglite() });
    const res = await health(new Request('http://localhost/api/health'));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'ok', mode: 'sandbox' });
    for (const name of ['redis', 'database', 'weidian', 'priceApi']) expect(body.checks[name]).toMatchObject({ status: 'ok' });
  });

  it('answers from one round of probes for HEALTH_CACHE_MS, then probes again', async () => {
    restore = setEnv({ ...SANDBOX, ...pglite() });
    const probe = vi.spyOn(getProviders().weidian, 'listItems');
    const now = Date.now() + 60_000; // past any round an earlier test left
    const [first, second] = await Promise.all([checkHealth(now), checkHealth(now + 1)]);
    expect(await checkHealth(now + HEALTH_CACHE_MS - 1)).toBe(first);
    // An answer says how old it is (monitors, and the e2e specs waiting for a round after a fault ends).
    expect((await first).checkedAt).toBe(new Date(now).toISOString());
    expect(second).toBe(first);
    expect(probe).toHaveBeenCalledTimes(1);
    expect((await checkHealth(now + HEALTH_CACHE_MS)).checkedAt).toBe(new Date(now + HEALTH_CACHE_MS).toISOString());
    expect(probe).toHaveBeenCalledTimes(2);
  });

  it('is degraded, still 200, when Redis is down; and leaks no host or port', async () => {
    restore = setEnv({ ...SANDBOX, ...pglite(), REDIS_URL: 'redis://127.0.0.1:1' });
    const res = await health(new Request('http://localhost/api/health'));
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ status: 'degraded', checks: { redis: { status: 'degraded' }, weidian: { status: 'ok' } } });
    expect(text).not.toContain('127.0.0.1');
  });

  it('is down, 503, when Weidian cannot be reached', async () => {
    restore = setEnv({ ...REAL, ...pglite(), WEIDIAN_API_BASE: 'http://127.0.0.1:1', PRICE_API_BASE: 'http://127.0.0.1:1', WEIDIAN_TIMEOUT_MS: '300', PRICE_API_TIMEOUT_MS: '300' });
    const res = await health(new Request('http://localhost/api/health'));
    expect(res.status).toBe(503);
    expect((await res.json()).checks.weidian.status).toBe('down');
  });
});

describe('request logs', () => {
  it('every line of a request carries its id, and one line per answer says what was asked and how it went', async () => {
    restore = setEnv(SANDBOX);
    const logs = captureLogs();
    try {
      const bad = await compare(new Request('http://localhost/api/products/compare?page_size=abc', { headers: { 'x-request-id': 'req-test-0001' } }));
      expect(bad.status).toBe(400);
      const ok = await compare(new Request('http://localhost/api/products/compare?q=oauth-code-xyz', { headers: { 'x-request-id': 'req-test-0002' } }));
      expect(ok.status).toBe(200);
      const requests = logs.lines.filter((l) => l.event === 'request');
      expect(requests).toMatchObject([
        { level: 'info', module: 'http', method: 'GET', path: '/api/products/compare', status: 400, requestId: 'req-test-0001' },
        { level: 'info', module: 'http', method: 'GET', path: '/api/products/compare', status: 200, requestId: 'req-test-0002' },
      ]);
      // The path only: a query string can hold an OAuth code or state.
      expect(JSON.stringify(logs.lines)).not.toContain('oauth-code-xyz');
      // Whatever else the compare logged (the sandbox's one unreadable offer, say) was logged in its request.
      for (const line of logs.lines) expect(line.requestId).toMatch(/^req-test-000[12]$/);
    } finally {
      logs.restore();
    }
  });
});
