/**
 * Incremental, crash-safe sync of one merchant's orders from Weidian's `trade/list` into the `orders` table.
 * The algorithm and its proof sketch are in docs/orders-sync.md; in short:
 *
 * trade/list lists orders with update_time ≥ start_time, sorted by (update_time, order_id), paged by
 * OFFSET. Offsets are not stable under churn: an order updated while we page moves to the end, every later
 * order shifts one place to the left, and plain page=1,2,3… skips the one that slid across a page boundary.
 * So we page by KEYSET instead, with a cursor (T = start_time, p = page):
 *
 * 1. Fetch page p at T and store it; L = the page's last update_time.
 * 2. L > T (or no T yet): every order with update_time in [T, L) was on pages 1..p (page 1 is a prefix of the
 *    sorted list; for p > 1 see 3). Checkpoint := L and continue at (L, 1). Re-reading the second L is
 *    intended (`≥`): the upsert makes the overlap harmless, and it is what makes the boundary exact.
 * 3. L = T: the whole page shares one second, so moving start_time cannot make progress; go to (T, p + 1).
 *    Offsets inside such a group are what churn can shift, so after fetching page p + 1 we re-fetch page p:
 *    if its last order is still the one we saw, no order left the group ahead of it in between, and page
 *    p + 1 continued exactly where p ended. If it moved, the pass over the group starts again at (T, 1).
 *    A group can also GAIN orders while T is the server's current second (an order updated "now" gets
 *    update_time T and sorts in by order_id); so a group read across pages counts only if the pass began
 *    once the group was closed: T older than LIVE_WINDOW_MS by our clock, or a later update_time already
 *    seen. Otherwise it is read once more before the checkpoint may pass T.
 * 4. has_next = false ends the run; the checkpoint stays the max update_time fully stored.
 *
 * Each page's upsert and the checkpoint advance commit in ONE transaction, so a crash anywhere resumes from a
 * checkpoint whose invariant ("every order with update_time < checkpoint is stored at a version at least as
 * new") holds: the rerun converges on the same rows, no duplicates (primary key), no loss. The upsert only
 * writes when the incoming copy is newer, or same-second but different (two changes within one second),
 * so an older copy never overwrites a newer one and a rerun with nothing new rewrites nothing.
 */
import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { getLocker, type Locker } from '../cache/lock';
import { getDb, type Db, type DbExecutor } from '../db/client';
import { merchants, orders, orderSyncState, type NewOrderRow } from '../db/schema';
import { loadEnv } from '../env';
import { maskPhones } from '../mask';
import { UpstreamError, type FetchLike } from '../upstream/http';
import { getUpstreamQuota } from '../quota/token-bucket';
import { getUpstreamFetch } from '../upstream/providers';
import { createTradesClient, isTokenRejected, TRADE_PAGE_SIZE_MAX, type TradeListPage, type TradesClient } from '../weidian/trades';
import { SYNC_LOCK_TTL_MS, type Order } from './types';
import { moduleLogger } from '../log';

/** A group whose second is older than this (by our clock) can no longer gain orders. Covers clock skew. */
export const LIVE_WINDOW_MS = 10 * 60_000;
export const DEFAULT_MAX_PAGES = 500;
/** Longer than any sane run; a run outliving it is fenced off by run_id, not trusted to the lock. */
export const DEFAULT_LOCK_TTL_MS = SYNC_LOCK_TTL_MS;

export interface SyncProgress {
  shopId: string;
  runId: string;
  /** Pages stored so far (re-reads for verification are not counted). */
  pages: number;
  /** Orders received so far (overlapping re-reads included). */
  orders: number;
  /** Rows inserted or changed so far. */
  upserted: number;
  /** What the API counted at the run's first page. */
  total: number | null;
  checkpoint: Date | null;
}

export interface SyncAlertOptions {
  /** POST failures here as JSON; null = no alert. Default: ALERT_WEBHOOK_URL. */
  webhookUrl?: string | null;
  fetch?: FetchLike;
  /** Default 3000. */
  timeoutMs?: number;
}

