/**
 * Per-client-IP limits for the public /api/* route handlers (pages are not limited this way). Over the limit
 * a route answers 429 with `{error:{code:'rate_limited',message}}`, `Retry-After` and the IETF draft
 * `RateLimit-Limit` / `RateLimit-Remaining` / `RateLimit-Reset` headers (reset in seconds from now); allowed
 * answers carry the RateLimit-* headers too. See lib/quota/inbound.ts for how the client is identified and
 * docs/resilience.md for the defaults.
 */
import 'server-only';
import { getRedis } from '../cache/redis';
import { loadEnv } from '../env';
import { clientIp, createLocalLimiter, createRedisLimiter, type InboundLimiter, type LimitPolicy, type LimitResult } from '../quota/inbound';
import { ownUrl } from './origin';
import { jsonError } from './responses';
import { inRequestContext } from './request-context';

export type RateLimitPolicy = LimitPolicy;

const MINUTE = 60_000;

/** The default for public /api/* routes: API_RATE_LIMIT_PER_MINUTE per client IP, one counter for all of them. */
export const apiRateLimit = (): RateLimitPolicy => ({ name: 'api', limit: loadEnv().apiRateLimitPerMinute, windowMs: MINUTE });

/**
 * Login and callback, one counter: each login sets a sealed cookie and each callback spends a token-endpoint
 * call on Weidian. A person logs in a few times a day; AUTH_RATE_LIMIT_PER_MINUTE (20) is ten full logins.
 */
export const authRateLimit = (): RateLimitPolicy => ({ name: 'auth', limit: loadEnv().authRateLimitPerMinute, windowMs: MINUTE });

/** Starting an order sync (a DB read, a lock and up to a full trade/list walk): SYNC_RATE_LIMIT_PER_MINUTE (20). */
export const syncStartRateLimit = (): RateLimitPolicy => ({ name: 'sync', limit: loadEnv().syncRateLimitPerMinute, windowMs: MINUTE });

/**
 * The default limit on counters of their own: the sync panel polls its status every second (60/min per tab)
 * and monitors poll /api/health, neither of which should use up, or be refused for, a client's search budget.
 */
export const syncStatusRateLimit = (): RateLimitPolicy => ({ ...apiRateLimit(), name: 'sync-status' });
export const healthRateLimit = (): RateLimitPolicy => ({ ...apiRateLimit(), name: 'health' });

export interface RateLimitDeps {
  /** Default: the process's limiter (Redis when REDIS_URL is set). */
  limiter?: InboundLimiter;
  /** Default: VERCEL=1 from the environment. */
  onVercel?: boolean;
  /** The answer over the limit; default the JSON 429 (tooManyRequests). */
  limited?: (request: Request, result: LimitResult) => Response;
}

const g = globalThis as typeof globalThis & { __bijiaLocalLimiter?: InboundLimiter; __bijiaRedisLimiters?: Map<string, InboundLimiter> };

/** The process's limiter for `redisUrl`: one per process, so its outage warning is logged once, not per request. */
export function getInboundLimiter(redisUrl: string | null): InboundLimiter {
  const local = (g.__bijiaLocalLimiter ??= createLocalLimiter());
  if (!redisUrl) return local;
  const limiters = (g.__bijiaRedisLimiters ??= new Map());
  let limiter = limiters.get(redisUrl);
  if (!limiter) limiters.set(redisUrl, (limiter = createRedisLimiter(getRedis(redisUrl), local)));
  return limiter;
}

export function rateLimitHeaders(r: LimitResult): Record<string, string> {
  return {
    'RateLimit-Limit': String(r.limit),
    'RateLimit-Remaining': String(r.remaining),
    'RateLimit-Reset': String(Math.ceil(r.resetMs / 1000)),
  };
}

export function tooManyRequests(_request: Request, r: LimitResult): Response {
  const seconds = Math.max(1, Math.ceil(r.resetMs / 1000));
  return jsonError(429, 'rate_limited', `请求过于频繁，请 ${seconds} 秒后再试`, undefined, { ...rateLimitHeaders(r), 'Retry-After': String(seconds) });
}

/**
 * Over the limit on a route people reach by navigating (login, OAuth callback): a browser asking for HTML is
 * sent to the login page with the reason, which says so in Chinese, instead of a page of raw JSON; other
 * clients get the JSON 429.
 */
export function limitedToLoginPage(request: Request, r: LimitResult): Response {
  if (!(request.headers.get('accept') ?? '').includes('text/html')) return tooManyRequests(request, r);
  const seconds = Math.max(1, Math.ceil(r.resetMs / 1000));
  return new Response(null, {
    status: 303,
    headers: { location: String(ownUrl(request, '/login?error=rate_limited')), 'Retry-After': String(seconds), 'cache-control': 'no-store', ...rateLimitHeaders(r) },
  });
}

/** Adds headers, copying the response when its headers are immutable (e.g. one from fetch or Response.redirect). */
function withHeaders(response: Response, extra: Record<string, string>): Response {
  try {
    for (const [k, v] of Object.entries(extra)) response.headers.set(k, v);
    return response;
  } catch {
    const headers = new Headers(response.headers);
    for (const [k, v] of Object.entries(extra)) headers.set(k, v);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}

/**
 * Wraps a route handler: `export const GET = withRateLimit(async (request) => …)`. Extra handler
 * arguments (Next's `{ params }`) are passed through.
 */
export function withRateLimit<Args extends unknown[]>(
  handler: (request: Request, ...args: Args) => Response | Promise<Response>,
  policy: RateLimitPolicy | (() => RateLimitPolicy) = apiRateLimit,
  deps: RateLimitDeps = {},
): (request: Request, ...args: Args) => Promise<Response> {
  // In the request's log context too: every public route goes through here (lib/http/request-context.ts).
  return inRequestContext(async (request: Request, ...args: Args) => {
    const p = typeof policy === 'function' ? policy() : policy;
    const onVercel = deps.onVercel ?? loadEnv().onVercel;
    const limiter = deps.limiter ?? getInboundLimiter(loadEnv().redisUrl);
    const result = await limiter.hit(clientIp(request, onVercel), p);
    if (!result.allowed) return (deps.limited ?? tooManyRequests)(request, result);
    return withHeaders(await handler(request, ...args), rateLimitHeaders(result));
  });
}
