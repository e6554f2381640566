/**
 * Which observations become rows (pure). lib/history/store.ts applies the same rule inside PostgreSQL, where
 * concurrent writers are serialised on the series' head row; the tests run one table of cases through both.
 */
import { PRICE_SOURCES, type PriceObservation, type PriceSource } from './types';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** A series gets a row at least this often while it is observed, even when its price does not change. */
export const HEARTBEAT_MS = DAY_MS;

/**
 * Rows older than this are deleted — except, per series, the newest of them (the price in effect at the
 * oldest chart window's start). 180 days: the longest chart window (HISTORY_RANGES).
 */
export const RETENTION_DAYS = 180;

/** The last recorded row of a series (its head). */
export interface SeriesHead {
  priceFen: number;
  /** ms since the epoch */
  atMs: number;
}

/**
 * Whether an observation becomes a row, given the series' last recorded row:
 * - no row yet → record;
 * - not later than the last row → never (late or repeated news: concurrent writers, stale caches, reruns);
 * - another price → record (a change);
 * - the same price, a heartbeat interval or more after the last row → record (the daily heartbeat);
 * - otherwise nothing.
 */
export function shouldRecord(head: SeriesHead | null, next: SeriesHead, heartbeatMs: number = HEARTBEAT_MS): boolean {
  if (head === null) return true;
  if (next.atMs <= head.atMs) return false;
  return next.priceFen !== head.priceFen || next.atMs - head.atMs >= heartbeatMs;
}

const SOURCES: ReadonlySet<string> = new Set(PRICE_SOURCES);
const MAX_PRODUCT_ID_LENGTH = 64;

/** An observation we can store: a known source, a positive integer price, a valid instant. */
export function isValidObservation(o: PriceObservation): boolean {
  return (
    typeof o.productId === 'string' &&
    o.productId !== '' &&
    o.productId.length <= MAX_PRODUCT_ID_LENGTH &&
    SOURCES.has(o.platform) &&
    Number.isSafeInteger(o.priceFen) &&
    o.priceFen > 0 &&
    typeof o.observedAt === 'string' &&
    Number.isFinite(Date.parse(o.observedAt))
  );
}

/** A normalised observation, ready for SQL. */
export interface PlannedObservation {
  productId: string;
  platform: PriceSource;
  priceFen: number;
  /** ISO-8601 UTC, normalised. */
  observedAt: string;
}

export interface RecordingPlan {
  /**
   * Rounds of at most one observation per series, oldest first: the database decides each round against the
   * heads the previous round left. A result set (one price per series) is a single round: one statement.
   */
  waves: PlannedObservation[][];
  /** Observations dropped as invalid (see isValidObservation). */
  invalid: number;
  /** Repeats of an observation already in the batch (same series and instant; the first one counts). */
  repeated: number;
}

export const seriesKey = (o: { productId: string; platform: string }): string => `${o.productId}\u0000${o.platform}`;

/** Validates, de-duplicates and orders a batch of observations for recording. */
export function planRecording(observations: readonly PriceObservation[]): RecordingPlan {
  let invalid = 0;
  let repeated = 0;
  const bySeries = new Map<string, Map<number, PlannedObservation>>();
  for (const o of observations) {
    if (!isValidObservation(o)) {
      invalid++;
      continue;
    }
    const atMs = Date.parse(o.observedAt);
    const key = seriesKey(o);
    const series = bySeries.get(key) ?? new Map<number, PlannedObservation>();
    bySeries.set(key, series);
    if (series.has(atMs)) {
      repeated++;
      continue;
    }
    series.set(atMs, { productId: o.productId, platform: o.platform, priceFen: o.priceFen, observedAt: new Date(atMs).toISOString() });
  }
  const waves: PlannedObservation[][] = [];
  for (const series of bySeries.values()) {
    const ordered = [...series.entries()].sort(([a], [b]) => a - b).map(([, o]) => o);
    ordered.forEach((o, i) => (waves[i] ??= []).push(o));
  }
  return { waves, invalid, repeated };
}
