/**
 * The orders pages' queries: filters, paging, newest first, and never another shop's orders — on the real
 * PostgreSQL server and on PGlite.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '@/lib/db/testing';
import { upsertOrders } from '@/lib/orders/sync';
import { getOrder, getSyncState, listOrders } from '@/lib/orders/queries';
import type { NewOrderRow } from '@/lib/db/schema';
import { ORDER_STATUSES, SYNC_LOCK_TTL_MS, type OrderStatus } from '@/lib/orders/types';

const A = '100000001';
const B = '100000002';
const DAY = 86_400_000;
/** 2026-11-01 00:00 GMT+8 */
const BASE = Date.UTC(2026, 9, 31, 16, 0, 0);

/** Shop A: 30 orders, one every 12 hours from BASE, statuses round-robin. Shop B: 5 orders on the same days. */
function order(shopId: string, n: number, over: Partial<NewOrderRow> = {}): NewOrderRow {
  const created = new Date(BASE + n * DAY / 2);
  return {
    shopId,
    orderId: `8${shopId.slice(-1)}${String(n).padStart(6, '0')}`,
    status: ORDER_STATUSES[n % ORDER_STATUSES.length]!,
    createdAt: created,
    updatedAt: new Date(created.getTime() + 3600_000),
    paidAt: null,
    totalFen: 1000 + n,
    postFeeFen: 0,
    discountFen: 0,
    buyerNameMasked: '张**',
    buyerPhoneMasked: '138****5678',
    receiverProvince: '浙江省',
    receiverCity: '杭州市',
    items: [{ itemId: '1', title: '商品', priceFen: 1000 + n, quantity: 1, skuDesc: '' }],
    syncedAt: new Date(BASE + 40 * DAY),
    ...over,
  };
}