export interface SyncOrdersOptions {
  shopId: string;
  /** Called once at the start, and once more when Weidian rejects the token (10011/10012) mid-sync. */
  getAccessToken: () => Promise<string>;
  db?: Db;
  trades?: TradesClient;
  locker?: Locker;
  /** Clock in ms since the epoch (synced_at, progress times, the live-window rule). Default Date.now. */
  now?: () => number;
  /** Upper bound on trade/list requests per run (a run that hits it stops, resumable). Default 500. */
  maxPages?: number;
  /** 1–100. Default 100. */
  pageSize?: number;
  lockTtlMs?: number;
  /** After each stored page (committed). Awaited, so keep it quick. */
  onProgress?: (progress: SyncProgress) => void | Promise<void>;
  alert?: SyncAlertOptions;
}

export interface SyncResult {
  runId: string;
  /** Pages stored. */
  pages: number;
  /** Orders received (overlapping re-reads included). */
  orders: number;
  /** Rows inserted or changed. */
  upserted: number;
  /** Where the next run starts (every order with update_time < checkpoint is stored). */
  checkpoint: Date | null;
  /** False when the run stopped at maxPages before has_next = false; the next run continues. */
  complete: boolean;
}

/** Another run took over this merchant's sync state (our lock had expired). */
export class SyncSupersededError extends Error {
  constructor(readonly shopId: string) {
    super(`order sync for ${shopId} was taken over by another run`);
    this.name = 'SyncSupersededError';
  }
}

export class UnknownMerchantError extends Error {
  constructor(readonly shopId: string) {
    super(`no merchant ${shopId}`);
    this.name = 'UnknownMerchantError';
  }
}

class PageBudgetExhausted extends Error {}

interface Key {
  orderId: string;
  updatedMs: number;
}
const keyOf = (o: Order): Key => ({ orderId: o.orderId, updatedMs: o.updatedAt.getTime() });
const sameKey = (a: Key, b: Key) => a.orderId === b.orderId && a.updatedMs === b.updatedMs;

interface Cursor {
  /** start_time; undefined = from the beginning. */
  startTime: Date | undefined;
  page: number;
  /** Last order of page − 1 (same group), to verify contiguity; null on page 1. */
  prevLast: Key | null;
  /** The group at startTime could no longer gain orders when this pass over it began. */
  settled: boolean;
}

export async function syncOrders(options: SyncOrdersOptions): Promise<SyncResult> {
  const { shopId } = options;
  const locker = options.locker ?? getLocker(loadEnv().redisUrl);
  return locker.withLock(`sync:${shopId}`, { ttlMs: options.lockTtlMs ?? DEFAULT_LOCK_TTL_MS, waitMs: 0 }, async () => {
    const alert: Required<SyncAlertOptions> = {
      webhookUrl: options.alert?.webhookUrl !== undefined ? options.alert.webhookUrl : loadEnv().alertWebhookUrl,
      fetch: options.alert?.fetch ?? ((input, init) => fetch(input, init)),
      timeoutMs: options.alert?.timeoutMs ?? 3000,
    };
    const runId = randomUUID();
    let run: SyncRun;
    try {
      run = new SyncRun(options.db ?? (await getDb()), options.trades ?? defaultTradesClient(), options, runId);
    } catch (error) {
      // No database (or no configuration): nothing to record in, but still logged and alerted.
      await reportFailure(failureLine(shopId, runId, 0, undefined, 0, error), alert);
      throw error;
    }
    try {
      return await run.execute();
    } catch (error) {
      await run.recordFailure(error, alert);
      throw error;
    }
  });
}

function defaultTradesClient(): TradesClient {
  const env = loadEnv();
  return createTradesClient({ apiBase: env.weidian.apiBase, timeoutMs: env.weidian.timeoutMs, fetch: getUpstreamFetch(), quota: getUpstreamQuota('weidian') });
}

class SyncRun {
  private readonly now: () => number;
  private readonly maxPages: number;
  private readonly pageSize: number;
  private token: string | undefined;
  private requests = 0;
  private pages = 0;
  private received = 0;
  private upserted = 0;
  private total: number | null = null;
  private checkpoint: Date | null = null;
  /** The request being made, for the failure log. */
  private currentPage = 0;
  private currentStartTime: Date | undefined;
  private started = false;

  constructor(
    private readonly db: Db,
    private readonly trades: TradesClient,
    private readonly options: SyncOrdersOptions,
    private readonly runId: string,
  ) {
    this.now = options.now ?? Date.now;
    this.maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
    this.pageSize = options.pageSize ?? TRADE_PAGE_SIZE_MAX;
    if (!Number.isInteger(this.maxPages) || this.maxPages < 1) throw new RangeError('maxPages must be a positive integer');
  }

