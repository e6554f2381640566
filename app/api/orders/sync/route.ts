/**
 * 立即同步: POST starts a sync of the logged-in merchant's orders and answers at once (202); the sync goes
 * on after the response (Next's after(), Vercel's waitUntil). GET reports progress for the progress bar.
 */
import { after } from 'next/server';
import { runMerchantSync } from '@/lib/auth/run-sync';
import { currentMerchant } from '@/lib/auth/session';
import { ReauthRequiredError } from '@/lib/auth/tokens';
import { LockBusyError } from '@/lib/cache/lock';
import { isSameOrigin } from '@/lib/http/origin';
import { syncStartRateLimit, syncStatusRateLimit, withRateLimit } from '@/lib/http/rate-limit';
import { jsonError } from '@/lib/http/responses';
import { getSyncState } from '@/lib/orders/queries';
import { UnknownMerchantError } from '@/lib/orders/sync';
import { toSyncStatus } from '@/lib/orders/sync-status';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';
// A sync of a large shop may take a while; Vercel stops the function after this many seconds.
export const maxDuration = 300;

/** Long enough for a second click's lock conflict to surface before we answer. */
const EARLY_FAILURE_WINDOW_MS = 300;

async function handlePOST(request: Request) {
  if (!isSameOrigin(request)) return jsonError(403, 'cross_site', 'Cross-site request refused');
  const merchant = await currentMerchant();
  if (!merchant) return jsonError(401, 'login_required', '请先登录');
  const run = runMerchantSync(merchant.shopId);
  const early = await Promise.race([
    run.then(() => 'done' as const, (error: unknown) => error),
    new Promise<'running'>((resolve) => setTimeout(() => resolve('running'), EARLY_FAILURE_WINDOW_MS)),
  ]);
  if (early instanceof LockBusyError) return jsonError(409, 'sync_running', '同步正在进行中');
  // No merchant row behind a live session (the database was reset or replaced): logging in again recreates it.
  if (early instanceof ReauthRequiredError || early instanceof UnknownMerchantError) return jsonError(401, 'session_expired', '微店授权已失效，请重新登录');
  if (early instanceof Error) return jsonError(502, 'sync_failed', '同步失败，请稍后重试');
  if (early === 'running') after(() => run.catch(() => undefined)); // failures are recorded and alerted by the sync itself
  return Response.json({ status: early === 'done' ? 'done' : 'started' }, { status: 202, headers: { 'cache-control': 'no-store' } });
}

async function handleGET() {
  const merchant = await currentMerchant();
  if (!merchant) return jsonError(401, 'login_required', '请先登录');
  return Response.json(toSyncStatus(await getSyncState(merchant.shopId)), { headers: { 'cache-control': 'no-store' } });
}

export const POST = withRateLimit(handlePOST, syncStartRateLimit);
export const GET = withRateLimit(handleGET, syncStatusRateLimit);
