/**
 * The sync's keyset paging against an adversarial trade/list: an in-test fake that follows
 * docs/weidian-api.md exactly (update_time ≥ start_time, sorted by update_time then order_id, OFFSET paging,
 * one-second resolution) and lets the test change orders between any two requests — including inside a
 * group of orders that share one second and span several pages, where offset paging skips orders.
 *
 * After every committed page we check the checkpoint's invariant directly: every order whose current
 * update_time is before the checkpoint is stored at exactly its current version. That is what makes a
 * crash after any page resume exactly.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLocalLocker } from '@/lib/cache/lock';
import { openTestDatabase, type TestDatabase } from '@/lib/db/testing';
import { orders as ordersTable } from '@/lib/db/schema';
import { syncOrders, type SyncOrdersOptions } from '@/lib/orders/sync';
import type { OrderStatus } from '@/lib/orders/types';
import type { FetchLike } from '@/lib/upstream/http';
import { mulberry32 } from '@/lib/random';
import { createTradesClient, formatWeidianTime, parseWeidianTime } from '@/lib/weidian/trades';

const SHOP = '9000000001';
const TOKEN = 'wdat_fake_token';
const STATUSES: OrderStatus[] = ['WAIT_BUYER_PAY', 'WAIT_SELLER_SEND_GOODS', 'WAIT_BUYER_CONFIRM_GOODS', 'TRADE_SUCCESS', 'TRADE_CLOSED'];

interface FakeOrder {
  orderId: string;
  /** whole seconds, ms */
  updated: number;
  /** bumps on every change, so a stale copy is visible */
  version: number;
}

/** trade/list as documented, over an order set the test mutates. */
class FakeTradeApi {
  clock: number;
  readonly orders = new Map<string, FakeOrder>();
  calls = 0;
  /** Runs before each request is answered (the test's churn). */
  before: (call: number, api: FakeTradeApi) => void = () => undefined;

  constructor(start: number) {
    this.clock = Math.floor(start / 1000) * 1000;
  }

  tick(ms = 1000) {
    this.clock += ms;
  }

  add(orderId: string, updated = this.clock) {
    this.orders.set(orderId, { orderId, updated: Math.floor(updated / 1000) * 1000, version: 0 });
  }

  /** The order changes now: new update_time, moves to the end of the list. */
  touch(orderId: string) {
    const o = this.orders.get(orderId)!;
    this.orders.set(orderId, { orderId, updated: Math.floor(this.clock / 1000) * 1000, version: o.version + 1 });
  }

  sorted(startMs: number | null): FakeOrder[] {
    return [...this.orders.values()]
      .filter((o) => startMs === null || o.updated >= startMs)
      .sort((a, b) => a.updated - b.updated || (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0));
  }

  wire(o: FakeOrder) {
    const t = formatWeidianTime(o.updated);
    return {
      order_id: o.orderId,
      status: STATUSES[o.version % STATUSES.length],
      created_time: formatWeidianTime(Date.UTC(2026, 0, 1)),
      update_time: t,
      pay_time: '',
      // The version is visible in the money, so the test can tell copies apart.
      total_fee: `${100 + o.version}.00`,
      post_fee: '0.00',
      discount_fee: '0.00',
      items: [{ item_id: '1', title: '测试商品', price: `${100 + o.version}.00`, quantity: 1, sku_desc: '' }],
      buyer_name: '张三丰',
      buyer_phone: '13812345678',
      receiver_address: { province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路 90 号' },
    };
  }

  readonly fetch: FetchLike = async (input, init) => {
    const url = new URL(input);
    this.calls++;
    this.before(this.calls, this);
    if (new Headers(init?.headers).get('authorization') !== `Bearer ${TOKEN}`) {
      return Response.json({ status: { status_code: 10012, status_reason: 'access token invalid or revoked' }, result: null }, { status: 401 });
    }
    const start = url.searchParams.get('start_time');
    const page = Number(url.searchParams.get('page') ?? '1');
    const size = Number(url.searchParams.get('page_size') ?? '50');
    const list = this.sorted(start ? parseWeidianTime(start).getTime() : null);
    const from = (page - 1) * size;
    return Response.json({
      status: { status_code: 0, status_reason: 'success' },
      result: { trades: list.slice(from, from + size).map((o) => this.wire(o)), total: list.length, page, page_size: size, has_next: from + size < list.length },
    });
  };
}

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase('pg');
  await t.db.execute(sql`insert into merchants (shop_id, shop_name) values (${SHOP}, '测试店')`);
});
afterAll(async () => {
  await t?.cleanup();
});
beforeEach(async () => {
  await t.db.execute(sql`truncate orders, order_sync_state`);
});

