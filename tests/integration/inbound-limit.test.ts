import Redis from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { GET as callback } from '@/app/api/auth/callback/route';
import { GET as login } from '@/app/api/auth/login/route';
import { POST as logout } from '@/app/api/auth/logout/route';
import { GET as cron } from '@/app/api/cron/sync-orders/route';
import { GET as health } from '@/app/api/health/route';
import { GET as syncStatus, POST as syncStart } from '@/app/api/orders/sync/route';
import { closeDb, getDb } from '@/lib/db/client';
import { withRateLimit } from '@/lib/http/rate-limit';
import { inRequestScope, settleAfterTasks } from '@/tests/support/next-request-scope';
import { resetProcessSingletons, setEnv } from '@/tests/support/process-singletons';
import { claimSize, clientIp, createLocalLimiter, createRedisLimiter, limitKey, type InboundLimiter } from '@/lib/quota/inbound';

// The auth and sync routes use cookies() and after(), which need Next's request scope.
vi.mock('next/headers', () => import('../support/next-request-scope'));
vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: (await import('../support/next-request-scope')).after }));

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const a = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
const b = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
afterAll(async () => {
  await Promise.all([a.quit(), b.quit()]);
});

const ok = async () => Response.json({ ok: true });
const get = (headers: Record<string, string> = {}) => new Request('http://localhost/api/products/compare?q=x', { headers });

describe.each([
  ['Redis, two instances', () => [createRedisLimiter(a), createRedisLimiter(b)] as const],
  ['in-process', () => { const l = createLocalLimiter(); return [l, l] as const; }],
])('%s', (_name, make) => {
  const policy = () => ({ name: `test-${Math.random()}`, limit: 3, windowMs: 60_000 });

  it('answers 429 JSON with Retry-After and RateLimit-* headers after the limit; allowed answers carry RateLimit-*', async () => {
    const [l1, l2] = make();
    const p = policy();
    const r1 = withRateLimit(ok, p, { limiter: l1, onVercel: true });
    const r2 = withRateLimit(ok, p, { limiter: l2, onVercel: true });
    const ip = { 'x-vercel-forwarded-for': '203.0.113.7' };

    const first = await r1(get(ip));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ ok: true });
    expect(first.headers.get('ratelimit-limit')).toBe('3');
    expect(first.headers.get('ratelimit-remaining')).toBe('2');
    expect(Number(first.headers.get('ratelimit-reset'))).toBeGreaterThan(55);
    expect((await r2(get(ip))).headers.get('ratelimit-remaining')).toBe('1');
    expect((await r1(get(ip))).headers.get('ratelimit-remaining')).toBe('0');

    const refused = await r2(get(ip));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('rate_limited');
    expect(body.error.message).toBeTruthy();
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(55);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get('ratelimit-limit')).toBe('3');
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(Number(refused.headers.get('ratelimit-reset'))).toBe(retryAfter);
  });

  it('on Vercel counts per client IP (x-vercel-forwarded-for, else the first x-forwarded-for entry)', async () => {
    const [l1] = make();
    const route = withRateLimit(ok, policy(), { limiter: l1, onVercel: true });
    for (let i = 0; i < 3; i++) expect((await route(get({ 'x-forwarded-for': '198.51.100.1, 10.0.0.1' }))).status).toBe(200);
    expect((await route(get({ 'x-forwarded-for': '198.51.100.1' }))).status).toBe(429);
    // Another client is not affected.
    expect((await route(get({ 'x-vercel-forwarded-for': '198.51.100.2', 'x-forwarded-for': '198.51.100.1' }))).status).toBe(200);
    expect((await route(get({ 'x-forwarded-for': '2001:db8::1' }))).status).toBe(200);
  });

  it('not on Vercel ignores X-Forwarded-For: spoofing a new IP per request does not escape the limit', async () => {
    const [l1] = make();
    const route = withRateLimit(ok, policy(), { limiter: l1, onVercel: false });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await route(get({ 'x-forwarded-for': `192.0.2.${i}`, 'x-vercel-forwarded-for': `192.0.2.${i}`, 'x-real-ip': `192.0.2.${i}` }));
      statuses.push(r.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });
});

describe('clientIp', () => {
  it("is 'local' off Vercel whatever the headers say, and for a missing or malformed header on Vercel", () => {
    expect(clientIp(get({ 'x-forwarded-for': '203.0.113.9' }), false)).toBe('local');
    expect(clientIp(get({}), true)).toBe('local');
    expect(clientIp(get({ 'x-forwarded-for': 'evil}{key' }), true)).toBe('local');
    expect(clientIp(get({ 'x-forwarded-for': ' 203.0.113.9 , 10.0.0.1' }), true)).toBe('203.0.113.9');
  });
});

