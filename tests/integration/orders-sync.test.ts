/**
 * Order sync against the sandbox's trade/list (in-process handler, injected clock), with a real merchant
 * token from the sandbox's OAuth flow and the app's token service — on the real PostgreSQL server (its own
 * schema in `test`) and on PGlite. Ground truth is `sandboxOrdersAt(shop, clock)`.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryTokenStore, createTokenService } from '@/lib/auth/tokens';
import { createLocalLocker, LockBusyError } from '@/lib/cache/lock';
import { openTestDatabase, type TestDatabase, type TestDriver } from '@/lib/db/testing';
import { orders as ordersTable, orderSyncState, type OrderRow } from '@/lib/db/schema';
import { getSyncState } from '@/lib/orders/queries';
import { safeErrorMessage, syncOrders, type SyncOrdersOptions } from '@/lib/orders/sync';
import { inProcessFetch, UpstreamError, type FetchLike } from '@/lib/upstream/http';
import { createOAuthClient } from '@/lib/weidian/oauth';
import { createUpstreamPolicy, RESILIENCE_DEFAULTS } from '@/lib/upstream/resilience';
import { createTradesClient } from '@/lib/weidian/trades';
import { SANDBOX_WEIDIAN_APP_KEY, SANDBOX_WEIDIAN_APP_SECRET } from '@/sandbox/credentials';
import { createSandboxHandler, type SandboxHandler } from '@/sandbox/handler';
import { SANDBOX_MERCHANTS, sandboxOrdersAt, type SandboxTrade } from '@/sandbox/merchants';
import { consentCode, pkcePair, SANDBOX_CALLBACK } from '../support/sandbox-login';
import { captureLogs } from '../support/capture-logs';

// PGlite's first start in a fresh directory (initdb in WASM) takes seconds; more on a loaded CI machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const ORIGIN = 'http://sandbox.test';
const [BIG, , SMALL] = SANDBOX_MERCHANTS as [(typeof SANDBOX_MERCHANTS)[number], (typeof SANDBOX_MERCHANTS)[number], (typeof SANDBOX_MERCHANTS)[number]];
/** 2026-12-03 10:00 GMT+8: two days of live orders after the sandbox's history. */
const START = Date.parse('2026-12-03T02:00:00Z');

/** The test's own readings of the wire (independent of lib/weidian): GMT+8 text and yuan with two decimals. */
const gmt8 = (text: string) => Date.parse(`${text.replace(' ', 'T')}+08:00`);
const fen = (yuan: string) => {
  expect(yuan).toMatch(/^\d+\.\d{2}$/);
  return Number(yuan.replace('.', ''));
};

