import 'server-only';

import { CATEGORIES } from '@/lib/types';

import { toWireItem, type SandboxCatalogue, type SandboxItem } from '../catalogue';
import { jsonResponse } from '../http';
import { parseSignedQuery, verifySignature } from './verify';

/**
 * The Weidian router emulator (docs/weidian-api.md): `GET …/router?method=…`, signed per docs/signing.md,
 * answering `item.list` and `item.get`. Business outcomes — success or error — are HTTP 200 with a status
 * envelope, as on Weidian's real open platform.
 *
 * Checks run in this order, and the first failure is the answer: repeated key (10002) → required system
 * params present (10001: method, app_key, timestamp, sign) → timestamp is digits (10002) → app_key known
 * (10003) → clock skew ≤ 5 min (10005) → signature (10004) → method known (10006) → business params
 * (10001/10002) → item exists (10010).
 */

export const WEIDIAN_STATUS = {
  success: 0,
  missingParameter: 10001,
  invalidParameter: 10002,
  unknownAppKey: 10003,
  badSignature: 10004,
  timestampSkew: 10005,
  unknownMethod: 10006,
  itemNotFound: 10010,
  rateLimited: 60001,
  internal: 90001,
} as const;

export interface WeidianRouterOptions {
  catalogue: SandboxCatalogue;
  /** Registered applications: App Key → App Secret. */
  apps: Readonly<Record<string, string>>;
  now: () => number;
}

const MAX_SKEW_MS = 300_000;
const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 50;
const CATEGORY_IDS: ReadonlySet<number> = new Set(CATEGORIES.map((c) => c.id));

class WeidianError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const missing = (param: string): WeidianError =>
  new WeidianError(WEIDIAN_STATUS.missingParameter, `missing required parameter: ${param}`);
const invalid = (param: string, problem: string): WeidianError =>
  new WeidianError(WEIDIAN_STATUS.invalidParameter, `invalid parameter ${param}: ${problem}`);

function envelope(code: number, reason: string, result: unknown, status = 200, headers?: Record<string, string>): Response {
  return jsonResponse({ status: { status_code: code, status_reason: reason }, result }, status, headers);
}

/** Weidian's keyword normalisation: NFKC and lower case (applied to both the keyword and the titles). */
const normalise = (text: string): string => text.normalize('NFKC').toLowerCase();

/** A positive decimal integer without sign, leading zeros or fraction; null otherwise. */
function positiveInteger(raw: string): number | null {
  if (!/^[1-9]\d{0,8}$/.test(raw)) return null;
  return Number(raw);
}

export function createWeidianRouter(options: WeidianRouterOptions): (request: Request) => Promise<Response> {
  let normalisedTitles: Map<SandboxItem, string> | undefined;
  const titleOf = (item: SandboxItem): string => {
    normalisedTitles ??= new Map(options.catalogue.items.map((it) => [it, normalise(it.title)]));
    return normalisedTitles.get(item) ?? normalise(item.title);
  };

  function itemList(params: Record<string, string>): unknown {
    const { category_id: categoryRaw = '', q = '' } = params;
    let categoryId: number | null = null;
    if (categoryRaw !== '') {
      categoryId = positiveInteger(categoryRaw);
      if (categoryId === null || !CATEGORY_IDS.has(categoryId)) {
        throw invalid('category_id', `"${categoryRaw}" is not a category id (integers 1–${CATEGORY_IDS.size})`);
      }
    }
    const page = params.page === undefined ? 1 : positiveInteger(params.page);
    if (page === null) throw invalid('page', `"${params.page}" is not a positive integer`);
    const pageSize = params.page_size === undefined ? DEFAULT_PAGE_SIZE : positiveInteger(params.page_size);
    if (pageSize === null || pageSize > MAX_PAGE_SIZE) {
      throw invalid('page_size', `"${params.page_size}" is not an integer from 1 to ${MAX_PAGE_SIZE}`);
    }

    const terms = normalise(q).split(/\s+/u).filter(Boolean);
    const matches = options.catalogue.items.filter(
      (item) => (categoryId === null || item.cid === categoryId) && terms.every((term) => titleOf(item).includes(term)),
    );
    const start = (page - 1) * pageSize;
    const now = options.now();
    return {
      items: matches.slice(start, start + pageSize).map((item) => toWireItem(item, now)),
      total: matches.length,
      page,
      page_size: pageSize,
      has_next: start + pageSize < matches.length,
    };
  }

  function itemGet(params: Record<string, string>): unknown {
    const id = params.item_id;
    if (id === undefined || id === '') throw missing('item_id');
    if (!/^\d{1,20}$/.test(id)) throw invalid('item_id', `"${id}" is not a num_iid (digits)`);
    const item = options.catalogue.items.find((it) => it.num_iid === id);
    if (!item) throw new WeidianError(WEIDIAN_STATUS.itemNotFound, `item not found: item_id ${id}`);
    return { item: toWireItem(item, options.now()) };
  }

  const methods: Record<string, (params: Record<string, string>) => unknown> = {
    'item.list': itemList,
    'item.get': itemGet,
  };

  function answer(params: Record<string, string>): unknown {
    for (const name of ['method', 'app_key', 'timestamp', 'sign']) {
      if (params[name] === undefined || params[name] === '') throw missing(name);
    }
    const { method, app_key: appKey, timestamp } = params as Record<'method' | 'app_key' | 'timestamp', string>;
    if (!/^\d{1,16}$/.test(timestamp)) throw invalid('timestamp', `"${timestamp}" is not milliseconds since the epoch`);
    const secret = Object.hasOwn(options.apps, appKey) ? options.apps[appKey] : undefined;
    if (secret === undefined) throw new WeidianError(WEIDIAN_STATUS.unknownAppKey, `unknown app_key: ${appKey}`);
    const skew = Number(timestamp) - options.now();
    if (Math.abs(skew) > MAX_SKEW_MS) {
      const direction = skew > 0 ? 'ahead of' : 'behind';
      throw new WeidianError(
        WEIDIAN_STATUS.timestampSkew,
        `timestamp ${timestamp} is ${Math.abs(skew)} ms ${direction} the server clock (limit ${MAX_SKEW_MS} ms)`,
      );
    }
    if (!verifySignature(params, secret)) {
      throw new WeidianError(WEIDIAN_STATUS.badSignature, 'invalid sign: does not match the canonical query (see signing rules)');
    }
    const run = Object.hasOwn(methods, method) ? methods[method] : undefined;
    if (!run) throw new WeidianError(WEIDIAN_STATUS.unknownMethod, `unknown method: ${method}`);
    return run(params);
  }

  return async (request) => {
    if (request.method !== 'GET') {
      return envelope(WEIDIAN_STATUS.invalidParameter, `HTTP method ${request.method} not allowed; use GET`, null, 405, {
        allow: 'GET',
      });
    }
    const parsed = parseSignedQuery(new URL(request.url).search);
    if (!parsed.ok) return envelope(WEIDIAN_STATUS.invalidParameter, `invalid parameter ${parsed.duplicateKey}: given more than once`, null);
    try {
      return envelope(WEIDIAN_STATUS.success, 'success', answer(parsed.params));
    } catch (error) {
      if (error instanceof WeidianError) return envelope(error.code, error.reason, null);
      throw error;
    }
  };
}
