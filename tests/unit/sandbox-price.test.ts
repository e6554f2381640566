import { describe, expect, it } from 'vitest';

import { getSandboxCatalogue, toWireOffer, type PriceOfferWire } from '@/sandbox/catalogue';
import { SANDBOX_PRICE_API_KEY } from '@/sandbox/credentials';
import { createSandboxHandler } from '@/sandbox/handler';

const NOW = Date.parse('2026-11-30T06:00:00Z');
const handler = createSandboxHandler({ now: () => NOW });
const { items, offers } = getSandboxCatalogue();
const AUTH = { authorization: `Bearer ${SANDBOX_PRICE_API_KEY}` };

interface SearchBody {
  offers: PriceOfferWire[];
  next_cursor: string | null;
}
interface BatchBody {
  results: { ref: string; offers: PriceOfferWire[] }[];
}
interface ErrorBody {
  error: { code: string; message: string };
}

async function search(params: Record<string, string> | string, headers: Record<string, string> = AUTH) {
  const query = typeof params === 'string' ? params : new URLSearchParams(params).toString();
  const response = await handler(new Request(`http://sandbox.test/price/v1/offers/search?${query}`, { headers }));
  return { status: response.status, headers: response.headers, body: (await response.json()) as SearchBody & ErrorBody };
}