/** A sandbox with a movable clock, a trade/list fetch the test can intercept, and a logged-in merchant. */
async function sandboxFor(shopId: string, options: { accessTokenTtlSeconds?: number } = {}) {
  const clock = { now: START };
  const handler: SandboxHandler = createSandboxHandler({ now: () => clock.now, ...options });
  const direct: FetchLike = inProcessFetch(handler);
  let tradeCalls = 0;
  let intercept: ((call: number, request: Request) => Promise<Response | undefined> | Response | undefined) | undefined;
  const fetch: FetchLike = async (input, init) => {
    const request = new Request(input, init);
    if (new URL(request.url).pathname.endsWith('/trade/list')) {
      tradeCalls++;
      const answer = await intercept?.(tradeCalls, request);
      if (answer) return answer;
    }
    return handler(request);
  };

  const oauth = createOAuthClient({
    authorizeUrl: `${ORIGIN}/weidian/oauth2`,
    tokenUrl: `${ORIGIN}/weidian/oauth2/token`,
    clientId: SANDBOX_WEIDIAN_APP_KEY,
    clientSecret: SANDBOX_WEIDIAN_APP_SECRET,
    fetch: direct,
    timeoutMs: 5000,
  });
  const { verifier, challenge } = pkcePair();
  const { code, state } = await consentCode(handler, { origin: ORIGIN, clientId: SANDBOX_WEIDIAN_APP_KEY, shopId, challenge });
  const tokens = await oauth.finishAuthorization(
    new URLSearchParams({ code, state }),
    { state, codeVerifier: verifier, redirectUri: SANDBOX_CALLBACK },
    clock.now,
  );
  expect(tokens.shopId).toBe(shopId);
  const store = createMemoryTokenStore();
  await store.put(tokens);
  const tokenService = createTokenService({ store, oauth, locker: createLocalLocker(), now: () => clock.now });

  return {
    clock,
    handler,
    // The default retry policy, with short waits so failures are quick.
    trades: createTradesClient({ apiBase: `${ORIGIN}/weidian`, timeoutMs: 5000, fetch, policy: createUpstreamPolicy({ upstream: 'weidian', deadlineMs: 10_000, baseDelayMs: 1, maxDelayMs: 5 }) }),
    get tradeCalls() {
      return tradeCalls;
    },
    resetCalls() {
      tradeCalls = 0;
    },
    intercept(fn: typeof intercept) {
      intercept = fn;
    },
    /** Like lib/auth/run-sync.ts: the first call gets the token, later ones replace the rejected one. */
    tokenGetter() {
      let last: string | undefined;
      const calls = { n: 0 };
      const get = async () => {
        calls.n++;
        last = last === undefined ? await tokenService.getAccessToken(shopId) : await tokenService.replaceRejected(shopId, last);
        return last;
      };
      return Object.assign(get, { calls });
    },
  };
}

type Sandbox = Awaited<ReturnType<typeof sandboxFor>>;