describe.each(['pg', 'pglite'] as const)('order queries on %s', (driver) => {
  let t: TestDatabase;
  const aOrders = Array.from({ length: 30 }, (_, n) => order(A, n));
  const bOrders = Array.from({ length: 5 }, (_, n) => order(B, n));

  beforeAll(async () => {
    t = await openTestDatabase(driver);
    await t.db.execute(sql`insert into merchants (shop_id, shop_name) values (${A}, 'A 店'), (${B}, 'B 店')`);
    await upsertOrders(t.db, aOrders);
    await upsertOrders(t.db, bOrders);
  }, 60_000);
  afterAll(async () => {
    await t?.cleanup();
  });

  const ids = (page: { orders: { orderId: string }[] }) => page.orders.map((o) => o.orderId);
  const newestFirst = (rows: NewOrderRow[]) => [...rows].sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime()).map((o) => o.orderId);

  it('lists newest first, paged, with total and hasNext', async () => {
    const p1 = await listOrders({ shopId: A, page: 1, pageSize: 12 }, t.db);
    const p3 = await listOrders({ shopId: A, page: 3, pageSize: 12 }, t.db);
    const p4 = await listOrders({ shopId: A, page: 4, pageSize: 12 }, t.db);
    expect(p1).toMatchObject({ total: 30, page: 1, pageSize: 12, hasNext: true });
    expect(ids(p1)).toEqual(newestFirst(aOrders).slice(0, 12));
    expect(p3).toMatchObject({ total: 30, hasNext: false });
    expect(ids(p3)).toEqual(newestFirst(aOrders).slice(24));
    expect(p4).toMatchObject({ orders: [], total: 30, hasNext: false });
  });

  it('returns domain orders with Dates, fen and the items', async () => {
    const [first] = (await listOrders({ shopId: A, page: 1, pageSize: 1 }, t.db)).orders;
    const want = aOrders[29]!;
    expect(first).toEqual({
      shopId: A,
      orderId: want.orderId,
      status: want.status,
      createdAt: want.createdAt,
      updatedAt: want.updatedAt,
      paidAt: null,
      totalFen: want.totalFen,
      postFeeFen: 0,
      discountFen: 0,
      buyerNameMasked: '张**',
      buyerPhoneMasked: '138****5678',
      receiverProvince: '浙江省',
      receiverCity: '杭州市',
      items: want.items,
      syncedAt: want.syncedAt,
    });
  });

  it.each(ORDER_STATUSES)('filters by status %s', async (status: OrderStatus) => {
    const page = await listOrders({ shopId: A, status, page: 1, pageSize: 100 }, t.db);
    const want = aOrders.filter((o) => o.status === status);
    expect(page.total).toBe(want.length);
    expect(ids(page)).toEqual(newestFirst(want));
  });

  it('filters by a created_at range, both ends inclusive', async () => {
    const from = new Date(BASE + 2 * DAY); // orders 4..
    const to = new Date(BASE + 5 * DAY); // ..10 (order 10 is created exactly at `to`)
    const page = await listOrders({ shopId: A, from, to, page: 1, pageSize: 100 }, t.db);
    expect(ids(page)).toEqual(newestFirst(aOrders.slice(4, 11)));
    const onlyFrom = await listOrders({ shopId: A, from: new Date(BASE + 14 * DAY + 1), page: 1, pageSize: 100 }, t.db);
    expect(ids(onlyFrom)).toEqual(newestFirst(aOrders.slice(29)));
    const onlyTo = await listOrders({ shopId: A, to: new Date(BASE - 1), page: 1, pageSize: 100 }, t.db);
    expect(onlyTo.total).toBe(0);
  });

  it('combines status, range and paging', async () => {
    const status = ORDER_STATUSES[1]!;
    const from = new Date(BASE + 3 * DAY);
    const want = aOrders.filter((o) => o.status === status && o.createdAt >= from);
    const page = await listOrders({ shopId: A, status, from, page: 2, pageSize: 2 }, t.db);
    expect(page.total).toBe(want.length);
    expect(ids(page)).toEqual(newestFirst(want).slice(2, 4));
  });

  it('finds an order id exactly, within the shop only', async () => {
    const target = aOrders[7]!.orderId;
    expect(ids(await listOrders({ shopId: A, orderId: target, page: 1, pageSize: 20 }, t.db))).toEqual([target]);
    expect((await listOrders({ shopId: A, orderId: target.slice(0, -1), page: 1, pageSize: 20 }, t.db)).total).toBe(0);
    expect((await listOrders({ shopId: B, orderId: target, page: 1, pageSize: 20 }, t.db)).total).toBe(0);
  });

  it('never shows another shop’s orders', async () => {
    const b = await listOrders({ shopId: B, page: 1, pageSize: 100 }, t.db);
    expect(b.total).toBe(5);
    expect(b.orders.every((o) => o.shopId === B)).toBe(true);
    expect(await getOrder(B, aOrders[0]!.orderId, t.db)).toBeNull();
    expect(await getOrder(A, aOrders[0]!.orderId, t.db)).toMatchObject({ shopId: A, orderId: aOrders[0]!.orderId });
    expect((await listOrders({ shopId: 'nobody', page: 1, pageSize: 10 }, t.db)).total).toBe(0);
  });

  it('getSyncState is null before a sync and scoped by shop', async () => {
    expect(await getSyncState(A, t.db)).toBeNull();
    await t.db.execute(sql`insert into order_sync_state (shop_id, pages_done, orders_done) values (${B}, 3, 250)`);
    expect(await getSyncState(A, t.db)).toBeNull();
    expect(await getSyncState(B, t.db)).toMatchObject({ shopId: B, pagesDone: 3, ordersDone: 250, running: false, checkpoint: null });
  });

  it('getSyncState reports a run as running only while its lock could still be held', async () => {
    const started = new Date(BASE);
    await t.db.execute(sql`update order_sync_state set running = true, started_at = ${started.toISOString()}::timestamptz where shop_id = ${B}`);
    expect((await getSyncState(B, t.db, BASE + 60_000))?.running).toBe(true);
    expect((await getSyncState(B, t.db, BASE + SYNC_LOCK_TTL_MS + 1))?.running).toBe(false);
  });

  it('refuses nonsense paging', async () => {
    await expect(listOrders({ shopId: A, page: 0, pageSize: 10 }, t.db)).rejects.toThrow(RangeError);
    await expect(listOrders({ shopId: A, page: 1, pageSize: 1000 }, t.db)).rejects.toThrow(RangeError);
  });

  it('upsert: an older copy never overwrites a newer one; an identical copy writes nothing; a same-second change does', async () => {
    const base = order(A, 100);
    expect(await upsertOrders(t.db, [base])).toBe(1);
    const older = { ...base, status: 'WAIT_BUYER_PAY', updatedAt: new Date(base.updatedAt!.getTime() - 1000), syncedAt: new Date() };
    expect(await upsertOrders(t.db, [older])).toBe(0);
    expect(await upsertOrders(t.db, [{ ...base, syncedAt: new Date() }])).toBe(0);
    expect((await getOrder(A, base.orderId, t.db))?.syncedAt).toEqual(base.syncedAt);
    const sameSecond = { ...base, status: 'TRADE_CLOSED', syncedAt: new Date(BASE + 50 * DAY) };
    expect(await upsertOrders(t.db, [sameSecond])).toBe(1);
    expect(await getOrder(A, base.orderId, t.db)).toMatchObject({ status: 'TRADE_CLOSED', syncedAt: sameSecond.syncedAt });
    const newer = { ...base, status: 'TRADE_SUCCESS', updatedAt: new Date(base.updatedAt!.getTime() + 1000) };
    expect(await upsertOrders(t.db, [newer])).toBe(1);
    expect((await getOrder(A, base.orderId, t.db))?.status).toBe('TRADE_SUCCESS');
    await t.db.execute(sql`delete from orders where order_id = ${base.orderId}`);
  });
});
