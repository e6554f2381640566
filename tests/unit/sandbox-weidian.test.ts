import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';

import { getSandboxCatalogue, toWireItem } from '@/sandbox/catalogue';
import { SANDBOX_WEIDIAN_APP_KEY, SANDBOX_WEIDIAN_APP_SECRET } from '@/sandbox/credentials';
import { createSandboxHandler } from '@/sandbox/handler';

const NOW = Date.parse('2026-11-30T06:00:00Z');
const handler = createSandboxHandler({ now: () => NOW });
const { items } = getSandboxCatalogue();

/** The test's own signer (docs/signing.md), independent of both lib/weidian and sandbox/weidian/verify. */
const rfc3986 = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
function sign(params: Record<string, string>, secret = SANDBOX_WEIDIAN_APP_SECRET): string {
  const canonical = Object.entries(params)
    .map(([k, v]) => [rfc3986(k), rfc3986(v)] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  return createHmac('sha256', secret).update(canonical).digest('hex');
}

interface Envelope<T = Record<string, unknown>> {
  status: { status_code: number; status_reason: string };
  result: T | null;
}
interface ListResult {
  items: ReturnType<typeof toWireItem>[];
  total: number;
  page: number;
  page_size: number;
  has_next: boolean;
}

async function call<T = ListResult>(
  business: Record<string, string>,
  { omit = [], override = {}, secret, path = '/weidian/router' }: { omit?: string[]; override?: Record<string, string>; secret?: string; path?: string } = {},
): Promise<{ http: number; body: Envelope<T> }> {
  const params: Record<string, string> = { method: 'item.list', app_key: SANDBOX_WEIDIAN_APP_KEY, timestamp: String(NOW), ...business };
  for (const key of omit) delete params[key];
  const signed = { ...params, sign: sign(params, secret), ...override };
  const response = await handler(new Request(`http://sandbox.test${path}?${new URLSearchParams(signed)}`));
  return { http: response.status, body: (await response.json()) as Envelope<T> };
}

const codeOf = async (...args: Parameters<typeof call>): Promise<[number, string]> => {
  const { http, body } = await call(...args);
  expect(http).toBe(200);
  if (body.status.status_code !== 0) expect(body.result).toBeNull();
  return [body.status.status_code, body.status.status_reason];
};

describe('Weidian router: item.list', () => {
  it('answers page 1 of everything by default, in num_iid order, without internal fields', async () => {
    const { http, body } = await call({});
    expect(http).toBe(200);
    expect(body.status).toEqual({ status_code: 0, status_reason: 'success' });
    expect(body.result).toEqual({ items: items.slice(0, 20).map((i) => toWireItem(i, NOW)), total: items.length, page: 1, page_size: 20, has_next: true });
    expect(JSON.stringify(body)).not.toMatch(/skuId|lineId|priceFen/);
  });

  it('pages through every item exactly once; has_next is false on the last page; past the end is empty', async () => {
    const seen: string[] = [];
    let page = 1;
    for (;;) {
      const { body } = await call({ page: String(page), page_size: '50' });
      const result = body.result!;
      expect(result.page).toBe(page);
      expect(result.page_size).toBe(50);
      seen.push(...result.items.map((item) => item.num_iid));
      if (!result.has_next) break;
      expect(result.items).toHaveLength(50);
      page++;
    }
    expect(seen).toEqual(items.map((item) => item.num_iid));
    const past = (await call({ page: String(page + 1), page_size: '50' })).body.result!;
    expect(past).toEqual({ items: [], total: items.length, page: page + 1, page_size: 50, has_next: false });
  });

  it('filters by category_id; empty category_id means all', async () => {
    const food = (await call({ category_id: '3', page_size: '50' })).body.result!;
    expect(food.total).toBe(items.filter((item) => item.cid === 3).length);
    expect(food.items.every((item) => item.cid === 3 && item.cate_name === '食品')).toBe(true);
    expect((await call({ category_id: '' })).body.result!.total).toBe(items.length);
  });

  it('searches NFKC + lower-case, every white-space separated term contained in the title', async () => {
    const expected = items.filter((item) => {
      const title = item.title.normalize('NFKC').toLowerCase();
      return title.includes('iphone') && title.includes('256gb');
    });
    expect(expected.length).toBeGreaterThan(2);
    for (const q of ['iphone 256gb', 'IPHONE   256GB', 'ｉＰｈｏｎｅ\u3000２５６ＧＢ', ' 256GB iPhone ']) {
      const result = (await call({ q, page_size: '50' })).body.result!;
      expect(result.items.map((item) => item.num_iid), q).toEqual(expected.map((item) => item.num_iid));
      expect(result.total).toBe(expected.length);
    }
  });

  it('combines q with category_id, and an unmatched keyword finds nothing', async () => {
    const result = (await call({ q: '纯牛奶', category_id: '3' })).body.result!;
    expect(result.total).toBeGreaterThan(0);
    expect(result.items.every((item) => item.title.includes('纯牛奶') && item.cid === 3)).toBe(true);
    expect((await call({ q: '纯牛奶', category_id: '1' })).body.result!.total).toBe(0);
    expect((await call({ q: 'no-such-product-xyz' })).body.result).toEqual({ items: [], total: 0, page: 1, page_size: 20, has_next: false });
  });

  it('accepts page_size 1 and 50', async () => {
    expect((await call({ page_size: '1' })).body.result!.items).toHaveLength(1);
    expect((await call({ page_size: '50' })).body.result!.items).toHaveLength(50);
  });

  it.each([
    ['page_size', '0'],
    ['page_size', '51'],
    ['page_size', 'abc'],
    ['page_size', ''],
    ['page', '0'],
    ['page', 'abc'],
    ['page', '1.5'],
    ['page', '-1'],
    ['page', '01'],
    ['category_id', 'abc'],
    ['category_id', '9'],
    ['category_id', '0'],
    ['category_id', '1.0'],
  ])('10002 for %s=%j, naming the parameter', async (param, value) => {
    const [code, reason] = await codeOf({ [param]: value });
    expect(code).toBe(10002);
    expect(reason).toContain(param);
  });
});

describe('Weidian router: item.get', () => {
  it('answers one item by num_iid', async () => {
    const item = items[123]!;
    const { body } = await call<{ item: unknown }>({ method: 'item.get', item_id: item.num_iid });
    expect(body).toEqual({ status: { status_code: 0, status_reason: 'success' }, result: { item: toWireItem(item, NOW) } });
  });

  it('10010 for an unknown item, 10001 without item_id, 10002 for a non-numeric one', async () => {
    expect(await codeOf({ method: 'item.get', item_id: '1999999999' })).toEqual([10010, expect.stringContaining('item_id')]);
    expect(await codeOf({ method: 'item.get' })).toEqual([10001, expect.stringContaining('item_id')]);
    expect(await codeOf({ method: 'item.get', item_id: '' })).toEqual([10001, expect.stringContaining('item_id')]);
    expect(await codeOf({ method: 'item.get', item_id: 'abc' })).toEqual([10002, expect.stringContaining('item_id')]);
  });
});

describe('Weidian router: protocol errors', () => {
  it.each(['method', 'app_key', 'timestamp'])('10001 when %s is missing', async (param) => {
    expect(await codeOf({}, { omit: [param] })).toEqual([10001, expect.stringContaining(param)]);
  });

  it('10001 when sign is missing', async () => {
    const params = { method: 'item.list', app_key: SANDBOX_WEIDIAN_APP_KEY, timestamp: String(NOW) };
    const body = (await (await handler(new Request(`http://x/weidian/router?${new URLSearchParams(params)}`))).json()) as Envelope;
    expect(body.status.status_code).toBe(10001);
    expect(body.status.status_reason).toContain('sign');
  });

  it('10002 for a non-numeric timestamp', async () => {
    expect(await codeOf({ timestamp: '2026-11-30T06:00:00Z' })).toEqual([10002, expect.stringContaining('timestamp')]);
    expect(await codeOf({ timestamp: '-1' })).toEqual([10002, expect.stringContaining('timestamp')]);
  });

  it('10003 for an unknown app_key', async () => {
    expect(await codeOf({ app_key: 'someone-else' })).toEqual([10003, expect.stringContaining('app_key')]);
  });

  it('10004 for a wrong signature: tampered parameter, wrong secret, upper-case hex', async () => {
    expect((await codeOf({ page: '1' }, { override: { page: '2' } }))[0]).toBe(10004);
    expect((await codeOf({}, { secret: 'not-the-secret' }))[0]).toBe(10004);
    const params = { method: 'item.list', app_key: SANDBOX_WEIDIAN_APP_KEY, timestamp: String(NOW) };
    expect((await codeOf({}, { override: { sign: sign(params).toUpperCase() } }))[0]).toBe(10004);
  });

  it('10005 beyond 300 000 ms of skew either way; exactly 300 000 ms is accepted', async () => {
    expect((await codeOf({ timestamp: String(NOW - 300_001) }))[0]).toBe(10005);
    expect((await codeOf({ timestamp: String(NOW + 300_001) }))[0]).toBe(10005);
    expect((await codeOf({ timestamp: String(NOW - 300_000) }))[0]).toBe(0);
    expect((await codeOf({ timestamp: String(NOW + 300_000) }))[0]).toBe(0);
    expect((await codeOf({ timestamp: '0' }))[1]).toContain('timestamp');
  });

  it('10006 for an unknown (correctly signed) method', async () => {
    expect(await codeOf({ method: 'item.delete' })).toEqual([10006, expect.stringContaining('item.delete')]);
  });

  it('10002 for a repeated key, even when signed', async () => {
    const params = { method: 'item.list', app_key: SANDBOX_WEIDIAN_APP_KEY, timestamp: String(NOW), page: '1' };
    const query = `${new URLSearchParams({ ...params, sign: sign(params) })}&page=1`;
    const body = (await (await handler(new Request(`http://x/weidian/router?${query}`))).json()) as Envelope;
    expect(body.status.status_code).toBe(10002);
    expect(body.status.status_reason).toContain('page');
  });

  it('signs unknown extra parameters too, and decodes any correct URL encoding (+ or %20)', async () => {
    const params = { method: 'item.list', app_key: SANDBOX_WEIDIAN_APP_KEY, timestamp: String(NOW), q: '纯牛奶 250ml', note: "a&b=c!'()*" };
    const signed = sign(params);
    const plus = `${new URLSearchParams({ ...params, sign: signed })}`; // encodes the space as +
    const rfc = Object.entries({ ...params, sign: signed }).map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`).join('&');
    for (const query of [plus, rfc]) {
      const body = (await (await handler(new Request(`http://x/weidian/router?${query}`))).json()) as Envelope<ListResult>;
      expect(body.status.status_code).toBe(0);
      expect(body.result!.total).toBeGreaterThan(0);
    }
  });
});

