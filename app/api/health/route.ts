/** Health of the site and each dependency (see lib/health.ts); 503 when it cannot serve. */
import { checkHealth } from '@/lib/health';
import { healthRateLimit, withRateLimit } from '@/lib/http/rate-limit';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Limited because every call probes both upstreams (spending their quotas); monitors poll far below the limit. */
async function handleGET() {
  const health = await checkHealth();
  return Response.json(health, { status: health.status === 'down' ? 503 : 200, headers: { 'cache-control': 'no-store' } });
}

export const GET = withRateLimit(handleGET, healthRateLimit);
