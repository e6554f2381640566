/**
 * The matcher and merge against the sandbox's ground truth (every sandbox item and offer carries a hidden
 * skuId; same skuId = same product). The lowest price must never come from another variant.
 */
import { describe, expect, it } from 'vitest';
import { mergeProduct } from '@/lib/compare/merge';
import { matchOffers } from '@/lib/match/matcher';
import { reshapeOffers } from '@/lib/price-api/reshape';
import { reshapeItem } from '@/lib/weidian/reshape';
import { rawItemSchema } from '@/lib/weidian/schemas';
import { getSandboxCatalogue, toWireItem, toWireOffer } from '@/sandbox/catalogue';

const NOW = Date.parse('2026-12-01T04:00:00Z');
const catalogue = getSandboxCatalogue();
const products = catalogue.items.map((i) => reshapeItem(rawItemSchema.parse(toWireItem(i, NOW)), new Date(NOW).toISOString()));
const { offers } = reshapeOffers(catalogue.offers.map((o) => toWireOffer(o, NOW)));
const itemSku = new Map(catalogue.items.map((i) => [i.num_iid, i.skuId]));
const offerTruth = new Map(catalogue.offers.map((o) => [o.offer_id, o]));
const matches = matchOffers(products, offers);

describe('matching the sandbox catalogue', () => {
  it('never accepts another variant of the same line', () => {
    const wrongVariants = [...matches].flatMap(([id, m]) =>
      m.matched.filter((o) => offerTruth.get(o.offerId)!.kind === 'variant' && offerTruth.get(o.offerId)!.skuId !== itemSku.get(id)),
    );
    expect(wrongVariants.map((o) => o.title)).toEqual([]);
  });

  it('has precision ≥ 99% and recall ≥ 97% over all offers', () => {
    let tp = 0;
    let fp = 0;
    for (const [id, m] of matches) {
      for (const o of m.matched) {
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
      const candidates = [product.priceFen, ...c.matchedOffers.filter((o) => o.inStock).map((o) => o.priceFen)];
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
});
