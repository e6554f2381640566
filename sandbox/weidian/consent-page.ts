import 'server-only';

import { createHash } from 'node:crypto';

/**
 * The HTML of the sandbox authorization server: the consent page (授权页) and its error page. Self-contained:
 * one inline <style>, no scripts, no external URLs, every dynamic text HTML-escaped. Element ids and names are
 * stable for Playwright: form `#consent-form`, radios `name="merchant"` (value = shop_id), buttons `#approve`
 * and `#deny` (`name="decision"`, values `approve` / `deny`).
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const STYLE = `
:root{--brand:#e6393d;--brand-2:#ff6a3d;--ink:#1f2329;--muted:#5f6570;--line:#eceef1;--bg:#f5f6f8;--tint:#fff3f2}
*{box-sizing:border-box}
html,body{margin:0;padding:0}
body{min-height:100vh;background:var(--bg);color:var(--ink);font:15px/1.55 -apple-system,BlinkMacSystemFont,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif;-webkit-font-smoothing:antialiased}
.bar{display:flex;align-items:center;gap:10px;height:56px;padding:0 20px;background:linear-gradient(90deg,var(--brand),var(--brand-2));color:#fff}
.logo{display:inline-flex;align-items:center;justify-content:center;width:30px;height:30px;border-radius:8px;background:#fff;color:var(--brand);font-weight:700;font-size:17px}
.brand{font-weight:600;font-size:17px;letter-spacing:1px}
.sub{opacity:.9;font-size:14px;padding-left:10px;border-left:1px solid rgba(255,255,255,.45)}
.badge{margin-left:auto;font-size:12px;padding:2px 8px;border-radius:999px;background:rgba(255,255,255,.22)}
main{max-width:440px;margin:0 auto;padding:20px 16px 32px}
.card{background:#fff;border-radius:14px;box-shadow:0 1px 3px rgba(31,35,41,.06);padding:24px 20px}
.pair{display:flex;align-items:center;justify-content:center;gap:14px;margin-bottom:16px}
.icon{display:inline-flex;align-items:center;justify-content:center;width:56px;height:56px;border-radius:16px;font-size:24px;font-weight:700;color:#fff;background:#2f6bff}
.icon.wd{background:linear-gradient(135deg,var(--brand),var(--brand-2))}
.dots{color:var(--muted);letter-spacing:3px}
h1{margin:0;text-align:center;font-size:18px;font-weight:600}
.hint{margin:6px 0 0;text-align:center;color:var(--muted);font-size:13px;word-break:break-all}
h2{margin:22px 0 10px;font-size:14px;font-weight:600;color:var(--muted)}
.scopes{list-style:none;margin:0;padding:0}
.scopes li{position:relative;padding:9px 0 9px 28px;border-bottom:1px solid var(--line)}
.scopes li:last-child{border-bottom:0}
.scopes li::before{content:"";position:absolute;left:4px;top:15px;width:10px;height:6px;border-left:2px solid var(--brand);border-bottom:2px solid var(--brand);transform:rotate(-45deg)}
fieldset{margin:0;padding:0;border:0;min-width:0}
legend{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.merchant{display:flex;align-items:center;gap:12px;padding:12px;margin-bottom:10px;border:1px solid var(--line);border-radius:12px;cursor:pointer}
.merchant:has(input:checked){border-color:var(--brand);background:var(--tint)}
.merchant input{margin:0;width:18px;height:18px;accent-color:var(--brand);flex:none}
.avatar{display:inline-flex;align-items:center;justify-content:center;flex:none;width:40px;height:40px;border-radius:50%;background:#ffe4e1;color:var(--brand);font-weight:600}
.who{display:flex;flex-direction:column;min-width:0}
.shop{font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.login{color:var(--muted);font-size:13px;font-variant-numeric:tabular-nums}
.notice{margin:16px 0 0;padding:10px 12px;border-radius:10px;background:#fff1f0;color:#c4161c;font-size:14px}
.actions{display:flex;flex-direction:column;gap:10px;margin-top:22px}
button{appearance:none;width:100%;height:46px;border-radius:23px;font:inherit;font-size:16px;font-weight:600;cursor:pointer}
button.primary{border:0;color:#fff;background:linear-gradient(90deg,var(--brand),var(--brand-2))}
button.primary:active{filter:brightness(.94)}
button.secondary{border:1px solid var(--line);color:var(--ink);background:#fff}
button:focus-visible,.merchant:focus-within{outline:2px solid var(--brand);outline-offset:2px}
.legal{margin:16px 0 0;color:var(--muted);font-size:12px;text-align:center}
.error{text-align:center}
.error .mark{display:inline-flex;align-items:center;justify-content:center;width:56px;height:56px;border-radius:50%;background:#fff1f0;color:var(--brand);font-size:30px;font-weight:700;margin-bottom:12px}
.error p{margin:10px 0 0;color:var(--muted)}
.error code{display:inline-block;margin-top:14px;padding:4px 10px;border-radius:6px;background:var(--bg);color:var(--ink);font:13px/1.5 ui-monospace,SFMono-Regular,Menlo,monospace;word-break:break-all}
footer{text-align:center;color:var(--muted);font-size:12px;padding:0 16px 24px}
@media (min-width:600px){main{padding-top:48px}.card{padding:32px 32px 28px}}
`;

const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

/**
 * The policy of every sandbox page (and, through the app's proxy, of every /sandbox answer): nothing but the
 * page's own inline style, no framing. The consent form posts to this origin and is redirected to the app's
 * redirect_uri, which the sandbox accepts on its own origin or on a loopback host (oauth.ts,
 * isRegisteredRedirectUri); Chromium applies form-action to that redirect too, so those origins are listed
 * (CSP cannot name the IPv6 loopback `[::1]`: a redirect_uri there is refused by the browser, not by us).
 */
