/**
 * Recorded rows → the chart's series, their figures, and the "近30天最低" badge (pure).
 *
 * How long a recorded price holds: until the series' next row. After its last row, until now while the
 * series is live (recorded within LIVE_WINDOW_MS — with a heartbeat row every HEARTBEAT_MS, a series still
 * being observed is never older than that), else for one heartbeat interval: as long as we know it held.
 */
import type { Fen } from '../types';
import { DAY_MS, HEARTBEAT_MS } from './dedupe';
import {
  DEFAULT_HISTORY_RANGE,
  HISTORY_RANGES,
  PRICE_SOURCES,
  type HistoryRange,
  type PriceHistory,
  type PricePoint,
  type PriceSeries,
  type PriceSource,
} from './types';

export const LIVE_WINDOW_MS = 2 * HEARTBEAT_MS;
export const BADGE_WINDOW_DAYS = 30;

/** A recorded row, as read from the database. */
export interface SnapshotRow {
  platform: PriceSource;
  priceFen: Fen;
  observedAt: Date | string;
}

/** `?range=` → a chart window; anything else (absent, repeated, unknown) is the default, 30 days. */
export function parseHistoryRange(value: string | string[] | undefined | null): HistoryRange {
  const raw = Array.isArray(value) ? value[0] : value;
  return HISTORY_RANGES.find((days) => String(days) === raw) ?? DEFAULT_HISTORY_RANGE;
}

/** The window (from, to] of `days` ending at `nowMs`. */
export function historyWindow(days: number, nowMs: number): { fromMs: number; toMs: number } {
  return { fromMs: nowMs - days * DAY_MS, toMs: nowMs };
}

interface TimedPoint {
  atMs: number;
  priceFen: Fen;
}

/** When the series' line ends, and whether it is still being observed at `toMs`. */
function seriesEnd(lastAtMs: number, toMs: number): { untilMs: number; live: boolean } {
  const live = lastAtMs >= toMs - LIVE_WINDOW_MS;
  return { untilMs: live ? toMs : Math.min(toMs, lastAtMs + HEARTBEAT_MS), live };
}

/**
 * The points of one series (oldest first, none after `toMs`) whose price held at some time in (fromMs, toMs]:
 * those inside, and the last one before `fromMs` when it still held at the window's start — until the next
 * point, or for the last point until `untilMs`.
 */
function pointsHeldInWindow(points: readonly TimedPoint[], fromMs: number, toMs: number, untilMs: number): TimedPoint[] {
  const inside = points.filter((p) => p.atMs > fromMs && p.atMs <= toMs);
  const before = points.filter((p) => p.atMs <= fromMs).at(-1);
  if (!before) return inside;
  return inside.length > 0 || untilMs > fromMs ? [before, ...inside] : inside;
}

/** Where the price was set: the first point and each point with another price than the one before. */
function priceChanges(points: readonly TimedPoint[]): TimedPoint[] {
  return points.filter((p, i) => i === 0 || p.priceFen !== points[i - 1]!.priceFen);
}

function sortedBySource(rows: readonly SnapshotRow[], toMs: number): Map<PriceSource, TimedPoint[]> {
  const bySource = new Map<PriceSource, TimedPoint[]>();
  for (const row of rows) {
    const atMs = new Date(row.observedAt).getTime();
    if (!(atMs <= toMs)) continue;
    const points = bySource.get(row.platform) ?? [];
    points.push({ atMs, priceFen: row.priceFen });
    bySource.set(row.platform, points);
  }
  for (const points of bySource.values()) points.sort((a, b) => a.atMs - b.atMs);
  return bySource;
}

/**
 * Rows of one product (any order; a superset of the window is fine) → its history over `days` to `nowMs`.
 * Heartbeat rows tell how long a price held and whether a source is still live; a series' points are only
 * where its price was set (a heartbeat repeats the price before it and draws nothing new).
 */
export function buildPriceHistory(rows: readonly SnapshotRow[], options: { productId: string; days: HistoryRange; nowMs: number }): PriceHistory {
  const { fromMs, toMs } = historyWindow(options.days, options.nowMs);
  const bySource = sortedBySource(rows, toMs);
  const series: PriceSeries[] = [];
  for (const platform of PRICE_SOURCES) {
    const all = bySource.get(platform) ?? [];
    const lastRow = all.at(-1);
    if (!lastRow) continue;
    const { untilMs, live } = seriesEnd(lastRow.atMs, toMs);
    const points = priceChanges(pointsHeldInWindow(all, fromMs, toMs, untilMs));
    const last = points.at(-1);
    if (!last) continue;
    const prices = points.map((p) => p.priceFen);
    series.push({
      platform,
      points: points.map((p): PricePoint => ({ at: new Date(p.atMs).toISOString(), priceFen: p.priceFen })),
      until: new Date(untilMs).toISOString(),
      live,
      highestFen: Math.max(...prices),
      lowestFen: Math.min(...prices),
      currentFen: live ? last.priceFen : null,
    });
  }
  return { productId: options.productId, days: options.days, from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString(), series };
}

/** The lowest price any source had during the last `days` of the history, or null when none is known. */
export function lowestInLastDays(history: PriceHistory, days: number): Fen | null {
  const toMs = Date.parse(history.to);
  const fromMs = toMs - days * DAY_MS;
  let lowest: Fen | null = null;
  for (const s of history.series) {
    const timed = s.points.map((p) => ({ atMs: Date.parse(p.at), priceFen: p.priceFen }));
    for (const p of pointsHeldInWindow(timed, fromMs, toMs, Date.parse(s.until))) lowest = lowest === null ? p.priceFen : Math.min(lowest, p.priceFen);
  }
  return lowest;
}

/**
 * The "近30天最低" badge: the current lowest price (over Weidian and every platform, as the comparison computed
 * it) is at or below the lowest price any source had in the last 30 days. Only claimed when the history
 * really covers those 30 days (some series has a point at or before their start); a product first seen last
 * week gets no badge. `history` must span at least 30 days (every HISTORY_RANGES window does).
 */
export function isLowestIn30Days(history: PriceHistory, currentLowestFen: Fen): boolean {
  if (history.days < BADGE_WINDOW_DAYS) throw new RangeError(`history of ${history.days} days cannot tell the last ${BADGE_WINDOW_DAYS}`);
  const startMs = Date.parse(history.to) - BADGE_WINDOW_DAYS * DAY_MS;
  const covered = history.series.some((s) => s.points.length > 0 && Date.parse(s.points[0]!.at) <= startMs);
  if (!covered) return false;
  const lowest = lowestInLastDays(history, BADGE_WINDOW_DAYS);
  return lowest !== null && currentLowestFen <= lowest;
}