async function batch(body: unknown, headers: Record<string, string> = { ...AUTH, 'content-type': 'application/json' }) {
  const response = await handler(
    new Request('http://sandbox.test/price/v1/offers/batch', {
      method: 'POST',
      headers,
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
  return { status: response.status, body: (await response.json()) as BatchBody & ErrorBody };
}

/** The documented folding, re-implemented for the test. */
const fold = (s: string): string =>
  s.normalize('NFKC').toLowerCase().replace(/毫升/g, 'ml').replace(/千克|公斤/g, 'kg').replace(/克/g, 'g');
const foldedTitle = (s: string): string => fold(s).replace(/\s/g, '');

async function searchAll(params: Record<string, string>): Promise<PriceOfferWire[]> {
  const all: PriceOfferWire[] = [];
  let cursor: string | null = null;
  do {
    const { status, body } = await search({ ...params, ...(cursor ? { cursor } : {}) });
    expect(status).toBe(200);
    all.push(...body.offers);
    cursor = body.next_cursor;
  } while (cursor !== null);
  return all;
}

describe('price API: authentication', () => {
  it.each([
    ['no Authorization header', {}],
    ['a wrong key', { authorization: 'Bearer not-the-key' }],
    ['the key without the Bearer scheme', { authorization: SANDBOX_PRICE_API_KEY }],
    ['Basic auth', { authorization: `Basic ${btoa(`x:${SANDBOX_PRICE_API_KEY}`)}` }],
    ['the key with a suffix', { authorization: `Bearer ${SANDBOX_PRICE_API_KEY}x` }],
  ])('401 unauthorized with %s', async (_, headers) => {
    const { status, body, headers: responseHeaders } = await search({ keyword: 'iphone' }, headers);
    expect(status).toBe(401);
    expect(body.error.code).toBe('unauthorized');
    expect(typeof body.error.message).toBe('string');
    expect(responseHeaders.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await batch({ queries: [] }, { ...headers, 'content-type': 'application/json' })).status).toBe(401);
  });

  it('accepts the scheme in any case', async () => {
    expect((await search({}, { authorization: `bearer ${SANDBOX_PRICE_API_KEY}` })).status).toBe(200);
  });
});

describe('price API: search', () => {
  it('without filters pages through the whole index in offer_id order, default limit 100', async () => {
    const first = await search({});
    expect(first.body.offers).toHaveLength(100);
    expect(first.body.next_cursor).toEqual(expect.any(String));
    const all = await searchAll({ limit: '137' });
    expect(all.map((o) => o.offer_id)).toEqual(offers.map((o) => o.offer_id));
    expect(all).toEqual(offers.map((o) => toWireOffer(o, NOW)));
    expect(JSON.stringify(all)).not.toMatch(/skuId|generatedFor|ageMs|priceFen/);
  });

  it('uses opaque base64url cursors; the last page has next_cursor null', async () => {
    const sizes: number[] = [];
    let cursor: string | null = null;
    do {
      const page = await search({ limit: '500', ...(cursor ? { cursor } : {}) });
      sizes.push(page.body.offers.length);
      cursor = page.body.next_cursor;
      if (cursor !== null) expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    } while (cursor !== null);
    expect(sizes.slice(0, -1).every((n) => n === 500)).toBe(true);
    expect(sizes.reduce((sum, n) => sum + n, 0)).toBe(offers.length);
    expect(sizes.at(-1)).toBeGreaterThan(0);
  });

  it('answers an exactly-full last page with next_cursor null, and a page past the end as empty', async () => {
    const books = offers.filter((o) => o.category === 'books').length;
    const exact = await search({ category: 'books', limit: String(books) });
    expect(exact.body.offers).toHaveLength(books);
    expect(exact.body.next_cursor).toBeNull();
    const oneShort = await search({ category: 'books', limit: String(books - 1) });
    const rest = await search({ category: 'books', cursor: oneShort.body.next_cursor! });
    expect(rest.body.offers).toHaveLength(1);
    expect(rest.body.next_cursor).toBeNull();
    const past = await search({ cursor: Buffer.from(`offset:${offers.length + 10}`).toString('base64url') });
    expect(past.body).toEqual({ offers: [], next_cursor: null });
  });

  it('matches every keyword term against the folded title (NFKC, lower case, units, no spaces)', async () => {
    for (const keyword of ['iphone 256', 'ＩＰＨＯＮＥ', '纯牛奶 250ml', '500ml', '5kg', '抽纸 24包']) {
      const terms = fold(keyword).split(/\s+/).filter(Boolean);
      const expected = offers.filter((o) => terms.every((t) => foldedTitle(o.title).includes(t)));
      expect(expected.length, keyword).toBeGreaterThan(0);
      expect((await searchAll({ keyword })).map((o) => o.offer_id), keyword).toEqual(expected.map((o) => o.offer_id));
    }
  });

  it('finds full-width and unit-synonym titles by their plain spelling', async () => {
    const fullWidth = offers.find((o) => /[Ａ-Ｚａ-ｚ]{4,}/.test(o.title))!;
    const word = /[Ａ-Ｚａ-ｚ]{4,}/.exec(fullWidth.title)![0].normalize('NFKC');
    expect((await searchAll({ keyword: word })).map((o) => o.offer_id)).toContain(fullWidth.offer_id);

    const millilitres = offers.find((o) => /\d+毫升/.test(o.title))!;
    const amount = /(\d+)毫升/.exec(millilitres.title)![1];
    expect((await searchAll({ keyword: `${amount}ml` })).map((o) => o.offer_id)).toContain(millilitres.offer_id);
  });

  it('filters by barcode (exact) and by category', async () => {
    const barcode = offers.find((o) => o.barcode !== '')!.barcode;
    const byBarcode = await searchAll({ barcode });
    expect(byBarcode.map((o) => o.offer_id)).toEqual(offers.filter((o) => o.barcode === barcode).map((o) => o.offer_id));
    const books = await searchAll({ category: 'books' });
    expect(books.length).toBe(offers.filter((o) => o.category === 'books').length);
    const bookKeyword = await searchAll({ category: 'books', keyword: '三体' });
    expect(bookKeyword.length).toBeGreaterThan(0);
    expect(bookKeyword.every((o) => o.category === 'books' && foldedTitle(o.title).includes('三体'))).toBe(true);
    expect(await searchAll({ category: 'digital', keyword: '三体' })).toEqual([]);
  });

  it('stamps fetched_at from the injected clock', async () => {
    const later = createSandboxHandler({ now: () => NOW + 3600_000 });
    const response = await later(new Request('http://x/price/v1/offers/search?limit=1', { headers: AUTH }));
    const [offer] = ((await response.json()) as SearchBody).offers;
    expect(offer!.fetched_at).toBe(toWireOffer(offers[0]!, NOW + 3600_000).fetched_at);
    expect(Date.parse(offer!.fetched_at)).toBe(Math.floor((NOW + 3600_000 - offers[0]!.ageMs) / 1000) * 1000);
  });

  it.each([
    ['limit', 'limit=0'],
    ['limit', 'limit=501'],
    ['limit', 'limit=abc'],
    ['limit', 'limit=1.5'],
    ['limit', 'limit='],
    ['cursor', 'cursor=not-a-cursor!'],
    ['cursor', `cursor=${Buffer.from('offset:-1').toString('base64url')}`],
    ['cursor', `cursor=${Buffer.from('page:2').toString('base64url')}`],
    ['cursor', `cursor=${Buffer.from('offset:100').toString('base64')}`], // padded base64 is not what we issue
    ['category', 'category=toys'],
    ['barcode', 'barcode=12345'],
    ['keyword', 'keyword=a&keyword=b'],
  ])('400 invalid_request naming %s for %s', async (field, query) => {
    const { status, body } = await search(query);
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.message).toContain(field);
  });

  it('405 for POST to search', async () => {
    const response = await handler(new Request('http://x/price/v1/offers/search', { method: 'POST', headers: AUTH }));
    expect(response.status).toBe(405);
  });
});

describe('price API: batch', () => {
  const pick = items.filter((item) => item.barcode !== '').slice(0, 3);
  const [a, b, c] = pick as [typeof items[0], typeof items[0], typeof items[0]];

  it('answers every query in order, echoing refs, at most per_query_limit offers each', async () => {
    const queries = [
      { ref: 'third', keyword: c.title },
      { ref: 'first', keyword: a.title, barcode: a.barcode },
      { ref: 'only-barcode', barcode: b.barcode },
      { ref: 'nothing', keyword: 'zzzz qqqq' },
    ];
    const { status, body } = await batch({ queries, per_query_limit: 5 });
    expect(status).toBe(200);
    expect(body.results.map((r) => r.ref)).toEqual(['third', 'first', 'only-barcode', 'nothing']);
    for (const result of body.results) expect(result.offers.length).toBeLessThanOrEqual(5);
    expect(body.results[3]!.offers).toEqual([]);
    expect(body.results[2]!.offers.every((o) => o.barcode === b.barcode)).toBe(true);
  });

  it('ranks barcode matches first, then by share of keyword terms, then by offer_id; at least half the terms', async () => {
    for (const item of items.slice(0, 40)) {
      const { body } = await batch({ queries: [{ ref: item.num_iid, keyword: item.title, barcode: item.barcode || undefined }], per_query_limit: 50 });
      const terms = [...new Set(fold(item.title).split(/\s+/).filter(Boolean))];
      const rank = body.results[0]!.offers.map((o) => {
        const barcodeMatch = item.barcode !== '' && o.barcode === item.barcode;
        const share = terms.filter((t) => foldedTitle(o.title).includes(t)).length / terms.length;
        expect(barcodeMatch || share >= Math.ceil(terms.length / 2) / terms.length, o.title).toBe(true);
        return [barcodeMatch ? 1 : 0, share, o.offer_id] as const;
      });
      for (let i = 1; i < rank.length; i++) {
        const [pb, ps, pid] = rank[i - 1]!;
        const [cb, cs, cid] = rank[i]!;
        expect(pb > cb || (pb === cb && (ps > cs || (ps === cs && pid < cid)))).toBe(true);
      }
    }
  });

  it('finds nearly every true match of an item from its Weidian title and barcode (default limit 20)', async () => {
    let expected = 0;
    let found = 0;
    for (let i = 0; i < items.length; i += 50) {
      const page = items.slice(i, i + 50);
      const queries = page.map((item) => ({ ref: item.num_iid, keyword: item.title, ...(item.barcode ? { barcode: item.barcode } : {}) }));
      const { body } = await batch({ queries });
      for (const [j, item] of page.entries()) {
        const got = new Set(body.results[j]!.offers.map((o) => o.offer_id));
        for (const truth of offers.filter((o) => o.skuId === item.skuId)) {
          expected++;
          if (got.has(truth.offer_id)) found++;
        }
      }
    }
    expect(found / expected).toBeGreaterThan(0.95);
  });

  it('defaults per_query_limit to 20 and accepts 50 queries', async () => {
    const queries = items.slice(0, 50).map((item) => ({ ref: item.num_iid, keyword: 'iphone' }));
    const { status, body } = await batch({ queries });
    expect(status).toBe(200);
    expect(body.results).toHaveLength(50);
    expect(body.results[0]!.offers).toHaveLength(20);
  });

  it.each([
    ['body', 'not json {'],
    ['body', '[1,2]'],
    ['body', 'null'],
    ['queries', {}],
    ['queries', { queries: 'all' }],
    ['queries', { queries: Array.from({ length: 51 }, (_, i) => ({ ref: String(i), keyword: 'x' })) }],
    ['queries[1].ref', { queries: [{ ref: 'a', keyword: 'x' }, { ref: 'a', keyword: 'y' }] }],
    ['queries[0].ref', { queries: [{ keyword: 'x' }] }],
    ['queries[0].ref', { queries: [{ ref: 7, keyword: 'x' }] }],
    ['queries[0]', { queries: [{ ref: 'a' }] }],
    ['queries[0]', { queries: [{ ref: 'a', keyword: '   ', barcode: '' }] }],
    ['queries[0]', { queries: ['iphone'] }],
    ['queries[0].keyword', { queries: [{ ref: 'a', keyword: 42 }] }],
    ['queries[0].barcode', { queries: [{ ref: 'a', barcode: '690123' }] }],
    ['per_query_limit', { queries: [{ ref: 'a', keyword: 'x' }], per_query_limit: 0 }],
    ['per_query_limit', { queries: [{ ref: 'a', keyword: 'x' }], per_query_limit: 51 }],
    ['per_query_limit', { queries: [{ ref: 'a', keyword: 'x' }], per_query_limit: '20' }],
  ])('400 invalid_request naming %s', async (field, body) => {
    const response = await batch(body);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid_request');
    expect(response.body.error.message.startsWith(`${field}:`), response.body.error.message).toBe(true);
  });

  it('400 naming Content-Type when the body is not declared as JSON', async () => {
    const response = await batch({ queries: [] }, { ...AUTH, 'content-type': 'text/plain' });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('Content-Type');
  });

  it('accepts an empty list of queries and a charset on the content type', async () => {
    const response = await batch({ queries: [] }, { ...AUTH, 'content-type': 'application/json; charset=utf-8' });
    expect(response).toEqual({ status: 200, body: { results: [] } });
  });

  it('405 for GET on batch', async () => {
    const response = await handler(new Request('http://x/price/v1/offers/batch', { headers: AUTH }));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });
});

describe('sandbox price API: bounded work per request', () => {
  it('refuses an over-long keyword (search and batch) and an oversized body without buffering it', async () => {
    const handler = createSandboxHandler();
    const auth = { authorization: `Bearer ${SANDBOX_PRICE_API_KEY}` };
    const long = 'a '.repeat(150);
    const search = await handler(new Request(`http://s/price/v1/offers/search?keyword=${encodeURIComponent(long)}`, { headers: auth }));
    expect(search.status).toBe(400);
    expect((await search.json()).error.message).toContain('keyword');
    const batch = await handler(
      new Request('http://s/price/v1/offers/batch', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ queries: [{ ref: 'a', keyword: long }] }) }),
    );
    expect(batch.status).toBe(400);
    let pulled = 0;
    const huge = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 64 * 1024;
        if (pulled > 50 * 1024 * 1024) controller.close();
        else controller.enqueue(new Uint8Array(64 * 1024).fill(97));
      },
    });
    const big = await handler(
      new Request('http://s/price/v1/offers/batch', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: huge, duplex: 'half' } as RequestInit),
    );
    expect(big.status).toBe(400);
    expect(pulled).toBeLessThan(4 * 1024 * 1024);
  });
});
