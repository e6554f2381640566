import 'server-only';

import { timingSafeEqual } from 'node:crypto';

import { CATEGORIES } from '@/lib/types';

import { toWireOffer, type SandboxCatalogue, type SandboxOffer } from '../catalogue';
import { jsonResponse, uniqueQueryParams } from '../http';
import { foldTitle, keywordTerms } from './fold';

/**
 * The price API emulator (docs/price-api.md): `GET /v1/offers/search` and `POST /v1/offers/batch`, bearer
 * auth, 400 `invalid_request` errors naming the field, opaque cursors and relevance-ranked batch answers.
 */

export interface PriceApiOptions {
  catalogue: SandboxCatalogue;
  apiKey: string;
  now: () => number;
}

export interface PriceApi {
  search(request: Request): Promise<Response>;
  batch(request: Request): Promise<Response>;
}

const CATEGORY_SLUGS: ReadonlySet<string> = new Set(CATEGORIES.map((c) => c.slug));
const SEARCH_LIMIT = { min: 1, max: 500, fallback: 100 };
const BATCH_LIMIT = { min: 1, max: 50, fallback: 20 };
const MAX_BATCH_QUERIES = 50;
const MAX_BODY_BYTES = 1_000_000;
const GTIN13 = /^\d{13}$/;

interface IndexedOffer {
  offer: SandboxOffer;
  foldedTitle: string;
}

function errorResponse(status: number, code: string, message: string, headers?: Record<string, string>): Response {
  return jsonResponse({ error: { code, message } }, status, headers);
}

/** 400 invalid_request; the message starts with the field at fault. */
const invalid = (field: string, problem: string): Response => errorResponse(400, 'invalid_request', `${field}: ${problem}`);

class RequestProblem extends Error {
  constructor(readonly response: Response) {
    super('invalid request');
  }
}

// ── Cursors: base64url("offset:<n>"), as in the docs' example; anything else is malformed ─────────────

