/**
 * The compare service's results → price observations to record (pure).
 *
 * Per product: the Weidian item's price, and each platform's lowest matched in-stock offer (`bestByPlatform`,
 * as lib/compare/merge.ts computed it — never a look-alike or an out-of-stock offer), priced for the item's pack. A platform with no such
 * offer is simply not observed: its series gets no row (and ends after a heartbeat, see lib/history/series.ts).
 *
 * All of a product's observations carry one instant, by default `product.fetchedAt` (when we read the item
 * from Weidian, i.e. when this comparison was made). Not the offers' own `fetchedAt`: that is when the price
 * service last saw each listing, differs per offer, and would run backwards whenever the cheapest offer of a
 * platform changes to one seen longer ago — and history only moves forward (lib/history/dedupe.ts).
 */
import { comparablePrice } from '../compare/merge';
import type { ProductSummary } from '../types';
import type { PriceObservation } from './types';

/** A product's prices from one comparison (ProductComparison works too: it is a ProductSummary and more). */
export function observationsFromSummary(summary: ProductSummary, observedAt: string = summary.product.fetchedAt): PriceObservation[] {
  const { productId, priceFen } = summary.product;
  return [
    { productId, platform: 'weidian', priceFen, observedAt },
    // At the price for the item's pack: a ×12 offer for a ×24 item is charted at twice its price, so the
    // series stays comparable with Weidian's and with itself when the platform's best changes pack size.
    ...summary.bestByPlatform.map((offer): PriceObservation => ({ productId, platform: offer.platform, priceFen: comparablePrice(offer), observedAt })),
  ];
}

/** A whole result set's prices (e.g. `getComparePage`'s 1,000 products), for one recordPrices call. */
export function observationsFromSummaries(summaries: readonly ProductSummary[], observedAt?: string): PriceObservation[] {
  return summaries.flatMap((summary) => observationsFromSummary(summary, observedAt));
}
