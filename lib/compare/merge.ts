/**
 * Merging prices: per product, the lowest price over the Weidian price and the matched, in-stock offers.
 * Pure. An offer in another pack size (verdict method `pack`) counts at its price for the item's pack, from
 * its unit price (unit-price.ts). Ties are broken stably: Weidian first, then platform order (PLATFORMS),
 * then shop name, then offer id.
 */
import { PLATFORMS, type LowestPrice, type MatchedOffer, type PackSize, type Product, type ProductComparison } from '../types';
import type { ProductMatches } from '../match/matcher';
import { priceForPack, unitBasis, unitPrice } from './unit-price';

const platformRank = (p: string) => PLATFORMS.indexOf(p as (typeof PLATFORMS)[number]);

/** What an offer costs for the item's pack (its own price unless merge set another, see comparableFen). */
export const comparablePrice = (o: MatchedOffer) => o.comparableFen ?? o.priceFen;

export function compareOffers(a: MatchedOffer, b: MatchedOffer): number {
  return (
    comparablePrice(a) - comparablePrice(b) ||
    platformRank(a.platform) - platformRank(b.platform) ||
    a.shopName.localeCompare(b.shopName, 'zh-CN') ||
    a.offerId.localeCompare(b.offerId)
  );
}

/** An offer with its price for the item's pack, and its unit price when the packs differ. */
function withComparablePrice(offer: MatchedOffer): MatchedOffer {
  const packs = offer.verdict.method === 'pack' ? offer.verdict.packs : undefined;
  if (!packs) return { ...offer, comparableFen: offer.priceFen };
  const pack = offerPack(packs);
  return {
    ...offer,
    comparableFen: priceForPack(offer.priceFen, pack, packs.product),
    unitPrice: unitPrice(offer.priceFen, pack, unitBasis(packs.product, pack)),
  };
}

/**
 * The offer's pack with what one piece holds taken from the item when only the item says (the matcher found
 * the pieces the same), so every offer of one item is priced in the item's basis (per 100 ml, or per piece).
 */
function offerPack(packs: { product: PackSize; offer: PackSize }): PackSize {
  return { ...packs.offer, measure: packs.offer.measure ?? packs.product.measure };
}

export function mergeProduct(product: Product, matches: ProductMatches): ProductComparison {
  const matched = matches.matched.map(withComparablePrice).sort(compareOffers);
  const bestByPlatform: MatchedOffer[] = [];
  for (const platform of PLATFORMS) {
    const best = matched.find((o) => o.platform === platform && o.inStock);
    if (best) bestByPlatform.push(best);
  }
  const cheapest = [...bestByPlatform].sort(compareOffers)[0];
  // Strictly cheaper, so on a tie Weidian (the shop the shopper is looking at) stays the lowest.
  const lowest: LowestPrice =
    cheapest && comparablePrice(cheapest) < product.priceFen
      ? {
          priceFen: comparablePrice(cheapest),
          platform: cheapest.platform,
          shopName: cheapest.shopName,
          fetchedAt: cheapest.fetchedAt,
          url: cheapest.url,
          ...(cheapest.unitPrice && cheapest.verdict.packs
            ? { otherPack: { priceFen: cheapest.priceFen, pack: offerPack(cheapest.verdict.packs), unitPrice: cheapest.unitPrice } }
            : {}),
        }
      : { priceFen: product.priceFen, platform: 'weidian', shopName: product.shopName, fetchedAt: product.fetchedAt, url: null };
  // The item's own unit price, in the same basis as the offers', when any offer needs one to compare with.
  const packs = matched.find((o) => o.unitPrice)?.verdict.packs;
  const ownUnitPrice = packs ? unitPrice(product.priceFen, packs.product, unitBasis(packs.product, offerPack(packs))) : undefined;
  return {
    product,
    bestByPlatform,
    lowest,
    savingFen: product.priceFen - lowest.priceFen,
    matchedOffers: matched,
    similarOffers: matches.similar,
    ...(ownUnitPrice ? { unitPrice: ownUnitPrice } : {}),
  };
}
