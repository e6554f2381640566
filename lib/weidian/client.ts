/**
 * Weidian open-platform client for the router protocol (docs/weidian-api.md): signs every call with the App
 * Secret (docs/signing.md), parses answers with zod and hands back domain types only.
 */
import { z } from 'zod';
import { MoneyParseError } from '../money';
import type { Product } from '../types';
import { requestJson, UpstreamError, type FetchLike } from '../upstream/http';
import type { TokenBucket } from '../quota/token-bucket';
import { createUpstreamPolicy, type UpstreamPolicy } from '../upstream/resilience';
import { reshapeItem } from './reshape';
import { envelopeSchema, itemGetResultSchema, itemListResultSchema, WEIDIAN_CODES } from './schemas';
import { presentParams, signParams, type SignableParams } from './sign';
import { moduleLogger } from '../log';

export interface WeidianConfig {
  appKey: string;
  appSecret: string;
  /** e.g. https://api.weidian.com — the router lives at `${apiBase}/router`. */
  apiBase: string;
  timeoutMs: number;
  fetch: FetchLike;
  now?: () => number;
  /** Retries, deadline and breaker (default: createUpstreamPolicy with a deadline of 2 × timeoutMs). */
  policy?: UpstreamPolicy;
  /** Outbound quota shared by every instance: one token per attempt. */
  quota?: TokenBucket;
}

export interface ItemListQuery {
  q?: string | null;
  categoryId?: number | null;
  page: number;
  pageSize: number;
}

export interface ItemListPage {
  items: Product[];
  total: number;
  page: number;
  pageSize: number;
  hasNext: boolean;
}

export interface WeidianClient {
  listItems(query: ItemListQuery): Promise<ItemListPage>;
  /** Every item for a query, paging until has_next is false or `maxItems` are read. */
  listAllItems(query: Omit<ItemListQuery, 'page' | 'pageSize'>, maxItems: number): Promise<{ items: Product[]; total: number }>;
  /** null when Weidian answers 10010 (no such item). */
  getItem(itemId: string): Promise<Product | null>;
}

/** Weidian's maximum page size; listAllItems reads in pages this big. */
export const WEIDIAN_PAGE_SIZE_MAX = 50;

export function createWeidianClient(config: WeidianConfig): WeidianClient {
  const now = config.now ?? Date.now;
  const transport = { upstream: 'weidian' as const, fetch: config.fetch, timeoutMs: config.timeoutMs };
  const policy = config.policy ?? createUpstreamPolicy({ upstream: 'weidian', deadlineMs: 2 * config.timeoutMs });

  // Every router method is a read, so the whole call (including a 60001 answer) goes through the retry policy.
  const call = <R extends z.ZodType>(method: string, business: SignableParams, result: R): Promise<z.output<R>> =>
    policy.execute((signal) => callOnce(method, business, result, signal));

  async function callOnce<R extends z.ZodType>(method: string, business: SignableParams, result: R, signal: AbortSignal): Promise<z.output<R>> {
    // Signed afresh per attempt: a retry minutes later must not carry a stale timestamp.
    const params: SignableParams = { method, app_key: config.appKey, timestamp: now(), ...business };
    const sign = signParams(params, config.appSecret);
    const qs = new URLSearchParams([...presentParams(params), ['sign', sign]]);
    await config.quota?.take();
    const body = await requestJson({ ...transport, signal }, `${config.apiBase}/router?${qs}`, { method: 'GET' }, envelopeSchema);
    if (body.status.status_code !== WEIDIAN_CODES.ok) {
      throw new UpstreamError('weidian', 'api', `${method} failed: ${body.status.status_code} ${body.status.status_reason}`, {
        code: String(body.status.status_code),
      });
    }
    // A success must carry a well-formed result; one that does not is as broken as bad JSON.
    const parsed = result.safeParse(body.result);
    if (!parsed.success) {
      throw new UpstreamError('weidian', 'malformed', `${method}: unexpected result shape at ${parsed.error.issues[0]?.path.join('.') || '(root)'}`);
    }
    return parsed.data;
  }

  const reshapeAll = (raws: z.output<typeof itemListResultSchema>['items'], fetchedAt: string) => {
    const items: Product[] = [];
    let skipped = 0;
    for (const raw of raws) {
      try {
        items.push(reshapeItem(raw, fetchedAt));
      } catch (error) {
        // One item with an unreadable price must not take the whole page down; it is left out, not shown at ¥0.
        if (!(error instanceof MoneyParseError)) throw error;
        skipped++;
      }
    }
    if (skipped) moduleLogger('weidian').warn({ event: 'items_skipped', count: skipped }, 'items skipped: unreadable price');
    return items;
  };

  const client: WeidianClient = {
    async listItems(query) {
      const fetchedAt = new Date(now()).toISOString();
      const r = await call(
        'item.list',
        { q: query.q ?? undefined, category_id: query.categoryId ?? undefined, page: query.page, page_size: query.pageSize },
        itemListResultSchema,
      );
      // Never more than we asked for, whatever the upstream sends.
      return { items: reshapeAll(r.items.slice(0, query.pageSize), fetchedAt), total: r.total, page: r.page, pageSize: r.page_size, hasNext: r.has_next };
    },

    async listAllItems(query, maxItems) {
      const pageSize = WEIDIAN_PAGE_SIZE_MAX;
      const first = await client.listItems({ ...query, page: 1, pageSize });
      const items = [...first.items];
      if (!first.hasNext) return { items, total: first.total };
      // `total` tells how many pages remain, so they are fetched concurrently rather than one after another.
      const lastPage = Math.min(Math.ceil(first.total / pageSize), Math.ceil(maxItems / pageSize));
      const rest = await Promise.all(
        Array.from({ length: Math.max(0, lastPage - 1) }, (_, i) => client.listItems({ ...query, page: i + 2, pageSize })),
      );
      const seen = new Set(items.map((p) => p.productId));
      for (const page of rest) {
        for (const item of page.items) {
          // Items can shift between pages while the shop edits its catalogue; keep the first copy.
          if (!seen.has(item.productId)) {
            seen.add(item.productId);
            items.push(item);
          }
        }
      }
      return { items: items.slice(0, maxItems), total: first.total };
    },

    async getItem(itemId) {
      const fetchedAt = new Date(now()).toISOString();
      try {
        const r = await call('item.get', { item_id: itemId }, itemGetResultSchema);
        return reshapeItem(r.item, fetchedAt);
      } catch (error) {
        if (error instanceof UpstreamError && error.code === String(WEIDIAN_CODES.itemNotFound)) return null;
        throw error;
      }
    },
  };
  return client;
}
