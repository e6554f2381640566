/**
 * The history chart and its controls, rendered on the server as the page will (renderToStaticMarkup).
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PriceHistoryChart } from '@/components/price-history-chart';
import { HistoryRangeLinks, Lowest30DaysBadge } from '@/components/price-history-controls';
import { DAY_MS } from '@/lib/history/dedupe';
import { buildPriceHistory, type SnapshotRow } from '@/lib/history/series';
import type { HistoryRange, PriceSource } from '@/lib/history/types';

const NOW = Date.parse('2026-12-01T04:00:00Z');
const row = (platform: PriceSource, priceFen: number, daysAgo: number): SnapshotRow => ({
  platform,
  priceFen,
  observedAt: new Date(NOW - daysAgo * DAY_MS).toISOString(),
});
const history = (rows: SnapshotRow[], days: HistoryRange = 30) => buildPriceHistory(rows, { productId: 'p', days, nowMs: NOW });
const render = (h: ReturnType<typeof history>) => renderToStaticMarkup(createElement(PriceHistoryChart, { history: h }));
const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;

// Weidian: daily heartbeats for 40 days with two changes; 京东: a few rows; 拼多多: one row 5 days ago, gone since.
const ROWS: SnapshotRow[] = [
  ...Array.from({ length: 41 }, (_, d) => row('weidian', d > 25 ? 12_900 : d > 10 ? 11_900 : 12_400, d)),
  row('jd', 12_990, 50),
  row('jd', 11_500, 20),
  row('jd', 11_800, 2),
  row('pdd', 10_900, 5),
];

describe('PriceHistoryChart', () => {
  const h = history(ROWS);
  const html = render(h);
  const points = h.series.reduce((n, s) => n + s.points.length, 0);

  it('renders one price-point element per point of the history', () => {
    // Points are where a price was set: Weidian ¥129 (the edge, set 40 days ago), ¥119, ¥124; jd 3; pdd 1.
    expect(points).toBe(3 + 3 + 1);
    expect(count(html, /data-testid="price-point"/g)).toBe(points);
    expect(html).toContain('data-testid="price-history-chart"');
    expect(count(html, /data-testid="price-series"/g)).toBe(3);
  });

  it('labels the price axis in yuan with formatFen, and the time axis with Beijing dates', () => {
    const priceAxis = /<g data-testid="price-axis">([\s\S]*?)<\/g><g data-testid="time-axis">/.exec(html)![1]!;
    const labels = [...priceAxis.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(labels.length).toBeGreaterThanOrEqual(3);
    for (const label of labels) expect(label).toMatch(/^¥\d{1,3}(,\d{3})*(\.\d{2})?$/);
    expect(labels).toContain('¥110'); // 1/2/5 steps cover ¥109–¥129
    expect(labels).toContain('¥130');
    const timeAxis = /<g data-testid="time-axis">([\s\S]*?)<\/g>/.exec(html)![1]!;
    expect([...timeAxis.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1])).toEqual(['11月2日', '11月9日', '11月16日', '11月23日', '11月30日']);
  });

  it('draws step lines: two corners per point, the edge point at the window’s left edge', () => {
    const lines = [...html.matchAll(/<polyline points="([^"]+)"/g)].map((m) => m[1]!.split(' '));
    expect(lines.map((l) => l.length)).toEqual(h.series.map((s) => 2 * s.points.length));
    expect(lines[0]![0]!.startsWith('64,')).toBe(true); // Weidian's price 30+ days ago starts the line at x0
    expect(lines[0]!.at(-1)!.startsWith('470,')).toBe(true); // live: up to now (x1)
    const pdd = lines[2]!;
    expect(Number(pdd.at(-1)!.split(',')[0])).toBeLessThan(470); // not seen for 5 days: ends a day after its point
  });

  it('shows each platform’s label and current / highest / lowest, with a text alternative', () => {
    for (const name of ['微店', '京东', '拼多多']) expect(html).toContain(name);
    expect(html).toMatch(/data-testid="history-current">¥124\.00</);
    expect(html).toMatch(/data-testid="history-highest">¥129\.00</);
    expect(html).toMatch(/data-testid="history-lowest">¥119\.00</);
    expect(html).toMatch(/data-testid="history-current">暂无报价</); // pdd
    expect(html).toMatch(/role="img" aria-label="近30天价格走势：微店当前124\.00元，最高129\.00元，最低119\.00元；京东当前118\.00元/);
    // The table lists every point.
    expect(count(html, /<tr class="border-b border-ink-100">/g)).toBe(points);
    expect(html).toContain('起</td>'); // the edge point's row says "since"
  });

  it('an empty history renders the container, a message and no points', () => {
    const empty = render(history([]));
    expect(empty).toContain('data-testid="price-history-chart"');
    expect(empty).toContain('暂无价格记录');
    expect(count(empty, /data-testid="price-point"/g)).toBe(0);
  });

  it('one flat price still gets an axis around it', () => {
    const flat = render(history([row('weidian', 990, 3)]));
    expect(count(flat, /data-testid="price-point"/g)).toBe(1);
    expect(flat).toMatch(/<text[^>]*>¥9\.00<\/text>/);
  });

  it('a 180-day history renders all its points too', () => {
    const long = history(Array.from({ length: 181 }, (_, d) => row('weidian', 1000 + (d % 7) * 10, d)), 180);
    expect(count(render(long), /data-testid="price-point"/g)).toBe(181);
  });
});

describe('HistoryRangeLinks', () => {
  it('links 30 / 90 / 180 天 as plain hrefs, the current one marked', () => {
    const html = renderToStaticMarkup(createElement(HistoryRangeLinks, { current: 90 }));
    expect([...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1])).toEqual(['?range=30#price-history', '?range=90#price-history', '?range=180#price-history']);
    expect([...html.matchAll(/>(\d+天)</g)].map((m) => m[1])).toEqual(['30天', '90天', '180天']);
    expect(count(html, /aria-current="true"/g)).toBe(1);
    expect(html).toMatch(/aria-current="true" data-testid="history-range-link" data-range="90"/);
  });
});

describe('Lowest30DaysBadge', () => {
  const h = history(Array.from({ length: 35 }, (_, d) => row('weidian', 1000 + d, d)));
  it.each([
    [1000, true],
    [999, true],
    [1001, false],
  ])('current lowest %d → badge %s', (current, shown) => {
    const html = renderToStaticMarkup(createElement(Lowest30DaysBadge, { history: h, currentLowestFen: current }));
    expect(html.includes('data-testid="lowest-30d-badge"')).toBe(shown);
    if (shown) expect(html).toContain('近30天最低');
    else expect(html).toBe('');
  });
});
