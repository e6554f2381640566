/**
 * Drives the sandbox's OAuth consent flow the way a browser would (GET the consent page, POST the form),
 * returning the authorization code. For tests that need a real merchant token from the sandbox.
 */
import { createHash, randomBytes } from 'node:crypto';

export const SANDBOX_CALLBACK = 'http://127.0.0.1/api/auth/callback';

export function pkcePair() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export async function consentCode(
  handler: (request: Request) => Promise<Response>,
  opts: { origin?: string; clientId: string; shopId: string; challenge: string; state?: string; redirectUri?: string },
): Promise<{ code: string; state: string }> {
  const origin = opts.origin ?? 'http://sandbox.test';
  const state = opts.state ?? randomBytes(16).toString('hex');
  const params = new URLSearchParams({
    client_id: opts.clientId,
    redirect_uri: opts.redirectUri ?? SANDBOX_CALLBACK,
    response_type: 'code',
    scope: 'trade.read',
    state,
    code_challenge: opts.challenge,
    code_challenge_method: 'S256',
  });
  const page = await handler(new Request(`${origin}/weidian/oauth2?${params}`));
  const html = await page.text();
  const requestId = /name="request_id" value="([^"]+)"/.exec(html)?.[1];
  const action = /id="consent-form" method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!requestId || !action) throw new Error(`no consent form (HTTP ${page.status})`);
  const form = new URLSearchParams({ request_id: requestId, merchant: opts.shopId, decision: 'approve' });
  const answer = await handler(
    new Request(new URL(action.replaceAll('&amp;', '&'), origin), { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
  );
  const location = answer.headers.get('location');
  const code = location ? new URL(location).searchParams.get('code') : null;
  if (!code) throw new Error(`consent did not return a code (HTTP ${answer.status}, ${location})`);
  return { code, state };
}
