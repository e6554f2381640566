/**
 * OAuth callback: checks state (against the sealed cookie set by /api/auth/login), exchanges the code with
 * the PKCE verifier, stores the tokens on the server and sets the session cookie. Every failure lands on
 * /login with a reason code, never on an error page.
 */
import { NextResponse } from 'next/server';
import * as oauth from 'oauth4webapi';
import { getTokenStore } from '@/lib/auth/token-store';
import { getOAuthClient } from '@/lib/auth/merchant';
import { getSession, takePendingAuthorization } from '@/lib/auth/session';
import { ownUrl } from '@/lib/http/origin';
import { authRateLimit, limitedToLoginPage, withRateLimit } from '@/lib/http/rate-limit';
import { OAuthGrantError } from '@/lib/weidian/oauth';
import { moduleLogger } from '@/lib/log';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const toLogin = (request: Request, reason: string) => NextResponse.redirect(ownUrl(request, `/login?error=${reason}`), 303);

/**
 * What was wrong with a callback oauth4webapi refused: an `iss` naming another authorisation server (RFC
 * 9207: a mix-up attack, or a junk parameter), a state that does not match, or no code.
 */
function callbackProblem(error: oauth.OperationProcessingError, params: URLSearchParams, expectedState: string) {
  if (params.has('iss') && /"iss"/.test(error.message)) return 'issuer_mismatch';
  return params.get('state') !== expectedState ? 'state_mismatch' : 'missing_code';
}

async function handleGET(request: Request) {
  const params = new URL(request.url).searchParams;
  const pending = await takePendingAuthorization();
  if (!pending) return toLogin(request, 'expired');
  if (params.get('error') === 'access_denied') return toLogin(request, 'access_denied');
  try {
    const tokens = await getOAuthClient().finishAuthorization(params, pending);
    await getTokenStore().put(tokens);
    const session = await getSession();
    session.shopId = tokens.shopId;
    session.shopName = tokens.shopName;
    session.loginAt = new Date().toISOString();
    await session.save();
    return NextResponse.redirect(ownUrl(request, pending.returnTo), 303);
  } catch (error) {
    if (error instanceof oauth.AuthorizationResponseError) return toLogin(request, error.error === 'access_denied' ? 'access_denied' : 'denied');
    if (error instanceof oauth.OperationProcessingError) return toLogin(request, callbackProblem(error, params, pending.state));
    if (error instanceof OAuthGrantError) return toLogin(request, 'exchange_failed');
    moduleLogger('auth').error({ event: 'login_failed', error: error instanceof Error ? `${error.name}: ${error.message}` : 'unknown' }, 'login failed');
    return toLogin(request, 'unavailable');
  }
}

// Shares the login counter: a login is one request to each.
export const GET = withRateLimit(handleGET, authRateLimit, { limited: limitedToLoginPage });
