/**
 * Blocking: which pairs of n left × m right listings are worth a full comparison. Pure.
 *
 * The right side is indexed by barcode, by model code and by word token; a left listing is compared only
 * with the right listings that share its barcode, one of its model codes, or at least one informative token
 * (one found in at most `maxPostings` right listings — 手机, 官方, brand names … would make every pair a
 * candidate and say little). Among token candidates, at most `maxCandidates` per left listing are kept, the
 * ones sharing the most tokens. So the work grows with the size of the overlap, not with n·m.
 */
import type { Listing } from './listing';

export interface BlockingOptions {
  /** A token in more right listings than this is not used for blocking (default: max(50, 10% of m), at most 500). */
  maxPostings?: number;
  /** Most token candidates kept per left listing (barcode and model hits are always kept). */
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

export class BlockingIndex {
  private readonly byBarcode = new Map<string, number[]>();
  private readonly byModel = new Map<string, number[]>();
  private readonly byToken = new Map<string, number[]>();
  private readonly maxPostings: number;
  private readonly maxCandidates: number;

  constructor(right: readonly Listing[], options: BlockingOptions = {}) {
    right.forEach((l, i) => {
      if (l.barcode) push(this.byBarcode, l.barcode, i);
      for (const m of l.models) push(this.byModel, m, i);
      for (const t of l.tokens) push(this.byToken, t, i);
    });
    this.maxPostings = options.maxPostings ?? Math.min(MAX_POSTINGS, Math.max(50, Math.ceil(right.length * 0.1)));
    this.maxCandidates = options.maxCandidates ?? 40;
  }

  /** Indexes of the right listings to compare with `left`, ascending. */
  candidates(left: Listing): number[] {
    const sure = new Set<number>();
    if (left.barcode) for (const i of this.byBarcode.get(left.barcode) ?? []) sure.add(i);
    for (const m of left.models) for (const i of this.byModel.get(m) ?? []) sure.add(i);
    const shared = new Map<number, number>();
    for (const t of left.tokens) {
      const postings = this.byToken.get(t);
      if (!postings || postings.length > this.maxPostings) continue;
      for (const i of postings) if (!sure.has(i)) shared.set(i, (shared.get(i) ?? 0) + 1);
    }
    let rest = [...shared.keys()];
    if (rest.length > this.maxCandidates) {
      rest = rest.sort((x, y) => shared.get(y)! - shared.get(x)! || x - y).slice(0, this.maxCandidates);
    }
    return [...sure, ...rest].sort((x, y) => x - y);
  }
}
