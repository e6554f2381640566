/**
 * The security headers of every response, in one pure module (no I/O, no env reads): the proxy (proxy.ts)
 * applies them to everything it sees, next.config.ts to the build assets it does not see. Why each
 * directive is there: docs/security.md.
 */

/** Which policy a response gets; see {@link contentSecurityPolicy}. */
export type PolicyKind = 'document' | 'api';

export interface DocumentPolicyOptions {
  /** Per-request nonce (base64) for the page's scripts; Next puts it on its own <script> tags. */
  nonce: string;
  /** `next dev`: React's dev tooling needs eval (call stacks, the overlay) and a websocket for HMR. */
  development: boolean;
  /**
   * Origins, besides our own, that a form on our pages may submit to or be redirected to after a submit
   * (Chromium applies form-action to the redirects that follow a form submission). The OAuth authorize
   * origin when it is not ours: login is a link today, but a form that starts it would then still work.
   */
  formActionOrigins?: readonly string[];
}

/** A nonce: 16 random bytes (128 bits), base64. Unguessable and new for every request. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

const join = (directives: Record<string, readonly string[]>) =>
  Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');

/**
 * The policy of an HTML page we render (and of anything else a browser might open as a document: public
 * files, Next's 404s):
 *
 * - `script-src 'nonce-…' 'strict-dynamic'`: only scripts carrying this request's nonce run (Next's inline
 *   bootstrap and its chunks), and whatever those load (`'strict-dynamic'`: Next adds chunk <script>s at run
 *   time). No 'unsafe-inline' for scripts: an injected `<script>` or `onerror=` never runs. `'self'` is
 *   ignored by browsers that know 'strict-dynamic' and is a fallback for those that do not.
 * - `style-src 'self' 'unsafe-inline'`: React renders `style={…}` props as style *attributes* (the history
 *   chart, next/image's `color:transparent`), and attributes cannot carry a nonce; the proxy's 503 page has an
 *   inline <style>. No nonce here on purpose: a nonce in style-src would make browsers ignore 'unsafe-inline'.
 *   Styles cannot run script; the remaining risk (CSS that reads attributes) needs injected markup, which
 *   React escapes.
 * - `img-src 'self' data: https:`: product images from our own origin and from https CDNs (components/safe-url.ts
 *   only lets https:// through); `data:` for tiny inline placeholders.
 * - `connect-src 'self'`: SWR polls our own /api only.
 * - `object-src 'none'`, `base-uri 'self'`, `frame-ancestors 'none'` (no plugins, no `<base>` hijack of
 *   relative URLs, no clickjacking), `form-action 'self'` + {@link DocumentPolicyOptions.formActionOrigins}.
 */
export function documentPolicy({ nonce, development, formActionOrigins = [] }: DocumentPolicyOptions): string {
  return join({
    'default-src': ["'self'"],
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'https:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...(development ? ['ws:'] : [])],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'", ...formActionOrigins],
    'frame-ancestors': ["'none'"],
  });
}

/**
 * JSON, redirects and build assets: nothing to load, nothing to run, never framed. A JSON answer opened as a
 * document (or a sniffed one) can do nothing.
 */
export const RESOURCE_POLICY = join({
  'default-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
});

/**
 * Feature policy: the site uses none of these, so no page (nor anything injected into one) may ask for them.
 */
export const PERMISSIONS_POLICY = [
  'accelerometer', 'autoplay', 'camera', 'display-capture', 'encrypted-media', 'fullscreen', 'geolocation',
  'gyroscope', 'magnetometer', 'microphone', 'midi', 'payment', 'picture-in-picture', 'publickey-credentials-get',
  'screen-wake-lock', 'serial', 'usb', 'xr-spatial-tracking', 'browsing-topics',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

/** One year; no includeSubDomains (other hosts of the deployer's domain are not ours to decide), no preload. */
export const HSTS = 'max-age=31536000';

/**
 * The headers every response carries besides the CSP. HSTS only in production (`next build` / `next start`):
 * on Vercel that is always https. A production server reached over plain http (the e2e run on
 * http://127.0.0.1) sends it too: browsers ignore HSTS received over http (RFC 6797 §8.1), so it is harmless
 * there, and one rule (the build's NODE_ENV) is simpler to reason about than guessing the scheme behind a proxy.
 */
export function staticSecurityHeaders({ production }: { production: boolean }): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': PERMISSIONS_POLICY,
    'x-frame-options': 'DENY',
    ...(production ? { 'strict-transport-security': HSTS } : {}),
  };
}

