/**
 * The shopper-facing use cases: a page of compared products for a query, and one product's full comparison.
 * Upstream calls run in parallel, results are matched and merged by the pure core, and cached.
 */
import 'server-only';
import { createHash } from 'node:crypto';
import { getCache, type Cache, type CacheState } from '../cache/cache';
import { loadEnv } from '../env';
import { MatchAhead, matchOffers } from '../match/matcher';
import { getProviders, type Providers } from '../upstream/providers';
import { QuotaExceededError } from '../quota/token-bucket';
import { UpstreamError } from '../upstream/http';
import { CATEGORIES, type ComparePage, type DegradedUpstream, type CompareQuery, type ProductComparison, type ProductSummary } from '../types';
import { after } from 'next/server';
import { observationsFromSummaries } from '../history/observations';
import type { PriceObservation } from '../history/types';
import { mergeProduct } from './merge';
import { sortSummaries } from './sort';
import { moduleLogger } from '../log';

/** miss: computed for this request; hit: served fresh from the cache; stale: past its fresh time or invalidated. */
export type CacheStatus = CacheState;

export interface ProductDetail {
  comparison: ProductComparison;
  generatedAt: string;
  degraded: DegradedUpstream[];
  /** Served past its fresh time (a refresh runs, or the upstream is failing): show its age. */
  stale: boolean;
}

/** Everything Weidian returns for one (q, category): sorted and paged from here, so sort is global. */
interface ResultSet {
  items: ProductSummary[];
  total: number;
  generatedAt: string;
  degraded: DegradedUpstream[];
}

/** A result set holds at most this many items; sorting and paging cover these (docs/architecture.md). */
export const RESULT_SET_MAX_ITEMS = 1000;
const OFFERS_MAX = 5000;

export interface CompareDeps {
  providers: Providers;
  cache: Cache;
  ttlSeconds: number;
  now: () => number;
  /** Where computed prices go for the history chart; never awaited by an answer. Default: none. */
  recordHistory?: (observations: PriceObservation[]) => void;
}

function defaultDeps(): CompareDeps {
  const env = loadEnv();
  return {
    providers: getProviders(),
    cache: getCache(env.redisUrl, env.compareCacheGraceSeconds),
    ttlSeconds: env.compareCacheTtlSeconds,
    now: Date.now,
    recordHistory: recordHistoryInBackground,
  };
}

const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);

/** Bump when ResultSet or ProductDetail change shape, so entries cached by older code are never read. */
const RESULT_SHAPE = 's4';

/** A degraded answer is cached only briefly, so the full comparison comes back soon after the upstream does. */
export const DEGRADED_TTL_SECONDS = 30;

/** Tag of every cached entry that shows product `productId`, and of every list of category `categoryId`. */
export const productTag = (productId: string) => `product:${productId}`;
export const categoryTag = (categoryId: number) => `category:${categoryId}`;

type Cached = { degraded: DegradedUpstream[]; generatedAt: string } | null;

/**
 * Through the cache: stale-while-revalidate, one computation per key across instances, and a short life for
 * degraded answers (lib/cache/cache.ts). Not-found (null) is cached too, so junk ids cost one upstream call.
 */
async function cached<T extends Cached>(deps: CompareDeps, key: string, compute: () => Promise<T>, tags: (value: T) => string[]): Promise<{ value: T; cache: CacheStatus }> {
  const freshSeconds = (value: T) => (value?.degraded.length ? Math.min(DEGRADED_TTL_SECONDS, deps.ttlSeconds) : deps.ttlSeconds);
  const { value, state } = await deps.cache.getOrCompute(key, compute, { ttlSeconds: freshSeconds, tags });
  return { value, cache: state };
}

