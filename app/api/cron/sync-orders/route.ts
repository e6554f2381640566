/**
 * Vercel Cron (vercel.json) calls this with `Authorization: Bearer ${CRON_SECRET}`: an incremental sync of
 * every merchant that has authorized us, one after another. Without CRON_SECRET the route does not exist.
 */
import { timingSafeEqual } from 'node:crypto';
import { runMerchantSync } from '@/lib/auth/run-sync';
import { LockBusyError } from '@/lib/cache/lock';
import { loadEnv } from '@/lib/env';
import { jsonError } from '@/lib/http/responses';
import { listAuthorizedShops } from '@/lib/auth/token-store';
import { inRequestContext } from '@/lib/http/request-context';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';
export const maxDuration = 300;

function authorized(request: Request, secret: string): boolean {
  const given = Buffer.from(request.headers.get('authorization') ?? '');
  const expected = Buffer.from(`Bearer ${secret}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

// Not rate-limited: without the secret it does no work, and off Vercel every client shares one counter, so
// public traffic could otherwise make the scheduled sync answer 429 and skip a run.
async function handleGET(request: Request) {
  const secret = loadEnv().cronSecret;
  if (!secret) return jsonError(404, 'not_found', 'Not found');
  if (!authorized(request, secret)) return jsonError(401, 'unauthorized', 'Bad or missing cron secret');
  const results: { shopId: string; outcome: 'ok' | 'busy' | 'failed'; orders?: number }[] = [];
  for (const shopId of await listAuthorizedShops()) {
    try {
      const r = await runMerchantSync(shopId);
      results.push({ shopId, outcome: 'ok', orders: r.orders });
    } catch (error) {
      // The sync itself logged and alerted; one merchant's failure must not stop the others.
      results.push({ shopId, outcome: error instanceof LockBusyError ? 'busy' : 'failed' });
    }
  }
  return Response.json({ results }, { headers: { 'cache-control': 'no-store' } });
}

/** Not rate limited (the secret gates it), but logged in its request's context like every route. */
export const GET = inRequestContext(handleGET);
