/**
 * Merging prices: per product, the lowest price over the Weidian price and the matched, in-stock offers.
 * Pure. Ties are broken stably: Weidian first, then platform order (PLATFORMS), then shop name, then offer id.
 */
import { PLATFORMS, type LowestPrice, type MatchedOffer, type Product, type ProductComparison } from '../types';
import type { ProductMatches } from '../match/matcher';

const platformRank = (p: string) => PLATFORMS.indexOf(p as (typeof PLATFORMS)[number]);

export function compareOffers(a: MatchedOffer, b: MatchedOffer): number {
  return (
    a.priceFen - b.priceFen ||
    platformRank(a.platform) - platformRank(b.platform) ||
    a.shopName.localeCompare(b.shopName, 'zh-CN') ||
    a.offerId.localeCompare(b.offerId)
  );
}

export function mergeProduct(product: Product, matches: ProductMatches): ProductComparison {
  const matched = [...matches.matched].sort(compareOffers);
  const bestByPlatform: MatchedOffer[] = [];
  for (const platform of PLATFORMS) {
    const best = matched.find((o) => o.platform === platform && o.inStock);
    if (best) bestByPlatform.push(best);
  }
  const cheapest = [...bestByPlatform].sort(compareOffers)[0];
  // Strictly cheaper, so on a tie Weidian (the shop the shopper is looking at) stays the lowest.
  const lowest: LowestPrice =
    cheapest && cheapest.priceFen < product.priceFen
      ? { priceFen: cheapest.priceFen, platform: cheapest.platform, shopName: cheapest.shopName, fetchedAt: cheapest.fetchedAt, url: cheapest.url }
      : { priceFen: product.priceFen, platform: 'weidian', shopName: product.shopName, fetchedAt: product.fetchedAt, url: null };
  return {
    product,
    bestByPlatform,
    lowest,
    savingFen: product.priceFen - lowest.priceFen,
    matchedOffers: matched,
    similarOffers: matches.similar,
  };
}