describe.each(['pg', 'pglite'] as const)('syncOrders on %s', (driver: TestDriver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(driver);
    for (const m of SANDBOX_MERCHANTS) await t.db.execute(sql`insert into merchants (shop_id, shop_name) values (${m.shopId}, ${m.shopName})`);
  }, 60_000);
  afterAll(async () => {
    await t?.cleanup();
  });
  beforeEach(async () => {
    await t.db.execute(sql`truncate orders, order_sync_state`);
  });

  const run = (s: Sandbox, shopId: string, extra: Partial<SyncOrdersOptions> = {}) =>
    syncOrders({
      shopId,
      getAccessToken: s.tokenGetter(),
      db: t.db,
      trades: s.trades,
      locker: createLocalLocker(),
      now: () => s.clock.now,
      alert: { webhookUrl: null },
      ...extra,
    });

  const rowsFor = async (shopId: string): Promise<OrderRow[]> =>
    (await t.db.select().from(ordersTable).where(sql`${ordersTable.shopId} = ${shopId}`)).sort((a, b) => a.orderId.localeCompare(b.orderId));

  /** The DB holds exactly the sandbox's orders at `at`: ids, statuses, times, money, items. */
  async function expectDbEqualsSandbox(shopId: string, at: number) {
    const want = sandboxOrdersAt(shopId, at);
    const rows = await rowsFor(shopId);
    const project = (o: SandboxTrade) => ({
      orderId: o.order_id,
      status: o.status,
      updatedAt: gmt8(o.update_time),
      createdAt: gmt8(o.created_time),
      paidAt: o.pay_time === '' ? null : gmt8(o.pay_time),
      totalFen: fen(o.total_fee),
      postFeeFen: fen(o.post_fee),
      discountFen: fen(o.discount_fee),
      items: o.items.map((i) => ({ itemId: i.item_id, priceFen: fen(i.price), quantity: i.quantity })),
      place: [o.receiver_address.province, o.receiver_address.city],
    });
    const fromDb = (r: OrderRow) => ({
      orderId: r.orderId,
      status: r.status,
      updatedAt: r.updatedAt.getTime(),
      createdAt: r.createdAt.getTime(),
      paidAt: r.paidAt?.getTime() ?? null,
      totalFen: r.totalFen,
      postFeeFen: r.postFeeFen,
      discountFen: r.discountFen,
      items: r.items.map((i) => ({ itemId: i.itemId, priceFen: i.priceFen, quantity: i.quantity })),
      place: [r.receiverProvince, r.receiverCity],
    });
    expect(rows.length).toBe(want.length);
    expect(rows.map(fromDb)).toEqual(want.map(project).sort((a, b) => a.orderId.localeCompare(b.orderId)));
    return { rows, want };
  }

  it('a full sync stores exactly the sandbox set, buyer data masked only', async () => {
    const s = await sandboxFor(SMALL.shopId);
    const progress: number[] = [];
    const result = await run(s, SMALL.shopId, { pageSize: 10, onProgress: (p) => void progress.push(p.pages) });
    const { rows, want } = await expectDbEqualsSandbox(SMALL.shopId, s.clock.now);
    expect(want.length).toBeGreaterThan(40);
    expect(result).toMatchObject({ complete: true, pages: progress.length, upserted: want.length });
    expect(progress).toEqual(progress.map((_, i) => i + 1));
    const maxUpdated = Math.max(...want.map((o) => gmt8(o.update_time)));
    expect(result.checkpoint?.getTime()).toBe(maxUpdated);

    // Only masked buyer data at rest: no mobile number (no run of 11 digits once separators are removed) in
    // any column but the ids, and none of the raw name, phone, district or street detail anywhere.
    const byId = new Map(want.map((o) => [o.order_id, o]));
    for (const row of rows) {
      const raw = byId.get(row.orderId)!;
      const columns = Object.entries(row).filter(([column]) => column !== 'orderId' && column !== 'shopId' && column !== 'items');
      const texts = [
        ...columns.map(([, v]) => (v instanceof Date ? v.toISOString() : String(v))),
        ...row.items.map((i) => `${i.title} ${i.skuDesc} ${i.priceFen}`),
      ];
      for (const text of texts) expect(text.replace(/[\s-]/g, '')).not.toMatch(/\d{11}/);
      const everything = JSON.stringify(row);
      const digits = raw.buyer_phone.replace(/\D/g, '').slice(-11);
      expect(everything.replace(/[\s-]/g, '')).not.toContain(digits);
      expect(everything).not.toContain(raw.buyer_name);
      expect(everything).not.toContain(raw.receiver_address.detail);
      expect(row.buyerNameMasked).toMatch(/^.{1,2}\*\*$/);
      expect(raw.buyer_name.startsWith(row.buyerNameMasked.replace('**', ''))).toBe(true);
      expect(row.buyerPhoneMasked).toMatch(/\*{4}\d{4}$/);
      expect(row.buyerPhoneMasked.endsWith(digits.slice(-4))).toBe(true);
    }

    const state = await getSyncState(SMALL.shopId, t.db);
    expect(state).toMatchObject({ running: false, pagesDone: result.pages, ordersDone: result.orders, lastError: null, checkpoint: result.checkpoint });
    expect(state?.lastSuccessAt?.getTime()).toBe(s.clock.now);
  });

  it('a second run with nothing new rewrites nothing; a later run reads only what changed', async () => {
    const s = await sandboxFor(BIG.shopId);
    const first = await run(s, BIG.shopId);
    const syncedAt = async () => (await rowsFor(BIG.shopId)).map((r) => [r.orderId, r.syncedAt.getTime()]);
    const before = await syncedAt();
    expect(before.length).toBeGreaterThan(1500);

    s.resetCalls();
    const second = await run(s, BIG.shopId);
    expect(second).toMatchObject({ upserted: 0, complete: true });
    expect(second.checkpoint).toEqual(first.checkpoint);
    expect(await syncedAt()).toEqual(before);
    expect(s.tradeCalls).toBe(1); // the boundary second only

    s.clock.now += 3 * 3600_000; // three hours of new orders and status changes
    s.resetCalls();
    const third = await run(s, BIG.shopId);
    await expectDbEqualsSandbox(BIG.shopId, s.clock.now);
    expect(third.upserted).toBeGreaterThan(0);
    expect(third.upserted).toBeLessThan(200);
    expect(s.tradeCalls).toBeLessThanOrEqual(3);
  });

  it.each(['first', 'middle', 'last'] as const)('a failure at the %s page, then a rerun: exactly the sandbox set', async (where) => {
    const s = await sandboxFor(BIG.shopId);
    // How many pages a clean run takes (against a throw-away merchant row, then cleared).
    await run(s, BIG.shopId, { pageSize: 100 });
    const pages = s.tradeCalls;
    expect(pages).toBeGreaterThan(10);
    await t.db.execute(sql`truncate orders, order_sync_state`);
    s.resetCalls();

    const k = where === 'first' ? 1 : where === 'middle' ? Math.ceil(pages / 2) : pages;
    // Weidian goes away at page k and stays away for the rest of the run (a single failed call is retried).
    s.intercept((call) => {
      if (call >= k) throw new TypeError('fetch failed: connection reset');
      return undefined;
    });
    const alerts: unknown[] = [];
    const logs = captureLogs();
    try {
      const failed = await run(s, BIG.shopId, {
        pageSize: 100,
        alert: {
          webhookUrl: 'https://alerts.example.com/hook',
          fetch: async (_url, init) => {
            alerts.push(JSON.parse(String(init?.body)));
            return new Response(null, { status: 204 });
          },
        },
      }).catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(UpstreamError);
      expect(failed).toMatchObject({ kind: 'network' });
      const logged = logs.lines.filter((l) => l.level === 'error');
      expect(logged).toContainEqual(expect.objectContaining({ event: 'order_sync_failed', shopId: BIG.shopId, page: 1, error: expect.stringContaining('connection failed') }));
      // The alert is the log line's payload (without the logger's own fields).
      expect(alerts).toHaveLength(1);
      expect(logged.find((l) => l.event === 'order_sync_failed')).toMatchObject(alerts[0] as Record<string, unknown>);
    } finally {
      logs.restore();
    }
    const state = await getSyncState(BIG.shopId, t.db);
    expect(state).toMatchObject({ running: false, pagesDone: k - 1, lastError: expect.stringContaining('connection failed') });
    expect(state?.lastErrorAt?.getTime()).toBe(s.clock.now);
    expect(state?.lastSuccessAt).toBeNull();
    expect((await rowsFor(BIG.shopId)).length).toBeLessThanOrEqual((k - 1) * 100);

    expect(s.tradeCalls).toBe(k - 1 + RESILIENCE_DEFAULTS.maxAttempts); // the failing page was tried maxAttempts times

    s.intercept(undefined);
    s.resetCalls();
    const rerun = await run(s, BIG.shopId, { pageSize: 100 });
    expect(rerun.complete).toBe(true);
    await expectDbEqualsSandbox(BIG.shopId, s.clock.now);
    // Resumed from the checkpoint: only the pages not yet stored (plus the boundary page) were read again.
    expect(s.tradeCalls).toBeLessThanOrEqual(pages - k + 2);
  });

  it('churn: orders created and updated between page fetches, token expiring mid-sync — one run ends equal to the sandbox at the end clock', async () => {
    // Access tokens live 30 min here; the run spans hours of clock.
    const s = await sandboxFor(BIG.shopId, { accessTokenTtlSeconds: 1800 });
    const startSet = sandboxOrdersAt(BIG.shopId, s.clock.now);
    s.intercept(() => {
      s.clock.now += 7 * 60_000; // 7 minutes pass before every trade/list call
      return undefined;
    });
    const getAccessToken = s.tokenGetter();
    const result = await run(s, BIG.shopId, { pageSize: 50, getAccessToken });
    expect(result.complete).toBe(true);
    const { rows, want } = await expectDbEqualsSandbox(BIG.shopId, s.clock.now);
    expect(new Set(rows.map((r) => r.orderId)).size).toBe(rows.length);

    // The churn was real: new orders arrived, known ones changed, and tokens expired and were refreshed.
    const startById = new Map(startSet.map((o) => [o.order_id, o.update_time]));
    const created = want.filter((o) => !startById.has(o.order_id)).length;
    const changed = want.filter((o) => startById.has(o.order_id) && startById.get(o.order_id) !== o.update_time).length;
    expect(created).toBeGreaterThan(5);
    expect(changed).toBeGreaterThan(5);
    expect(s.clock.now - START).toBeGreaterThan(3 * 3600_000);
    expect(s.handler.stats.token.refresh_token).toBeGreaterThan(0);
    expect(getAccessToken.calls.n).toBeGreaterThan(1);

    // And the next run, with the clock stopped, has nothing to do.
    s.intercept(undefined);
    expect(await run(s, BIG.shopId)).toMatchObject({ upserted: 0 });
  });

  it('a token rejected mid-sync (10012) is replaced once and the page retried', async () => {
    const s = await sandboxFor(SMALL.shopId);
    let rejected = 0;
    s.intercept((call) => {
      if (call !== 3) return undefined;
      rejected++;
      return Response.json({ status: { status_code: 10012, status_reason: 'access token invalid or revoked' }, result: null }, { status: 401 });
    });
    const getAccessToken = s.tokenGetter();
    const result = await run(s, SMALL.shopId, { pageSize: 10, getAccessToken });
    expect(rejected).toBe(1);
    expect(getAccessToken.calls.n).toBe(2);
    expect(result.complete).toBe(true);
    await expectDbEqualsSandbox(SMALL.shopId, s.clock.now);
  });

  it('a token rejected again after the refresh fails the run (no loop)', async () => {
    const s = await sandboxFor(SMALL.shopId);
    s.intercept((call) =>
      call >= 2 ? Response.json({ status: { status_code: 10011, status_reason: 'access token expired' }, result: null }, { status: 401 }) : undefined,
    );
    const logs = captureLogs();
    try {
      const error = await run(s, SMALL.shopId, { pageSize: 10 }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: '10011' });
      expect(s.tradeCalls).toBe(3);
      // Neither the log line nor the state row carries a token.
      expect(logs.lines.some((l) => l.event === 'order_sync_failed')).toBe(true);
      const text = JSON.stringify(logs.lines) + JSON.stringify(await getSyncState(SMALL.shopId, t.db));
      expect(text).not.toMatch(/wd[a-z]{1,3}_/);
    } finally {
      logs.restore();
    }
  });

  it('stops at maxPages, resumable: the next run finishes the job', async () => {
    const s = await sandboxFor(SMALL.shopId);
    const logs = captureLogs();
    try {
      const partial = await run(s, SMALL.shopId, { pageSize: 10, maxPages: 2 });
      expect(partial).toMatchObject({ complete: false, pages: 2 });
      expect((await getSyncState(SMALL.shopId, t.db))?.lastSuccessAt).toBeNull();
      expect(logs.lines).toContainEqual(expect.objectContaining({ level: 'warn', event: 'order_sync_incomplete', pages: 2, maxPages: 2 }));
    } finally {
      logs.restore();
    }
    const rest = await run(s, SMALL.shopId, { pageSize: 10 });
    expect(rest.complete).toBe(true);
    await expectDbEqualsSandbox(SMALL.shopId, s.clock.now);
  });

  it('two syncs of one shop at once: one runs, the other gets LockBusyError; other shops are not blocked', async () => {
    const s = await sandboxFor(SMALL.shopId);
    const other = await sandboxFor(BIG.shopId);
    const locker = createLocalLocker();
    const [a, b, c] = await Promise.allSettled([
      run(s, SMALL.shopId, { locker, pageSize: 10 }),
      run(s, SMALL.shopId, { locker, pageSize: 10 }),
      run(other, BIG.shopId, { locker }),
    ]);
    expect(a.status).toBe('fulfilled');
    expect(b.status === 'rejected' && b.reason instanceof LockBusyError).toBe(true);
    expect(c.status).toBe('fulfilled');
    await expectDbEqualsSandbox(SMALL.shopId, s.clock.now);
    // The refused run left no trace in the state row.
    expect((await getSyncState(SMALL.shopId, t.db))?.lastError).toBeNull();
  });

  it('a run superseded by another (lock expired) stops writing', async () => {
    const s = await sandboxFor(SMALL.shopId);
    // Someone else claims the state row once page 1 is stored, while we are on page 2 (whose read is already
    // under way then: the next page is read while one is stored).
    const takeOver = async (p: { pages: number }) => {
      if (p.pages === 1) await t.db.update(orderSyncState).set({ runId: 'someone-else' }).where(sql`${orderSyncState.shopId} = ${SMALL.shopId}`);
    };
    await expect(run(s, SMALL.shopId, { pageSize: 10, onProgress: takeOver })).rejects.toMatchObject({ name: 'SyncSupersededError' });
    expect((await rowsFor(SMALL.shopId)).length).toBe(10); // page 1 only; page 2 was rolled back
  });

  it('reads the next page while it stores one', async () => {
    const s = await sandboxFor(SMALL.shopId);
    const events: string[] = [];
    s.intercept((call) => void events.push(`read ${call}`));
    await run(s, SMALL.shopId, { pageSize: 10, onProgress: (p) => void events.push(`stored ${p.pages}`) });
    // Read 2 starts before page 1 is stored, read 3 before page 2 is, and so on.
    expect(events.slice(0, 4)).toEqual(['read 1', 'read 2', 'stored 1', 'read 3']);
  });

  it('refuses a shop that is not a merchant', async () => {
    const s = await sandboxFor(SMALL.shopId);
    const logs = captureLogs();
    const alerts: unknown[] = [];
    try {
      const alert = { webhookUrl: 'https://alerts.example.com/hook', fetch: async (_url: unknown, init?: RequestInit) => (alerts.push(init?.body), new Response(null, { status: 204 })) };
      await expect(run(s, '999', { alert })).rejects.toMatchObject({ name: 'UnknownMerchantError' });
      // Refused, not failed: no error line, no alert (the route answers 401).
      expect(logs.lines.filter((l) => l.level === 'error')).toEqual([]);
      expect(logs.lines).toContainEqual(expect.objectContaining({ event: 'order_sync_refused', reason: 'unknown_merchant' }));
      expect(alerts).toEqual([]);
    } finally {
      logs.restore();
    }
  });
});

