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
import { jsonError } from './responses';

export type RateLimitPolicy = LimitPolicy;

/** The default for public /api/* routes: API_RATE_LIMIT_PER_MINUTE per client IP, one counter for all of them. */
export const apiRateLimit = (): RateLimitPolicy => ({ name: 'api', limit: loadEnv().apiRateLimitPerMinute, windowMs: 60_000 });

export interface RateLimitDeps {
  /** Default: the process's limiter (Redis when REDIS_URL is set). */
  limiter?: InboundLimiter;
  /** Default: VERCEL=1 from the environment. */
  onVercel?: boolean;
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

export function tooManyRequests(r: LimitResult): Response {
  const seconds = Math.max(1, Math.ceil(r.resetMs / 1000));
  return jsonError(429, 'rate_limited', `请求过于频繁，请 ${seconds} 秒后再试`, undefined, { ...rateLimitHeaders(r), 'Retry-After': String(seconds) });
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
  return async (request, ...args) => {
    const p = typeof policy === 'function' ? policy() : policy;
    const onVercel = deps.onVercel ?? loadEnv().onVercel;
    const limiter = deps.limiter ?? getInboundLimiter(loadEnv().redisUrl);
    const result = await limiter.hit(clientIp(request, onVercel), p);
    if (!result.allowed) return tooManyRequests(result);
    return withHeaders(await handler(request, ...args), rateLimitHeaders(result));
  };
}
