import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';

import { getSandboxCatalogue } from '@/sandbox/catalogue';
import { SANDBOX_WEIDIAN_APP_KEY, SANDBOX_WEIDIAN_APP_SECRET } from '@/sandbox/credentials';
import { createSandboxHandler, type SandboxHandler } from '@/sandbox/handler';
import { ORDER_BASE_DATE, ORDER_HISTORY_START, SANDBOX_MERCHANTS, sandboxOrdersAt, TRADE_STATUSES, type SandboxTrade } from '@/sandbox/merchants';
import { parseGmt8 } from '@/sandbox/weidian/trades';

const NOW = Date.parse('2026-12-02T06:00:00Z'); // 14:00 GMT+8, a day and a half after the base date
const ORIGIN = 'http://sandbox.test';
const REDIRECT = 'http://localhost:3000/api/auth/callback';
const [GUOFEN, TUANGOU, SMALL] = SANDBOX_MERCHANTS as [(typeof SANDBOX_MERCHANTS)[number], (typeof SANDBOX_MERCHANTS)[number], (typeof SANDBOX_MERCHANTS)[number]];

interface ListResult {
  trades: SandboxTrade[];
  total: number;
  page: number;
  page_size: number;
  has_next: boolean;
}
interface Envelope {
  status: { status_code: number; status_reason: string };
  result: ListResult | null;
}

/** The test's own reading of `yyyy-MM-dd HH:mm:ss` GMT+8 (independent of the sandbox's parser). */
const gmt8 = (text: string): number => Date.parse(`${text.replace(' ', 'T')}+08:00`);
/** Yuan string → fen, exactly (no floating point); NaN unless it has exactly two decimals. */
const fen = (yuan: string): number => (/^\d+\.\d{2}$/.test(yuan) ? Number(yuan.replace('.', '')) : NaN);

