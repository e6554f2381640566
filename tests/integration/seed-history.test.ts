/**
 * `npm run seed:history`'s work (lib/history/seed.ts) on a throw-away database: the sandbox's drifting prices,
 * through the app's match and merge, recorded with the usual de-duplication — and idempotent.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '@/lib/db/testing';
import { DAY_MS } from '@/lib/history/dedupe';
import { sandboxObservationsAt, seedSandboxHistory } from '@/lib/history/seed';
import { getPriceHistory } from '@/lib/history/store';
import { getSandboxCatalogue, itemPriceFenAt } from '@/sandbox/catalogue';

const NOW = Date.parse('2026-12-01T04:00:00Z'); // sandbox day 0
const count = async (t: TestDatabase) =>
  Number((((await t.db.execute(sql`select count(*)::int as n from price_snapshots`)) as unknown as { rows: { n: number }[] }).rows[0]!.n));

describe('sandbox observations', () => {
  it('one Weidian price per item and one per platform with a matched in-stock offer, all at the given instant', () => {
    const { items } = getSandboxCatalogue();
    const at = NOW - 10 * DAY_MS;
    const observations = sandboxObservationsAt(at);
    const weidian = observations.filter((o) => o.platform === 'weidian');
    expect(weidian).toHaveLength(items.length);
    for (const item of items.slice(0, 40)) {
      expect(weidian.find((o) => o.productId === item.num_iid)!.priceFen).toBe(itemPriceFenAt(item, at));
    }
    expect(observations.length).toBeGreaterThan(items.length * 1.5);
    expect(new Set(observations.map((o) => o.observedAt))).toEqual(new Set([new Date(at).toISOString()]));
    const keys = observations.map((o) => `${o.productId}:${o.platform}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe.each(['pg', 'pglite'] as const)('seeding history on %s', (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(driver);
  }, 60_000);
  afterAll(async () => {
    await t?.cleanup();
  });

  it('backfills one observation a day, is idempotent, and a day later adds only that day', { timeout: 120_000 }, async () => {
    const first = await seedSandboxHistory(t.db, { now: NOW, days: 2 });
    expect(first.instants).toBe(3);
    // Observations exactly a day apart: every series has a row each day (a change, or the heartbeat).
    expect(first.recorded).toBe(await count(t));
    expect(first.recorded).toBe([2, 1, 0].reduce((n, back) => n + sandboxObservationsAt(NOW - back * DAY_MS).length, 0));
    expect(first.unchanged).toBe(0);

    const again = await seedSandboxHistory(t.db, { now: NOW, days: 2 });
    expect(again.recorded).toBe(0);
    expect(again.unchanged).toBe(first.recorded + first.unchanged);
    expect(await count(t)).toBe(first.recorded);

    const later = await seedSandboxHistory(t.db, { now: NOW + DAY_MS, days: 2 });
    expect(later.recorded).toBe(sandboxObservationsAt(NOW + DAY_MS).length);
    expect(await count(t)).toBe(first.recorded + later.recorded);
  });

  it('charts what the sandbox served on each day', async () => {
    const item = getSandboxCatalogue().items[7]!;
    const history = await getPriceHistory(t.db, item.num_iid, { days: 30, now: NOW + DAY_MS });
    const weidian = history.series.find((s) => s.platform === 'weidian')!;
    const served = [-2, -1, 0, 1].map((d) => itemPriceFenAt(item, NOW + d * DAY_MS));
    // A row a day (a change or the heartbeat); the chart's points are where the price was set.
    const rows = await t.db.execute(sql`select count(*)::int as n from price_snapshots where product_id = ${item.num_iid} and platform = 'weidian'`);
    expect((rows as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(4);
    expect(weidian.points.map((p) => p.priceFen)).toEqual(served.filter((fen, i) => i === 0 || fen !== served[i - 1]));
    expect(weidian.points[0]!.at).toBe(new Date(NOW - 2 * DAY_MS).toISOString());
    expect(weidian).toMatchObject({ currentFen: served[3], live: true });
  });
});
