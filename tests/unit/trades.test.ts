import { afterEach, describe, expect, it } from 'vitest';
import type { TokenBucket } from '@/lib/quota/token-bucket';
import { UpstreamError, type FetchLike } from '@/lib/upstream/http';
import { createUpstreamPolicy } from '@/lib/upstream/resilience';
import { createTradesClient, formatWeidianTime, isTokenRejected, parseWeidianTime, reshapeTrade } from '@/lib/weidian/trades';
import { rawTradeSchema } from '@/lib/weidian/trade-schemas';

const ORIGINAL_TZ = process.env.TZ;
afterEach(() => {
  if (ORIGINAL_TZ === undefined) delete process.env.TZ;
  else process.env.TZ = ORIGINAL_TZ;
});

// Zones with big, odd and DST-switching offsets: none of them may leak into Weidian's GMT+8 text.
const ZONES = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Chatham', 'Asia/Kolkata', 'Pacific/Kiritimati', 'America/St_Johns'];

/** getTimezoneOffset() on 2026-07-01 in each zone (minutes, positive west of UTC). */
const zoneOffsetMinutes = (zone: string) =>
  ({ UTC: 0, 'Asia/Shanghai': -480, 'America/Los_Angeles': 420, 'Pacific/Chatham': -765, 'Asia/Kolkata': -330, 'Pacific/Kiritimati': -840, 'America/St_Johns': 150 })[zone];

const KNOWN: [string, number][] = [
  ['1970-01-01 08:00:00', 0],
  ['2026-11-30 14:05:00', Date.UTC(2026, 10, 30, 6, 5, 0)],
  // Midnight in Beijing is the previous day in UTC.
  ['2026-12-01 00:00:00', Date.UTC(2026, 10, 30, 16, 0, 0)],
  ['2027-01-01 00:00:00', Date.UTC(2026, 11, 31, 16, 0, 0)],
  ['2028-02-29 07:59:59', Date.UTC(2028, 1, 28, 23, 59, 59)],
  // The US switched to daylight saving time at 2026-03-08 10:00 UTC; Beijing did not.
  ['2026-03-08 18:00:00', Date.UTC(2026, 2, 8, 10, 0, 0)],
  ['2026-03-08 17:59:59', Date.UTC(2026, 2, 8, 9, 59, 59)],
];

describe('GMT+8 time text', () => {
  it.each(ZONES)('formats and parses known instants the same in TZ=%s', (zone) => {
    process.env.TZ = zone;
    // The zone really is in effect for the process's local-time functions…
    expect(new Date(Date.UTC(2026, 6, 1)).getTimezoneOffset()).toBe(zoneOffsetMinutes(zone));
    // …and none of it reaches Weidian's text.
    for (const [text, ms] of KNOWN) {
      expect(formatWeidianTime(ms)).toBe(text);
      expect(formatWeidianTime(new Date(ms))).toBe(text);
      expect(parseWeidianTime(text).getTime()).toBe(ms);
    }
  });

  it('agrees with an ISO reading of +08:00', () => {
    for (const [text, ms] of KNOWN) expect(Date.parse(`${text.replace(' ', 'T')}+08:00`)).toBe(ms);
  });

  it('drops milliseconds downwards, so a start_time never excludes its own instant', () => {
    expect(formatWeidianTime(Date.UTC(2026, 10, 30, 6, 5, 0, 999))).toBe('2026-11-30 14:05:00');
    expect(formatWeidianTime(-1)).toBe('1970-01-01 07:59:59');
  });

  it.each([
    '2026-02-30 00:00:00',
    '2026-13-01 00:00:00',
    '2026-11-30 24:00:00',
    '2026-11-30 23:60:00',
    '2026-11-30 23:59:60',
    '2026-11-30T14:05:00',
    '2026-11-30 14:05',
    '2026-1-30 14:05:00',
    ' 2026-11-30 14:05:00',
    '',
  ])('refuses %j', (text) => {
    expect(() => parseWeidianTime(text)).toThrow(RangeError);
  });

  it('refuses invalid instants', () => {
    expect(() => formatWeidianTime(new Date(Number.NaN))).toThrow(RangeError);
  });
});

