/**
 * Matching offers to products for the app. Pure, no I/O.
 *
 * Each pair goes through the one pipeline (lib/match/model.ts): barcode first (equal → match, different →
 * no match); otherwise the fitted score of the app's `zh` configuration, with any spec conflict (capacity,
 * colour, model, pack count …) vetoing a match. A pair whose only conflict is the pack count is asked once
 * more, piece against piece: the same product in another pack is compared by unit price (merge.ts).
 * Blocking (blocking.ts) keeps n products × m offers from being n·m comparisons. An offer is matched to at most one product, the one it scores best with.
 */
import { LRUCache } from 'lru-cache';
import type { MatchVerdict, MatchedOffer, Offer, Product } from '../types';
import { BlockingIndex, MAX_CANDIDATES } from './blocking';
import { setSimilarity } from './features';
import { analyzeListing, onePiece, packLabel, packSizeOf, type Listing } from './listing';
import type { PairScorer, PairVerdict } from './model';
import { zhScorer } from './configurations';
import { SPEC_LABELS } from './specs';

/** The app's threshold on the fitted score (from lib/match/models/zh.json). */
export const MATCH_THRESHOLD = zhScorer().threshold;
/** Rejected candidates at least this similar in title are shown as 相似商品. */
export const SIMILAR_THRESHOLD = 0.35;

/** Everything the matcher reads from one listing. */
export type ListingFeatures = Listing;

export function features(title: string, barcode: string | null = null, priceYuan?: number): ListingFeatures {
  return analyzeListing({ title, barcode: barcode ?? undefined, price: priceYuan });
}

/**
 * Analysed listings, by what the analysis reads (title, barcode, price): the same offers come back in every
 * result set of their category and at every refresh, and analysing one costs more than scoring a pair.
 * Listings are never mutated (onePiece makes a new one), so sharing them is safe.
 */
const analysed = new LRUCache<string, Listing>({ max: 20_000 });

function listingOf(x: Product | Offer): Listing {
  const key = `${x.title}\u0000${x.barcode ?? ''}\u0000${x.priceFen}`;
  let listing = analysed.get(key);
  if (!listing) analysed.set(key, (listing = features(x.title, x.barcode, x.priceFen / 100)));
  return listing;
}

/** Mean of the Dice coefficient and the overlap coefficient: robust to one side adding a few extra words. */
export function titleSimilarity(a: Set<string>, b: Set<string>): number {
  const s = setSimilarity(a, b);
  return (s.dice + s.overlap) / 2;
}

const label = (spec: keyof typeof SPEC_LABELS | 'barcode') => (spec === 'barcode' ? '条码' : SPEC_LABELS[spec]);

/**
 * The app's verdict from the pipeline's verdict. Its zh-CN `reason` is worked out when read (a getter, which
 * JSON and spreads read like a field): verdicts are made for every shown pair of a comparison, and only
 * those of the product page's table are ever displayed, so formatting each was most of the cost of making it.
 */
export function toMatchVerdict(v: PairVerdict, threshold: number): MatchVerdict {
  const base = { score: v.score, similarity: v.similarity, reasons: v.reasons, conflicts: v.conflicts };
  if (v.reasons.some((r) => r.kind === 'barcode')) return { ...base, match: true, method: 'barcode', reason: '条码一致' };
  if (v.conflicts.length > 0 && !v.matched) {
    return {
      ...base,
      match: false,
      method: 'conflict',
      get reason() {
        return v.conflicts.map((c) => `${label(c.spec)}不同：${c.a} ≠ ${c.b}`).join('；');
      },
    };
  }
  const model = v.reasons.find((r) => r.kind === 'model');
  const evidence = () => [...(model ? [`型号一致 ${model.value.toUpperCase()}`] : []), `标题相似度 ${v.similarity.toFixed(2)}`].join('，');
  if (v.matched) {
    return {
      ...base,
      match: true,
      method: model ? 'model' : 'title',
      get reason() {
        return `${evidence()}（匹配分 ${v.score.toFixed(2)}）`;
      },
    };
  }
  return {
    ...base,
    match: false,
    method: 'dissimilar',
    get reason() {
      return `匹配分 ${v.score.toFixed(2)}，低于 ${threshold.toFixed(2)}（${evidence()}）`;
    },
  };
}

/**
 * The same product in another pack size (a ×12 for a ×24 item): the pack count is the only conflict, the
 * pieces agree on what a piece is called, and the listings match once each is read as one piece (pack
 * counts cut from the title, price divided by the count). Null when that is not so.
 */