  private get shopId() {
    return this.options.shopId;
  }

  async execute(): Promise<SyncResult> {
    this.checkpoint = await this.begin();
    this.token = await this.options.getAccessToken();

    let cursor: Cursor | null = {
      startTime: this.checkpoint ?? undefined,
      page: 1,
      prevLast: null,
      settled: this.checkpoint ? this.isSettled(this.checkpoint) : true,
    };
    let complete = true;
    try {
      let page: Promise<TradeListPage> | undefined;
      while (cursor) ({ cursor, page } = await this.step(cursor, page));
    } catch (error) {
      if (!(error instanceof PageBudgetExhausted)) throw error;
      complete = false;
    }
    await this.finish(complete);
    return { runId: this.runId, pages: this.pages, orders: this.received, upserted: this.upserted, checkpoint: this.checkpoint, complete };
  }

  /**
   * One page: fetch (and verify), store with the checkpoint, and say where to go next (null = done). Where
   * to go next depends on the page alone, not on storing it, so the next page's read is under way while
   * this one is written (`page`, handed back for the next step): the writes hide behind the reads.
   */
  private async step(cursor: Cursor, prefetched?: Promise<TradeListPage>): Promise<{ cursor: Cursor | null; page?: Promise<TradeListPage> }> {
    const T = cursor.startTime;
    const page = await (prefetched ?? this.fetch(T, cursor.page));
    const trades = page.trades;
    this.checkOrder(trades, T);
    if (this.total === null) this.total = page.total;

    // Inside a same-second group: did page p continue exactly where page p − 1 ended?
    let contiguous = true;
    if (cursor.page > 1) {
      const before = await this.fetch(T, cursor.page - 1);
      const last = before.trades.at(-1);
      contiguous = last !== undefined && cursor.prevLast !== null && sameKey(keyOf(last), cursor.prevLast);
    }

    let next: Cursor | null;
    let checkpoint = this.checkpoint;
    const last = trades.at(-1);
    if (!contiguous || (last === undefined && cursor.page > 1)) {
      // The group shifted under us: read it again from its first page.
      next = { startTime: T, page: 1, prevLast: null, settled: cursor.settled || (T !== undefined && this.isSettled(T)) };
    } else if (last === undefined) {
      next = null;
    } else if (T === undefined || last.updatedAt.getTime() > T.getTime()) {
      if (cursor.page > 1 && !cursor.settled) {
        // The group at T was read while it could still gain orders; now that a later second exists, it cannot.
        next = { startTime: T, page: 1, prevLast: null, settled: true };
      } else {
        checkpoint = last.updatedAt;
        next = page.hasNext ? { startTime: last.updatedAt, page: 1, prevLast: null, settled: this.isSettled(last.updatedAt) } : null;
      }
    } else {
      // The whole page shares the second T.
      next = page.hasNext ? { startTime: T, page: cursor.page + 1, prevLast: keyOf(last), settled: cursor.settled } : null;
    }

    const ahead = next ? this.fetch(next.startTime, next.page) : undefined;
    // Awaited by the next step; a failure while this page is stored (or after it fails) is handled there.
    ahead?.catch(() => undefined);
    await this.store(trades, checkpoint);
    return { cursor: next, page: ahead };
  }

  private isSettled(t: Date): boolean {
    return this.now() - t.getTime() > LIVE_WINDOW_MS;
  }

  /** The API promises update_time ascending, all ≥ start_time; the keyset logic depends on it. */
  private checkOrder(trades: Order[], startTime: Date | undefined) {
    let previous = startTime ? Math.floor(startTime.getTime() / 1000) * 1000 : -Infinity;
    for (const t of trades) {
      const ms = t.updatedAt.getTime();
      if (ms < previous) throw new UpstreamError('weidian', 'malformed', 'trade/list is not ordered by update_time from start_time');
      previous = ms;
    }
  }

  private async fetch(startTime: Date | undefined, page: number): Promise<TradeListPage> {
    if (this.requests >= this.maxPages) throw new PageBudgetExhausted();
    this.requests++;
    this.currentPage = page;
    this.currentStartTime = startTime;
    const query = { startTime, page, pageSize: this.pageSize };
    try {
      return await this.trades.listTrades({ ...query, accessToken: this.token! });
    } catch (error) {
      if (!isTokenRejected(error)) throw error;
      // Expired or revoked before we expected: one fresh token, one retry of the same page.
      this.token = await this.options.getAccessToken();
      return await this.trades.listTrades({ ...query, accessToken: this.token });
    }
  }

