/**
 * Reads for the merchant's orders pages. Every query is scoped by shop_id: a merchant never sees another
 * shop's orders, whatever ids they type. The optional trailing `db` is for tests; the app uses getDb().
 */
import 'server-only';
import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import { getDb, type DbExecutor } from '../db/client';
import { orders, orderSyncState, type OrderRow } from '../db/schema';
import { SYNC_LOCK_TTL_MS, type OrderStatus, type OrderSyncState, type StoredOrder } from './types';

export interface ListOrdersQuery {
  shopId: string;
  status?: OrderStatus;
  /** created_at ≥ from. */
  from?: Date;
  /** created_at ≤ to (inclusive). */
  to?: Date;
  /** Exact order id. */
  orderId?: string;
  /** 1-based. */
  page: number;
  /** 1–100. */
  pageSize: number;
}

export interface OrderListPage {
  /** Newest first (created_at, then order_id, descending). */
  orders: StoredOrder[];
  total: number;
  page: number;
  pageSize: number;
  hasNext: boolean;
}

export const LIST_PAGE_SIZE_MAX = 100;

export async function listOrders(query: ListOrdersQuery, db?: DbExecutor): Promise<OrderListPage> {
  const { page, pageSize } = query;
  if (!Number.isInteger(page) || page < 1) throw new RangeError(`page must be a positive integer, got ${page}`);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > LIST_PAGE_SIZE_MAX) {
    throw new RangeError(`pageSize must be 1–${LIST_PAGE_SIZE_MAX}, got ${pageSize}`);
  }
  const conditions: SQL[] = [eq(orders.shopId, query.shopId)];
  if (query.status) conditions.push(eq(orders.status, query.status));
  if (query.from) conditions.push(gte(orders.createdAt, query.from));
  if (query.to) conditions.push(lte(orders.createdAt, query.to));
  if (query.orderId !== undefined) conditions.push(eq(orders.orderId, query.orderId));
  const where = and(...conditions);

  const executor = db ?? (await getDb());
  const [rows, [counted]] = await Promise.all([
    executor
      .select()
      .from(orders)
      .where(where)
      .orderBy(desc(orders.createdAt), desc(orders.orderId))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    executor.select({ total: count() }).from(orders).where(where),
  ]);
  const total = counted?.total ?? 0;
  return { orders: rows.map(toStoredOrder), total, page, pageSize, hasNext: page * pageSize < total };
}

/** One of the shop's orders, or null — also for another shop's order id. */
export async function getOrder(shopId: string, orderId: string, db?: DbExecutor): Promise<StoredOrder | null> {
  const executor = db ?? (await getDb());
  const [row] = await executor
    .select()
    .from(orders)
    .where(and(eq(orders.shopId, shopId), eq(orders.orderId, orderId)))
    .limit(1);
  return row ? toStoredOrder(row) : null;
}

/**
 * The shop's sync progress; null before its first sync. A run that died mid-sync (its row still says running
 * long after the lock expired) is reported as not running, so the UI does not spin forever.
 */
export async function getSyncState(shopId: string, db?: DbExecutor, now: number = Date.now()): Promise<OrderSyncState | null> {
  const executor = db ?? (await getDb());
  const [row] = await executor.select().from(orderSyncState).where(eq(orderSyncState.shopId, shopId)).limit(1);
  if (!row) return null;
  const alive = row.running && row.startedAt !== null && now - row.startedAt.getTime() < SYNC_LOCK_TTL_MS;
  return { ...row, running: alive };
}

function toStoredOrder(row: OrderRow): StoredOrder {
  return {
    shopId: row.shopId,
    orderId: row.orderId,
    // The table's check constraint admits only the documented statuses.
    status: row.status as OrderStatus,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    paidAt: row.paidAt,
    totalFen: row.totalFen,
    postFeeFen: row.postFeeFen,
    discountFen: row.discountFen,
    buyerNameMasked: row.buyerNameMasked,
    buyerPhoneMasked: row.buyerPhoneMasked,
    receiverProvince: row.receiverProvince,
    receiverCity: row.receiverCity,
    items: row.items,
    syncedAt: row.syncedAt,
  };
}
