/**
 * Runs before routing (Next 16's proxy, formerly middleware). It turns away requests the router would
 * answer with a bare 500: a path whose percent-escapes are not valid UTF-8 (`/products/%ED%A0%80`), and
 * HTTP methods the site has no use for (TRACE, CONNECT …). For a document request to a shopper page it
 * then loads the page's data first (lib/http/page-gate.ts): when that cannot be had it answers 503 with a
 * friendly page, and a product that does not exist gets Next's server-rendered 404 — the two answers a page
 * can no longer give once it renders (docs/page-errors.md). A listing (`/`) for a visitor without cookies is
 * then answered from the copy of one render of it (lib/http/listing-html-cache.ts), under this answer's nonce.
 *
 * Every answer that passes here, its own included, gets the security headers (lib/http/security-headers.ts,
 * docs/security.md): a Content-Security-Policy with a fresh nonce, which is also set on the request so that
 * Next puts the nonce on its own scripts; and on /api/* the CORS grant for the configured origins, with
 * preflights answered here. Build assets (/_next/static, /_next/image) never reach the proxy: next.config.ts
 * gives them the same headers.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { loadEnv } from './lib/env';
import { withRequestId } from './lib/log';
import { gatePage } from './lib/http/page-gate';
import { listingHtmlCache, RENDER_NONCE_HEADER, renderNonceFrom } from './lib/http/listing-html-cache';
import type { ComparePage } from './lib/types';
import { REQUEST_ID_HEADER, requestIdFrom } from './lib/http/request-id';
import { applyHeaders, createNonce, isApiPath, preflightHeaders, responseHeaders } from './lib/http/security-headers';
import { SANDBOX_PAGE_CSP } from './sandbox/weidian/consent-page';

const ALLOWED_METHODS = ['GET', 'HEAD', 'POST', 'OPTIONS'];

function withHeaders(response: Response, headers: Record<string, string>): Response {
  applyHeaders(response.headers, headers);
  return response;
}

export async function proxy(request: NextRequest) {
  // One id per request, on the request (route handlers and pages log with it) and on the answer.
  const requestId = requestIdFrom(request.headers);
  return withRequestId(requestId, () => handle(request, requestId));
}

async function handle(request: NextRequest, requestId: string) {
  const env = loadEnv();
  const { pathname } = request.nextUrl;
  const origin = request.headers.get('origin');
  // The proxy's own loopback render of a listing asks for a placeholder nonce (lib/http/listing-html-cache.ts).
  const renderNonce = renderNonceFrom(request.headers, env.sessionSecret);
  const nonce = renderNonce ?? createNonce();
  const headers: Record<string, string> = {
    ...responseHeaders({
      pathname,
      origin,
      nonce,
      nodeEnv: env.nodeEnv,
      corsAllowedOrigins: env.corsAllowedOrigins,
      authorizeUrl: env.oauth.authorizeUrl,
      sandboxPolicy: SANDBOX_PAGE_CSP,
    }),
    [REQUEST_ID_HEADER]: requestId,
  };

  if (!ALLOWED_METHODS.includes(request.method)) {
    return withHeaders(
      NextResponse.json(
        { error: { code: 'method_not_allowed', message: `Method ${request.method} not allowed` } },
        { status: 405, headers: { allow: ALLOWED_METHODS.join(', ') } },
      ),
      headers,
    );
  }
  try {
    decodeURIComponent(pathname);
  } catch {
    const body = isApiPath(pathname)
      ? JSON.stringify({ error: { code: 'invalid_path', message: 'Malformed percent-encoding in the path' } })
      : '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>链接无效 · 比价</title><body style="font-family:sans-serif;padding:2rem"><h1>链接无效</h1><p>这个网址的编码有误，请检查后重试。</p><p><a href="/">返回首页</a></p></body></html>';
    const type = isApiPath(pathname) ? 'application/json' : 'text/html; charset=utf-8';
    return withHeaders(new NextResponse(body, { status: 400, headers: { 'content-type': type } }), headers);
  }
  // A CORS preflight: answered here, for every /api path (a grant only for the configured origins).
  if (request.method === 'OPTIONS' && isApiPath(pathname) && request.headers.has('access-control-request-method')) {
    return withHeaders(new NextResponse(null, { status: 204 }), { ...headers, ...preflightHeaders(origin, env.corsAllowedOrigins) });
  }

  // The request carries the policy too: Next reads the nonce from it and puts it on the scripts it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', headers['content-security-policy']!);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  requestHeaders.delete(RENDER_NONCE_HEADER);
  const htmlCache = renderNonce === null ? listingHtmlCache(env) : null;
  const answerListing = htmlCache ? (page: ComparePage) => htmlCache.answer(request, page, nonce, requestId) : undefined;
  const answer = (await gatePage(request, requestHeaders, answerListing)) ?? NextResponse.next({ request: { headers: requestHeaders } });
  return withHeaders(answer, headers);
}

export const config = {
  // Not for build assets: they are files, with no route parameters to decode (next.config.ts sets their headers).
  matcher: ['/((?!_next/static|_next/image).*)'],
};
