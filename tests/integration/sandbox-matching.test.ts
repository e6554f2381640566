/**
 * The matcher and merge against the sandbox's ground truth (every sandbox item and offer carries a hidden
 * skuId; same skuId = same product). The lowest price must never come from another variant.
 */
import { describe, expect, it } from 'vitest';
import { mergeProduct } from '@/lib/compare/merge';
import { compareListings, features, forgetScoredPairs, MatchAhead, matchOffers, SIMILAR_THRESHOLD } from '@/lib/match/matcher';
import { BlockingIndex } from '@/lib/match/blocking';
import { zhScorer } from '@/lib/match/configurations';
import { PairScorer, type MatcherModel } from '@/lib/match/model';
import zhModel from '@/lib/match/models/zh.json';
import { SEARCH_LIMIT_MAX } from '@/lib/price-api/client';
import { reshapeOffers } from '@/lib/price-api/reshape';
import { reshapeItem } from '@/lib/weidian/reshape';
import { rawItemSchema } from '@/lib/weidian/schemas';
import { getSandboxCatalogue, toWireItem, toWireOffer } from '@/sandbox/catalogue';
import { PRODUCT_LINES } from '@/sandbox/product-lines';

const NOW = Date.parse('2026-12-01T04:00:00Z');
const catalogue = getSandboxCatalogue();
const products = catalogue.items.map((i) => reshapeItem(rawItemSchema.parse(toWireItem(i, NOW)), new Date(NOW).toISOString()));
const { offers } = reshapeOffers(catalogue.offers.map((o) => toWireOffer(o, NOW)));
const itemSku = new Map(catalogue.items.map((i) => [i.num_iid, i.skuId]));
const offerTruth = new Map(catalogue.offers.map((o) => [o.offer_id, o]));
const matches = matchOffers(products, offers);

/** Whether two sandbox SKUs are one line and differ only in the value of its `pack` axis (×24盒 vs ×12盒). */
function otherPackOfSameLine(a: string, b: string): boolean {
  const [lineA, ...valuesA] = a.split(':');
  const [lineB, ...valuesB] = b.split(':');
  const line = PRODUCT_LINES.find((l) => l.id === lineA);
  if (!line || lineA !== lineB) return false;
  const differing = line.axes.map((axis, i) => (valuesA[i] !== valuesB[i] ? axis.kind : null)).filter((k) => k !== null);
  return differing.length === 1 && differing[0] === 'pack';
}

