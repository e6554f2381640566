/**
 * Runs before routing (Next 16's proxy, formerly middleware). It turns away requests the router would
 * answer with a bare 500: a path whose percent-escapes are not valid UTF-8 (`/products/%ED%A0%80`), and
 * HTTP methods the site has no use for (TRACE, CONNECT …). For a document request to a shopper page it
 * then loads the page's data first (lib/http/page-gate.ts): when that cannot be had it answers 503 with a
 * friendly page, and a product that does not exist gets Next's server-rendered 404 — the two answers a page
 * can no longer give once it renders (docs/page-errors.md). Everything else passes through untouched.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { gatePage } from './lib/http/page-gate';

const ALLOWED_METHODS = ['GET', 'HEAD', 'POST', 'OPTIONS'];

export async function proxy(request: NextRequest) {
  if (!ALLOWED_METHODS.includes(request.method)) {
    return NextResponse.json(
      { error: { code: 'method_not_allowed', message: `Method ${request.method} not allowed` } },
      { status: 405, headers: { allow: ALLOWED_METHODS.join(', ') } },
    );
  }
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    const body = request.nextUrl.pathname.startsWith('/api/')
      ? JSON.stringify({ error: { code: 'invalid_path', message: 'Malformed percent-encoding in the path' } })
      : '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>链接无效 · 比价</title><body style="font-family:sans-serif;padding:2rem"><h1>链接无效</h1><p>这个网址的编码有误，请检查后重试。</p><p><a href="/">返回首页</a></p></body></html>';
    const type = request.nextUrl.pathname.startsWith('/api/') ? 'application/json' : 'text/html; charset=utf-8';
    return new NextResponse(body, { status: 400, headers: { 'content-type': type } });
  }
  return (await gatePage(request)) ?? NextResponse.next();
}

export const config = {
  // Not for build assets: they are files, with no route parameters to decode.
  matcher: ['/((?!_next/static|_next/image).*)'],
};