describe('sandbox handler routing', () => {
  it('serves the router under any prefix', async () => {
    expect((await call({}, { path: '/sandbox/weidian/router' })).body.status.status_code).toBe(0);
    expect((await call({}, { path: '/a/b/weidian/router' })).body.status.status_code).toBe(0);
  });

  it('404 JSON for unknown paths', async () => {
    for (const path of ['/', '/weidian/router/', '/weidian/routers', '/price/v1/offers', '/price/v2/offers/search']) {
      const response = await handler(new Request(`http://x${path}`));
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
    }
  });

  it('405 for a non-GET router call', async () => {
    const response = await handler(new Request('http://x/weidian/router', { method: 'POST', body: 'method=item.list' }));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
  });

  it('turns an unexpected error into a 500 JSON without a stack', async () => {
    const broken = createSandboxHandler({
      now: () => {
        throw new Error('clock exploded at /secret/path.ts:12');
      },
    });
    const response = await broken(new Request(`http://x/weidian/router?method=item.list&app_key=${SANDBOX_WEIDIAN_APP_KEY}&timestamp=1&sign=x`));
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ status: { status_code: 90001, status_reason: 'internal error' }, result: null });
    expect(text).not.toContain('exploded');
  });

  it('lets a fault injector short-circuit requests (the seam for latency / error rates)', async () => {
    const faulty = createSandboxHandler({
      now: () => NOW,
      faults: ({ api }) => (api === 'price' ? new Response('{}', { status: 503 }) : undefined),
    });
    expect((await faulty(new Request('http://x/price/v1/offers/search'))).status).toBe(503);
    expect((await faulty(new Request('http://x/weidian/router'))).status).toBe(200);
  });
});
