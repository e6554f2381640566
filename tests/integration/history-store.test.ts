/**
 * Price history in the database: the de-duplication rule as PostgreSQL applies it (the same table of cases
 * as the pure rule), concurrency, retention, and the chart's query — on the real server and on PGlite.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '@/lib/db/testing';
import type { Db } from '@/lib/db/client';
import { DAY_MS, HOUR_MS } from '@/lib/history/dedupe';
import { getPriceHistory, pruneHistory, recordPrices } from '@/lib/history/store';
import type { PriceObservation, PriceSource } from '@/lib/history/types';
import { DEDUPE_CASES } from '../support/history-dedupe-cases';

const NOW = Date.parse('2026-12-01T04:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const obs = (productId: string, platform: PriceSource, priceFen: number, atMs: number): PriceObservation => ({
  productId,
  platform,
  priceFen,
  observedAt: iso(atMs),
});

async function rows(db: Db, productId?: string) {
  const result = await db.execute(
    sql`select product_id, platform, price_fen, observed_at from price_snapshots
        where ${productId ?? null}::text is null or product_id = ${productId ?? null}
        order by product_id, platform, observed_at`,
  );
  return (result as unknown as { rows: { product_id: string; platform: string; price_fen: number; observed_at: Date | string }[] }).rows.map((r) => ({
    productId: r.product_id,
    platform: r.platform,
    priceFen: Number(r.price_fen),
    at: new Date(r.observed_at).getTime(),
  }));
}

describe.each(['pg', 'pglite'] as const)('price history on %s', (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(driver);
  }, 60_000);
  afterAll(async () => {
    await t?.cleanup();
  });
  beforeEach(async () => {
    await t.db.execute(sql`truncate price_snapshots, price_snapshot_heads`);
  });

  it('is migrated with the chart’s index (the primary key) and one head per series', async () => {
    const result = await t.db.execute(sql`select indexname, indexdef from pg_indexes where tablename in ('price_snapshots', 'price_snapshot_heads') and schemaname = current_schema() order by indexname`);
    const defs = Object.fromEntries((result as unknown as { rows: { indexname: string; indexdef: string }[] }).rows.map((r) => [r.indexname, r.indexdef]));
    expect(defs.price_snapshots_pkey).toMatch(/\(product_id, platform, observed_at\)/);
    expect(defs.price_snapshot_heads_pkey).toMatch(/\(product_id, platform\)/);
    await expect(t.db.execute(sql`insert into price_snapshots values ('p', 'amazon', now(), 1)`)).rejects.toThrow();
    await expect(t.db.execute(sql`insert into price_snapshots values ('p', 'jd', now(), 0)`)).rejects.toThrow();
  });

  it.each(DEDUPE_CASES)('records as the pure rule does: $name', async ({ steps }) => {
    for (const step of steps) await recordPrices(t.db, [obs('p1', 'weidian', step.priceFen, step.atMs)]);
    const expected = steps.filter((s) => s.recorded).map((s) => ({ productId: 'p1', platform: 'weidian', priceFen: s.priceFen, at: s.atMs }));
    expect(await rows(t.db)).toEqual(expected);
  });

  it('records a result set of 1,000 products × 5 sources in one statement, and nothing when it comes again', async () => {
    const sources: PriceSource[] = ['weidian', 'taobao', 'jd', 'pdd', 'vip'];
    const batch = Array.from({ length: 1000 }, (_, i) => sources.map((s, j) => obs(String(2_000_000_000 + i), s, 10_000 + i + j, NOW))).flat();
    expect(await recordPrices(t.db, batch)).toEqual({ recorded: 5000, unchanged: 0, invalid: 0, pruned: 0, statements: 1 });
    const again = batch.map((o) => ({ ...o, observedAt: iso(NOW + HOUR_MS) }));
    expect(await recordPrices(t.db, again)).toEqual({ recorded: 0, unchanged: 5000, invalid: 0, pruned: 0, statements: 1 });
    const changed = again.map((o, i) => (i % 10 === 0 ? { ...o, priceFen: o.priceFen - 100, observedAt: iso(NOW + 2 * HOUR_MS) } : { ...o, observedAt: iso(NOW + 2 * HOUR_MS) }));
    expect((await recordPrices(t.db, changed)).recorded).toBe(500);
    expect((await rows(t.db)).length).toBe(5500);
  });

  it('takes a batch holding several instants of a series in order (waves), applying the rule between them', async () => {
    const result = await recordPrices(t.db, [
      obs('p1', 'jd', 100, NOW + 2 * HOUR_MS),
      obs('p1', 'jd', 100, NOW),
      obs('p1', 'jd', 120, NOW + HOUR_MS),
      obs('p1', 'jd', 120, NOW + HOUR_MS), // a repeat
      obs('p1', 'jd', -5, NOW + 3 * HOUR_MS), // invalid
    ]);
    expect(result).toMatchObject({ recorded: 3, invalid: 2, statements: 3 });
    expect((await rows(t.db)).map((r) => r.priceFen)).toEqual([100, 120, 100]);
  });

  it('prunes a series it writes to the retention period, keeping the row in effect at its start', async () => {
    // One row a day for 200 days, each a different price.
    for (let d = 0; d < 200; d++) await recordPrices(t.db, [obs('p1', 'weidian', 1000 + (d % 2), NOW - (199 - d) * DAY_MS)]);
    const kept = await rows(t.db);
    const cutoff = NOW - 180 * DAY_MS;
    expect(kept.filter((r) => r.at < cutoff)).toHaveLength(0);
    expect(kept.filter((r) => r.at === cutoff)).toHaveLength(1); // the newest row at or before the cutoff
    expect(kept).toHaveLength(181);
    // Still chartable over the whole longest window.
    const history = await getPriceHistory(t.db, 'p1', { days: 180, now: NOW });
    expect(history.series[0]!.points[0]!.at).toBe(iso(cutoff));
  });

  it('pruneHistory: drops series unseen for the whole retention, trims old rows of the others', async () => {
    for (let d = 0; d < 20; d++) await recordPrices(t.db, [obs('old', 'jd', 500 + d, NOW - (400 - d) * DAY_MS)]);
    for (let d = 0; d < 20; d++) await recordPrices(t.db, [obs('live', 'jd', 500 + d, NOW - (190.5 - d) * DAY_MS)]);
    const result = await pruneHistory(t.db, { now: NOW });
    expect(result.series).toBe(1);
    const left = await rows(t.db);
    expect(left.filter((r) => r.productId === 'old')).toEqual([]);
    const live = left.filter((r) => r.productId === 'live');
    expect(live.filter((r) => r.at < NOW - 180 * DAY_MS)).toHaveLength(1);
    expect(live).toHaveLength(10);
    expect(result.rows).toBe(20 + 10);
    const heads = await t.db.execute(sql`select product_id from price_snapshot_heads`);
    expect((heads as unknown as { rows: { product_id: string }[] }).rows.map((r) => r.product_id)).toEqual(['live']);
  });

  it('getPriceHistory: the window, the last row before it, per source in platform order, with figures', async () => {
    const at = (daysAgo: number) => NOW - daysAgo * DAY_MS;
    await recordPrices(t.db, [obs('p1', 'weidian', 15000, at(100)), obs('p1', 'jd', 14000, at(100)), obs('p2', 'weidian', 1, at(10))]);
    await recordPrices(t.db, [obs('p1', 'weidian', 14500, at(40)), obs('p1', 'jd', 13900, at(40))]);
    await recordPrices(t.db, [obs('p1', 'weidian', 13000, at(20)), obs('p1', 'pdd', 12000, at(20))]);
    await recordPrices(t.db, [obs('p1', 'weidian', 13500, at(0.5))]);
    await recordPrices(t.db, [obs('p1', 'weidian', 9900, NOW + HOUR_MS)]); // after `now`: not shown

    const h30 = await getPriceHistory(t.db, 'p1', { days: 30, now: NOW });
    expect(h30).toMatchObject({ productId: 'p1', days: 30, from: iso(at(30)), to: iso(NOW) });
    // jd was last recorded 40 days ago: its price held for a heartbeat after that, not into this window.
    expect(h30.series.map((s) => s.platform)).toEqual(['weidian', 'pdd']);
    const [weidian, pdd] = h30.series;
    expect(weidian!.points).toEqual([
      { at: iso(at(40)), priceFen: 14500 },
      { at: iso(at(20)), priceFen: 13000 },
      { at: iso(at(0.5)), priceFen: 13500 },
    ]);
    expect(weidian).toMatchObject({ highestFen: 14500, lowestFen: 13000, currentFen: 13500, live: true, until: iso(NOW) });
    expect(pdd).toMatchObject({ platform: 'pdd', points: [{ at: iso(at(20)), priceFen: 12000 }], live: false, currentFen: null, until: iso(at(19)) });

    const h180 = await getPriceHistory(t.db, 'p1', { days: 180, now: NOW });
    expect(h180.series.find((s) => s.platform === 'jd')!.points.map((p) => p.priceFen)).toEqual([14000, 13900]);
    expect(h180.series[0]).toMatchObject({ highestFen: 15000, lowestFen: 13000 });
    expect((await getPriceHistory(t.db, 'nothing', { days: 90, now: NOW })).series).toEqual([]);
  });
});

describe('price history under concurrency (PostgreSQL)', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase('pg');
  }, 60_000);
  afterAll(async () => {
    await t?.cleanup();
  });
  beforeEach(async () => {
    await t.db.execute(sql`truncate price_snapshots, price_snapshot_heads`);
  });

  const resultSet = (n: number, priceOf: (i: number) => number, atMs: number) =>
    Array.from({ length: n }, (_, i) => [obs(`p${i}`, 'weidian', priceOf(i), atMs), obs(`p${i}`, 'jd', priceOf(i) - 1, atMs)]).flat();

  it('two instances recording the same observations at once write each row once (and do not deadlock)', async () => {
    const other = t.connectAgain().db;
    for (let round = 0; round < 5; round++) {
      // Every series changes price each round; the other instance sends the batch in the opposite order.
      const batch = resultSet(500, (i) => 1000 + i + (round % 2), NOW + round * HOUR_MS);
      const [a, b] = await Promise.all([recordPrices(t.db, batch), recordPrices(other, [...batch].reverse())]);
      expect(a.recorded + b.recorded).toBe(1000);
      expect(a.unchanged + b.unchanged).toBe(1000);
    }
    expect(await rows(t.db)).toHaveLength(5 * 1000);
  });

  it('two instances observing the same change a moment apart record it once; contradicting equal instants once', async () => {
    const other = t.connectAgain().db;
    await recordPrices(t.db, resultSet(300, () => 500, NOW));
    const [a, b] = await Promise.all([
      recordPrices(t.db, resultSet(300, () => 450, NOW + 1000)),
      recordPrices(other, resultSet(300, () => 450, NOW + 1001)),
    ]);
    expect(a.recorded + b.recorded).toBe(600);
    const [c, d] = await Promise.all([
      recordPrices(t.db, resultSet(300, () => 400, NOW + 5000)),
      recordPrices(other, resultSet(300, () => 420, NOW + 5000)),
    ]);
    expect(c.recorded + d.recorded).toBe(600);
    const all = await rows(t.db);
    expect(all).toHaveLength(3 * 600);
    // Per series: exactly one row per distinct change, prices alternate (no consecutive repeats).
    const bySeries = new Map<string, number[]>();
    for (const r of all) bySeries.set(`${r.productId}:${r.platform}`, [...(bySeries.get(`${r.productId}:${r.platform}`) ?? []), r.priceFen]);
    for (const prices of bySeries.values()) {
      expect(prices).toHaveLength(3);
      for (let i = 1; i < prices.length; i++) expect(prices[i]).not.toBe(prices[i - 1]);
    }
  });
});
