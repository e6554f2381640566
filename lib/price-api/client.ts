/** Client for the third-party price API (docs/price-api.md). Bearer auth, zod-parsed, domain Offers out. */
import type { Offer } from '../types';
import { requestJson, UpstreamError, type FetchLike } from '../upstream/http';
import type { TokenBucket } from '../quota/token-bucket';
import { createUpstreamPolicy, type UpstreamPolicy } from '../upstream/resilience';
import { reshapeOffers } from './reshape';
import type { z } from 'zod';
import { batchResponseSchema, errorBodySchema, searchResponseSchema } from './schemas';
import { moduleLogger } from '../log';

type SearchPage = z.output<typeof searchResponseSchema>;

export interface PriceApiConfig {
  apiKey: string;
  /** e.g. https://api.example-price.com — endpoints live under `${apiBase}/v1`. */
  apiBase: string;
  timeoutMs: number;
  fetch: FetchLike;
  /** Retries, deadline and breaker (default: createUpstreamPolicy with a deadline of 2 × timeoutMs). */
  policy?: UpstreamPolicy;
  /** Outbound quota shared by every instance: one token per attempt. */
  quota?: TokenBucket;
}

export interface OfferSearch {
  keyword?: string | null;
  barcode?: string | null;
  category?: string | null;
}

export interface BatchQuery {
  ref: string;
  keyword?: string;
  barcode?: string;
}

export interface PriceApiClient {
  /** Every offer for a search, following cursors until the last page or `maxOffers`. */
  /**
   * Every offer for a search, following the cursors (up to `maxOffers`). `onPage` gets each page's offers
   * as soon as it is read, while the next page is requested: work on them overlaps the wait.
   */
  searchAll(search: OfferSearch, maxOffers: number, onPage?: (offers: Offer[]) => void): Promise<Offer[]>;
  /** Candidates for up to 50 items in one call, keyed by ref. */
  batch(queries: BatchQuery[], perQueryLimit?: number): Promise<Map<string, Offer[]>>;
}

export const SEARCH_LIMIT_MAX = 500;
export const BATCH_MAX_QUERIES = 50;

export function createPriceApiClient(config: PriceApiConfig): PriceApiClient {
  const transport = { upstream: 'price-api' as const, fetch: config.fetch, timeoutMs: config.timeoutMs };
  const policy = config.policy ?? createUpstreamPolicy({ upstream: 'price-api', deadlineMs: 2 * config.timeoutMs });
  // Both endpoints are reads (batch is a POST only to carry its body), so both go through the retry policy.
  const read = <S extends Parameters<typeof requestJson>[3]>(url: string, init: RequestInit, schema: S) =>
    policy.execute(async (signal) => {
      await config.quota?.take();
      return requestJson({ ...transport, signal }, url, init, schema, onHttpError);
    });
  const headers = { authorization: `Bearer ${config.apiKey}`, accept: 'application/json' };
  const onHttpError = (status: number, body: unknown, retryAfterMs: number | undefined) => {
    const e = errorBodySchema.safeParse(body);
    return new UpstreamError('price-api', 'http', `HTTP ${status}${e.success ? ` ${e.data.error.code}: ${e.data.error.message}` : ''}`, {
      status,
      code: e.success ? e.data.error.code : undefined,
      retryAfterMs,
    });
  };
  const keep = (raws: unknown[]) => {
    const { offers, dropped } = reshapeOffers(raws);
    if (dropped > 0) moduleLogger('price-api').warn({ event: 'offers_dropped', count: dropped }, 'offers dropped: unreadable shape, price or URL');
    return offers;
  };

  return {
    async searchAll(search, maxOffers, onPage) {
      const offers: Offer[] = [];
      const page = (cursor: string | null) => {
        const qs = new URLSearchParams({ limit: String(SEARCH_LIMIT_MAX) });
        if (search.keyword) qs.set('keyword', search.keyword);
        if (search.barcode) qs.set('barcode', search.barcode);
        if (search.category) qs.set('category', search.category);
        if (cursor) qs.set('cursor', cursor);
        return read(`${config.apiBase}/v1/offers/search?${qs}`, { method: 'GET', headers }, searchResponseSchema);
      };
      // Bounded: a service that keeps answering with cursors cannot keep us here forever.
      const maxPages = Math.ceil(maxOffers / SEARCH_LIMIT_MAX) + 1;
      let pending: Promise<SearchPage> | null = page(null);
      for (let pages = 1; pending; pages++) {
        const r: SearchPage = await pending;
        const got = keep(r.offers);
        offers.push(...got);
        pending = r.next_cursor && offers.length < maxOffers && pages < maxPages ? page(r.next_cursor) : null;
        if (!onPage) continue;
        // The next page (the cursors are sequential) is on its way while onPage works: let its request
        // actually leave (it takes a few turns of the event loop) before onPage holds the thread.
        if (pending) await new Promise((resolve) => setImmediate(resolve));
        onPage(got);
      }
      return offers.slice(0, maxOffers);
    },

    async batch(queries, perQueryLimit = 20) {
      const out = new Map<string, Offer[]>();
      for (let i = 0; i < queries.length; i += BATCH_MAX_QUERIES) {
        const chunk = queries.slice(i, i + BATCH_MAX_QUERIES);
        const r = await read(
          `${config.apiBase}/v1/offers/batch`,
          { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ queries: chunk, per_query_limit: perQueryLimit }) },
          batchResponseSchema,
        );
        for (const result of r.results) out.set(result.ref, keep(result.offers));
      }
      return out;
    },
  };
}
