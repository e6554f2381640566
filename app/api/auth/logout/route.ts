/**
 * Logout ends the session (POST only, from our own pages: a cross-site form or fetch is refused by the
 * Origin check, so no third party can log a merchant out). Stored tokens stay, so scheduled syncs go on;
 * the merchant can revoke the app on Weidian.
 */
import { NextResponse } from 'next/server';
import { getSession } from '@/lib/auth/session';
import { isSameOrigin, ownUrl } from '@/lib/http/origin';
import { withRateLimit } from '@/lib/http/rate-limit';
import { jsonError } from '@/lib/http/responses';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

async function handlePOST(request: Request) {
  if (!isSameOrigin(request)) return jsonError(403, 'cross_site', 'Cross-site request refused');
  const session = await getSession();
  session.destroy();
  return NextResponse.redirect(ownUrl(request, '/'), 303);
}

export const POST = withRateLimit(handlePOST);