export const SANDBOX_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${STYLE_HASH}'`,
  "base-uri 'none'",
  "form-action 'self' http://localhost:* http://127.0.0.1:* https://localhost:* https://127.0.0.1:*",
  "frame-ancestors 'none'",
].join('; ');

/** The headers of every page: no caching, no framing (clickjacking), nothing but the inline style. */
export function htmlResponse(html: string, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(html, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': SANDBOX_PAGE_CSP,
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      ...headers,
    },
  });
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="bar"><span class="logo" aria-hidden="true">微</span><span class="brand">微店</span><span class="sub">开放平台</span><span class="badge">沙箱环境</span></header>
<main>
${body}
</main>
<footer>微店开放平台 · 沙箱环境（演示数据，非真实店铺）</footer>
</body>
</html>
`;
}

export interface ConsentPageView {
  appName: string;
  /** The requested scopes with their Chinese descriptions. */
  scopes: readonly { scope: string; label: string }[];
  merchants: readonly { shopId: string; shopName: string; maskedLogin: string }[];
  /** Pre-selected merchant (default: the first). */
  selectedShopId?: string;
  requestId: string;
  /** Where the browser goes afterwards (host of redirect_uri), shown to the user. */
  redirectHost: string;
  /** The form's action URL (an absolute path, e.g. `/sandbox/weidian/oauth2/consent`). */
  formAction: string;
  /** A problem with the previous submission, shown above the buttons. */
  notice?: string;
}

export function renderConsentPage(view: ConsentPageView): string {
  const selected = view.selectedShopId ?? view.merchants[0]?.shopId;
  const scopes = view.scopes
    .map((s) => `<li data-scope="${escapeHtml(s.scope)}">${escapeHtml(s.label)}</li>`)
    .join('\n        ');
  const merchants = view.merchants
    .map((m) => {
      const id = `merchant-${m.shopId}`;
      return `<label class="merchant" for="${escapeHtml(id)}">
          <input type="radio" id="${escapeHtml(id)}" name="merchant" value="${escapeHtml(m.shopId)}"${m.shopId === selected ? ' checked' : ''}>
          <span class="avatar" aria-hidden="true">${escapeHtml(Array.from(m.shopName)[0] ?? '店')}</span>
          <span class="who"><span class="shop">${escapeHtml(m.shopName)}</span><span class="login">${escapeHtml(m.maskedLogin)}</span></span>
        </label>`;
    })
    .join('\n        ');
  const notice = view.notice ? `\n      <p class="notice" role="alert">${escapeHtml(view.notice)}</p>` : '';
  const appInitial = escapeHtml(Array.from(view.appName)[0] ?? '应');
  return page(
    `授权${view.appName}访问微店`,
    `<section class="card">
      <div class="pair" aria-hidden="true"><span class="icon">${appInitial}</span><span class="dots">···</span><span class="icon wd">微</span></div>
      <h1><strong>${escapeHtml(view.appName)}</strong> 申请访问你的微店</h1>
      <p class="hint">授权后将返回 ${escapeHtml(view.redirectHost)}</p>
      <form id="consent-form" method="post" action="${escapeHtml(view.formAction)}">
        <input type="hidden" name="request_id" value="${escapeHtml(view.requestId)}">
        <h2>该应用将获得以下权限</h2>
        <ul class="scopes">
        ${scopes}
        </ul>
        <h2>选择要授权的店铺账号</h2>
        <fieldset>
        <legend>店铺账号</legend>
        ${merchants}
        </fieldset>${notice}
        <div class="actions">
          <button type="submit" id="approve" class="primary" name="decision" value="approve">授权</button>
          <button type="submit" id="deny" class="secondary" name="decision" value="deny">取消</button>
        </div>
      </form>
      <p class="legal">授权即表示你同意该应用按《微店开放平台服务协议》使用上述信息。你可以随时在微店店长版「设置 → 授权管理」中取消授权。</p>
    </section>`,
  );
}

export interface ErrorPageView {
  title: string;
  message: string;
  /** Technical detail (e.g. the OAuth error and the offending value), shown in monospace. */
  detail?: string;
}

export function renderErrorPage(view: ErrorPageView): string {
  const detail = view.detail ? `\n      <code>${escapeHtml(view.detail)}</code>` : '';
  return page(
    `${view.title} - 微店开放平台`,
    `<section class="card error" id="oauth-error">
      <div class="mark" aria-hidden="true">!</div>
      <h1>${escapeHtml(view.title)}</h1>
      <p>${escapeHtml(view.message)}</p>${detail}
    </section>`,
  );
}
