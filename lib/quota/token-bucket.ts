/**
 * Outbound quota: a token bucket per upstream, shared by every instance through Redis (docs/resilience.md).
 *
 * Refill, take and expiry happen in one Lua script on the Redis server, timed by the server's own clock
 * (`TIME`), so instances with skewed clocks still share one bucket and there is no read-then-write from Node.
 * A caller that finds the bucket empty reserves the next token if it will be free within its `maxWaitMs`
 * (the bucket goes negative, so waiters are served in order, one round trip each) and sleeps until then;
 * otherwise it fails at once with QuotaExceededError. Over any window of W seconds at most
 * `burst + ratePerSecond × W` calls go out.
 *
 * Keys look like `bijia:v1:{quota:weidian}:bucket`: the braces are a Redis Cluster hash tag, and the
 * script touches that one key only, so it runs unchanged on a cluster. Every write sets a TTL long enough
 * to refill the bucket completely (a missing key is a full bucket, so expiry never grants extra calls).
 *
 * With no Redis, or Redis down, each instance falls back to an in-process bucket with the same settings
 * (times `localShare`): the limit then holds per instance, not for the fleet (logged once per outage).
 */
import 'server-only';
import { createHash } from 'node:crypto';
import type Redis from 'ioredis';
import { getRedis, isRedisUsable } from '../cache/redis';
import { errorBrand } from '../brand';
import { loadEnv } from '../env';
import { moduleLogger } from '../log';

const quotaExceededBrand = errorBrand('QuotaExceededError');

export class QuotaExceededError extends Error {
  /** By brand, not prototype: the buckets are shared by separately bundled code (lib/brand.ts). */
  static [Symbol.hasInstance](value: unknown): value is QuotaExceededError {
    return quotaExceededBrand.test(value);
  }
  constructor(
    /** The bucket's name, e.g. 'weidian'. */
    readonly quota: string,
    /** When a token would have been free, from now. */
    readonly retryAfterMs: number,
  ) {
    super(`outbound quota ${quota} exhausted; next call possible in ${retryAfterMs} ms`);
    quotaExceededBrand.mark(this);
    this.name = 'QuotaExceededError';
  }
}

export interface TakeOptions {
  /** Longest the caller waits for a token before QuotaExceededError; 0 = fail at once. Default 250. */
  maxWaitMs?: number;
}

export interface TokenBucket {
  readonly name: string;
  /** Resolves once a token is ours (possibly after a bounded wait); throws QuotaExceededError otherwise. */
  take(opts?: TakeOptions): Promise<void>;
}

export interface TokenBucketOptions {
  /** Shared bucket in this Redis; unset → in-process only. */
  redis?: Redis | null;
  /** Upstream name; becomes the hash tag of the key. */
  name: string;
  /** Steady refill rate, tokens per second. */
  ratePerSecond: number;
  /** Bucket size: the most calls allowed back to back after a quiet spell. */
  burst: number;
  /** Clock of the in-process bucket, ms (tests inject one). The Redis bucket uses the server's clock. */
  now?: () => number;
  /** Sleep used while waiting for a reserved token (tests inject one). */
  sleep?: (ms: number) => Promise<void>;
  /** Fraction of rate and burst the in-process fallback allows (e.g. 1/instances); default 1. */
  localShare?: number;
}

export const DEFAULT_MAX_WAIT_MS = 250;

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Version of the quota and rate-limit keys. Deliberately not CACHE_VERSION: bumping the cache for a new
 * cached shape must not split the shared bucket between old and new instances during a rolling deploy.
 */
export const QUOTA_KEY_VERSION = 'v1';
export const quotaKey = (...parts: string[]) => `bijia:${QUOTA_KEY_VERSION}:${parts.join(':')}`;

/** The key of a bucket: `bijia:v1:{quota:<name>}:bucket`. */
export const bucketKey = (name: string) => quotaKey(`{quota:${name}}`, 'bucket');

/**
 * KEYS[1] bucket hash {tokens, ts}; ARGV rate (tokens/s), burst, maxWaitMs.
 * Returns {granted 0|1, waitMs}: granted with waitMs > 0 means "reserved, go after waitMs".
 */
export const TAKE_SCRIPT = `
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local maxWait = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1])
local ts = tonumber(state[2])
if tokens == nil or ts == nil then
  tokens = burst
  ts = now
end
if now > ts then
  tokens = math.min(burst, tokens + (now - ts) * rate / 1000)
  ts = now
end
local granted = 0
local wait = 0
if tokens >= 1 then
  granted = 1
  tokens = tokens - 1
else
  wait = math.ceil((1 - tokens) * 1000 / rate)
  if wait <= maxWait then
    granted = 1
    tokens = tokens - 1
  end
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(ts))
redis.call('PEXPIRE', KEYS[1], math.ceil(2000 * burst / rate + maxWait) + 1000)
return {granted, wait}
`;

