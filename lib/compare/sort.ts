/** Sorting product summaries; pure and stable (ties keep Weidian's order). */
import type { ProductSummary, Sort } from '../types';

const comparators: Record<Exclude<Sort, 'default'>, (a: ProductSummary, b: ProductSummary) => number> = {
  price_asc: (a, b) => a.lowest.priceFen - b.lowest.priceFen,
  price_desc: (a, b) => b.lowest.priceFen - a.lowest.priceFen,
  saving_desc: (a, b) => b.savingFen - a.savingFen,
};

export function sortSummaries(items: ProductSummary[], sort: Sort): ProductSummary[] {
  if (sort === 'default') return items;
  // Array.prototype.sort is stable (ES2019), so equal keys stay in Weidian's order.
  return [...items].sort(comparators[sort]);
}
