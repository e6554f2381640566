/**
 * Runs in the proxy (proxy.ts), before Next renders `/` or `/products/[id]` for a document request, and
 * answers the two cases a page render cannot answer properly by itself (docs/page-errors.md):
 *
 * - the data cannot be had (Weidian failing with nothing cached, or the outbound quota exhausted): a 503
 *   with a friendly, server-rendered page and a retry link that works without JavaScript. A page cannot: once
 *   its stream has started the status is 200, and an error thrown before that yields Next's `__next_error__`
 *   shell, whose text only JavaScript can show;
 * - the product does not exist: a rewrite to an unmatched path, so Next itself answers 404 with the
 *   not-found page rendered on the server (a `notFound()` thrown by the page also yields the empty shell).
 *
 * It calls the very same service functions as the page, through the same cache, so the page then finds the
 * entry this call filled (or the stale copy it served) and renders at once. Client-side navigations and
 * prefetches (`Sec-Fetch-Dest: empty`) are left alone: they carry JavaScript, and the page's error boundary
 * and not-found boundary serve them; gating prefetches would compute every linked product.
 */
import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { parseCompareQuery } from '../compare/query';
import { getComparePage, getProductDetail } from '../compare/service';
import type { ComparePage } from '../types';
import type { QuotaExceededError } from '../quota/token-bucket';
import { UpstreamError } from '../upstream/http';
import { isUnavailableError } from '../upstream/unavailable';
import { isDocumentRequest } from './document-request';
import { NOT_FOUND_KIND_HEADER } from './not-found-kind';
import { unavailableResponse, type UnavailablePage } from './unavailable-page';
import { moduleLogger } from '../log';

/** Weidian item ids are digit strings (as in app/products/[id]/page.tsx): anything else is a 404 unasked. */
export const PRODUCT_ID = /^\d{1,20}$/;

/**
 * An unmatched path: Next renders its `/_not-found` route for it (status 404, HTML on the server). A folder
 * whose name starts with `_` is private in the App Router, so this path can never become a route.
 */
export const NOT_FOUND_REWRITE = '/_missing';

function productIdOf(pathname: string): string | null | undefined {
  const m = /^\/products\/([^/]+)$/.exec(pathname);
  if (!m) return undefined; // not a product page
  try {
    const id = decodeURIComponent(m[1]!);
    return PRODUCT_ID.test(id) ? id : null;
  } catch {
    return null;
  }
}

function notFound(request: NextRequest, requestHeaders: Headers): NextResponse {
  const headers = new Headers(requestHeaders);
  headers.set(NOT_FOUND_KIND_HEADER, 'product');
  return NextResponse.rewrite(new URL(NOT_FOUND_REWRITE, request.url), { request: { headers } });
}

/**
 * A response to send instead of rendering the page, or null to let the page render. Unexpected errors (a
 * bug) are left to the page as well: it meets the same error and its error boundary answers.
 * `requestHeaders` are those the rendered page is to see (the proxy adds the CSP, whose nonce Next reads).
 */
export async function gatePage(
  request: NextRequest,
  requestHeaders: Headers = request.headers,
  /** Given the listing's page once it is loaded: an answer for it from elsewhere (the proxy's HTML copy), or null. */
  answerListing?: (page: ComparePage) => Promise<Response | null>,
): Promise<Response | null> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  if (!isDocumentRequest(request.headers)) return null;
  const { pathname, searchParams } = request.nextUrl;
  if (pathname === '/') {
    const parsed = parseCompareQuery(searchParams);
    if (!parsed.ok) return null; // the page shows which parameter is wrong
    let page: ComparePage | undefined;
    const gated = await guard(request, requestHeaders, 'compare', async () => Boolean((page = (await getComparePage(parsed.value)).data)));
    return gated ?? (page && answerListing ? answerListing(page) : null);
  }
  const productId = productIdOf(pathname);
  if (productId === undefined) return null;
  if (productId === null) return notFound(request, requestHeaders);
  return guard(request, requestHeaders, 'product', async () => (await getProductDetail(productId)) !== null);
}

/** Runs the page's own load: null (render the page), a 404 rewrite when it found nothing, or the 503. */
async function guard(request: NextRequest, requestHeaders: Headers, page: UnavailablePage, load: () => Promise<boolean>): Promise<Response | null> {
  try {
    return (await load()) ? null : notFound(request, requestHeaders);
  } catch (error) {
    if (!isUnavailableError(error)) return null;
    const { pathname, search } = request.nextUrl;
    moduleLogger('proxy').warn({ event: 'page_unavailable', path: pathname, reason: describe(error) }, 'answering 503');
    return unavailableResponse({ page, retryHref: `${pathname}${search}`, error, head: request.method === 'HEAD' });
  }
}

const describe = (error: UpstreamError | QuotaExceededError) =>
  error instanceof UpstreamError
    ? `${error.upstream} unavailable (${error.kind}${error.status ? ` HTTP ${error.status}` : ''})`
    : `${error.quota} quota exhausted`;
