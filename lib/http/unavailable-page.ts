/**
 * The "暂时无法显示" answer for a shopper page whose data cannot be had: Weidian failing with nothing cached,
 * or our outbound quota exhausted. Served by the proxy (proxy.ts, lib/http/page-gate.ts) **before** Next
 * renders the page, because that is the only point at which an App Router page can still get a 5xx status
 * together with server-rendered content (see docs/page-errors.md).
 *
 * A complete, self-contained HTML document: inline styles (the app's hashed stylesheet is unknown here), no
 * script, so the text and the retry link work with JavaScript off. Never any error text or stack.
 */

/** Retry-After in whole seconds: the error's own hint when it has one (1–120 s), else the breaker's 10 s. */
export function retryAfterSeconds(error: unknown): number {
  const ms = error && typeof error === 'object' && 'retryAfterMs' in error ? Number(error.retryAfterMs) : Number.NaN;
  return Number.isFinite(ms) && ms > 0 ? Math.min(120, Math.max(1, Math.ceil(ms / 1000))) : 10;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Only a path on this site (never `//host` or a scheme): anything else retries the home page. */
export function sameSitePath(path: string): string {
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : '/';
}

export type UnavailablePage = 'compare' | 'product';

const COPY: Record<UnavailablePage, { title: string; heading: string; text: string }> = {
  compare: {
    title: '比价结果暂时无法显示',
    heading: '抱歉，比价结果暂时无法显示',
    text: '微店商品服务暂时繁忙，我们没能取到商品信息。请稍后点击“重试”。',
  },
  product: {
    title: '商品暂时无法显示',
    heading: '抱歉，这件商品暂时无法显示',
    text: '微店商品服务暂时繁忙，我们没能取到这件商品的信息。请稍后点击“重试”。',
  },
};

const STYLE = `
*{box-sizing:border-box}
html{color-scheme:light;-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;min-height:100dvh;display:flex;flex-direction:column;background:#faf9f7;color:#1c1b19;
font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Hiragino Sans GB","Source Han Sans SC",system-ui,sans-serif;
-webkit-font-smoothing:antialiased}
header{border-bottom:1px solid #e6e4df;background:#fff}
.bar{max-width:80rem;margin:0 auto;padding:.5rem 1rem;display:flex;align-items:center}
.brand{display:flex;align-items:center;gap:.5rem;min-height:44px;color:#1c1b19;text-decoration:none;font-weight:700;font-size:1.125rem}
.logo{display:grid;place-items:center;width:2.25rem;height:2.25rem;border-radius:.75rem;color:#fff;
background:linear-gradient(135deg,#f94d16,#e4393c)}
main{flex:1;padding:1rem}
.card{max-width:36rem;margin:2rem auto;display:flex;flex-direction:column;align-items:center;gap:1rem;padding:3rem 1.5rem;
text-align:center;background:#fff;border-radius:1rem;box-shadow:0 0 0 1px rgba(230,228,223,.7)}
h1{margin:0;font-size:1.25rem;font-weight:600}
p{margin:0;font-size:.875rem;color:#6b675f;line-height:1.6}
.actions{display:flex;flex-wrap:wrap;justify-content:center;gap:.5rem}
.btn{display:inline-flex;align-items:center;justify-content:center;min-height:44px;padding:0 1.5rem;border-radius:9999px;
font-size:.875rem;font-weight:500;text-decoration:none}
.primary{background:#d63a0a;color:#fff}.primary:hover{background:#bd300a}
.secondary{background:#fff;color:#45423d;box-shadow:0 0 0 1px #e6e4df}.secondary:hover{color:#ea330c}
a:focus-visible{outline:2px solid #f94d16;outline-offset:2px}
`;

/**
 * The page's HTML. `retryHref` is the request's own path and query (escaped here); the retry link is a plain
 * `<a href>`, so it works without JavaScript.
 */
export function renderUnavailablePage({ page, retryHref }: { page: UnavailablePage; retryHref: string }): string {
  const copy = COPY[page];
  const href = sameSitePath(retryHref);
  const home = href === '/' ? '' : '<a class="btn secondary" href="/">返回首页</a>';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="theme-color" content="#f94d16">
<title>${copy.title} · 比价</title>
<link rel="icon" href="/icon.svg">
<style>${STYLE}</style>
</head>
<body>
<header><div class="bar"><a class="brand" href="/" aria-label="比价 首页"><span class="logo" aria-hidden="true">比</span>比价</a></div></header>
<main id="main">
<div class="card" role="alert" data-testid="service-unavailable">
<svg aria-hidden="true" viewBox="0 0 48 48" width="56" height="56" fill="none" style="color:#fb713c"><circle cx="24" cy="24" r="20" stroke="currentColor" stroke-width="3"/><path d="M24 14v12" stroke="currentColor" stroke-width="3" stroke-linecap="round"/><circle cx="24" cy="33" r="2" fill="currentColor"/></svg>
<h1>${copy.heading}</h1>
<p>${copy.text}</p>
<p class="actions"><a class="btn primary" data-testid="unavailable-retry" href="${escapeHtml(href)}">重试</a>${home}</p>
</div>
</main>
</body>
</html>
`;
}

/** The whole answer: 503 with Retry-After, never cached, never indexed. */
export function unavailableResponse(options: { page: UnavailablePage; retryHref: string; error: unknown; head?: boolean }): Response {
  return new Response(options.head ? null : renderUnavailablePage(options), {
    status: 503,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'retry-after': String(retryAfterSeconds(options.error)),
      'x-robots-tag': 'noindex',
    },
  });
}