describe('Redis counters', () => {
  it('with a large limit, claim hits in batches: never more than the limit over all instances, one round trip per batch', async () => {
    const scripts = { a: 0, b: 0 };
    const counting = (client: typeof a, name: keyof typeof scripts) =>
      new Proxy(client, {
        get(target, prop, receiver) {
          const v = Reflect.get(target, prop, receiver);
          if (prop !== 'evalsha' && prop !== 'eval') return typeof v === 'function' ? v.bind(target) : v;
          return (...args: unknown[]) => (scripts[name]++, (v as (...x: unknown[]) => unknown).apply(target, args));
        },
      });
    const p = { name: `test-${Math.random()}`, limit: 100, windowMs: 60_000 };
    expect(claimSize(p.limit)).toBe(5);
    const [l1, l2] = [createRedisLimiter(counting(a, 'a')), createRedisLimiter(counting(b, 'b'))];
    // 150 hits, alternating instances in bursts, some concurrent.
    const results = [];
    for (let i = 0; i < 30; i++) results.push(...(await Promise.all(Array.from({ length: 5 }, () => (i % 3 === 0 ? l2 : l1).hit('203.0.113.9', p)))));
    const allowed = results.filter((r) => r.allowed).length;
    expect(allowed).toBeLessThanOrEqual(100);
    // Hits one instance claimed and did not spend are lost to the other: at most claim − 1 each.
    expect(allowed).toBeGreaterThanOrEqual(100 - 2 * (claimSize(p.limit) - 1));
    expect(results.slice(-10).every((r) => !r.allowed && r.remaining === 0)).toBe(true);
    // Claims until the window is full (100 / 5 and a few refused ones), not one per hit; refusals then cost none.
    expect(scripts.a + scripts.b).toBeLessThanOrEqual(100 / 5 + 4);
    const before = scripts.a + scripts.b;
    await l1.hit('203.0.113.9', p);
    expect(scripts.a + scripts.b).toBe(before);
  });

  it('always carry a TTL, in a hash-tagged key', async () => {
    const limiter: InboundLimiter = createRedisLimiter(a);
    const p = { name: `test-${Math.random()}`, limit: 10, windowMs: 5_000 };
    await limiter.hit('203.0.113.5', p);
    await limiter.hit('203.0.113.5', p);
    const key = limitKey(p.name, '203.0.113.5');
    expect(key).toMatch(/^bijia:v1:\{ratelimit:test-[^}]+:203\.0\.113\.5\}$/);
    const ttl = await a.pttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(5_000);
  });

  it('a route handler keeps its extra arguments and immutable-header responses still get the headers', async () => {
    const route = withRateLimit(
      async (_request: Request, ctx: { params: Promise<{ id: string }> }) => Response.redirect(`http://localhost/x/${(await ctx.params).id}`, 302),
      { name: `test-${Math.random()}`, limit: 5, windowMs: 60_000 },
      { limiter: createLocalLimiter(), onVercel: false },
    );
    const res = await route(get(), { params: Promise.resolve({ id: '42' }) });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('http://localhost/x/42');
    expect(res.headers.get('ratelimit-remaining')).toBe('4');
  });
});

describe('withRateLimit defaults (from the environment)', () => {
  it('uses API_RATE_LIMIT_PER_MINUTE per IP, shared through REDIS_URL, trusting headers only with VERCEL=1', async () => {
    const restore = setEnv({ VERCEL: '1', REDIS_URL, API_RATE_LIMIT_PER_MINUTE: '2' });
    resetProcessSingletons();
    const ip = `2001:db8::${Math.floor(Math.random() * 0xffff).toString(16)}`;
    try {
      const route = withRateLimit(ok);
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await route(get({ 'x-vercel-forwarded-for': ip }))).status);
      expect(statuses).toEqual([200, 200, 429]);
      expect(await a.exists(limitKey('api', ip))).toBe(1);
    } finally {
      await a.del(limitKey('api', ip));
      restore();
      resetProcessSingletons();
    }
  });
});

