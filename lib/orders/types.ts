/**
 * Merchant orders as Bijia sees them: reshaped from Weidian's trade/list (lib/weidian/trades.ts), stored in
 * the `orders` table (lib/db/schema.ts) and read by the orders pages (lib/orders/queries.ts).
 *
 * Money is integer fen; instants are `Date`s (UTC instants — Weidian's GMT+8 wall-clock text is converted at
 * the edge, lib/weidian/trades.ts), as the database driver returns them. Buyer data is MASKED at reshape
 * time — the raw name, phone and street address never reach the database, a log or a page.
 */
import type { Fen } from '../types';

export const ORDER_STATUSES = ['WAIT_BUYER_PAY', 'WAIT_SELLER_SEND_GOODS', 'WAIT_BUYER_CONFIRM_GOODS', 'TRADE_SUCCESS', 'TRADE_CLOSED'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  WAIT_BUYER_PAY: '待付款',
  WAIT_SELLER_SEND_GOODS: '待发货',
  WAIT_BUYER_CONFIRM_GOODS: '已发货',
  TRADE_SUCCESS: '交易成功',
  TRADE_CLOSED: '交易关闭',
};

export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === 'string' && (ORDER_STATUSES as readonly string[]).includes(value);
}

export interface OrderItem {
  itemId: string;
  title: string;
  priceFen: Fen;
  quantity: number;
  skuDesc: string;
}

export interface Order {
  orderId: string;
  status: OrderStatus;
  createdAt: Date;
  /** Whole seconds (Weidian's resolution). */
  updatedAt: Date;
  /** null while unpaid. */
  paidAt: Date | null;
  /** What the buyer pays: items + postage − discount. */
  totalFen: Fen;
  postFeeFen: Fen;
  discountFen: Fen;
  /** 张** — see maskName. */
  buyerNameMasked: string;
  /** 138****5678 — see maskPhone. */
  buyerPhoneMasked: string;
  receiverProvince: string;
  receiverCity: string;
  items: OrderItem[];
}

/** An order as stored for a shop. */
export interface StoredOrder extends Order {
  shopId: string;
  /** When this row was last written by a sync. */
  syncedAt: Date;
}

/**
 * A sync holds the merchant's lock at most this long (the lock's TTL). A state row still saying `running`
 * after that belongs to a run that died (process killed mid-sync) — getSyncState reports it as not running.
 */
export const SYNC_LOCK_TTL_MS = 15 * 60_000;

/** A merchant's sync progress, for the orders page's status line and progress bar. */
export interface OrderSyncState {
  shopId: string;
  /** Every order with update_time < checkpoint is stored; null before the first page is stored. */
  checkpoint: Date | null;
  running: boolean;
  startedAt: Date | null;
  /** Pages / orders read by the current (or last) run. */
  pagesDone: number;
  ordersDone: number;
  /** What the API counted at the run's first page (an estimate of ordersDone at the end); null before. */
  ordersTotal: number | null;
  lastSuccessAt: Date | null;
  /** A message without PII or tokens. */
  lastError: string | null;
  lastErrorAt: Date | null;
  runId: string | null;
}