function otherPack(a: Listing, b: Listing, v: PairVerdict, scorer: PairScorer): MatchVerdict | null {
  if (!scorer.model.vetoes || v.matched || v.conflicts.length === 0 || v.conflicts.some((c) => c.spec !== 'pack')) return null;
  const product = packSizeOf(a);
  const offer = packSizeOf(b);
  if (!product || !offer || (product.piece && offer.piece && product.piece !== offer.piece)) return null;
  const piece = scorer.verdict(onePiece(a, product.count), onePiece(b, offer.count));
  if (!piece.matched || piece.conflicts.length > 0) return null;
  const evidence = toMatchVerdict(piece, scorer.threshold).reason;
  return {
    match: true,
    method: 'pack',
    score: piece.score,
    similarity: v.similarity,
    reasons: piece.reasons,
    conflicts: v.conflicts,
    packs: { product, offer },
    reason: `同款不同件数（${packLabel(product)} / ${packLabel(offer)}），按单价比较；${evidence}`,
  };
}

export function compareListings(a: ListingFeatures, b: ListingFeatures, scorer: PairScorer = zhScorer()): MatchVerdict {
  const v = scorer.verdict(a, b);
  return otherPack(a, b, v, scorer) ?? toMatchVerdict(v, scorer.threshold);
}

/** Same pack beats other pack; then the higher score. */
const betterThan = (x: MatchVerdict, y: MatchVerdict) =>
  (x.method !== 'pack') !== (y.method !== 'pack') ? x.method !== 'pack' : x.score > y.score;

export interface ProductMatches {
  matched: MatchedOffer[];
  similar: MatchedOffer[];
}

const MAX_SIMILAR_PER_PRODUCT = 10;

/**
 * Verdicts already worked out, per scorer, by the two listings; null for a pair not shown (shownVerdict). A verdict
 * depends on nothing else, so a pair scored once (ahead of time by MatchAhead, or for another result set
 * sharing the listings: a category and the all-items set) is never scored again. Weak on both listings:
 * entries go when the listings leave the `analysed` cache and nothing else holds them.
 */
let scoredPairs = new WeakMap<PairScorer, WeakMap<Listing, WeakMap<Listing, MatchVerdict | null>>>();

/** Forgets every verdict (benchmarks measuring the matcher itself, tests comparing with a fresh run). */
export function forgetScoredPairs(): void {
  scoredPairs = new WeakMap();
  analysed.clear();
}

type Candidate = { productIndex: number; offerIndex: number; verdict: MatchVerdict };

/**
 * compareListings(a, b), or null when matchOffers would not show the pair: no match and less similar than
 * 相似商品 need. Most blocked pairs are other products with a conflicting spec; those are not even scored.
 */
function shownVerdict(a: Listing, b: Listing, scorer: PairScorer): MatchVerdict | null {
  const v = scorer.verdictUnlessRejected(a, b, SIMILAR_THRESHOLD);
  if (!v) return null;
  const pack = otherPack(a, b, v, scorer);
  if (pack) return pack;
  return v.matched || v.similarity >= SIMILAR_THRESHOLD ? toMatchVerdict(v, scorer.threshold) : null;
}

/** The memo of one scorer. */
function memoOf(scorer: PairScorer): WeakMap<Listing, WeakMap<Listing, MatchVerdict | null>> {
  let byScorer = scoredPairs.get(scorer);
  if (!byScorer) scoredPairs.set(scorer, (byScorer = new WeakMap()));
  return byScorer;
}

/** Blocked offers of one product with their verdicts, worked out or remembered; calls `shown` for those matchOffers may show. */
function scoreProduct(
  pf: Listing,
  index: BlockingIndex,
  offerListings: readonly Listing[],
  memo: WeakMap<Listing, WeakMap<Listing, MatchVerdict | null>>,
  scorer: PairScorer,
  shown?: (offerIndex: number, verdict: MatchVerdict) => void,
): void {
  let known = memo.get(pf);
  if (!known) memo.set(pf, (known = new WeakMap()));
  for (const offerIndex of index.candidates(pf)) {
    const of = offerListings[offerIndex]!;
    let verdict = known.get(of);
    if (verdict === undefined) known.set(of, (verdict = shownVerdict(pf, of, scorer)));
    if (verdict) shown?.(offerIndex, verdict);
  }
}

/** Every blocked pair's verdict, worked out or remembered, keeping those matchOffers may show (a match, or 相似商品). */
function scoreCandidates(products: readonly Product[], offers: readonly Offer[], scorer: PairScorer): Candidate[] {
  const offerListings = offers.map(listingOf);
  const index = new BlockingIndex(offerListings);
  const memo = memoOf(scorer);
  const candidates: Candidate[] = [];
  products.forEach((product, productIndex) => {
    scoreProduct(listingOf(product), index, offerListings, memo, scorer, (offerIndex, verdict) => candidates.push({ productIndex, offerIndex, verdict }));
  });
  return candidates;
}

