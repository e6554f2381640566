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

export async function checkHealth(): Promise<Health> {
  const env = loadEnv();
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
  return { status, mode: env.sandbox ? 'sandbox' : 'live', checks };
}
