/**
 * Demo history from the sandbox (`npm run seed:history`, scripts/seed-history.ts): for each of the last `days`
 * days, the prices the app would have seen that day — the sandbox's served prices at that clock (they drift
 * per day, sandbox/drift.ts), through the app's own reshape → match → merge — recorded with `recordPrices`, so
 * the same de-duplication applies. Running it again records nothing new (every observation is not newer than
 * its series' head); running it a day later adds that day.
 */
import 'server-only';
import { mergeProduct } from '../compare/merge';
import type { DbExecutor } from '../db/client';
import { matchOffers } from '../match/matcher';
import { reshapeOffers } from '../price-api/reshape';
import { reshapeItem } from '../weidian/reshape';
import { rawItemSchema } from '../weidian/schemas';
import { getSandboxCatalogue, toWireItem, toWireOffer } from '../../sandbox/catalogue';
import { DAY_MS } from './dedupe';
import { observationsFromSummary } from './observations';
import { recordPrices, type RecordResult } from './store';
import type { PriceObservation } from './types';

/**
 * What the compare page would record at clock `atMs` for the whole sandbox catalogue: every item as Weidian
 * serves it then, against every offer as the price API serves it then (the page asks by category, never by
 * keyword: all offers), matched and merged as the app does.
 */
export function sandboxObservationsAt(atMs: number): PriceObservation[] {
  const { items, offers } = getSandboxCatalogue();
  const fetchedAt = new Date(atMs).toISOString();
  const products = items.map((item) => reshapeItem(rawItemSchema.parse(toWireItem(item, atMs)), fetchedAt));
  const matches = matchOffers(products, reshapeOffers(offers.map((offer) => toWireOffer(offer, atMs))).offers);
  return products.flatMap((product) => observationsFromSummary(mergeProduct(product, matches.get(product.productId)!)));
}

export interface SeedResult extends Omit<RecordResult, 'statements'> {
  /** Observation instants recorded: one a day, `days` days back from `now`, and `now` itself. */
  instants: number;
}

/** Records the sandbox's prices once a day (at `now`'s time of day) for `days` days up to `now`. */
export async function seedSandboxHistory(
  db: DbExecutor,
  options: { now: number; days?: number; onDay?: (done: number, of: number) => void },
): Promise<SeedResult> {
  const days = options.days ?? 180;
  const total: SeedResult = { recorded: 0, unchanged: 0, invalid: 0, pruned: 0, instants: 0 };
  // days + 1 instants, so the longest window (days) starts with a point at its very edge.
  for (let back = days; back >= 0; back--) {
    const result = await recordPrices(db, sandboxObservationsAt(options.now - back * DAY_MS));
    total.recorded += result.recorded;
    total.unchanged += result.unchanged;
    total.invalid += result.invalid;
    total.pruned += result.pruned;
    total.instants++;
    options.onDay?.(total.instants, days + 1);
  }
  return total;
}