async function stored(): Promise<Map<string, { updated: number; totalFen: number }>> {
  const rows = await t.db.select().from(ordersTable).where(sql`${ordersTable.shopId} = ${SHOP}`);
  return new Map(rows.map((r) => [r.orderId, { updated: r.updatedAt.getTime(), totalFen: r.totalFen }]));
}

/** Every order the API holds right now, as (updated, version-as-fen). */
function truth(api: FakeTradeApi, before = Infinity) {
  return new Map(
    [...api.orders.values()].filter((o) => o.updated < before).map((o) => [o.orderId, { updated: o.updated, totalFen: (100 + o.version) * 100 }]),
  );
}

function sync(api: FakeTradeApi, extra: Partial<SyncOrdersOptions> = {}) {
  const violations: string[] = [];
  const run = syncOrders({
    shopId: SHOP,
    getAccessToken: async () => TOKEN,
    db: t.db,
    trades: createTradesClient({ apiBase: 'http://fake.test/weidian', timeoutMs: 5000, fetch: api.fetch }),
    locker: createLocalLocker(),
    now: () => api.clock,
    pageSize: 10,
    alert: { webhookUrl: null },
    // The crash-safety invariant, after every committed page.
    onProgress: async ({ checkpoint }) => {
      if (!checkpoint) return;
      const db = await stored();
      for (const [id, want] of truth(api, checkpoint.getTime())) {
        const got = db.get(id);
        if (!got || got.updated !== want.updated || got.totalFen !== want.totalFen) violations.push(`${id} before checkpoint ${checkpoint.toISOString()}`);
      }
    },
    ...extra,
  });
  return run.then((result) => ({ result, violations }));
}

/** Plain page=1,2,3… without keyset: what the sync must NOT do. */
async function naiveOffsetSync(api: FakeTradeApi, pageSize: number): Promise<Set<string>> {
  const client = createTradesClient({ apiBase: 'http://fake.test/weidian', timeoutMs: 5000, fetch: api.fetch });
  const seen = new Set<string>();
  for (let page = 1; ; page++) {
    const r = await client.listTrades({ accessToken: TOKEN, page, pageSize });
    for (const o of r.trades) seen.add(o.orderId);
    if (!r.hasNext) return seen;
  }
}

const id = (n: number) => `8202612010${String(n).padStart(5, '0')}`;
const HOUR_AGO = Date.UTC(2026, 11, 3, 2, 0, 0);

/** 95 orders bulk-shipped in ONE second an hour ago, then 20 at distinct seconds; churn hits the group's head. */
function bulkGroupScenario() {
  const api = new FakeTradeApi(HOUR_AGO + 3600_000);
  const groupSecond = HOUR_AGO;
  for (let i = 0; i < 95; i++) api.add(id(i), groupSecond);
  for (let i = 0; i < 20; i++) api.add(id(100 + i), groupSecond + (i + 1) * 60_000);
  let next = 0;
  api.before = (call, a) => {
    a.tick();
    // From the 3rd request on, an order already read (the group's head) changes: everything after it shifts left.
    if (call >= 3 && next < 30) a.touch(id(next++));
  };
  return api;
}

