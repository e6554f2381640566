/**
 * The first honest matcher: barcode first, then normalised title similarity, with any spec conflict
 * (capacity, colour, model, pack count …) vetoing a match. Pure, no I/O.
 *
 * Blocking: offers are indexed by barcode and by token; a product is only compared with offers that share a
 * barcode or at least one informative token, so n products × m offers costs far less than n·m comparisons.
 */
import type { MatchVerdict, MatchedOffer, Offer, Product } from '../types';
import { analyzeTitle, charBigrams, tokenize } from './normalize';
import { extractSpecs, SPEC_LABELS, specConflicts, type Specs } from './specs';

/** Title similarity at or above which two listings without conflicts are the same product. */
export const MATCH_THRESHOLD = 0.6;
/** Rejected candidates at least this similar are shown as 相似商品. */
export const SIMILAR_THRESHOLD = 0.35;

export interface ListingFeatures {
  /** Word tokens (and brand keys), for blocking. */
  tokens: Set<string>;
  /** Character bigrams of the folded title (and brand keys), for similarity. */
  grams: Set<string>;
  specs: Specs;
  barcode: string | null;
}

export function features(title: string, barcode: string | null = null): ListingFeatures {
  const { text, brands } = analyzeTitle(title);
  const brandTokens = [...brands].map((b) => `brand:${b}`);
  return {
    tokens: new Set([...tokenize(text), ...brandTokens]),
    grams: new Set([...charBigrams(text), ...brandTokens]),
    specs: extractSpecs(text, brands),
    barcode,
  };
}

/** Mean of the Dice coefficient and the overlap coefficient: robust to one side adding a few extra words. */
export function titleSimilarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const t of a) if (b.has(t)) common++;
  const dice = (2 * common) / (a.size + b.size);
  const overlap = common / Math.min(a.size, b.size);
  return (dice + overlap) / 2;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function compareListings(a: ListingFeatures, b: ListingFeatures): MatchVerdict {
  if (a.barcode && b.barcode) {
    if (a.barcode === b.barcode) return { match: true, score: 1, method: 'barcode', reason: '条码一致' };
    return { match: false, score: 0, method: 'conflict', reason: `条码不同：${a.barcode} ≠ ${b.barcode}` };
  }
  const similarity = round2(titleSimilarity(a.grams, b.grams));
  const conflicts = specConflicts(a.specs, b.specs);
  if (conflicts.length > 0) {
    const side = (values: string[]) => values.join('/') || '未标注';
    const reason = conflicts.map((c) => `${SPEC_LABELS[c.kind]}不同：${side(c.left)} ≠ ${side(c.right)}`).join('；');
    return { match: false, score: similarity, method: 'conflict', reason };
  }
  if (similarity >= MATCH_THRESHOLD) return { match: true, score: similarity, method: 'title', reason: `标题相似度 ${similarity.toFixed(2)}` };
  return { match: false, score: similarity, method: 'dissimilar', reason: `标题相似度 ${similarity.toFixed(2)}，低于 ${MATCH_THRESHOLD}` };
}

export interface ProductMatches {
  matched: MatchedOffer[];
  similar: MatchedOffer[];
}

const MAX_SIMILAR_PER_PRODUCT = 10;

/**
 * Decides, for every product, which offers are the same product. An offer is matched to at most one product
 * (the one it fits best), so one listing never counts for two variants.
 */
export function matchOffers(products: Product[], offers: Offer[]): Map<string, ProductMatches> {
  const offerFeatures = offers.map((o) => features(o.title, o.barcode));
  const byBarcode = new Map<string, number[]>();
  const byToken = new Map<string, number[]>();
  offerFeatures.forEach((f, i) => {
    if (f.barcode) (byBarcode.get(f.barcode) ?? byBarcode.set(f.barcode, []).get(f.barcode)!).push(i);
    for (const t of f.tokens) (byToken.get(t) ?? byToken.set(t, []).get(t)!).push(i);
  });
  // Tokens found in a large share of offers (手机, 官方 …) say little and would make every pair a candidate.
  const maxPostings = Math.max(50, Math.ceil(offers.length * 0.1));

  type Candidate = { productIndex: number; offerIndex: number; verdict: MatchVerdict };
  const candidates: Candidate[] = [];
  products.forEach((product, productIndex) => {
    const pf = features(product.title, product.barcode);
    const seen = new Set<number>();
    if (pf.barcode) for (const i of byBarcode.get(pf.barcode) ?? []) seen.add(i);
    for (const t of pf.tokens) {
      const postings = byToken.get(t);
      if (postings && postings.length <= maxPostings) for (const i of postings) seen.add(i);
    }
    for (const offerIndex of seen) {
      const verdict = compareListings(pf, offerFeatures[offerIndex]!);
      if (verdict.match || verdict.score >= SIMILAR_THRESHOLD) candidates.push({ productIndex, offerIndex, verdict });
    }
  });

  // Each offer goes to its best-scoring product; ties by product order (stable).
  const bestFor = new Map<number, Candidate>();
  for (const c of candidates) {
    if (!c.verdict.match) continue;
    const current = bestFor.get(c.offerIndex);
    if (!current || c.verdict.score > current.verdict.score) bestFor.set(c.offerIndex, c);
  }

  const out = new Map<string, ProductMatches>(products.map((p) => [p.productId, { matched: [], similar: [] }]));
  for (const c of candidates) {
    const bucket = out.get(products[c.productIndex]!.productId)!;
    const offer: MatchedOffer = { ...offers[c.offerIndex]!, verdict: c.verdict };
    if (c.verdict.match && bestFor.get(c.offerIndex) === c) bucket.matched.push(offer);
    else if (c.verdict.match) bucket.similar.push({ ...offer, verdict: { ...c.verdict, match: false, reason: `${c.verdict.reason}，但与另一商品更相符` } });
    else bucket.similar.push(offer);
  }
  for (const bucket of out.values()) {
    bucket.similar.sort((a, b) => b.verdict.score - a.verdict.score || a.offerId.localeCompare(b.offerId));
    bucket.similar.length = Math.min(bucket.similar.length, MAX_SIMILAR_PER_PRODUCT);
  }
  return out;
}
