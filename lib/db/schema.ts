/**
 * The database schema (PostgreSQL, via Drizzle). Column names are snake_case; money is integer fen; instants
 * are timestamptz. `drizzle-kit generate` turns changes here into SQL under drizzle/ (see docs/orders-sync.md).
 *
 * Only MASKED buyer data is stored (lib/mask.ts): no raw name, phone, district or street address.
 * This module must stay importable outside Next (drizzle-kit loads it): no `server-only`, no app imports
 * beyond types.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { OrderItem } from '../orders/types';
import { PLATFORMS } from '../types';

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const merchants = pgTable('merchants', {
  shopId: text('shop_id').primaryKey(),
  shopName: text('shop_name').notNull(),
  createdAt: tstz('created_at').notNull().defaultNow(),
  lastLoginAt: tstz('last_login_at'),
});

/** OAuth tokens, sealed (encrypted) by lib/auth before they get here. */
export const merchantTokens = pgTable('merchant_tokens', {
  shopId: text('shop_id')
    .primaryKey()
    .references(() => merchants.shopId, { onDelete: 'cascade' }),
  accessTokenEnc: text('access_token_enc').notNull(),
  refreshTokenEnc: text('refresh_token_enc').notNull(),
  accessExpiresAt: tstz('access_expires_at').notNull(),
  scope: text('scope').notNull(),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
});

export const orders = pgTable(
  'orders',
  {
    shopId: text('shop_id')
      .notNull()
      .references(() => merchants.shopId, { onDelete: 'cascade' }),
    orderId: text('order_id').notNull(),
    status: text('status').notNull(),
    createdAt: tstz('created_at').notNull(),
    updatedAt: tstz('updated_at').notNull(),
    paidAt: tstz('paid_at'),
    totalFen: integer('total_fen').notNull(),
    postFeeFen: integer('post_fee_fen').notNull(),
    discountFen: integer('discount_fen').notNull(),
    buyerNameMasked: text('buyer_name_masked').notNull(),
    buyerPhoneMasked: text('buyer_phone_masked').notNull(),
    receiverProvince: text('receiver_province').notNull(),
    receiverCity: text('receiver_city').notNull(),
    items: jsonb('items').$type<OrderItem[]>().notNull(),
    syncedAt: tstz('synced_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'orders_pkey', columns: [t.shopId, t.orderId] }),
    // The orders page: newest first, optionally by status; and "recently changed".
    index('orders_shop_created_idx').on(t.shopId, t.createdAt.desc().nullsFirst()),
    index('orders_shop_status_created_idx').on(t.shopId, t.status, t.createdAt.desc().nullsFirst()),
    index('orders_shop_updated_idx').on(t.shopId, t.updatedAt.desc().nullsFirst()),
    check(
      'orders_status_check',
      sql`${t.status} in ('WAIT_BUYER_PAY', 'WAIT_SELLER_SEND_GOODS', 'WAIT_BUYER_CONFIRM_GOODS', 'TRADE_SUCCESS', 'TRADE_CLOSED')`,
    ),
  ],
);

/** One row per merchant: where the incremental sync resumes, and its progress for the UI. */
export const orderSyncState = pgTable('order_sync_state', {
  shopId: text('shop_id')
    .primaryKey()
    .references(() => merchants.shopId, { onDelete: 'cascade' }),
  /** Every order with update_time < checkpoint is stored; the next run starts at start_time = checkpoint. */
  checkpoint: tstz('checkpoint'),
  running: boolean('running').notNull().default(false),
  startedAt: tstz('started_at'),
  pagesDone: integer('pages_done').notNull().default(0),
  ordersDone: integer('orders_done').notNull().default(0),
  /** Orders the API counted (update_time ≥ the run's start) on the run's first page: the progress bar's 100%. */
  ordersTotal: integer('orders_total'),
  lastSuccessAt: tstz('last_success_at'),
  lastError: text('last_error'),
  lastErrorAt: tstz('last_error_at'),
  /** The run that owns the row; a run whose lock expired and was superseded stops writing (fencing). */
  runId: text('run_id'),
});

// ── Price history (lib/history/, docs/price-history.md) ────────────────────────────────────────────────

/** 'weidian' and every price-API platform (lib/history/types.ts PRICE_SOURCES), as an SQL list. */
const priceSources = sql.raw(['weidian', ...PLATFORMS].map((p) => `'${p}'`).join(', '));

/** A series' (product × source) price at an instant: the columns of both history tables. */
const pricedAt = () => ({
  productId: text('product_id').notNull(),
  platform: text('platform').notNull(),
  observedAt: tstz('observed_at').notNull(),
  priceFen: integer('price_fen').notNull(),
});

/**
 * Recorded prices: a row when a series' (product × source) price changes, and a heartbeat row at least once a
 * day while it is observed. The primary key is the chart's index: one product's rows, per source, by time.
 * Rows older than the retention (180 days) are pruned, except each series' newest such row.
 */
export const priceSnapshots = pgTable(
  'price_snapshots',
  pricedAt(),
  (t) => [
    primaryKey({ name: 'price_snapshots_pkey', columns: [t.productId, t.platform, t.observedAt] }),
    check('price_snapshots_platform_check', sql`${t.platform} in (${priceSources})`),
    check('price_snapshots_price_check', sql`${t.priceFen} > 0`),
  ],
);

/**
 * Each series' last recorded row (a copy of its newest price_snapshots row). The row every writer of the
 * series locks (INSERT … ON CONFLICT DO UPDATE … WHERE) and decides against, so concurrent writers never
 * record the same change twice.
 */
export const priceSnapshotHeads = pgTable(
  'price_snapshot_heads',
  pricedAt(),
  (t) => [
    primaryKey({ name: 'price_snapshot_heads_pkey', columns: [t.productId, t.platform] }),
    // Pruning finds the series nobody has observed for the whole retention period.
    index('price_snapshot_heads_observed_idx').on(t.observedAt),
  ],
);

export type MerchantRow = typeof merchants.$inferSelect;
export type MerchantTokenRow = typeof merchantTokens.$inferSelect;
export type OrderRow = typeof orders.$inferSelect;
export type NewOrderRow = typeof orders.$inferInsert;
export type OrderSyncStateRow = typeof orderSyncState.$inferSelect;
export type PriceSnapshotRow = typeof priceSnapshots.$inferSelect;