export interface ResponseContext {
  pathname: string;
  /** The request's Origin header. */
  origin: string | null;
  nonce: string;
  nodeEnv: 'development' | 'production' | 'test';
  corsAllowedOrigins: readonly string[];
  /** Where login sends the browser (a path on our origin in sandbox mode, Weidian's page otherwise). */
  authorizeUrl: string;
  /** The emulated Weidian's own page policy (sandbox/weidian/consent-page.ts), for /sandbox endpoints. */
  sandboxPolicy: string;
}

export const isApiPath = (pathname: string) => pathname === '/api' || pathname.startsWith('/api/');
/** The emulated Weidian and price API, not their static demo images under /sandbox/items/. */
const isSandboxEndpoint = (pathname: string) => pathname.startsWith('/sandbox/') && !pathname.startsWith('/sandbox/items/');

/**
 * Every header the proxy sets on an answer, by path: /api/* gets the resource policy and CORS; the sandbox's
 * endpoints keep the emulated Weidian's own page policy and send no referrer (its redirects carry the OAuth
 * code in the URL); everything else (pages, public files, 404s) the document policy with this request's nonce.
 */
export function responseHeaders(ctx: ResponseContext): Record<string, string> {
  const base = staticSecurityHeaders({ production: ctx.nodeEnv === 'production' });
  if (isApiPath(ctx.pathname)) return { ...base, 'content-security-policy': RESOURCE_POLICY, ...corsHeaders(ctx.origin, ctx.corsAllowedOrigins) };
  if (isSandboxEndpoint(ctx.pathname)) return { ...base, 'content-security-policy': ctx.sandboxPolicy, 'referrer-policy': 'no-referrer' };
  const formActionOrigins = /^https?:\/\//.test(ctx.authorizeUrl) ? [new URL(ctx.authorizeUrl).origin] : [];
  return { ...base, 'content-security-policy': documentPolicy({ nonce: ctx.nonce, development: ctx.nodeEnv === 'development', formActionOrigins }) };
}

/** Sets `headers` on `target`. */
export function applyHeaders(target: Headers, headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) target.set(name, value);
}

// ── CORS on /api/* ─────────────────────────────────────────────────────────────────────────────────────

/** What a cross-origin page may do: read our public GET answers. Never with credentials. */
export const CORS_ALLOWED_METHODS = 'GET, HEAD';
export const CORS_ALLOWED_HEADERS = 'Content-Type';
/** Preflight answers may be cached by the browser this long (seconds). */
export const CORS_MAX_AGE = '600';

/**
 * The CORS headers of an /api answer to a request from `origin`: a grant only for an origin on the list
 * (compared exactly: scheme, host and port). `Vary: Origin` always, so a shared cache never hands one
 * origin's answer to another. No `Access-Control-Allow-Credentials`: cookies (the merchant session) never
 * make a cross-origin read possible.
 */
export function corsHeaders(origin: string | null, allowed: readonly string[]): Record<string, string> {
  const granted = origin !== null && allowed.includes(origin);
  return granted ? { 'access-control-allow-origin': origin, vary: 'Origin' } : { vary: 'Origin' };
}

/** The answer to a preflight (`OPTIONS` with `Access-Control-Request-Method`): 204, granting only listed origins. */
export function preflightHeaders(origin: string | null, allowed: readonly string[]): Record<string, string> {
  const base = corsHeaders(origin, allowed);
  if (!base['access-control-allow-origin']) return { ...base, allow: `${CORS_ALLOWED_METHODS}, POST, OPTIONS` };
  return {
    ...base,
    allow: `${CORS_ALLOWED_METHODS}, POST, OPTIONS`,
    'access-control-allow-methods': CORS_ALLOWED_METHODS,
    'access-control-allow-headers': CORS_ALLOWED_HEADERS,
    'access-control-max-age': CORS_MAX_AGE,
  };
}