/** How long scoring ahead holds the thread before it lets I/O through (the next page's request, say). */
const AHEAD_SLICE_MS = 2;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Scores a result set's pairs while its listings are still arriving: Weidian's items, and the price API's
 * offers a page at a time. It works out the pairs matchOffers would ask for with what has come so far (most
 * of them are the ones it asks for in the end), so when the last page arrives little is left to score, and
 * it starts over, with the memo, whenever more arrives. It works in slices of a few milliseconds so the
 * requests for the next pages leave and their answers are read on time: the price API's cursor pages come
 * one after another, and holding the thread would delay the very pages being waited for.
 * matchOffers's answer is the same with or without it: only the memo above is filled.
 */
export class MatchAhead {
  private products: readonly Product[] | null = null;
  private readonly offers: Offer[] = [];
  private pages = 0;
  private more = false;
  private stopped = false;
  private running: Promise<void> | null = null;

  constructor(private readonly scorer: PairScorer = zhScorer()) {}

  addProducts(products: readonly Product[]): void {
    this.products = products;
    this.wake();
  }

  addOffers(page: readonly Offer[]): void {
    this.offers.push(...page);
    this.pages++;
    this.wake();
  }

  /** Resolves once everything added so far is scored (or stop() was called). */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  /** No more scoring ahead: everything is in, and matchOffers scores what is left. */
  stop(): void {
    this.stopped = true;
  }

  private wake(): void {
    this.more = true;
    // Scoring is pure and cannot fail on valid listings; were it to, matchOffers fails the same way.
    this.running ??= this.run().catch(() => undefined).finally(() => (this.running = null));
  }

  private async run(): Promise<void> {
    while (this.more && !this.stopped) {
      this.more = false;
      const offerListings: Listing[] = [];
      let slice = performance.now();
      const pause = async () => {
        if (performance.now() - slice < AHEAD_SLICE_MS) return;
        await nextTurn();
        slice = performance.now();
      };
      for (const offer of this.offers) {
        offerListings.push(listingOf(offer));
        await pause();
        if (this.stopped) return;
      }
      const products = this.products;
      if (!products) continue;
      // With one page in, an item's candidates ranked below the top half are mostly ones later pages push
      // out of its top MAX_CANDIDATES (sandbox, pages of 500: 3,000 pairs scored for nothing, against 360
      // this way); from the second page on the ranking is nearly final, and every candidate is scored.
      const options = this.pages <= 1 ? { maxCandidates: MAX_CANDIDATES / 2 } : {};
      const index = offerListings.length > 0 ? new BlockingIndex(offerListings, options) : null;
      const memo = memoOf(this.scorer);
      for (const product of products) {
        const pf = listingOf(product);
        if (index) scoreProduct(pf, index, offerListings, memo, this.scorer);
        await pause();
        // Start over with the offers that have come meanwhile (what is scored stays in the memo).
        if (this.stopped || this.more) break;
      }
    }
  }
}

/**
 * Decides, for every product, which offers are the same product. An offer is matched to at most one product
 * (the one it fits best), so one listing never counts for two variants.
 */
export function matchOffers(products: Product[], offers: Offer[], scorer: PairScorer = zhScorer()): Map<string, ProductMatches> {
  const candidates = scoreCandidates(products, offers, scorer);

  // Each offer goes to its best-scoring product; ties by product order (stable).
  // By offer index in a plain array (dense, as many as the offers): this runs after the last price page.
  const bestFor = new Array<Candidate | undefined>(offers.length);
  for (const c of candidates) {
    if (!c.verdict.match) continue;
    const current = bestFor[c.offerIndex];
    if (!current || betterThan(c.verdict, current.verdict)) bestFor[c.offerIndex] = c;
  }

  // Per product: its matches, and its 相似商品 (the rest, a match that fits another product better included),
  // best first and at most MAX_SIMILAR_PER_PRODUCT. Offers are copied only once chosen.
  const matched: Candidate[][] = products.map(() => []);
  const similar: Candidate[][] = products.map(() => []);
  for (const c of candidates) (c.verdict.match && bestFor[c.offerIndex] === c ? matched : similar)[c.productIndex]!.push(c);
  const idOf = (c: Candidate) => offers[c.offerIndex]!.offerId;
  // Ties by id in code-unit order: the same on every server, whatever its ICU locale data, and cheap.
  const bySimilarity = (a: Candidate, b: Candidate) => b.verdict.score - a.verdict.score || (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0);
  const out = new Map<string, ProductMatches>();
  products.forEach((product, i) => {
    const others = similar[i]!.sort(bySimilarity).slice(0, MAX_SIMILAR_PER_PRODUCT);
    out.set(product.productId, {
      matched: matched[i]!.map((c) => ({ ...offers[c.offerIndex]!, verdict: c.verdict })),
      similar: others.map((c) => ({
        ...offers[c.offerIndex]!,
        verdict: c.verdict.match ? { ...c.verdict, match: false, reason: `${c.verdict.reason}，但与另一商品更相符` } : c.verdict,
      })),
    });
  });
  return out;
}