export function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`, 'utf8').toString('base64url');
}

/** The offset inside a cursor, or null when the cursor is not one this service issued. */
export function decodeCursor(cursor: string): number | null {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  const decoded = Buffer.from(cursor, 'base64url');
  if (decoded.toString('base64url') !== cursor) return null; // Buffer decoding is lenient; insist on a round trip
  const match = /^offset:(0|[1-9]\d{0,8})$/.exec(decoded.toString('utf8'));
  return match ? Number(match[1]) : null;
}

function parseLimit(raw: string | undefined, field: string, bounds: typeof SEARCH_LIMIT): number {
  if (raw === undefined) return bounds.fallback;
  if (!/^\d{1,6}$/.test(raw) || Number(raw) < bounds.min || Number(raw) > bounds.max) {
    throw new RequestProblem(invalid(field, `must be an integer from ${bounds.min} to ${bounds.max}`));
  }
  return Number(raw);
}

function bearerTokenMatches(request: Request, apiKey: string): Response | null {
  const header = request.headers.get('authorization');
  const challenge = { 'www-authenticate': 'Bearer realm="price-api"' };
  const match = header === null ? null : /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  if (!match) return errorResponse(401, 'unauthorized', 'missing bearer token (Authorization: Bearer <API key>)', challenge);
  const given = Buffer.from(match[1] ?? '', 'utf8');
  const expected = Buffer.from(apiKey, 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return errorResponse(401, 'unauthorized', 'invalid API key', challenge);
  }
  return null;
}

function methodNotAllowed(allowed: string): Response {
  return errorResponse(405, 'method_not_allowed', `use ${allowed}`, { allow: allowed });
}

export function createPriceApi(options: PriceApiOptions): PriceApi {
  let index: IndexedOffer[] | undefined;
  const offers = (): IndexedOffer[] =>
    (index ??= options.catalogue.offers.map((offer) => ({ offer, foldedTitle: foldTitle(offer.title) })));

  const guard = (request: Request, method: 'GET' | 'POST'): Response | null =>
    request.method !== method ? methodNotAllowed(method) : bearerTokenMatches(request, options.apiKey);

  async function search(request: Request): Promise<Response> {
    const refused = guard(request, 'GET');
    if (refused) return refused;
    try {
      const query = uniqueQueryParams(new URL(request.url).searchParams);
      if (!query.ok) return invalid(query.duplicateKey, 'given more than once');
      const { keyword = '', barcode = '', category = '', cursor = '' } = query.params;
      const limit = parseLimit(query.params.limit, 'limit', SEARCH_LIMIT);
      const offset = cursor === '' ? 0 : decodeCursor(cursor);
      if (offset === null) return invalid('cursor', 'malformed cursor (pass next_cursor back unchanged)');
      if (category !== '' && !CATEGORY_SLUGS.has(category)) {
        return invalid('category', `unknown category "${category}" (one of ${[...CATEGORY_SLUGS].join(', ')})`);
      }
      if (barcode !== '' && !GTIN13.test(barcode)) return invalid('barcode', 'must be a 13-digit GTIN-13');
      if (keyword.length > MAX_KEYWORD_LENGTH) return invalid('keyword', `at most ${MAX_KEYWORD_LENGTH} characters`);

      const terms = keywordTerms(keyword);
      const matches = offers().filter(
        ({ offer, foldedTitle }) =>
          (category === '' || offer.category === category) &&
          (barcode === '' || offer.barcode === barcode) &&
          terms.every((term) => foldedTitle.includes(term)),
      );
      const page = matches.slice(offset, offset + limit);
      const now = options.now();
      return jsonResponse({
        offers: page.map(({ offer }) => toWireOffer(offer, now)),
        next_cursor: offset + limit < matches.length ? encodeCursor(offset + limit) : null,
      });
    } catch (error) {
      if (error instanceof RequestProblem) return error.response;
      throw error;
    }
  }

  async function batch(request: Request): Promise<Response> {
    const refused = guard(request, 'POST');
    if (refused) return refused;
    try {
      const body = await readJsonBody(request);
      const { queries, perQueryLimit } = parseBatchBody(body);
      const now = options.now();
      const results = queries.map((query) => ({
        ref: query.ref,
        offers: rankForQuery(offers(), query)
          .slice(0, perQueryLimit)
          .map((offer) => toWireOffer(offer, now)),
      }));
      return jsonResponse({ results });
    } catch (error) {
      if (error instanceof RequestProblem) return error.response;
      throw error;
    }
  }

  return { search, batch };
}

// ── Batch ───────────────────────────────────────────────────────────────────────────────────────────────

/** A keyword is a product title, not a document: this bounds the offers × terms work of one query. */
const MAX_KEYWORD_LENGTH = 200;

interface BatchQuery {
  ref: string;
  /** Folded, de-duplicated keyword terms (empty when no keyword). */
  terms: string[];
  barcode: string;
}

async function readJsonBody(request: Request): Promise<unknown> {
  const mediaType = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') throw new RequestProblem(invalid('Content-Type', 'must be application/json'));
  // Read with a cap: a 300 MB body must be refused after 1 MB, not buffered first.
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) throw new RequestProblem(invalid('body', 'larger than 1 MB'));
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel().catch(() => undefined);
        throw new RequestProblem(invalid('body', 'larger than 1 MB'));
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new RequestProblem(invalid('body', 'not valid JSON'));
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parseBatchBody(body: unknown): { queries: BatchQuery[]; perQueryLimit: number } {
  const fail = (field: string, problem: string): never => {
    throw new RequestProblem(invalid(field, problem));
  };
  if (!isObject(body)) return fail('body', 'must be a JSON object');

  let perQueryLimit = BATCH_LIMIT.fallback;
  if (body.per_query_limit !== undefined) {
    const limit = body.per_query_limit;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < BATCH_LIMIT.min || limit > BATCH_LIMIT.max) {
      fail('per_query_limit', `must be an integer from ${BATCH_LIMIT.min} to ${BATCH_LIMIT.max}`);
    }
    perQueryLimit = limit as number;
  }

  const raw = body.queries;
  if (!Array.isArray(raw)) return fail('queries', 'required, an array of queries');
  if (raw.length > MAX_BATCH_QUERIES) fail('queries', `at most ${MAX_BATCH_QUERIES} queries per call, got ${raw.length}`);

  const refs = new Set<string>();
  const queries = raw.map((entry: unknown, i): BatchQuery => {
    const at = `queries[${i}]`;
    if (!isObject(entry)) return fail(at, 'must be an object');
    const { ref, keyword, barcode } = entry;
    if (typeof ref !== 'string' || ref === '') return fail(`${at}.ref`, 'required, a non-empty string');
    if (refs.has(ref)) fail(`${at}.ref`, `duplicate ref "${ref}"`);
    refs.add(ref);
    if (keyword !== undefined && typeof keyword !== 'string') fail(`${at}.keyword`, 'must be a string');
    if (barcode !== undefined && typeof barcode !== 'string') fail(`${at}.barcode`, 'must be a string');
    const code = (barcode as string | undefined) ?? '';
    if (code !== '' && !GTIN13.test(code)) fail(`${at}.barcode`, 'must be a 13-digit GTIN-13');
    if (typeof keyword === 'string' && keyword.length > MAX_KEYWORD_LENGTH) fail(`${at}.keyword`, `at most ${MAX_KEYWORD_LENGTH} characters`);
    const terms = [...new Set(keywordTerms((keyword as string | undefined) ?? ''))];
    if (terms.length === 0 && code === '') fail(at, 'needs a keyword or a barcode');
    return { ref, terms, barcode: code };
  });
  return { queries, perQueryLimit };
}

/**
 * Candidates for one batch query, best first: barcode matches, then by the share of keyword terms the title
 * contains (at least half, rounded up, to be a candidate), then by offer_id.
 */
function rankForQuery(index: readonly IndexedOffer[], query: BatchQuery): SandboxOffer[] {
  const needed = Math.ceil(query.terms.length / 2);
  const scored: { offer: SandboxOffer; barcodeMatch: boolean; contained: number }[] = [];
  for (const { offer, foldedTitle } of index) {
    const barcodeMatch = query.barcode !== '' && offer.barcode === query.barcode;
    const contained = query.terms.reduce((n, term) => (foldedTitle.includes(term) ? n + 1 : n), 0);
    if (barcodeMatch || (query.terms.length > 0 && contained >= needed)) scored.push({ offer, barcodeMatch, contained });
  }
  // index is already in offer_id order and Array.prototype.sort is stable, so ties stay in offer_id order.
  return scored
    .sort((a, b) => Number(b.barcodeMatch) - Number(a.barcodeMatch) || b.contained - a.contained)
    .map(({ offer }) => offer);
}
