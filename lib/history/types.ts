/**
 * Price history: every price we fetch is recorded as a snapshot (lib/history/store.ts), and read back as one
 * series per source for the product page's chart (docs/price-history.md).
 *
 * Money is integer fen; instants are ISO-8601 strings in UTC, as in lib/types.ts, so these survive JSON.
 */
import { PLATFORMS, type Fen } from '../types';

/**
 * Where a recorded price comes from: the Weidian item itself, or a platform's lowest matched in-stock offer.
 * Weidian first, then PLATFORMS order: the order of series in a history and in the chart's legend.
 */
export const PRICE_SOURCES = ['weidian', ...PLATFORMS] as const;
export type PriceSource = (typeof PRICE_SOURCES)[number];

/** The chart's windows, in days (`?range=30|90|180`). */
export const HISTORY_RANGES = [30, 90, 180] as const;
export type HistoryRange = (typeof HISTORY_RANGES)[number];
export const DEFAULT_HISTORY_RANGE: HistoryRange = 30;

/** One price as we saw it. */
export interface PriceObservation {
  productId: string;
  platform: PriceSource;
  priceFen: Fen;
  /** When we saw it (ISO-8601). */
  observedAt: string;
}

export interface PricePoint {
  /** When this price was recorded (ISO-8601 UTC). The first point of a series may precede the window. */
  at: string;
  priceFen: Fen;
}

export interface PriceSeries {
  platform: PriceSource;
  /**
   * Where the price was set, oldest first: the first point, then one per change (the heartbeat rows only
   * tell that a price held, and are not points). A price holds until the next point. The first point may lie
   * before the window's start (`PriceHistory.from`): it is the price in effect there, so the line starts at
   * the window's edge.
   */
  points: PricePoint[];
  /**
   * Where the line ends: the window's end (`to`) while the source is still being seen (`live`), otherwise
   * one heartbeat interval after its last point — as long as we know the price held.
   */
  until: string;
  /** Recorded (a change or a heartbeat) within the last two heartbeat intervals: the source still offers it. */
  live: boolean;
  /** Highest and lowest price in effect during the window. */
  highestFen: Fen;
  lowestFen: Fen;
  /** The price now (the last point's), or null when the source is no longer seen (not `live`). */
  currentFen: Fen | null;
}

export interface PriceHistory {
  productId: string;
  days: HistoryRange;
  /** The window: (from, to], ISO-8601 UTC. */
  from: string;
  to: string;
  /** One per source with a price in the window, in PRICE_SOURCES order; empty when nothing was recorded. */
  series: PriceSeries[];
}