describe('matching the sandbox catalogue', () => {
  it('never accepts another variant of the same line, except the same product in another pack by unit price', () => {
    const wrongVariants = [...matches].flatMap(([id, m]) =>
      m.matched.filter((o) => {
        const truth = offerTruth.get(o.offerId)!;
        if (truth.kind !== 'variant' || truth.skuId === itemSku.get(id)) return false;
        return !(o.verdict.method === 'pack' && otherPackOfSameLine(truth.skuId, itemSku.get(id)!));
      }),
    );
    expect(wrongVariants.map((o) => o.title)).toEqual([]);
  });

  it('compares some offers of another pack size, and only by unit price', () => {
    const packOffers = [...matches].flatMap(([id, m]) => m.matched.filter((o) => o.verdict.method === 'pack').map((o) => [id, o] as const));
    expect(packOffers.length).toBeGreaterThan(0);
    for (const [id, o] of packOffers) {
      expect(otherPackOfSameLine(offerTruth.get(o.offerId)!.skuId, itemSku.get(id)!), o.title).toBe(true);
      expect(o.verdict.packs!.product.count).not.toBe(o.verdict.packs!.offer.count);
    }
  });

  it('has precision ≥ 99% and recall ≥ 97% over all offers (another pack counts as neither)', () => {
    let tp = 0;
    let fp = 0;
    for (const [id, m] of matches) {
      for (const o of m.matched) {
        if (o.verdict.method === 'pack') continue;
        if (offerTruth.get(o.offerId)!.skuId === itemSku.get(id)) tp++;
        else fp++;
      }
    }
    const truth = catalogue.offers.filter((o) => catalogue.items.some((i) => i.skuId === o.skuId)).length;
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.99);
    expect(tp / truth).toBeGreaterThanOrEqual(0.97);
  });

  it('merges to a lowest price that is the minimum over Weidian and matched in-stock offers', () => {
    for (const product of products) {
      const c = mergeProduct(product, matches.get(product.productId)!);
      // An offer of another pack size counts at its price scaled to the item's pack.
      const forItemsPack = (o: (typeof c.matchedOffers)[number]) => {
        const packs = o.verdict.packs;
        return packs ? Math.round((o.priceFen * packs.product.count) / packs.offer.count) : o.priceFen;
      };
      const candidates = [product.priceFen, ...c.matchedOffers.filter((o) => o.inStock).map(forItemsPack)];
      expect(c.lowest.priceFen).toBe(Math.min(...candidates));
      expect(c.savingFen).toBe(product.priceFen - c.lowest.priceFen);
      for (const o of c.similarOffers) expect(o.verdict.match).toBe(false);
    }
  });

  it('finds a cheaper price elsewhere for a good share of items, and some items have no offer at all', () => {
    const merged = products.map((p) => mergeProduct(p, matches.get(p.productId)!));
    expect(merged.filter((c) => c.savingFen > 0).length).toBeGreaterThan(products.length * 0.2);
    expect(merged.filter((c) => c.matchedOffers.length === 0).length).toBeGreaterThan(0);
  });

  it('leaves unscored only blocked pairs that would be dropped anyway (no match, below the 相似商品 threshold)', () => {
    const scorer = zhScorer();
    const offerListings = offers.map((o) => features(o.title, o.barcode, o.priceFen / 100));
    const index = new BlockingIndex(offerListings);
    let rejected = 0;
    for (const p of products) {
      const pf = features(p.title, p.barcode, p.priceFen / 100);
      for (const i of index.candidates(pf)) {
        if (!scorer.rejectsOutright(pf, offerListings[i]!, SIMILAR_THRESHOLD)) continue;
        rejected++;
        const v = compareListings(pf, offerListings[i]!, scorer);
        expect(v.match || (v.similarity ?? 0) >= SIMILAR_THRESHOLD, `${p.title} / ${offers[i]!.title}`).toBe(false);
      }
    }
    expect(rejected).toBeGreaterThan(1000);
  });

  it('gives the same answer when pairs were scored ahead, page by page, and then scores only pairs not seen yet', async () => {
    /** The app's scorer, counting the pairs it is asked to work out. */
    class CountingScorer extends PairScorer {
      pairs = 0;
      override verdictUnlessRejected(...args: Parameters<PairScorer['verdictUnlessRejected']>) {
        this.pairs++;
        return super.verdictUnlessRejected(...args);
      }
    }
    const once = new CountingScorer(zhModel as MatcherModel);
    const direct = matchOffers(products, offers, once);
    expect(direct).toEqual(matches);

    // As the service feeds it: the price API's pages of SEARCH_LIMIT_MAX offers, Weidian's items after the first.
    const page = SEARCH_LIMIT_MAX;
    expect(offers.length).toBeGreaterThan(2 * page);
    const ahead = new CountingScorer(zhModel as MatcherModel);
    const feed = new MatchAhead(ahead);
    feed.addOffers(offers.slice(0, page));
    await feed.settled();
    feed.addProducts(products);
    await feed.settled();
    feed.addOffers(offers.slice(page, 2 * page));
    await feed.settled();
    const scoredAhead = ahead.pairs;
    feed.addOffers(offers.slice(2 * page));
    feed.stop();
    expect(matchOffers(products, offers, ahead)).toEqual(direct);
    // After the last page little is left to work out, and few pairs were scored for nothing (candidates an
    // early page proposed that the full set ranks out: the first page's pass keeps only the top half).
    expect(ahead.pairs - scoredAhead).toBeLessThan(once.pairs * 0.05);
    expect(ahead.pairs).toBeLessThan(once.pairs * 1.1);
    const before = ahead.pairs;
    expect(matchOffers(products, offers, ahead)).toEqual(direct);
    expect(ahead.pairs).toBe(before);

    // Forgotten, everything is worked out again, to the same answer.
    forgetScoredPairs();
    expect(matchOffers(products, offers, ahead)).toEqual(direct);
    expect(ahead.pairs - before).toBe(once.pairs);
  });

  it('gives the same answer when pages arrive while it is scoring, and when stopped half way', async () => {
    forgetScoredPairs();
    const feed = new MatchAhead();
    feed.addProducts(products);
    feed.addOffers(offers.slice(0, SEARCH_LIMIT_MAX));
    // A few slices in, the next page arrives; it starts over with both pages.
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    feed.addOffers(offers.slice(SEARCH_LIMIT_MAX));
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    feed.stop();
    await feed.settled();
    expect(matchOffers(products, offers)).toEqual(matches);
  });
});
