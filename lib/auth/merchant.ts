/** The process's OAuth client and token service, built from the environment. */
import 'server-only';
import { getLocker } from '../cache/lock';
import { loadEnv } from '../env';
import { requestOrigin } from '../http/origin';
import { getUpstreamFetch } from '../upstream/providers';
import { createOAuthClient, type OAuthClient } from '../weidian/oauth';
import { getTokenStore } from './token-store';
import { createTokenService, type TokenService } from './tokens';

const g = globalThis as typeof globalThis & { __bijiaOAuth?: OAuthClient; __bijiaTokens?: TokenService };

export function getOAuthClient(): OAuthClient {
  const env = loadEnv();
  return (g.__bijiaOAuth ??= createOAuthClient({ ...env.oauth, fetch: getUpstreamFetch(), timeoutMs: env.weidian.timeoutMs }));
}

export function getTokenService(): TokenService {
  return (g.__bijiaTokens ??= createTokenService({ store: getTokenStore(), oauth: getOAuthClient(), locker: getLocker(loadEnv().redisUrl) }));
}

/** redirect_uri for this deployment: APP_URL when configured, else the origin the request came to. */
export function callbackUrl(request: Request): string {
  return `${requestOrigin(request)}/api/auth/callback`;
}