async function computeResultSet(deps: CompareDeps, q: string | null, categoryId: number | null): Promise<ResultSet> {
  const category = CATEGORIES.find((c) => c.id === categoryId)?.slug ?? null;
  // Both upstreams at once. The price API is asked by category, not by keyword, so a product's lowest price
  // does not depend on which search found it (docs/architecture.md).
  // Without Weidian there is nothing to show (the caller fails); without the price API the items still are.
  // Pairs are scored as the listings arrive (Weidian's items, then each page of offers), while the rest is
  // still on its way: the price API's cursor pages come one after another, and most of the matching is done
  // by the time the last one is in (bench/RESULTS.md, figure b).
  const ahead = new MatchAhead();
  const [listing, priced] = await Promise.all([
    deps.providers.weidian.listAllItems({ q, categoryId }, RESULT_SET_MAX_ITEMS).then((l) => (ahead.addProducts(l.items), l)),
    withoutFailing(deps.providers.priceApi.searchAll({ category }, OFFERS_MAX, (page) => ahead.addOffers(page))),
  ]);
  ahead.stop();
  const offers = priced.ok ? priced.value : [];
  const matches = matchOffers(listing.items, offers);
  const items = listing.items.map((product): ProductSummary => {
    // Cards need no candidate lists; leaving them out keeps the cached result set small.
    const { product: p, bestByPlatform, lowest, savingFen } = mergeProduct(product, matches.get(product.productId)!);
    return { product: p, bestByPlatform, lowest, savingFen };
  });
  // Only computed results are recorded (a cache hit repeats what was recorded when it was computed).
  deps.recordHistory?.(observationsFromSummaries(items));
  return { items, total: Math.min(listing.total, items.length), generatedAt: new Date(deps.now()).toISOString(), degraded: priced.ok ? [] : ['price-api'] };
}

/** The price API is optional for an answer: its failure is logged once per computation and reported as degraded. */
async function withoutFailing<T>(promise: Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    if (error instanceof QuotaExceededError) {
      moduleLogger('compare').warn({ event: 'price_api_degraded', reason: 'quota' }, 'price API quota exhausted: serving Weidian prices only');
      return { ok: false };
    }
    if (!(error instanceof UpstreamError)) throw error;
    moduleLogger('compare').warn({ event: 'price_api_degraded', reason: error.kind, status: error.status }, 'price API unavailable: serving Weidian prices only');
    return { ok: false };
  }
}

async function resultSetFor(query: CompareQuery, deps: CompareDeps): Promise<{ value: ResultSet; cache: CacheStatus }> {
  const key = ['compare', RESULT_SHAPE, hash({ q: query.q?.normalize('NFKC').toLowerCase() ?? null, c: query.categoryId })].join(':');
  return cached(deps, key, () => computeResultSet(deps, query.q, query.categoryId), resultSetTags);
}

/**
 * Per result set, its sorted orders and the pages already written as JSON (UTF-8 bytes). A warm compare
 * answer is then a lookup, not a sort, a serialisation of 20 cards and an encoding of ~30 kB of text (which
 * together cost more than all the rest of the route: bench/RESULTS.md, figure a). Weak on the set, which
 * the cache's memory tier keeps as one shared object until it is replaced; at most PAGES_KEPT pages a set.
 */
const derived = new WeakMap<ResultSet, { sorted: Map<CompareQuery['sort'], ProductSummary[]>; json: Map<string, Uint8Array<ArrayBuffer>> }>();
const PAGES_KEPT = 100;
const utf8 = new TextEncoder();

function derivedOf(set: ResultSet) {
  let d = derived.get(set);
  if (!d) derived.set(set, (d = { sorted: new Map(), json: new Map() }));
  return d;
}

function pageOf(set: ResultSet, query: CompareQuery, stale: boolean): ComparePage {
  const { sorted } = derivedOf(set);
  let items = sorted.get(query.sort);
  if (!items) sorted.set(query.sort, (items = sortSummaries(set.items, query.sort)));
  const start = (query.page - 1) * query.pageSize;
  return {
    query,
    items: items.slice(start, start + query.pageSize),
    total: set.items.length,
    page: query.page,
    pageSize: query.pageSize,
    hasNext: start + query.pageSize < set.items.length,
    generatedAt: set.generatedAt,
    degraded: set.degraded,
    stale,
  };
}

/** One page of compared products for a query. */
export async function getComparePage(query: CompareQuery, deps: CompareDeps = defaultDeps()): Promise<{ data: ComparePage; cache: CacheStatus }> {
  const { value: set, cache } = await resultSetFor(query, deps);
  return { cache, data: pageOf(set, query, cache === 'stale') };
}