/** EVALSHA with a fallback to EVAL when the server does not have the script cached yet. */
export async function runScript(client: Redis, script: string, keys: string[], args: (string | number)[]): Promise<unknown> {
  const sha = shaOf(script);
  try {
    return await client.evalsha(sha, keys.length, ...keys, ...args);
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('NOSCRIPT')) return client.eval(script, keys.length, ...keys, ...args);
    throw error;
  }
}
const shas = new Map<string, string>();
const shaOf = (script: string) => {
  let sha = shas.get(script);
  if (!sha) shas.set(script, (sha = createHash('sha1').update(script).digest('hex')));
  return sha;
};

/** One token bucket; shared through `redis` when given and reachable, in-process otherwise. */
export function createTokenBucket(options: TokenBucketOptions): TokenBucket {
  const { redis, name, ratePerSecond: rate, burst } = options;
  if (!(rate > 0) || !(burst >= 1)) throw new RangeError(`bucket ${name}: ratePerSecond must be > 0 and burst >= 1`);
  const sleep = options.sleep ?? realSleep;
  const share = options.localShare ?? 1;
  const local = createLocalState(Math.max(rate * share, Number.EPSILON), Math.max(1, Math.floor(burst * share)), options.now ?? Date.now);
  const key = bucketKey(name);
  let degraded = false;
  const fallBack = (why: string) => {
    if (!degraded) {
      moduleLogger('quota').warn({ event: 'redis_down', quota: name, reason: why }, 'Redis unavailable; using an in-process bucket, so the limit holds per instance only');
    }
    degraded = true;
  };

  return {
    name,
    async take(opts = {}) {
      const maxWaitMs = Math.max(0, opts.maxWaitMs ?? DEFAULT_MAX_WAIT_MS);
      let result: [granted: boolean, waitMs: number] | undefined;
      if (redis && isRedisUsable(redis)) {
        try {
          const reply = (await runScript(redis, TAKE_SCRIPT, [key], [rate, burst, maxWaitMs])) as [number, number];
          result = [reply[0] === 1, Number(reply[1])];
          if (degraded) moduleLogger('quota').info({ event: 'redis_back', quota: name }, 'Redis is back; the bucket is shared again');
          degraded = false;
        } catch (error) {
          fallBack(error instanceof Error ? error.message : String(error));
        }
      } else if (redis) {
        fallBack(`status ${redis.status}`);
      }
      result ??= local.take(maxWaitMs);
      const [granted, waitMs] = result;
      if (!granted) throw new QuotaExceededError(name, waitMs);
      if (waitMs > 0) await sleep(waitMs);
    },
  };
}

/** The same algorithm as TAKE_SCRIPT, in process memory. */
function createLocalState(rate: number, burst: number, now: () => number) {
  let tokens = burst;
  let ts = now();
  return {
    take(maxWaitMs: number): [boolean, number] {
      const t = now();
      if (t > ts) {
        tokens = Math.min(burst, tokens + ((t - ts) * rate) / 1000);
        ts = t;
      }
      if (tokens >= 1) {
        tokens -= 1;
        return [true, 0];
      }
      const wait = Math.ceil(((1 - tokens) * 1000) / rate);
      if (wait > maxWaitMs) return [false, wait];
      tokens -= 1;
      return [true, wait];
    },
  };
}

export type QuotaName = 'weidian' | 'price-api';

const g = globalThis as typeof globalThis & { __bijiaQuotas?: Map<QuotaName, TokenBucket> };

/**
 * The process's bucket for one upstream, from WEIDIAN_QUOTA_* / PRICE_API_QUOTA_* and REDIS_URL. Kept for the
 * life of the process so the in-process fallback keeps its state between calls.
 */
export function getUpstreamQuota(upstream: QuotaName): TokenBucket {
  const buckets = (g.__bijiaQuotas ??= new Map());
  let bucket = buckets.get(upstream);
  if (!bucket) {
    const env = loadEnv();
    const settings = upstream === 'weidian' ? env.quota.weidian : env.quota.priceApi;
    bucket = createTokenBucket({ redis: env.redisUrl ? getRedis(env.redisUrl) : null, name: upstream, ...settings });
    buckets.set(upstream, bucket);
  }
  return bucket;
}
