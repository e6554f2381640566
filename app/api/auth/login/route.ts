/** Starts the merchant login: state + PKCE verifier into a short-lived sealed cookie, then off to consent. */
import { NextResponse } from 'next/server';
import { callbackUrl, getOAuthClient } from '@/lib/auth/merchant';
import { safeReturnTo } from '@/lib/auth/return-to';
import { setPendingAuthorization } from '@/lib/auth/session';
import { ownUrl } from '@/lib/http/origin';
import { authRateLimit, limitedToLoginPage, withRateLimit } from '@/lib/http/rate-limit';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

async function handleGET(request: Request) {
  const returnTo = safeReturnTo(new URL(request.url).searchParams.get('returnTo'));
  const redirectUri = callbackUrl(request);
  const { state, codeVerifier, url } = await getOAuthClient().beginAuthorization(redirectUri);
  await setPendingAuthorization({ state, codeVerifier, redirectUri, returnTo });
  return NextResponse.redirect(ownUrl(request, url), 302);
}

export const GET = withRateLimit(handleGET, authRateLimit, { limited: limitedToLoginPage });