describe('the public /api routes that do work for a client are limited, each on its policy', () => {
  const POLICIES = ['api', 'auth', 'sync', 'sync-status', 'health'];
  // Distinct limits, so a route on the wrong policy is caught: api-like policies 3, auth and sync 2.
  const ENV = {
    WEIDIAN_APP_KEY: undefined, WEIDIAN_APP_SECRET: undefined, PRICE_API_KEY: undefined, PRICE_API_BASE: undefined, WEIDIAN_API_BASE: undefined,
    DATABASE_URL: undefined, PGLITE_DIR: 'memory://', CRON_SECRET: 'cron-secret-for-tests-0123456789',
    VERCEL: '1', REDIS_URL, API_RATE_LIMIT_PER_MINUTE: '3', AUTH_RATE_LIMIT_PER_MINUTE: '2', SYNC_RATE_LIMIT_PER_MINUTE: '2',
  };
  let ip: string;
  let restore: () => void;
  beforeAll(async () => {
    // Migrate the database once, up front: a cold PGlite would time out health's 2 s database probe.
    const r = setEnv(ENV);
    await getDb();
    r();
  });
  afterAll(() => closeDb());
  beforeEach(() => {
    restore = setEnv(ENV);
    ip = `2001:db8:1::${Math.floor(Math.random() * 0xffff).toString(16)}`;
  });
  afterEach(async () => {
    await settleAfterTasks();
    await a.del(...POLICIES.map((p) => limitKey(p, ip)));
    restore();
  });

  const call = (handler: (request: Request) => Promise<Response>, path: string, init: RequestInit = {}) => {
    const request = new Request(`http://localhost${path}`, { ...init, headers: { 'x-vercel-forwarded-for': ip, ...(init.headers as Record<string, string>) } });
    return inRequestScope(request, () => handler(request));
  };
  const sameOrigin = { origin: 'http://localhost' };

  const routes: [string, number, () => Promise<Response>][] = [
    ['GET /api/auth/login', 2, () => call(login, '/api/auth/login?returnTo=%2Forders')],
    ['GET /api/auth/callback', 2, () => call(callback, '/api/auth/callback?code=x&state=y')],
    ['POST /api/auth/logout', 3, () => call(logout, '/api/auth/logout', { method: 'POST', headers: sameOrigin })],
    ['POST /api/orders/sync', 2, () => call(syncStart, '/api/orders/sync', { method: 'POST', headers: sameOrigin })],
    ['GET /api/orders/sync', 3, () => call(syncStatus, '/api/orders/sync')],
    ['GET /api/health', 3, () => call(health, '/api/health')],
  ];

  it.each(routes)('%s answers 429 JSON with Retry-After and RateLimit-* once over %i a minute', async (_name, limit, request) => {
    for (let i = 0; i < limit; i++) {
      const allowed = await request();
      expect(allowed.status).not.toBe(429);
      expect(allowed.headers.get('ratelimit-limit')).toBe(String(limit));
      expect(allowed.headers.get('ratelimit-remaining')).toBe(String(limit - 1 - i));
    }
    const refused = await request();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/application\/json/);
    expect((await refused.json()).error).toMatchObject({ code: 'rate_limited', message: expect.any(String) });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('ratelimit-limit')).toBe(String(limit));
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(refused.headers.get('ratelimit-reset')).toBe(refused.headers.get('retry-after'));
  });

  it('login and callback share one counter (a login is one request to each)', async () => {
    expect((await call(login, '/api/auth/login')).status).toBe(302);
    expect((await call(callback, '/api/auth/callback?code=x&state=y')).status).toBe(303);
    expect((await call(login, '/api/auth/login')).status).toBe(429);
  });

  it('a browser over the login limit is sent to the login page, which says why; other clients get the JSON 429', async () => {
    for (let i = 0; i < 2; i++) await call(login, '/api/auth/login');
    const browser = await call(login, '/api/auth/login', { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(browser.status).toBe(303);
    expect(new URL(browser.headers.get('location')!).pathname + new URL(browser.headers.get('location')!).search).toBe('/login?error=rate_limited');
    expect(Number(browser.headers.get('retry-after'))).toBeGreaterThan(0);
    const api = await call(callback, '/api/auth/callback?code=x&state=y', { headers: { accept: 'application/json' } });
    expect(api.status).toBe(429);
    expect((await api.json()).error.code).toBe('rate_limited');
  });

  it('polling the sync status and using the rest of the API do not use up each other\'s counters', async () => {
    for (let i = 0; i < 3; i++) expect((await call(logout, '/api/auth/logout', { method: 'POST', headers: sameOrigin })).status).toBe(303);
    expect((await call(logout, '/api/auth/logout', { method: 'POST', headers: sameOrigin })).status).toBe(429);
    expect((await call(syncStatus, '/api/orders/sync')).status).toBe(401);
    expect((await call(health, '/api/health')).status).toBe(200);
    expect((await call(syncStart, '/api/orders/sync', { method: 'POST', headers: sameOrigin })).status).toBe(401);
  });

  it('leaves the Bearer-authenticated cron route unlimited', async () => {
    for (let i = 0; i < 6; i++) expect((await call(cron, '/api/cron/sync-orders', { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
  });
});