const rawTrade = (over: Record<string, unknown> = {}) => ({
  order_id: '820261130000123',
  status: 'TRADE_SUCCESS',
  created_time: '2026-11-30 14:05:00',
  update_time: '2026-12-02 09:00:01',
  pay_time: '2026-11-30 14:06:10',
  total_fee: '168.00',
  post_fee: '10.00',
  discount_fee: '19.90',
  items: [
    { item_id: '2071450001', title: ' 保温杯 500ml ', price: '88.95', quantity: 2, sku_desc: '白色' },
  ],
  buyer_name: '欧阳娜娜',
  buyer_phone: '+86 138 1234 5678',
  receiver_address: { province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路 90 号 3 幢 501' },
  ...over,
});

describe('reshapeTrade', () => {
  it('gives fen, UTC instants and masked buyer data only', () => {
    const order = reshapeTrade(rawTradeSchema.parse(rawTrade()));
    expect(order).toEqual({
      orderId: '820261130000123',
      status: 'TRADE_SUCCESS',
      createdAt: new Date('2026-11-30T06:05:00Z'),
      updatedAt: new Date('2026-12-02T01:00:01Z'),
      paidAt: new Date('2026-11-30T06:06:10Z'),
      totalFen: 16800,
      postFeeFen: 1000,
      discountFen: 1990,
      buyerNameMasked: '欧阳**',
      buyerPhoneMasked: '+86 138****5678',
      receiverProvince: '浙江省',
      receiverCity: '杭州市',
      items: [{ itemId: '2071450001', title: '保温杯 500ml', priceFen: 8895, quantity: 2, skuDesc: '白色' }],
    });
    const text = JSON.stringify(order);
    for (const secret of ['娜娜', '1234', '西湖区', '文三路', '501']) expect(text).not.toContain(secret);
  });

  it('reads an empty pay_time as unpaid', () => {
    expect(reshapeTrade(rawTradeSchema.parse(rawTrade({ pay_time: '', status: 'WAIT_BUYER_PAY' }))).paidAt).toBeNull();
  });

  it.each(['13812345678', '86-13812345678', '0086 13812345678', '138-1234-5678'])('masks the phone %j', (phone) => {
    expect(reshapeTrade(rawTradeSchema.parse(rawTrade({ buyer_phone: phone }))).buyerPhoneMasked).toMatch(/138\*{4}5678$/);
  });
});

type Call = { url: URL; init: RequestInit | undefined };

function fakeFetch(answer: (url: URL) => { status?: number; body: unknown }) {
  const calls: Call[] = [];
  const fetch: FetchLike = async (input, init) => {
    const url = new URL(input);
    calls.push({ url, init });
    const { status = 200, body } = answer(url);
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  return { fetch, calls };
}

const ok = (trades: unknown[], extra: Record<string, unknown> = {}) => ({
  status: { status_code: 0, status_reason: 'success' },
  result: { trades, total: trades.length, page: 1, page_size: 50, has_next: false, ...extra },
});
const fail = (code: number, reason: string) => ({ status: { status_code: code, status_reason: reason }, result: null });

// One attempt: these cases are about what a single answer means (retries have their own tests below).
const client = (fetch: FetchLike) =>
  createTradesClient({ apiBase: 'https://api.example.com/weidian', timeoutMs: 2000, fetch, policy: createUpstreamPolicy({ upstream: 'weidian', deadlineMs: 4000, maxAttempts: 1 }) });
const retrying = (fetch: FetchLike, quota?: TokenBucket) =>
  createTradesClient({
    apiBase: 'https://api.example.com/weidian', timeoutMs: 2000, fetch, quota,
    policy: createUpstreamPolicy({ upstream: 'weidian', deadlineMs: 4000, baseDelayMs: 1, maxDelayMs: 5 }),
  });

describe('createTradesClient', () => {
  it('sends the bearer token and the documented parameters, start_time in GMT+8', async () => {
    process.env.TZ = 'America/Los_Angeles';
    const { fetch, calls } = fakeFetch(() => ({ body: ok([rawTrade()], { total: 7, page: 2, page_size: 3, has_next: true }) }));
    const page = await client(fetch).listTrades({
      accessToken: 'wdat_abc',
      status: 'TRADE_SUCCESS',
      startTime: new Date('2026-11-30T16:00:00.500Z'),
      page: 2,
      pageSize: 3,
    });
    expect(page).toMatchObject({ total: 7, page: 2, pageSize: 3, hasNext: true });
    expect(page.trades).toHaveLength(1);
    const { url, init } = calls[0]!;
    expect(url.pathname).toBe('/weidian/trade/list');
    expect(Object.fromEntries(url.searchParams)).toEqual({ status: 'TRADE_SUCCESS', start_time: '2026-12-01 00:00:00', page: '2', page_size: '3' });
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer wdat_abc');
    expect(init?.method).toBe('GET');
  });

  it('omits status and start_time when not given', async () => {
    const { fetch, calls } = fakeFetch(() => ({ body: ok([]) }));
    await client(fetch).listTrades({ accessToken: 't', page: 1, pageSize: 100 });
    expect([...calls[0]!.url.searchParams.keys()]).toEqual(['page', 'page_size']);
  });

  it.each([
    [401, 10011, 'access token expired', true],
    [401, 10012, 'access token invalid or revoked', true],
    [403, 10013, 'access token lacks the trade.read scope', false],
    [200, 10002, 'invalid parameter start_time', false],
    [200, 60001, 'rate limited', false],
  ])('HTTP %i code %i → UpstreamError with that code (token rejected: %s)', async (status, code, reason, rejected) => {
    const { fetch } = fakeFetch(() => ({ status, body: fail(code, reason) }));
    const error = await client(fetch).listTrades({ accessToken: 't', page: 1, pageSize: 10 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ upstream: 'weidian', kind: 'api', code: String(code) });
    expect(isTokenRejected(error)).toBe(rejected);
  });

  it.each([
    ['60001', () => ({ body: fail(60001, 'rate limited') })],
    ['HTTP 503', () => ({ status: 503, body: 'busy' })],
  ])('a page answered %s is read again, taking a quota token per attempt', async (_what, failure) => {
    let n = 0;
    const { fetch, calls } = fakeFetch(() => (++n <= 2 ? failure() : { body: ok([rawTrade()]) }));
    const taken: number[] = [];
    const quota = { name: 'weidian', take: async () => void taken.push(1) } as unknown as TokenBucket;
    const page = await retrying(fetch, quota).listTrades({ accessToken: 't', page: 1, pageSize: 10 });
    expect(page.trades).toHaveLength(1);
    expect(calls).toHaveLength(3);
    expect(taken).toHaveLength(3);
  });

  it.each([
    [401, 10011],
    [403, 10013],
    [200, 10002],
  ])('HTTP %i code %i is not retried (a new token or a fixed request is needed, not patience)', async (status, code) => {
    const { fetch, calls } = fakeFetch(() => ({ status, body: fail(code, 'no') }));
    await expect(retrying(fetch).listTrades({ accessToken: 't', page: 1, pageSize: 10 })).rejects.toMatchObject({ code: String(code) });
    expect(calls).toHaveLength(1);
  });

  it('isTokenRejected is false for anything else', () => {
    expect(isTokenRejected(new Error('10011'))).toBe(false);
    expect(isTokenRejected(new UpstreamError('price-api', 'api', 'x', { code: '10011' }))).toBe(false);
    expect(isTokenRejected(new UpstreamError('weidian', 'network', 'down'))).toBe(false);
  });

  it('a 5xx without an envelope is an http error', async () => {
    const { fetch } = fakeFetch(() => ({ status: 502, body: 'bad gateway' }));
    await expect(client(fetch).listTrades({ accessToken: 't', page: 1, pageSize: 10 })).rejects.toMatchObject({ kind: 'http', status: 502 });
  });

  it.each([
    ['a missing result', { status: { status_code: 0, status_reason: 'success' } }],
    ['an unknown status', ok([rawTrade({ status: 'PAID' })])],
    ['a bad update_time', ok([rawTrade({ update_time: '2026/12/02 09:00:01' })])],
    ['an impossible date', ok([rawTrade({ created_time: '2026-02-30 10:00:00' })])],
    ['an unreadable price', ok([rawTrade({ total_fee: '一百' })])],
    ['a zero quantity', ok([rawTrade({ items: [{ item_id: '1', title: 'x', price: '1.00', quantity: 0, sku_desc: '' }] })])],
  ])('%s is a malformed answer, never a silently dropped order', async (_name, body) => {
    const { fetch } = fakeFetch(() => ({ body }));
    await expect(client(fetch).listTrades({ accessToken: 't', page: 1, pageSize: 10 })).rejects.toMatchObject({ kind: 'malformed' });
  });

  it('refuses a page size the API would refuse', async () => {
    const { fetch } = fakeFetch(() => ({ body: ok([]) }));
    await expect(client(fetch).listTrades({ accessToken: 't', page: 1, pageSize: 101 })).rejects.toThrow(RangeError);
    await expect(client(fetch).listTrades({ accessToken: 't', page: 0, pageSize: 10 })).rejects.toThrow(RangeError);
  });
});
