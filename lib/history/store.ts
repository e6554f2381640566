/**
 * Price history in PostgreSQL (the thin edge around lib/history/dedupe.ts and series.ts).
 *
 * `recordPrices` writes a whole batch in one statement per wave (a result set is one wave: one round trip).
 * The statement decides row by row with the rule of `shouldRecord`, against each series' head row in
 * `price_snapshot_heads`, and that decision is safe under concurrency: `INSERT … ON CONFLICT DO UPDATE … WHERE`
 * locks the head row and evaluates the WHERE against its latest committed version, so of two writers
 * recording the same series at once the second waits for the first and then sees its row. Only heads that
 * moved (RETURNING) are copied into `price_snapshots`. Heads are locked in one fixed order (product, source
 * in the "C" collation) so that two overlapping batches cannot deadlock.
 *
 * The same statement prunes the series it writes: rows older than the retention, except the newest of those
 * (the price in effect at the oldest chart window's start). `pruneHistory` does the same for every series and
 * drops series nobody has observed for the whole retention period (run it from a daily job).
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbExecutor } from '../db/client';
import { DAY_MS, HEARTBEAT_MS, planRecording, RETENTION_DAYS, type PlannedObservation } from './dedupe';
import { buildPriceHistory, historyWindow, type SnapshotRow } from './series';
import type { HistoryRange, PriceHistory, PriceObservation, PriceSource } from './types';

export interface RecordOptions {
  /** Default HEARTBEAT_MS (1 day). */
  heartbeatMs?: number;
  /** Default RETENTION_DAYS (180). */
  retentionDays?: number;
}

export interface RecordResult {
  /** Rows written to price_snapshots. */
  recorded: number;
  /** Valid observations that wrote nothing: same price within the heartbeat interval, or not newer. */
  unchanged: number;
  /** Dropped before the database: invalid, or repeated within the batch. */
  invalid: number;
  /** Old rows pruned by the retention rule while writing. */
  pruned: number;
  /** Statements run (one per wave). */
  statements: number;
}

/** node-postgres answers { rows }, PGlite { rows } too, typed per driver. */
function rowsOf<T>(result: unknown): T[] {
  const rows = (result as { rows?: T[] }).rows;
  return Array.isArray(rows) ? rows : (result as T[]);
}

const interval = (ms: number) => sql`(${ms}::bigint * interval '1 millisecond')`;

async function recordWave(db: DbExecutor, wave: PlannedObservation[], heartbeatMs: number, retentionMs: number) {
  const input = JSON.stringify(
    wave.map((o) => ({ product_id: o.productId, platform: o.platform, price_fen: o.priceFen, observed_at: o.observedAt })),
  );
  const result = await db.execute(sql`
    with input as (
      select product_id, platform, price_fen, observed_at
      from jsonb_to_recordset(${input}::jsonb) as t(product_id text, platform text, price_fen integer, observed_at timestamptz)
    ),
    advanced as (
      insert into price_snapshot_heads as h (product_id, platform, price_fen, observed_at)
      select product_id, platform, price_fen, observed_at from input
      order by product_id collate "C", platform collate "C"
      on conflict (product_id, platform) do update
        set price_fen = excluded.price_fen, observed_at = excluded.observed_at
        where excluded.observed_at > h.observed_at
          and (excluded.price_fen <> h.price_fen or excluded.observed_at >= h.observed_at + ${interval(heartbeatMs)})
      returning product_id, platform, price_fen, observed_at
    ),
    pruned as (
      delete from price_snapshots s
      using advanced a
      where s.product_id = a.product_id and s.platform = a.platform
        and s.observed_at < a.observed_at - ${interval(retentionMs)}
        and exists (
          select 1 from price_snapshots n
          where n.product_id = s.product_id and n.platform = s.platform
            and n.observed_at > s.observed_at and n.observed_at <= a.observed_at - ${interval(retentionMs)}
        )
      returning 1
    ),
    written as (
      insert into price_snapshots (product_id, platform, price_fen, observed_at)
      select product_id, platform, price_fen, observed_at from advanced
      on conflict do nothing
      returning 1
    )
    select (select count(*) from written)::int as recorded, (select count(*) from pruned)::int as pruned
  `);
  const [row] = rowsOf<{ recorded: number | string; pruned: number | string }>(result);
  return { recorded: Number(row?.recorded ?? 0), pruned: Number(row?.pruned ?? 0) };
}