  // ── Database ───────────────────────────────────────────────────────────────────────────────────────────

  /** Claims the state row for this run; answers the stored checkpoint. */
  private async begin(): Promise<Date | null> {
    const [merchant] = await this.db.select({ shopId: merchants.shopId }).from(merchants).where(eq(merchants.shopId, this.shopId));
    if (!merchant) throw new UnknownMerchantError(this.shopId);
    const now = new Date(this.now());
    const claim = { running: true, startedAt: now, pagesDone: 0, ordersDone: 0, ordersTotal: null, runId: this.runId };
    const [row] = await this.db
      .insert(orderSyncState)
      .values({ shopId: this.shopId, ...claim })
      .onConflictDoUpdate({ target: orderSyncState.shopId, set: claim })
      .returning({ checkpoint: orderSyncState.checkpoint });
    this.started = true;
    return row?.checkpoint ?? null;
  }

  /** Upserts one page and advances the checkpoint, atomically; fenced by run_id. */
  private async store(trades: Order[], checkpoint: Date | null) {
    const syncedAt = new Date(this.now());
    const rows = dedupe(trades).map((o) => toRow(this.shopId, o, syncedAt));
    const counts = { pages: this.pages + 1, orders: this.received + trades.length };
    const written = await this.db.transaction(async (tx) => {
      const changed = rows.length ? await upsertOrders(tx, rows) : 0;
      const [owned] = await tx
        .update(orderSyncState)
        .set({
          // Never backwards, even if a superseded run wrote a later one (each checkpoint is a valid bound).
          ...(checkpoint ? { checkpoint: sql`greatest(${orderSyncState.checkpoint}, ${checkpoint.toISOString()}::timestamptz)` } : {}),
          pagesDone: counts.pages,
          ordersDone: counts.orders,
          ordersTotal: this.total,
        })
        .where(and(eq(orderSyncState.shopId, this.shopId), eq(orderSyncState.runId, this.runId)))
        .returning({ checkpoint: orderSyncState.checkpoint });
      if (!owned) throw new SyncSupersededError(this.shopId); // rolls the page back
      return { changed, checkpoint: owned.checkpoint };
    });
    this.pages = counts.pages;
    this.received = counts.orders;
    this.upserted += written.changed;
    this.checkpoint = written.checkpoint;
    await this.options.onProgress?.({
      shopId: this.shopId,
      runId: this.runId,
      pages: this.pages,
      orders: this.received,
      upserted: this.upserted,
      total: this.total,
      checkpoint: this.checkpoint,
    });
  }

  private async finish(complete: boolean) {
    const now = new Date(this.now());
    await this.db
      .update(orderSyncState)
      .set(complete ? { running: false, lastSuccessAt: now } : { running: false })
      .where(and(eq(orderSyncState.shopId, this.shopId), eq(orderSyncState.runId, this.runId)));
    if (!complete) {
      moduleLogger('orders').warn({ event: 'order_sync_incomplete', shopId: this.shopId, runId: this.runId, pages: this.pages, maxPages: this.maxPages }, 'sync stopped at its page limit');
    }
  }

  async recordFailure(error: unknown, alert: Required<SyncAlertOptions>) {
    // Not a failure of the sync: the caller named a shop we hold no merchant for (a session whose shop row
    // is gone). The route answers 401; nothing ran, so nothing to alert anyone about.
    if (error instanceof UnknownMerchantError) {
      moduleLogger('orders').info({ event: 'order_sync_refused', shopId: this.shopId, runId: this.runId, reason: 'unknown_merchant' }, 'no such merchant');
      return;
    }
    const line = failureLine(this.shopId, this.runId, this.currentPage, this.currentStartTime, this.pages, error);
    const message = line.error;
    if (this.started && !(error instanceof SyncSupersededError)) {
      try {
        await this.db
          .update(orderSyncState)
          .set({ running: false, lastError: message, lastErrorAt: new Date(this.now()) })
          .where(and(eq(orderSyncState.shopId, this.shopId), eq(orderSyncState.runId, this.runId)));
      } catch (dbError) {
        moduleLogger('orders').error({ event: 'order_sync_state_write_failed', shopId: this.shopId, runId: this.runId, error: safeErrorMessage(dbError) }, 'sync state not written');
      }
    }
    await reportFailure(line, alert);
  }
}