describe('keyset paging under churn (fake trade/list)', () => {
  it('the scenario is adversarial: naive offset paging loses orders', async () => {
    const api = bulkGroupScenario();
    const seen = await naiveOffsetSync(api, 10);
    const missing = [...api.orders.keys()].filter((k) => !seen.has(k));
    expect(missing.length).toBeGreaterThan(0);
  });

  it('a same-second group across many pages, churned mid-pass: nothing skipped, invariant after every page', async () => {
    const api = bulkGroupScenario();
    const { result, violations } = await sync(api);
    expect(violations).toEqual([]);
    expect(result.complete).toBe(true);
    expect(await stored()).toEqual(truth(api));
    const last = Math.max(...[...api.orders.values()].map((o) => o.updated));
    expect(result.checkpoint?.getTime()).toBe(last);
  });

  it('a live group (the current second) that gains an order with a smaller id and loses one mid-pass', async () => {
    const api = new FakeTradeApi(Date.UTC(2026, 11, 3, 3, 0, 0));
    const T = api.clock;
    for (let i = 10; i < 45; i++) api.add(id(i), T);
    api.before = (call, a) => {
      // Call 1 has no start_time yet and moves the cursor to T; calls 2 and 3 are pages 1 and 2 at T.
      if (call === 3) {
        // Between pages 1 and 2: an order joins the front of the group, still in second T; then second T is
        // over and a member already read leaves it. The two shifts cancel out: page 2 looks contiguous and
        // re-reading page 1 shows the same last order — yet the newcomer was never on a page we read.
        a.add(id(1), T);
        a.tick();
        a.touch(id(15));
      }
    };
    const { result, violations } = await sync(api);
    expect(violations).toEqual([]);
    expect(await stored()).toEqual(truth(api));
    expect(result.checkpoint?.getTime()).toBe(T + 1000);
  });

  it('a multi-page group at the very end terminates, and the next run changes nothing', async () => {
    const api = new FakeTradeApi(Date.UTC(2026, 11, 3, 3, 0, 0));
    for (let i = 0; i < 5; i++) api.add(id(i), api.clock - 600_000 + i * 1000);
    for (let i = 10; i < 45; i++) api.add(id(i), api.clock);
    const first = await sync(api);
    expect(first.violations).toEqual([]);
    expect(await stored()).toEqual(truth(api));
    expect(first.result.checkpoint?.getTime()).toBe(api.clock);
    const syncedAt = async () => (await t.db.select({ id: ordersTable.orderId, at: ordersTable.syncedAt }).from(ordersTable)).sort((a, b) => a.id.localeCompare(b.id));
    const syncedBefore = await syncedAt();
    api.tick(5000);
    const second = await sync(api);
    expect(second.result).toMatchObject({ upserted: 0, complete: true });
    expect(second.result.checkpoint).toEqual(first.result.checkpoint);
    expect(await syncedAt()).toEqual(syncedBefore);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('fuzz seed %i: clustered seconds, random churn — converges, invariant holds', async (seed) => {
    const random = mulberry32(seed); // seeded, so a failing fuzz case can be replayed
    const api = new FakeTradeApi(Date.UTC(2026, 11, 3, 3, 0, 0));
    // 150 orders over only 12 distinct seconds of the last 20 minutes: many multi-page groups, some live.
    for (let i = 0; i < 150; i++) api.add(id(i), api.clock - Math.floor(random() * 12) * 100_000);
    let created = 1000;
    api.before = (_call, a) => {
      if (random() < 0.5) a.tick(1000);
      const r = random();
      if (r < 0.35) a.touch(id(Math.floor(random() * 150)));
      else if (r < 0.5) a.add(id(created++));
      else if (r < 0.55) a.add(id(Math.floor(random() * 50) + 500)); // a small id arriving in the current second
    };
    const first = await sync(api);
    expect(first.violations).toEqual([]);
    // The API kept changing until the last request; one more run with the clock still sees the rest.
    api.before = () => undefined;
    const second = await sync(api);
    expect(second.violations).toEqual([]);
    expect(await stored()).toEqual(truth(api));
  });
});