describe('failure reporting', () => {
  it('redacts tokens, bearer headers and phone numbers from error messages', () => {
    const message = safeErrorMessage(
      new Error('refresh failed for wdrt_AbC-123.x with Authorization: Bearer wdat_zzz9; buyer 13812345678\n  at stack line'),
    );
    expect(message).not.toMatch(/wdrt_|wdat_|13812345678|\n/);
    expect(message).toContain('Bearer [redacted]');
    expect(message).toContain('138****5678');
    expect(safeErrorMessage(new Error('x'.repeat(2000))).length).toBeLessThanOrEqual(500);
  });

  it('a failing alert webhook is logged, and the sync still fails with its own error', async () => {
    const t = await openTestDatabase('pg');
    const logs = captureLogs();
    try {
      await t.db.execute(sql`insert into merchants (shop_id, shop_name) values ('1', '店')`);
      const boom = new UpstreamError('weidian', 'api', 'trade/list failed: 90001 internal error', { code: '90001' });
      const error = await syncOrders({
        shopId: '1',
        getAccessToken: async () => 'wdat_secret',
        db: t.db,
        trades: { listTrades: async () => Promise.reject(boom) },
        locker: createLocalLocker(),
        alert: { webhookUrl: 'https://alerts.example.com/hook', fetch: async () => new Response('nope', { status: 500 }), timeoutMs: 100 },
      }).catch((e: unknown) => e);
      expect(error).toBe(boom);
      const events = logs.lines.filter((l) => l.level === 'error').map((l) => l.event);
      expect(events).toEqual(['order_sync_failed', 'order_sync_alert_failed']);
      expect(JSON.stringify(logs.lines)).not.toContain('wdat_secret');
      expect(await getSyncState('1', t.db)).toMatchObject({ running: false, lastError: 'UpstreamError: weidian: trade/list failed: 90001 internal error' });
    } finally {
      logs.restore();
      await t.cleanup();
    }
  });
});
