/**
 * Blocking: which pairs of n left × m right listings are worth a full comparison. Pure.
 *
 * The right side is indexed by barcode, by model code and by word token; a left listing is compared only
 * with the right listings that share its barcode, one of its model codes, or at least one informative token
 * (one found in at most `maxPostings` right listings — 手机, 官方, brand names … would make every pair a
 * candidate and say little). Barcode hits are always kept; of the model-code hits and of the other token
 * candidates, at most `maxCandidates` each per left listing, the ones sharing the most tokens. So the work
 * per left listing is bounded, and grows with n + m rather than n·m even when one model code is in
 * hundreds of listings (many shops selling one product: bench/RESULTS.md, figure e).
 */
import type { Listing } from './listing';

export interface BlockingOptions {
  /** A token in more right listings than this is not used for blocking (default: max(50, 10% of m), at most 500). */
  maxPostings?: number;
  /** Most model-code hits, and most other token candidates, kept per left listing (barcode hits are always kept). */
  maxCandidates?: number;
}

const push = (index: Map<string, number[]>, key: string, i: number) => {
  const list = index.get(key);
  if (list) list.push(i);
  else index.set(key, [i]);
};

/**
 * However many right listings there are, a token in more than this many says little: without the cap the
 * postings walked per left listing grow with m, and n × m work comes back (bench/RESULTS.md, figure e). The
 * same as 10% of m up to m = 5,000, the most offers a result set reads (lib/compare/service.ts OFFERS_MAX).
 */
export const MAX_POSTINGS = 500;

/** Model-code hits, and other token candidates, kept per left listing unless told otherwise. */
export const MAX_CANDIDATES = 40;

export class BlockingIndex {
  private readonly byBarcode = new Map<string, number[]>();
  private readonly byModel = new Map<string, number[]>();
  private readonly byToken = new Map<string, number[]>();
  private readonly maxPostings: number;
  private readonly maxCandidates: number;
  private readonly size: number;
  private counts: Int32Array | undefined;

  constructor(right: readonly Listing[], options: BlockingOptions = {}) {
    this.size = right.length;
    right.forEach((l, i) => {
      if (l.barcode) push(this.byBarcode, l.barcode, i);
      for (const m of l.models) push(this.byModel, m, i);
      for (const t of l.tokens) push(this.byToken, t, i);
    });
    this.maxPostings = options.maxPostings ?? Math.min(MAX_POSTINGS, Math.max(50, Math.ceil(right.length * 0.1)));
    this.maxCandidates = options.maxCandidates ?? MAX_CANDIDATES;
  }

  /**
   * Indexes of the right listings to compare with `left`, ascending. Runs for every left listing, so it
   * counts shared tokens in one reused array (reset after each call) rather than a Map and a Set per call.
   */
  candidates(left: Listing): number[] {
    const counts = (this.counts ??= new Int32Array(this.size));
    const touched: number[] = [];
    const mark = (i: number, as: typeof SURE | typeof MODEL) => {
      const c = counts[i]!;
      if (c === 0) touched.push(i);
      if (as === SURE || (c !== SURE && c < MODEL)) counts[i] = as;
    };
    if (left.barcode) for (const i of this.byBarcode.get(left.barcode) ?? []) mark(i, SURE);
    for (const m of left.models) for (const i of this.byModel.get(m) ?? []) mark(i, MODEL);
    for (const t of left.tokens) {
      const postings = this.byToken.get(t);
      if (!postings || postings.length > this.maxPostings) continue;
      for (const i of postings) {
        const c = counts[i]!;
        if (c === SURE) continue;
        if (c === 0) touched.push(i);
        counts[i] = c + 1;
      }
    }
    const out: number[] = [];
    const models: number[] = [];
    const rest: number[] = [];
    for (const i of touched) (counts[i] === SURE ? out : counts[i]! >= MODEL ? models : rest).push(i);
    for (const i of topByCount(models, counts, this.maxCandidates)) out.push(i);
    for (const i of topByCount(rest, counts, this.maxCandidates)) out.push(i);
    for (const i of touched) counts[i] = 0;
    return out.sort((x, y) => x - y);
  }
}

/**
 * The `k` of `xs` with the highest `counts`, ties to the lower index (in no particular order): a selection,
 * not a sort of all of them. An item's postings can touch hundreds of listings for 40 kept, and this runs
 * for every item of every comparison, the final pass after the last price page included.
 */
export function topByCount(xs: number[], counts: Int32Array, k: number): number[] {
  if (xs.length <= k) return xs;
  // Counts are small (shared tokens, or MODEL plus them): find the count the k-th one has.
  let lowest = Infinity;
  let highest = -Infinity;
  for (const i of xs) {
    const c = counts[i]!;
    if (c < lowest) lowest = c;
    if (c > highest) highest = c;
  }
  const hist = new Int32Array(highest - lowest + 1);
  for (const i of xs) hist[counts[i]! - lowest]!++;
  let threshold = highest;
  for (let above = 0; ; threshold--) {
    above += hist[threshold - lowest]!;
    if (above >= k) break;
  }
  const out: number[] = [];
  const atThreshold: number[] = [];
  for (const i of xs) {
    const c = counts[i]!;
    if (c > threshold) out.push(i);
    else if (c === threshold) atThreshold.push(i);
  }
  atThreshold.sort((x, y) => x - y);
  for (let j = 0; out.length < k; j++) out.push(atThreshold[j]!);
  return out;
}

/** In `counts`: a right listing found by barcode (kept whatever else), and the base of one found by model code (+ shared tokens). */
const SURE = -1;
const MODEL = 1 << 20;
