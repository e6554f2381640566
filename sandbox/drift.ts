import 'server-only';

import { retailRound, type Fen } from './prices';
import { chance, hashString, intBetween, rngFor } from './random';

/**
 * How the sandbox's prices move over simulated days: a pure function of (listing, day) → price in fen, so a
 * clock injected into the sandbox (tests, `npm run seed:history`) always sees the same prices for the same day.
 *
 * - **Day 0** is 2026-12-01 (GMT+8), the day the catalogue describes: every price on day 0 is exactly the
 *   catalogue's own (`SandboxItem.priceFen`, `SandboxOffer.priceFen`). Other days drift from it.
 * - A **market curve** per product (skuId), the sum of two seeded sines (periods of weeks to months, together
 *   at most ±6 %), zero on day 0. An item and every offer for the same product share it, so their prices move
 *   together and stay realistic relative to each other.
 * - Each **listing** (one Weidian item, one offer) reprices on its own schedule: its days are cut into blocks of
 *   a seeded 3–10 days; within a block its price holds, at the market curve as of the block's first day plus a
 *   seeded shop-specific offset of at most ±3 % (0 for the block holding day 0). Prices are steps, as in shops.
 * - Now and then a **promotion**: in about a quarter of the blocks, 1–3 days at 3–6 % off.
 * - Bounded: within ±15 % of the base, rounded as the base was (a shop-rounded ¥8999 stays shop-rounded, a
 *   coupon price like ¥87.23 moves to the fen), never below 1 fen.
 */

/** 2026-12-01 00:00:00 GMT+8: the start of sandbox day 0. */
export const SANDBOX_DAY0_MS = Date.UTC(2026, 10, 30, 16);
export const DAY_MS = 86_400_000;
/** Drifted prices stay within base × (1 ± DRIFT_BOUND). */
export const DRIFT_BOUND = 0.15;

const MARKET_SHARE = { slow: [0.02, 0.04], fast: [0.01, 0.02] } as const;
const LISTING_OFFSET = 0.03;
const PROMOTION = { chance: 0.25, depth: [0.03, 0.06], days: [1, 3] } as const;
const BLOCK_DAYS = [3, 10] as const;

/** The sandbox day an instant falls on: whole GMT+8 days since day 0 (negative before it). */
export function sandboxDay(nowMs: number): number {
  return Math.floor((nowMs - SANDBOX_DAY0_MS) / DAY_MS);
}

/** Whose price drifts: the product (shared by all its listings) and the listing itself. */
export interface DriftIdentity {
  seed: number;
  /** Ground-truth product id: listings of the same product share the market curve. */
  skuId: string;
  /** One listing, e.g. `item:2000000001` or `offer:ofr_…`. */
  listing: string;
}

const between = (u: number, [lo, hi]: readonly [number, number]): number => lo + u * (hi - lo);

/** The product's market curve on `day`: a share of the base price (|m| ≤ 0.06), exactly 0 on day 0. */
export function marketShare(seed: number, skuId: string, day: number): number {
  const rng = rngFor(seed, `drift:market:${skuId}`);
  let share = 0;
  for (const [amplitude, periods] of [
    [MARKET_SHARE.slow, [45, 120]],
    [MARKET_SHARE.fast, [14, 40]],
  ] as const) {
    const a = between(rng(), amplitude) * (chance(rng, 0.5) ? 1 : -1);
    const period = between(rng(), periods);
    share += a * Math.sin((2 * Math.PI * day) / period);
  }
  return share;
}

/** The listing's price as a share of its base on `day`, before rounding: within ±DRIFT_BOUND, 0 on day 0. */
export function driftShare(identity: DriftIdentity, day: number): number {
  if (day === 0) return 0;
  const { seed, skuId, listing } = identity;
  const blockDays = BLOCK_DAYS[0] + (hashString(`${seed}:drift:block:${listing}`) % (BLOCK_DAYS[1] - BLOCK_DAYS[0] + 1));
  const block = Math.floor(day / blockDays);
  const blockStart = block * blockDays;
  const rng = rngFor(seed, `drift:${listing}:${block}`);
  const offset = block === 0 ? 0 : (rng() * 2 - 1) * LISTING_OFFSET;
  let share = marketShare(seed, skuId, blockStart) + offset;
  if (chance(rng, PROMOTION.chance)) {
    const first = blockStart + intBetween(rng, 0, blockDays - 1);
    const length = intBetween(rng, PROMOTION.days[0], PROMOTION.days[1]);
    if (day >= first && day < first + length) share -= between(rng(), PROMOTION.depth);
  }
  return Math.min(DRIFT_BOUND, Math.max(-DRIFT_BOUND, share));
}

/** The price of a listing whose day-0 price is `baseFen`, on sandbox day `day` (integer fen). */
export function driftedPriceFen(baseFen: Fen, identity: DriftIdentity, day: number): Fen {
  const share = driftShare(identity, day);
  if (share === 0) return baseFen;
  const raw = baseFen * (1 + share);
  const low = Math.max(1, Math.ceil(baseFen * (1 - DRIFT_BOUND)));
  const high = Math.max(low, Math.floor(baseFen * (1 + DRIFT_BOUND)));
  const shopRounded = retailRound(baseFen) === baseFen;
  const rounded = shopRounded ? retailRound(raw) : Math.round(raw);
  // Shop rounding takes big steps (¥10 above ¥100); where a step would leave the bound, round to the fen.
  return rounded >= low && rounded <= high ? rounded : Math.min(high, Math.max(low, Math.round(raw)));
}
