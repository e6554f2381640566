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
  const proto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() || url.protocol.replace(':', '');
  const scheme = proto === 'https' ? 'https' : 'http';
  const forwarded = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  return originOf(scheme, forwarded) ?? originOf(scheme, request.headers.get('host')) ?? `${scheme}://${url.host}`;
}

/**
 * `scheme://host` when `host` is a bare host[:port], else null. Clients can send any Host or X-Forwarded-Host
 * (off Vercel); one that is not a host (`a b`, `x/y`, `u@h`, non-ASCII junk) must not make `ownUrl` throw.
 */
function originOf(scheme: string, host: string | null | undefined): string | null {
  if (!host) return null;
  try {
    const u = new URL(`${scheme}://${host}`);
    return u.username || u.password || u.pathname !== '/' || u.search || u.hash ? null : u.origin;
  } catch {
    return null;
  }
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