/**
 * Records prices: a row per series only when its price changed, or as the daily heartbeat (dedupe.ts).
 * Invalid observations are dropped and counted, never thrown. Throws only when the database fails.
 */
export async function recordPrices(db: DbExecutor, observations: readonly PriceObservation[], options: RecordOptions = {}): Promise<RecordResult> {
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  const retentionMs = (options.retentionDays ?? RETENTION_DAYS) * DAY_MS;
  const plan = planRecording(observations);
  const result: RecordResult = { recorded: 0, unchanged: 0, invalid: plan.invalid + plan.repeated, pruned: 0, statements: 0 };
  for (const wave of plan.waves) {
    const { recorded, pruned } = await recordWave(db, wave, heartbeatMs, retentionMs);
    result.recorded += recorded;
    result.unchanged += wave.length - recorded;
    result.pruned += pruned;
    result.statements++;
  }
  return result;
}

/**
 * One product's history over the last `days` to `now`: per source, the rows in the window and the last row
 * before it (the price at the window's start), with highest / lowest / current (series.ts). One query on
 * price_snapshots' primary key.
 */
export async function getPriceHistory(db: DbExecutor, productId: string, options: { days: HistoryRange; now: number | Date }): Promise<PriceHistory> {
  const nowMs = new Date(options.now).getTime();
  const { fromMs, toMs } = historyWindow(options.days, nowMs);
  const from = new Date(fromMs).toISOString();
  const to = new Date(toMs).toISOString();
  const result = await db.execute(sql`
    (select platform, price_fen, observed_at from price_snapshots
      where product_id = ${productId} and observed_at > ${from}::timestamptz and observed_at <= ${to}::timestamptz)
    union all
    (select distinct on (platform) platform, price_fen, observed_at from price_snapshots
      where product_id = ${productId} and observed_at <= ${from}::timestamptz
      order by platform, observed_at desc)
  `);
  const rows = rowsOf<{ platform: PriceSource; price_fen: number; observed_at: Date | string }>(result).map(
    (r): SnapshotRow => ({ platform: r.platform, priceFen: Number(r.price_fen), observedAt: r.observed_at }),
  );
  return buildPriceHistory(rows, { productId, days: options.days, nowMs });
}

/**
 * Retention for the whole table (a daily job): deletes rows older than `retentionDays` before `now` except
 * each series' newest such row, and every row of series last recorded before that (nobody has seen them for
 * the whole retention period: nothing of them is left to chart).
 */
export async function pruneHistory(db: DbExecutor, options: { now: number | Date; retentionDays?: number }): Promise<{ rows: number; series: number }> {
  const cutoff = new Date(new Date(options.now).getTime() - (options.retentionDays ?? RETENTION_DAYS) * DAY_MS).toISOString();
  const result = await db.execute(sql`
    with gone as (
      delete from price_snapshot_heads where observed_at < ${cutoff}::timestamptz
      returning product_id, platform
    ),
    gone_rows as (
      delete from price_snapshots s using gone g
      where s.product_id = g.product_id and s.platform = g.platform
      returning 1
    ),
    superseded as (
      delete from price_snapshots s
      where s.observed_at < ${cutoff}::timestamptz
        and not exists (select 1 from gone g where g.product_id = s.product_id and g.platform = s.platform)
        and exists (
          select 1 from price_snapshots n
          where n.product_id = s.product_id and n.platform = s.platform
            and n.observed_at > s.observed_at and n.observed_at <= ${cutoff}::timestamptz
        )
      returning 1
    )
    select (select count(*) from gone)::int as series,
           ((select count(*) from gone_rows) + (select count(*) from superseded))::int as rows
  `);
  const [row] = rowsOf<{ series: number | string; rows: number | string }>(result);
  return { rows: Number(row?.rows ?? 0), series: Number(row?.series ?? 0) };
}