type FailureLine = ReturnType<typeof failureLine>;

function failureLine(shopId: string, runId: string, page: number, startTime: Date | undefined, pagesDone: number, error: unknown) {
  return {
    event: 'order_sync_failed' as const,
    shopId,
    runId,
    page,
    startTime: startTime?.toISOString() ?? null,
    pagesDone,
    error: safeErrorMessage(error),
  };
}

/** The structured log line, and the webhook when configured. */
async function reportFailure(line: FailureLine, alert: Required<SyncAlertOptions>) {
  moduleLogger('orders').error(line, 'order sync failed');
  if (alert.webhookUrl) await sendAlert(alert, line);
}

/** Last copy wins: the API never repeats an order within a page, but one INSERT must not touch a row twice. */
function dedupe(trades: Order[]): Order[] {
  const byId = new Map<string, Order>();
  for (const t of trades) byId.set(t.orderId, t);
  return [...byId.values()];
}

function toRow(shopId: string, o: Order, syncedAt: Date): NewOrderRow {
  return {
    shopId,
    orderId: o.orderId,
    status: o.status,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    paidAt: o.paidAt,
    totalFen: o.totalFen,
    postFeeFen: o.postFeeFen,
    discountFen: o.discountFen,
    buyerNameMasked: o.buyerNameMasked,
    buyerPhoneMasked: o.buyerPhoneMasked,
    receiverProvince: o.receiverProvince,
    receiverCity: o.receiverCity,
    items: o.items,
    syncedAt,
  };
}

/** The columns that make up an order's content (everything but the keys and synced_at). */
const CONTENT = [
  'status',
  'created_at',
  'paid_at',
  'total_fen',
  'post_fee_fen',
  'discount_fen',
  'buyer_name_masked',
  'buyer_phone_masked',
  'receiver_province',
  'receiver_city',
  'items',
] as const;

/**
 * INSERT … ON CONFLICT DO UPDATE … WHERE the incoming copy is newer, or from the same second but different
 * (update_time has one-second resolution, so two changes within a second share it). An older copy, or an
 * identical one, leaves the row — and its synced_at — untouched. Answers the number of rows written.
 */
export async function upsertOrders(executor: DbExecutor, rows: NewOrderRow[]): Promise<number> {
  const current = (c: string) => sql.raw(`"orders"."${c}"`);
  const incoming = (c: string) => sql.raw(`excluded."${c}"`);
  const list = (f: (c: string) => ReturnType<typeof sql.raw>) => sql.join(CONTENT.map(f), sql`, `);
  const set = Object.fromEntries(
    [...CONTENT, 'updated_at', 'synced_at'].map((c) => [camel(c), incoming(c)]),
  ) as Record<string, ReturnType<typeof sql.raw>>;
  const written = await executor
    .insert(orders)
    .values(rows)
    .onConflictDoUpdate({
      target: [orders.shopId, orders.orderId],
      set,
      setWhere: sql`excluded.updated_at > ${current('updated_at')} or (excluded.updated_at = ${current('updated_at')} and (${list(current)}) is distinct from (${list(incoming)}))`,
    })
    .returning({ orderId: orders.orderId });
  return written.length;
}

const camel = (snake: string) => snake.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** An error as one line for logs, the state row and alerts: no stack, no tokens, no phone numbers. */
export function safeErrorMessage(error: unknown): string {
  const raw = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
  return maskPhones(raw)
    .replace(/Bearer\s+\S+/gi, 'Bearer [redacted]')
    .replace(/\bwd[a-z]{1,3}_[A-Za-z0-9._~+/=-]+/g, '[redacted]')
    .replace(/\s+/g, ' ')
    .slice(0, 500);
}

async function sendAlert(alert: Required<SyncAlertOptions>, payload: FailureLine) {
  try {
    const response = await alert.fetch(alert.webhookUrl!, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(alert.timeoutMs),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    await response.body?.cancel().catch(() => undefined);
  } catch (error) {
    moduleLogger('orders').error({ event: 'order_sync_alert_failed', shopId: payload.shopId, runId: payload.runId, error: safeErrorMessage(error) }, 'alert webhook failed');
  }
}
