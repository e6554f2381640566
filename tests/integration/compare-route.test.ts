/**
 * The compare route end to end in-process: sandbox mode, the real Redis on 127.0.0.1:6379, and a Redis that
 * is not there at all.
 */
import Redis from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/products/compare/route';
import { setEnv } from '../support/process-singletons';
import { eventually } from '../support/eventually';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const call = (qs: string) => GET(new Request(`http://localhost/api/products/compare${qs}`));
const sandboxEnv = { WEIDIAN_APP_KEY: undefined, WEIDIAN_APP_SECRET: undefined, PRICE_API_KEY: undefined, PRICE_API_BASE: undefined, WEIDIAN_API_BASE: undefined };

let restore: (() => void) | undefined;
afterEach(() => restore?.());

describe('GET /api/products/compare with Redis', () => {
  const admin = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  beforeAll(async () => {
    await admin.connect();
    // Start cold: remove this project's compare entries (and only them).
    const keys = await admin.keys('bijia:v1:cache:compare:*');
    if (keys.length) await admin.del(...keys);
  });
  afterAll(() => admin.quit());

  it('misses, then hits, with the same body', async () => {
    restore = setEnv({ ...sandboxEnv, REDIS_URL });
    const first = await call('?category_id=3&sort=price_asc');
    expect(first.status).toBe(200);
    expect(first.headers.get('x-cache')).toBe('miss');
    const second = await call('?category_id=3&sort=price_asc');
    expect(second.headers.get('x-cache')).toBe('hit');
    const [a, b] = [await first.json(), await second.json()];
    expect(b).toEqual(a);
    expect(a.items.length).toBeGreaterThan(0);
    // A different sort or page of the same search is served from the same entry.
    expect((await call('?category_id=3&page=2')).headers.get('x-cache')).toBe('hit');
    const written = await eventually(() => admin.keys('bijia:v1:cache:compare:*'), (keys) => keys.length > 0);
    expect(await admin.ttl(written[0]!)).toBeGreaterThan(0);
  });

  it('still answers 200 when Redis is unreachable', async () => {
    restore = setEnv({ ...sandboxEnv, REDIS_URL: 'redis://127.0.0.1:1' });
    const started = Date.now();
    const res = await call('?q=%E7%89%9B%E5%A5%B6');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-cache')).toBe('miss');
    expect((await res.json()).items.length).toBeGreaterThan(0);
    const again = await call('?q=%E7%89%9B%E5%A5%B6');
    expect(again.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('GET /api/products/compare input', () => {
  it.each([
    ['?page_size=0', 'page_size'],
    ['?page_size=1e9', 'page_size'],
    ['?sort=cheapest', 'sort'],
    ['?page=1&page=2', 'page'],
    ['?category_id=%F0%9F%98%80', 'category_id'],
  ])('%s → 400 naming %s', async (qs, field) => {
    restore = setEnv({ ...sandboxEnv, REDIS_URL: undefined });
    const res = await call(qs);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('invalid_query');
    expect(body.error.fields.map((f: { field: string }) => f.field)).toEqual([field]);
  });

  it('page= is page 1', async () => {
    restore = setEnv({ ...sandboxEnv, REDIS_URL: undefined });
    const res = await call('?page=&page_size=5');
    expect(res.status).toBe(200);
    expect((await res.json()).page).toBe(1);
  });
});