/** The same page as JSON (UTF-8), written once per result set and page: the compare API's answer. */
export async function getComparePageJson(query: CompareQuery, deps: CompareDeps = defaultDeps()): Promise<{ json: Uint8Array<ArrayBuffer>; cache: CacheStatus }> {
  const { value: set, cache } = await resultSetFor(query, deps);
  const stale = cache === 'stale';
  const { json: pages } = derivedOf(set);
  const key = JSON.stringify([query, stale]);
  let json = pages.get(key);
  if (json === undefined) {
    if (pages.size >= PAGES_KEPT) pages.clear();
    pages.set(key, (json = utf8.encode(JSON.stringify(pageOf(set, query, stale)))));
  }
  return { cache, json };
}

/** One product with every candidate offer, or null when Weidian has no such item. */
export async function getProductDetail(productId: string, deps: CompareDeps = defaultDeps()): Promise<{ data: ProductDetail; cache: CacheStatus } | null> {
  const key = ['item', RESULT_SHAPE, productId].join(':');
  const { value, cache } = await cached(deps, key, async (): Promise<Omit<ProductDetail, 'stale'> | null> => {
    const product = await deps.providers.weidian.getItem(productId);
    if (!product) return null;
    // The batch is keyed by the item's own title and barcode, so it can only start once the item is known.
    const candidates = await withoutFailing(
      deps.providers.priceApi.batch([{ ref: productId, keyword: product.title, ...(product.barcode ? { barcode: product.barcode } : {}) }], 50),
    );
    const matches = matchOffers([product], candidates.ok ? (candidates.value.get(productId) ?? []) : []);
    // Only the Weidian price from here: the other platforms' lowest are recorded from the category-wide
    // result sets, whose candidate offers can differ from this keyword batch; recording both would make a
    // series flap between two "lowest" offers (docs/price-history.md).
    deps.recordHistory?.([{ productId, platform: 'weidian', priceFen: product.priceFen, observedAt: product.fetchedAt }]);
    return {
      comparison: mergeProduct(product, matches.get(productId)!),
      generatedAt: new Date(deps.now()).toISOString(),
      degraded: candidates.ok ? [] : ['price-api'],
    };
  }, () => [productTag(productId)]);
  return value ? { data: { ...value, stale: cache === 'stale' }, cache } : null;
}

/**
 * Lists are tagged by the categories of their items rather than by each item (up to 1,000 tags an entry, each
 * checked on every read): invalidating a product also refreshes the lists of its category.
 */
function resultSetTags(set: ResultSet): string[] {
  return [...new Set(set.items.map((i) => i.product.categoryId))].map(categoryTag);
}

/**
 * Marks one product's cached page and the lists that may show it stale, on every instance (for a price-change
 * notification, an operator, or tests): each keeps serving while its next read refreshes it.
 */
export async function invalidateProduct(product: { productId: string; categoryId: number }, deps: CompareDeps = defaultDeps()): Promise<void> {
  await deps.cache.invalidateTags([productTag(product.productId), categoryTag(product.categoryId)]);
}

/**
 * Records prices for the history chart after the answer is sent (Next's after(), Vercel's waitUntil), or at
 * once outside a request (scripts, tests). A failure is logged and never reaches the shopper.
 */
function recordHistoryInBackground(observations: PriceObservation[]): void {
  if (observations.length === 0) return;
  // Loaded on first use: the proxy bundles this module too (lib/http/page-gate.ts) and need not carry the
  // database code until it computes something.
  const task = () =>
    Promise.all([import('../db/client'), import('../history/store')])
      .then(async ([{ getDb }, { recordPrices }]) => recordPrices(await getDb(), observations))
      .then(
        () => undefined,
        (error: unknown) =>
          moduleLogger('history').warn({ event: 'prices_not_recorded', count: observations.length, reason: error instanceof Error ? error.message : String(error) }, 'prices not recorded'),
      );
  try {
    after(task);
  } catch {
    void task(); // not in a request scope
  }
}
