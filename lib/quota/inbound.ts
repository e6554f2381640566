/**
 * Inbound limits: a fixed window per client IP and policy, counted in Redis by one Lua script (INCR, and a
 * PEXPIRE on the window's first hit, so every key carries a TTL) and so shared by every instance. The window
 * starts at a client's first request and lasts `windowMs`; at the edge of two windows a client can get up
 * to twice the limit in a short span, which is accepted for a coarse abuse guard (docs/resilience.md).
 *
 * With no Redis, or Redis down, an in-process counter stands in: the limit then holds per instance
 * (logged once per outage). A Redis failure never fails a request.
 *
 * The client IP — see clientIp(): only on Vercel (VERCEL=1) do we know it, from the headers Vercel's edge
 * sets and overwrites. Anywhere else forwarded-for headers are whatever the client sent, and a Next.js
 * route handler has no socket address, so every client shares one key, 'local'.
 */
import 'server-only';
import { isIP } from 'node:net';
import type Redis from 'ioredis';
import { isRedisUsable } from '../cache/redis';
import { quotaKey, runScript } from './token-bucket';
import { moduleLogger } from '../log';

export interface LimitPolicy {
  /** Names the counter, so different policies count separately (e.g. 'api'). */
  name: string;
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

export interface LimitResult {
  allowed: boolean;
  limit: number;
  /** Requests left in this window after this one (0 when refused). */
  remaining: number;
  /** Until the window ends, ms. */
  resetMs: number;
}

export interface InboundLimiter {
  hit(key: string, policy: LimitPolicy): Promise<LimitResult>;
}

/** The fallback key when the client IP is not known (not on Vercel, or a missing/odd header). */
export const LOCAL_CLIENT = 'local';

/**
 * The client IP the way Vercel passes it: `x-vercel-forwarded-for`, else the first `x-forwarded-for` entry
 * (Vercel overwrites both with the address it saw, so a client cannot forge them there). Not on Vercel no
 * header is trusted — any client could send them — and, with no socket address in a route handler, the
 * constant 'local' is returned: all clients then share one limit.
 */
export function clientIp(request: Request, onVercel: boolean): string {
  if (!onVercel) return LOCAL_CLIENT;
  const raw = request.headers.get('x-vercel-forwarded-for') ?? request.headers.get('x-forwarded-for');
  const first = raw?.split(',')[0]?.trim() ?? '';
  return isIP(first) ? first.toLowerCase() : LOCAL_CLIENT;
}

/** `bijia:v1:{ratelimit:<policy>:<client>}`; the hash tag keeps the one-key script cluster-safe. */
export const limitKey = (policy: string, client: string) => quotaKey(`{ratelimit:${policy}:${client}}`);

/** KEYS[1] counter; ARGV windowMs, claim. Adds `claim` hits; returns {count, pttl}. */
export const HIT_SCRIPT = `
local n = redis.call('INCRBY', KEYS[1], tonumber(ARGV[2]))
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  ttl = tonumber(ARGV[1])
  redis.call('PEXPIRE', KEYS[1], ttl)
end
return {n, ttl}
`;

const toResult = (count: number, resetMs: number, limit: number): LimitResult => ({
  allowed: count <= limit,
  limit,
  remaining: Math.max(0, limit - count),
  resetMs: Math.max(0, resetMs),
});

/**
 * Hits an instance claims from the shared counter at a time: 1 for small limits (exact across instances),
 * a twentieth of the limit for large ones. Claimed hits are spent locally, so a busy client costs one Redis
 * round trip per `claim` requests rather than per request (bench/RESULTS.md, figure a); the price is that
 * hits claimed by one instance and not used by the window's end are lost to the others (at most
 * claim − 1 per instance and window), so the limit is never exceeded, only reached early.
 */
export const claimSize = (limit: number) => Math.max(1, Math.floor(limit / 20));

interface Lease {
  /** Claimed and not yet spent. */
  left: number;
  /** The counter after the last claim, capped at the limit: hits claimed by all instances. */
  claimed: number;
  resetAt: number;
}

export function createRedisLimiter(client: Redis, fallback: InboundLimiter = createLocalLimiter(), now: () => number = Date.now): InboundLimiter {
  let degraded = false;
  const fallBack = (why: string) => {
    if (!degraded) moduleLogger('ratelimit').warn({ event: 'redis_down', reason: why }, 'Redis unavailable; counting per instance until it is back');
    degraded = true;
  };
  const leases = new Map<string, Lease>();
  /** Claims in flight, so concurrent hits of one key wait for one round trip instead of each making one. */
  const claiming = new Map<string, Promise<Lease | null>>();

  async function claim(id: string, key: string, policy: LimitPolicy): Promise<Lease | null> {
    if (!isRedisUsable(client)) {
      fallBack(`status ${client.status}`);
      return null;
    }
    try {
      const size = claimSize(policy.limit);
      const [count, ttl] = (await runScript(client, HIT_SCRIPT, [limitKey(policy.name, key)], [policy.windowMs, size])) as [number, number];
      if (degraded) moduleLogger('ratelimit').info({ event: 'redis_back' }, 'Redis is back; limits are shared again');
      degraded = false;
      const n = Number(count);
      // Of the `size` hits just added, those at or under the limit are ours to spend.
      const granted = Math.max(0, Math.min(size, policy.limit - (n - size)));
      const lease = { left: granted, claimed: Math.min(n, policy.limit), resetAt: now() + Math.max(0, Number(ttl)) };
      if (leases.size >= 50_000) leases.clear(); // a flood of distinct clients: forget rather than grow
      leases.set(id, lease);
      return lease;
    } catch (error) {
      fallBack(error instanceof Error ? error.message : String(error));
      return null;
    }
  }

  return {
    async hit(key, policy) {
      const id = `${policy.name}\u0000${key}`;
      for (;;) {
        let lease = leases.get(id);
        if (!lease || lease.resetAt <= now()) {
          // A window already used up stays refused until it ends, without asking Redis again.
          let pending = claiming.get(id);
          if (!pending) {
            pending = claim(id, key, policy).finally(() => claiming.delete(id));
            claiming.set(id, pending);
          }
          lease = (await pending) ?? undefined;
          if (!lease) return fallback.hit(key, policy);
        }
        const resetMs = lease.resetAt - now();
        if (lease.left > 0) {
          lease.left--;
          return toResult(lease.claimed - lease.left, resetMs, policy.limit);
        }
        if (lease.claimed >= policy.limit) return toResult(policy.limit + 1, resetMs, policy.limit);
        // Spent, with the window not full: claim more (below, or wait for the claim another hit started).
        // Only this lease: a concurrent claim may already have put a fresh one in its place.
        if (leases.get(id) === lease) leases.delete(id);
      }
    },
  };
}

/** In-process fixed windows; expired entries are swept so memory stays bounded by clients per window. */
export function createLocalLimiter(now: () => number = Date.now, maxEntries = 50_000): InboundLimiter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  return {
    async hit(key, policy) {
      const t = now();
      const id = `${policy.name}\u0000${key}`;
      let w = windows.get(id);
      if (!w || w.resetAt <= t) {
        if (windows.size >= maxEntries) {
          for (const [k, v] of windows) if (v.resetAt <= t) windows.delete(k);
          if (windows.size >= maxEntries) windows.clear(); // a flood of distinct keys: forget rather than grow
        }
        w = { count: 0, resetAt: t + policy.windowMs };
        windows.set(id, w);
      }
      w.count++;
      return toResult(w.count, w.resetAt - t, policy.limit);
    },
  };
}
