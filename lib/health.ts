/**
 * /api/health: each dependency probed with a short deadline, reported as ok / degraded / down with its
 * latency. The site can serve without Redis (no shared cache) or the price API (Weidian prices only), so
 * those make it "degraded"; without Weidian or the database it is "down" (503).
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { getRedis } from './cache/redis';
import { getDb } from './db/client';
import { loadEnv } from './env';
import { getProviders } from './upstream/providers';

export type CheckStatus = 'ok' | 'degraded' | 'down';

export interface Check {
  status: CheckStatus;
  latencyMs: number;
  detail?: string;
}

export interface Health {
  status: CheckStatus;
  mode: 'sandbox' | 'live';
  /** When this round of probes started: an answer may be up to HEALTH_CACHE_MS old. */
  checkedAt: string;
  checks: Record<'redis' | 'database' | 'weidian' | 'priceApi', Check>;
}

const PROBE_TIMEOUT_MS = 2000;

async function probe(run: () => Promise<unknown>, whenFailing: CheckStatus): Promise<Check> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([run(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), PROBE_TIMEOUT_MS)))]);
    return { status: 'ok', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    // The error's name only: messages can carry hosts and ports.
    return { status: whenFailing, latencyMs: Math.round(performance.now() - started), detail: error instanceof Error ? error.name : 'error' };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * How long one round of probes answers every /api/health call. Monitors and load balancers poll often, and
 * each round spends a call of both upstreams' quotas and a database query; a few seconds old is still
 * current for a health check. Calls during a round share it.
 */
export const HEALTH_CACHE_MS = 5000;

const g = globalThis as typeof globalThis & { __bijiaHealth?: { key: string; at: number; result: Promise<Health> } };

/** The health of the site, from a round of probes at most HEALTH_CACHE_MS old (per configuration). */
export function checkHealth(now: number = Date.now()): Promise<Health> {
  const env = loadEnv();
  const key = JSON.stringify([env.sandbox, env.redisUrl, env.database, env.weidian.apiBase, env.priceApi.apiBase]);
  const last = g.__bijiaHealth;
  if (last && last.key === key && now >= last.at && now - last.at < HEALTH_CACHE_MS) return last.result;
  const result = probeAll(env, now);
  g.__bijiaHealth = { key, at: now, result };
  return result;
}

async function probeAll(env: ReturnType<typeof loadEnv>, now: number): Promise<Health> {
  const providers = getProviders();
  const [redis, database, weidian, priceApi] = await Promise.all([
    env.redisUrl ? probe(() => getRedis(env.redisUrl!).ping(), 'degraded') : Promise.resolve<Check>({ status: 'ok', latencyMs: 0, detail: 'not configured (in-process cache)' }),
    probe(async () => (await getDb()).execute(sql`select 1`), 'down'),
    probe(() => providers.weidian.listItems({ page: 1, pageSize: 1 }), 'down'),
    probe(() => providers.priceApi.searchAll({ category: 'books' }, 1), 'degraded'),
  ]);
  const checks = { redis, database, weidian, priceApi };
  const all = Object.values(checks).map((c) => c.status);
  const status: CheckStatus = all.includes('down') ? 'down' : all.includes('degraded') ? 'degraded' : 'ok';
  return { status, mode: env.sandbox ? 'sandbox' : 'live', checkedAt: new Date(now).toISOString(), checks };
}
