import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS } from '@/lib/history/dedupe';
import { buildPriceHistory, isLowestIn30Days, lowestInLastDays, parseHistoryRange, type SnapshotRow } from '@/lib/history/series';
import type { HistoryRange, PriceSource } from '@/lib/history/types';

const NOW = Date.parse('2026-12-01T04:00:00Z');
const ago = (days: number) => NOW - days * DAY_MS;
const iso = (ms: number) => new Date(ms).toISOString();
const row = (platform: PriceSource, priceFen: number, daysAgo: number): SnapshotRow => ({ platform, priceFen, observedAt: iso(ago(daysAgo)) });
const build = (rows: SnapshotRow[], days: HistoryRange = 30) => buildPriceHistory(rows, { productId: 'p', days, nowMs: NOW });

describe('parseHistoryRange', () => {
  it.each([
    ['30', 30],
    ['90', 90],
    ['180', 180],
    [undefined, 30],
    [null, 30],
    ['', 30],
    ['60', 30],
    ['90.0', 30],
    [' 90', 30],
    [['180', '30'], 180],
  ] as const)('%j → %d', (value, days) => {
    expect(parseHistoryRange(value as string | string[] | undefined)).toBe(days);
  });
});

describe('buildPriceHistory: windows', () => {
  it.each([
    {
      name: 'rows inside the window only',
      rows: [row('weidian', 100, 20), row('weidian', 90, 10)],
      points: [20, 10],
    },
    {
      name: 'the last row before the window comes first: the price at the window’s edge',
      rows: [row('weidian', 120, 60), row('weidian', 110, 45), row('weidian', 100, 20)],
      points: [45, 20],
    },
    {
      name: 'a row exactly at the window start counts as "before" (the window is (from, to])',
      rows: [row('weidian', 120, 31), row('weidian', 110, 30), row('weidian', 100, 0)],
      points: [30, 0],
    },
    {
      name: 'rows after now are not shown',
      rows: [row('weidian', 100, 5), row('weidian', 50, -1)],
      points: [5],
    },
    {
      name: 'only a row before the window, nothing since (no heartbeat: not observed): no series',
      rows: [row('weidian', 100, 31)],
      points: [],
    },
  ])('$name', ({ rows, points }) => {
    const h = build(rows);
    expect(h.from).toBe(iso(ago(30)));
    expect(h.to).toBe(iso(NOW));
    expect(h.series[0]?.points.map((p) => (NOW - Date.parse(p.at)) / DAY_MS) ?? []).toEqual(points);
  });

  it('a row before the window whose price no longer held by its start is left out', () => {
    // last seen 31 days ago, no heartbeat since: it held one day, until 30 days ago — the window's start.
    expect(build([row('jd', 100, 31)]).series).toEqual([]);
    expect(build([row('jd', 100, 30.5)]).series[0]!.points).toHaveLength(1);
  });

  it('points are where the price was set: heartbeat rows repeat it and are not points, but keep the series live', () => {
    const h = build([row('jd', 500, 45), ...Array.from({ length: 40 }, (_, d) => row('jd', d < 12 ? 450 : 500, d))]);
    expect(h.series[0]!.points).toEqual([
      { at: iso(ago(30)), priceFen: 500 }, // the last row before the window: the price in effect at its start
      { at: iso(ago(11)), priceFen: 450 },
    ]);
    expect(h.series[0]).toMatchObject({ live: true, currentFen: 450, highestFen: 500, lowestFen: 450 });
  });

  it('series are in PRICE_SOURCES order, whatever the row order', () => {
    const h = build([row('vip', 1, 1), row('jd', 1, 1), row('weidian', 1, 1), row('taobao', 1, 1)]);
    expect(h.series.map((s) => s.platform)).toEqual(['weidian', 'taobao', 'jd', 'vip']);
  });
});

describe('buildPriceHistory: figures', () => {
  it.each([
    {
      name: 'highest / lowest include the price at the window’s edge; current is the last',
      rows: [row('jd', 999, 100), row('jd', 500, 40), row('jd', 450, 10), row('jd', 480, 1)],
      expected: { highestFen: 500, lowestFen: 450, currentFen: 480, live: true, until: iso(NOW) },
    },
    {
      name: 'a flat price with daily heartbeats',
      rows: Array.from({ length: 31 }, (_, d) => row('jd', 700, d)),
      expected: { highestFen: 700, lowestFen: 700, currentFen: 700, live: true },
    },
    {
      name: 'last recorded within two days: still live',
      rows: [row('jd', 300, 10), row('jd', 310, 1.9)],
      expected: { currentFen: 310, live: true, until: iso(NOW) },
    },
    {
      name: 'not recorded for more than two days: no current price, the line ends a heartbeat after the last row',
      rows: [row('jd', 300, 10), row('jd', 310, 5)],
      expected: { highestFen: 310, lowestFen: 300, currentFen: null, live: false, until: iso(ago(4)) },
    },
  ])('$name', ({ rows, expected }) => {
    expect(build(rows).series[0]).toMatchObject(expected);
  });
});

describe('isLowestIn30Days', () => {
  const daily = (platform: PriceSource, price: (daysAgo: number) => number, days = 40) =>
    Array.from({ length: days + 1 }, (_, d) => row(platform, price(d), d));

  it.each([
    { name: 'current at the 30-day low (a tie counts)', rows: daily('weidian', (d) => 1000 + d), current: 1000, badge: true },
    { name: 'current below every price of the last 30 days', rows: daily('weidian', () => 1000), current: 990, badge: true },
    { name: 'a lower price 20 days ago', rows: daily('weidian', (d) => (d === 20 ? 900 : 1000)), current: 1000, badge: false },
    { name: 'a lower price 35 days ago is outside the 30 days', rows: daily('weidian', (d) => (d === 35 ? 900 : 1000)), current: 1000, badge: true },
    {
      name: 'the price in effect at the 30-day start counts (set 35 days ago, held until 25 days ago)',
      rows: [row('weidian', 1000, 60), row('weidian', 800, 35), row('weidian', 1000, 25), ...daily('weidian', () => 1000, 24)],
      current: 1000,
      badge: false,
    },
    {
      name: 'another platform was cheaper within the 30 days',
      rows: [...daily('weidian', () => 1000), row('pdd', 950, 12), row('pdd', 990, 11)],
      current: 990,
      badge: false,
    },
    { name: 'history of only 10 days does not cover 30: no claim', rows: daily('weidian', () => 1000, 10), current: 900, badge: false },
    { name: 'no history at all: no claim', rows: [], current: 900, badge: false },
  ])('$name → $badge', ({ rows, current, badge }) => {
    for (const days of [30, 90, 180] as const) expect(isLowestIn30Days(build(rows, days), current), `${days} days`).toBe(badge);
  });

  it('lowestInLastDays looks only at the last N days of a longer history', () => {
    const h = build([row('jd', 500, 80), row('jd', 700, 50), row('jd', 650, 10)], 90);
    expect(lowestInLastDays(h, 90)).toBe(500);
    expect(lowestInLastDays(h, 30)).toBe(650);
    expect(lowestInLastDays(build([]), 30)).toBeNull();
  });

  it('ignores a point recorded a moment after now', () => {
    const h = build([...daily('weidian', () => 1000), { platform: 'weidian', priceFen: 1, observedAt: iso(NOW + HOUR_MS) }]);
    expect(isLowestIn30Days(h, 1000)).toBe(true);
  });
});
