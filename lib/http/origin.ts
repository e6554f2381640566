/**
 * Our own origin for a request, and the CSRF check for state-changing routes.
 *
 * The origin is APP_URL when configured (production should set it); otherwise the Host the browser used
 * (`x-forwarded-host` behind Vercel's proxy) — not `request.url`, which Next may rewrite to `localhost`. A
 * forged Host only ever misleads the forger's own request: the OAuth server checks redirect_uri against its
 * registration, and the cookies are the browser's own.
 */
import { loadEnv } from '../env';

export function requestOrigin(request: Request): string {
  const configured = loadEnv().appUrl;
  if (configured) return configured;
  const url = new URL(request.url);
  const host = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() || request.headers.get('host') || url.host;
  const proto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() || url.protocol.replace(':', '');
  return `${proto === 'https' ? 'https' : 'http'}://${host}`;
}

/** An absolute URL on our own origin, for redirects. */
export const ownUrl = (request: Request, path: string) => new URL(path, requestOrigin(request));

/**
 * The browser's Origin header (or, failing that, Sec-Fetch-Site) must say the request comes from our own
 * origin. SameSite=Lax cookies already stop most cross-site POSTs; this closes the rest.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (origin) return origin === requestOrigin(request);
  // No Origin (some same-origin navigations): accept only what the browser itself marks same-origin.
  return request.headers.get('sec-fetch-site') === 'same-origin';
}