/** Authorizes `shopId` through the real OAuth endpoints and returns an access token. */
async function accessTokenFor(handler: SandboxHandler, shopId: string, scope = 'trade.read'): Promise<string> {
  const verifier = randomBytes(32).toString('base64url');
  const query = new URLSearchParams({
    client_id: SANDBOX_WEIDIAN_APP_KEY,
    redirect_uri: REDIRECT,
    response_type: 'code',
    state: randomBytes(16).toString('base64url'),
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    scope,
  });
  const html = await (await handler(new Request(`${ORIGIN}/weidian/oauth2?${query}`))).text();
  const requestId = /name="request_id" value="([^"]+)"/.exec(html)![1]!;
  const consent = await handler(
    new Request(`${ORIGIN}/weidian/oauth2/consent`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ request_id: requestId, merchant: shopId, decision: 'approve' }),
    }),
  );
  const code = new URL(consent.headers.get('location')!).searchParams.get('code')!;
  const token = await handler(
    new Request(`${ORIGIN}/weidian/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT,
        code_verifier: verifier,
        client_id: SANDBOX_WEIDIAN_APP_KEY,
        client_secret: SANDBOX_WEIDIAN_APP_SECRET,
      }),
    }),
  );
  return ((await token.json()) as { access_token: string }).access_token;
}

async function list(handler: SandboxHandler, token: string | null, params: Record<string, string> = {}): Promise<{ http: number; body: Envelope; headers: Headers }> {
  const response = await handler(
    new Request(`${ORIGIN}/weidian/trade/list?${new URLSearchParams(params)}`, token === null ? {} : { headers: { authorization: `Bearer ${token}` } }),
  );
  return { http: response.status, body: (await response.json()) as Envelope, headers: response.headers };
}

async function setup(now = NOW, shopId = GUOFEN.shopId) {
  const clock = { now };
  const handler = createSandboxHandler({ now: () => clock.now, accessTokenTtlSeconds: 10 * 86_400 });
  const token = await accessTokenFor(handler, shopId);
  return { clock, handler, token };
}

/** Every trade, by walking the pages. */
async function listAll(handler: SandboxHandler, token: string, params: Record<string, string> = {}): Promise<SandboxTrade[]> {
  const all: SandboxTrade[] = [];
  for (let page = 1; ; page++) {
    const { body } = await list(handler, token, { ...params, page: String(page), page_size: '100' });
    all.push(...body.result!.trades);
    if (!body.result!.has_next) return all;
  }
}

const sortKey = (t: SandboxTrade): string => `${t.update_time}|${t.order_id}`;

describe('trade/list: authentication', () => {
  it('401 10012 without a bearer token or with an unknown one, with WWW-Authenticate', async () => {
    const { handler } = await setup();
    for (const token of [null, 'wdat_made_up', '']) {
      const { http, body, headers } = await list(handler, token);
      expect(http, String(token)).toBe(401);
      expect(body.status.status_code).toBe(10012);
      expect(body.result).toBeNull();
      expect(headers.get('www-authenticate')).toMatch(/^Bearer realm="weidian"/);
    }
    // The token must be in the header: not accepted in the query string.
    const valid = (await setup()).token;
    expect((await list(handler, null, { access_token: valid })).http).toBe(401);
  });

  it('401 10011 once the access token has expired', async () => {
    const clock = { now: NOW };
    const handler = createSandboxHandler({ now: () => clock.now, accessTokenTtlSeconds: 5 });
    const token = await accessTokenFor(handler, GUOFEN.shopId);
    expect((await list(handler, token)).http).toBe(200);
    clock.now += 5_000;
    const { http, body, headers } = await list(handler, token);
    expect([http, body.status.status_code, body.result]).toEqual([401, 10011, null]);
    expect(headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('403 10013 for a token without the trade.read scope', async () => {
    const { handler } = await setup();
    const itemOnly = await accessTokenFor(handler, GUOFEN.shopId, 'item.read');
    const { http, body, headers } = await list(handler, itemOnly);
    expect([http, body.status.status_code, body.result]).toEqual([403, 10013, null]);
    expect(headers.get('www-authenticate')).toContain('insufficient_scope');
  });

  it('answers only the token’s own shop', async () => {
    const { handler } = await setup();
    for (const m of SANDBOX_MERCHANTS) {
      const token = await accessTokenFor(handler, m.shopId);
      const { body } = await list(handler, token, { page_size: '100' });
      expect(body.result!.total).toBe(sandboxOrdersAt(m.shopId, NOW).length);
      expect(body.result!.trades).toEqual(sandboxOrdersAt(m.shopId, NOW).slice(0, 100));
    }
  });

  it('405 for POST', async () => {
    const { handler, token } = await setup();
    const response = await handler(new Request(`${ORIGIN}/weidian/trade/list`, { method: 'POST', headers: { authorization: `Bearer ${token}` } }));
    expect([response.status, response.headers.get('allow')]).toEqual([405, 'GET']);
  });
});

describe('trade/list: parameters and paging', () => {
  it('defaults to page 1 of 50 and pages through the full set in order', async () => {
    const { handler, token } = await setup();
    const expected = sandboxOrdersAt(GUOFEN.shopId, NOW);
    const { http, body } = await list(handler, token);
    expect(http).toBe(200);
    expect(body.status).toEqual({ status_code: 0, status_reason: 'success' });
    expect(body.result).toEqual({ trades: expected.slice(0, 50), total: expected.length, page: 1, page_size: 50, has_next: true });

    const all = await listAll(handler, token);
    expect(all).toEqual(expected);
    const lastPage = Math.ceil(expected.length / 100);
    const last = (await list(handler, token, { page: String(lastPage), page_size: '100' })).body.result!;
    expect(last.has_next).toBe(false);
    expect(last.trades).toHaveLength(expected.length - (lastPage - 1) * 100);
    const past = (await list(handler, token, { page: String(lastPage + 1), page_size: '100' })).body.result!;
    expect(past).toEqual({ trades: [], total: expected.length, page: lastPage + 1, page_size: 100, has_next: false });
    expect((await list(handler, token, { page_size: '1' })).body.result!.trades).toHaveLength(1);
  });

  it('is ordered by update_time, then order_id, ascending', () => {
    for (const m of SANDBOX_MERCHANTS) {
      const trades = sandboxOrdersAt(m.shopId, NOW);
      const outOfOrder = trades.filter((t, i) => i > 0 && !(sortKey(trades[i - 1]!) < sortKey(t)));
      expect(outOfOrder).toEqual([]);
    }
  });

  it('10002 (HTTP 200) naming the bad parameter', async () => {
    const { handler, token } = await setup();
    const cases: [Record<string, string>, string][] = [
      [{ page_size: '0' }, 'page_size'],
      [{ page_size: '101' }, 'page_size'],
      [{ page_size: 'abc' }, 'page_size'],
      [{ page_size: '' }, 'page_size'],
      [{ page: '0' }, 'page'],
      [{ page: '01' }, 'page'],
      [{ page: '1.5' }, 'page'],
      [{ status: 'PAID' }, 'status'],
      [{ status: 'trade_success' }, 'status'],
      [{ start_time: '2026-11-30T08:00:00' }, 'start_time'],
      [{ start_time: '2026-11-30 08:00' }, 'start_time'],
      [{ start_time: '2026-02-29 00:00:00' }, 'start_time'],
      [{ start_time: '2026-11-31 00:00:00' }, 'start_time'],
      [{ start_time: '2026-11-30 24:00:00' }, 'start_time'],
      [{ start_time: '1764460800000' }, 'start_time'],
    ];
    for (const [params, name] of cases) {
      const { http, body } = await list(handler, token, params);
      expect(http, JSON.stringify(params)).toBe(200);
      expect(body.status.status_code, JSON.stringify(params)).toBe(10002);
      expect(body.status.status_reason).toContain(`invalid parameter ${name}`);
      expect(body.result).toBeNull();
    }
    const repeated = await handler(new Request(`${ORIGIN}/weidian/trade/list?page=1&page=2`, { headers: { authorization: `Bearer ${token}` } }));
    expect(((await repeated.json()) as Envelope).status).toMatchObject({ status_code: 10002, status_reason: expect.stringContaining('page') });
    expect((await list(handler, token, { page_size: '100' })).body.status.status_code).toBe(0);
    expect((await list(handler, token, { status: '', start_time: '', unknown: 'ignored' })).body.result!.total).toBe(sandboxOrdersAt(GUOFEN.shopId, NOW).length);
  });

  it('filters by status', async () => {
    const { handler, token } = await setup();
    const all = sandboxOrdersAt(GUOFEN.shopId, NOW);
    for (const status of TRADE_STATUSES) {
      const expected = all.filter((t) => t.status === status);
      expect(expected.length, status).toBeGreaterThan(0);
      const got = await listAll(handler, token, { status });
      expect(got).toEqual(expected);
    }
  });

  it('reads start_time as GMT+8: "2026-11-30 08:00:00" is 2026-11-30T00:00:00Z, inclusive', async () => {
    expect(parseGmt8('2026-11-30 08:00:00')).toBe(Date.parse('2026-11-30T00:00:00Z'));
    expect(parseGmt8('2026-01-01 00:00:00')).toBe(Date.parse('2025-12-31T16:00:00Z'));
    expect(parseGmt8('2028-02-29 23:59:59')).toBe(Date.parse('2028-02-29T15:59:59Z'));
    expect(parseGmt8('0099-01-01 08:00:00')).toBe(Date.parse('0099-01-01T00:00:00Z'));

    const { handler, token } = await setup();
    const all = sandboxOrdersAt(GUOFEN.shopId, NOW);
    const cut = Date.parse('2026-11-30T00:00:00Z');
    const got = await listAll(handler, token, { start_time: '2026-11-30 08:00:00' });
    expect(got).toEqual(all.filter((t) => gmt8(t.update_time) >= cut));
    expect(got.length).toBeGreaterThan(0);
    expect(got.length).toBeLessThan(all.length);
    expect(got[0]!.update_time >= '2026-11-30 08:00:00').toBe(true);
    expect(all.some((t) => t.update_time >= '2026-11-30 00:00:00' && t.update_time < '2026-11-30 08:00:00')).toBe(true);

    // Inclusive, to the second.
    const pivot = all[Math.floor(all.length / 2)]!;
    const from = await listAll(handler, token, { start_time: pivot.update_time });
    expect(from.map((t) => t.order_id)).toContain(pivot.order_id);
    const after = formatGmt8(gmt8(pivot.update_time) + 1000);
    expect((await listAll(handler, token, { start_time: after })).map((t) => t.order_id)).not.toContain(pivot.order_id);

    // Combined with status.
    const shipped = await listAll(handler, token, { start_time: '2026-11-30 08:00:00', status: 'WAIT_BUYER_CONFIRM_GOODS' });
    expect(shipped).toEqual(got.filter((t) => t.status === 'WAIT_BUYER_CONFIRM_GOODS'));
  });

  it('does not depend on the process time zone', async () => {
    const { handler, token } = await setup();
    const original = process.env.TZ;
    const runs: { localHour: number; parsed: number | null; total: number; today: number }[] = [];
    try {
      for (const tz of ['UTC', 'America/Los_Angeles', 'Asia/Kolkata']) {
        process.env.TZ = tz;
        runs.push({
          localHour: new Date(Date.UTC(2026, 10, 30, 12)).getHours(), // proves the zone really changed
          parsed: parseGmt8('2026-11-30 08:00:00'),
          total: (await list(handler, token, { start_time: '2026-11-30 08:00:00' })).body.result!.total,
          today: sandboxOrdersAt(GUOFEN.shopId, NOW).filter((t) => t.created_time.startsWith('2026-11-30')).length,
        });
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
    expect(runs.map((r) => r.localHour)).toEqual([12, 4, 17]);
    for (const run of runs) expect({ ...run, localHour: 0 }).toEqual({ ...runs[0]!, localHour: 0 });
    expect(runs[0]!.parsed).toBe(Date.parse('2026-11-30T00:00:00Z'));
  });
});

function formatGmt8(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

describe('trade/list: churn while the clock moves', () => {
  it('appends new orders at the end and moves updated orders to the end', async () => {
    const { handler, token, clock } = await setup();
    const before = await listAll(handler, token);
    clock.now += 3 * 3600_000;
    const after = await listAll(handler, token);

    const old = new Map(before.map((t) => [t.order_id, t]));
    const unchanged = after.filter((t) => JSON.stringify(old.get(t.order_id)) === JSON.stringify(t));
    const changed = after.filter((t) => old.has(t.order_id) && JSON.stringify(old.get(t.order_id)) !== JSON.stringify(t));
    const added = after.filter((t) => !old.has(t.order_id));
    expect(added.length).toBeGreaterThan(5);
    expect(changed.length).toBeGreaterThan(5);
    expect(after).toHaveLength(before.length + added.length);

    // Unchanged orders keep their relative order and come first; every changed or new one comes after them.
    expect(after.slice(0, unchanged.length)).toEqual(unchanged);
    expect(unchanged.map((t) => t.order_id)).toEqual(before.filter((t) => !changed.some((c) => c.order_id === t.order_id)).map((t) => t.order_id));
    const lastOld = before.at(-1)!.update_time;
    for (const t of [...changed, ...added]) expect(t.update_time > lastOld || t.update_time === lastOld).toBe(true);
    for (const t of changed) {
      const was = old.get(t.order_id)!;
      expect(t.update_time > was.update_time).toBe(true);
      expect(t.status).not.toBe(was.status);
      expect([t.created_time, t.items, t.total_fee, t.buyer_name]).toEqual([was.created_time, was.items, was.total_fee, was.buyer_name]);
    }
    for (const t of added) expect(gmt8(t.created_time)).toBeGreaterThan(NOW);
  });

  it('a sync that pages by start_time while the clock moves sees every order in its latest state', async () => {
    const { handler, token, clock } = await setup();
    const seen = new Map<string, SandboxTrade>();
    let cursor = '';
    for (;;) {
      const { body } = await list(handler, token, { start_time: cursor, page_size: '100' });
      const { trades } = body.result!;
      for (const t of trades) seen.set(t.order_id, t);
      clock.now += 20 * 60_000; // the clock runs on between pages
      const last = trades.at(-1);
      if (!body.result!.has_next || !last) break;
      // Ask again from the last update_time seen (that second comes again; dedupe by order_id).
      if (last.update_time === cursor) throw new Error('more than one page of orders in one second');
      cursor = last.update_time;
    }
    // Everything updated up to the clock at the end of the sync, except what changed after its last page.
    const end = sandboxOrdersAt(GUOFEN.shopId, clock.now - 20 * 60_000);
    for (const t of end) expect(seen.get(t.order_id), t.order_id).toEqual(t);
    expect(seen.size).toBe(end.length);
  });
});

describe('demo merchants and their orders', () => {
  it('has ≥ 3 shops: two with more than 1,000 orders before the base date, one small', () => {
    expect(SANDBOX_MERCHANTS.length).toBeGreaterThanOrEqual(3);
    expect(new Set(SANDBOX_MERCHANTS.map((m) => m.shopId)).size).toBe(SANDBOX_MERCHANTS.length);
    const counts = SANDBOX_MERCHANTS.map((m) => sandboxOrdersAt(m.shopId, ORDER_BASE_DATE).length);
    expect(counts.filter((n) => n >= 1000).length).toBeGreaterThanOrEqual(2);
    expect(Math.min(...counts)).toBeLessThan(100);
    expect(Math.min(...counts)).toBeGreaterThan(0);
    for (const m of SANDBOX_MERCHANTS) {
      expect(m.maskedLogin).toMatch(/^1\d{2}\*{4}\d{4}$/);
      expect(sandboxOrdersAt(m.shopId, ORDER_HISTORY_START - 1)).toEqual([]);
      const first = sandboxOrdersAt(m.shopId, ORDER_BASE_DATE);
      // Spread over several months.
      const months = new Set(first.map((t) => t.created_time.slice(0, 7)));
      expect([...months].sort()).toEqual(['2026-08', '2026-09', '2026-10', '2026-11']);
    }
    expect(sandboxOrdersAt('0000000000', NOW)).toEqual([]);
  });

  it('is deterministic: a pure function of (shop, clock), however it is evaluated', async () => {
    const at = NOW + 3600_000;
    const fresh = async () => {
      vi.resetModules();
      return (await import('@/sandbox/merchants')).sandboxOrdersAt;
    };
    const future = await fresh();
    future(GUOFEN.shopId, NOW + 30 * 86_400_000); // plans generated far ahead first
    const a = future(GUOFEN.shopId, at);
    const b = (await fresh())(GUOFEN.shopId, at);
    expect(a).toEqual(b);
    expect(sandboxOrdersAt(GUOFEN.shopId, at)).toEqual(a);
    expect(sandboxOrdersAt(TUANGOU.shopId, at)).not.toEqual(a);
  });

  it('order ids are 15 digits, unique across shops; times are GMT+8 strings; statuses evolve in order', () => {
    const all = SANDBOX_MERCHANTS.flatMap((m) => sandboxOrdersAt(m.shopId, NOW));
    expect(new Set(all.map((t) => t.order_id)).size).toBe(all.length);
    const step: Record<string, number> = { WAIT_BUYER_PAY: 0, WAIT_SELLER_SEND_GOODS: 1, WAIT_BUYER_CONFIRM_GOODS: 2, TRADE_SUCCESS: 3, TRADE_CLOSED: 4 };
    const time = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
    const bad = all.filter(
      (t) =>
        !/^8\d{14}$/.test(t.order_id) ||
        t.order_id.slice(1, 9) !== t.created_time.slice(0, 10).replaceAll('-', '') ||
        !time.test(t.created_time) ||
        !time.test(t.update_time) ||
        !(t.update_time >= t.created_time) ||
        gmt8(t.update_time) > NOW ||
        (t.status === 'WAIT_BUYER_PAY' && (t.pay_time !== '' || t.update_time !== t.created_time)) ||
        (t.status === 'WAIT_SELLER_SEND_GOODS' && t.pay_time !== t.update_time) ||
        (step[t.status]! >= 1 && step[t.status]! <= 3 && !(time.test(t.pay_time) && t.pay_time >= t.created_time && t.pay_time <= t.update_time)),
    );
    expect(bad).toEqual([]);
    // Follow some orders through time: the status only moves forward, update_time with it.
    const sample = sandboxOrdersAt(TUANGOU.shopId, ORDER_BASE_DATE).filter((_, i) => i % 25 === 0);
    let previous = new Map(sample.map((t) => [t.order_id, t]));
    for (let t = ORDER_BASE_DATE; t <= ORDER_BASE_DATE + 20 * 86_400_000; t += 6 * 3600_000) {
      const current = new Map(sandboxOrdersAt(TUANGOU.shopId, t).map((o) => [o.order_id, o]));
      for (const [id, was] of previous) {
        const now = current.get(id)!;
        expect(step[now.status]!).toBeGreaterThanOrEqual(step[was.status]!);
        expect(now.update_time >= was.update_time).toBe(true);
        if (now.status === was.status) expect(now).toEqual(was);
      }
      previous = new Map(sample.map((o) => [o.order_id, current.get(o.order_id)!]));
    }
    expect([...previous.values()].every((t) => t.status === 'TRADE_SUCCESS' || t.status === 'TRADE_CLOSED')).toBe(true);
    const statuses = new Set(all.map((t) => t.status));
    expect(statuses).toEqual(new Set(TRADE_STATUSES));
    expect(all.some((t) => t.status === 'TRADE_CLOSED' && t.pay_time === '')).toBe(true);
    expect(all.some((t) => t.status === 'TRADE_CLOSED' && t.pay_time !== '')).toBe(true);
  });

  it('total_fee = items + post_fee − discount_fee, exactly, in fen', () => {
    const all = SANDBOX_MERCHANTS.flatMap((m) => sandboxOrdersAt(m.shopId, NOW));
    const bad = all.filter((t) => {
      if (t.items.length === 0 || !t.items.every((i) => Number.isInteger(i.quantity) && i.quantity >= 1)) return true;
      const items = t.items.reduce((sum, item) => sum + fen(item.price) * item.quantity, 0);
      return fen(t.total_fee) !== items + fen(t.post_fee) - fen(t.discount_fee) || fen(t.total_fee) <= 0;
    });
    expect(bad).toEqual([]);
    expect(all.some((t) => fen(t.discount_fee) > 0)).toBe(true);
    expect(all.some((t) => fen(t.post_fee) > 0)).toBe(true);
    expect(all.some((t) => fen(t.discount_fee) % 10 !== 0)).toBe(true); // odd fen amounts occur
    expect(all.some((t) => t.items.length > 1 && t.items.some((i) => i.quantity > 1))).toBe(true);
  });

  it('sells the shop’s own catalogue items, at catalogue prices', () => {
    const byId = new Map(getSandboxCatalogue().items.map((item) => [item.num_iid, item]));
    for (const m of SANDBOX_MERCHANTS) {
      const lines = sandboxOrdersAt(m.shopId, NOW).flatMap((t) => t.items);
      const bad = lines.filter((line) => {
        const item = byId.get(line.item_id);
        return !item || item.shop_name !== m.shopName || line.title !== item.title || line.price !== item.price || line.sku_desc !== item.variant;
      });
      expect(bad).toEqual([]);
      expect(new Set(lines.map((l) => l.item_id)).size).toBeGreaterThan(1);
    }
  });

  it('buyers have realistic names, phones as typed in mixed formats, and full addresses', () => {
    const all = SANDBOX_MERCHANTS.flatMap((m) => sandboxOrdersAt(m.shopId, NOW));
    const formats = {
      plain: /^1\d{10}$/,
      spaced: /^\+86 1\d{2} \d{4} \d{4}$/,
      dashed86: /^86-1\d{10}$/,
      '0086': /^0086 1\d{10}$/,
      dashed: /^1\d{2}-\d{4}-\d{4}$/,
    };
    for (const [name, pattern] of Object.entries(formats)) expect(all.some((t) => pattern.test(t.buyer_phone)), name).toBe(true);
    const bad = all.filter((t) => {
      const { province, city, district, detail } = t.receiver_address;
      return (
        !/^1[3-9]\d{9}$/.test(t.buyer_phone.replace(/\D/g, '').replace(/^(00)?86(?=1\d{10}$)/, '')) ||
        !/^[\u4e00-\u9fa5]{2,4}$/.test(t.buyer_name) ||
        !/(省|市|自治区)$/.test(province) ||
        !/市$/.test(city) ||
        !/区$/.test(district) ||
        detail.length <= 4
      );
    });
    expect(bad).toEqual([]);
    expect(all.some((t) => /^(欧阳|司马|上官|诸葛|东方|皇甫|慕容|令狐|尉迟|公孙|司徒|夏侯)/.test(t.buyer_name))).toBe(true);
    const lengths = new Set(all.map((t) => [...t.buyer_name].length));
    expect(lengths).toEqual(new Set([2, 3, 4]));
    // Returning customers.
    expect(new Set(all.map((t) => t.buyer_name)).size).toBeLessThan(all.length * 0.8);
  });

  it('keeps arriving after the base date: new orders every few minutes of clock time', () => {
    const day = 86_400_000;
    for (const m of [GUOFEN, TUANGOU]) {
      const base = sandboxOrdersAt(m.shopId, ORDER_BASE_DATE).length;
      const later = sandboxOrdersAt(m.shopId, ORDER_BASE_DATE + day).length;
      expect(later - base).toBeGreaterThan(100);
      expect(later - base).toBeLessThan(1000);
    }
    const small = sandboxOrdersAt(SMALL.shopId, ORDER_BASE_DATE + 7 * day).length - sandboxOrdersAt(SMALL.shopId, ORDER_BASE_DATE).length;
    expect(small).toBeGreaterThan(10);
  });
});
