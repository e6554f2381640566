/**
 * Weidian OAuth 2.0 authorization-code flow with PKCE (docs/weidian-api.md, "Merchant APIs"), through
 * oauth4webapi — a kept, spec-checked implementation — rather than hand-written token handling.
 */
import * as oauth from 'oauth4webapi';
import type { FetchLike } from '../upstream/http';

export interface OAuthConfig {
  /** Browser-facing authorize URL: absolute, or a path on our own origin (embedded sandbox). */
  authorizeUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  fetch: FetchLike;
  timeoutMs: number;
}

export interface MerchantTokens {
  accessToken: string;
  refreshToken: string;
  /** When the access token stops working (ISO-8601 UTC). */
  accessExpiresAt: string;
  scope: string;
  shopId: string;
  shopName: string;
}

/** The token endpoint refused: `invalid_grant` means the code or refresh token is spent, expired or revoked. */
export class OAuthGrantError extends Error {
  constructor(readonly error: string, message: string) {
    super(message);
    this.name = 'OAuthGrantError';
  }
}

export const MERCHANT_SCOPE = 'trade.read';

export function createOAuthClient(config: OAuthConfig) {
  const as: oauth.AuthorizationServer = { issuer: new URL(config.tokenUrl).origin, authorization_endpoint: config.authorizeUrl, token_endpoint: config.tokenUrl };
  const client: oauth.Client = { client_id: config.clientId };
  const clientAuth = oauth.ClientSecretPost(config.clientSecret);
  const options = () => ({
    [oauth.customFetch]: config.fetch as typeof fetch,
    // The sandbox runs on plain HTTP (in-process or on 127.0.0.1); real Weidian endpoints are https.
    [oauth.allowInsecureRequests]: new URL(config.tokenUrl).protocol === 'http:',
    signal: AbortSignal.timeout(config.timeoutMs),
  });

  const reshape = (r: oauth.TokenEndpointResponse, now: number): MerchantTokens => {
    if (!r.refresh_token || typeof r.expires_in !== 'number') throw new OAuthGrantError('invalid_response', 'token response lacks refresh_token or expires_in');
    const shopId = typeof r.shop_id === 'string' ? r.shop_id : String(r.shop_id ?? '');
    if (!/^\d+$/.test(shopId)) throw new OAuthGrantError('invalid_response', 'token response lacks shop_id');
    return {
      accessToken: r.access_token,
      refreshToken: r.refresh_token,
      accessExpiresAt: new Date(now + r.expires_in * 1000).toISOString(),
      scope: r.scope ?? MERCHANT_SCOPE,
      shopId,
      shopName: typeof r.shop_name === 'string' ? r.shop_name : '',
    };
  };

  const grantError = (error: unknown): never => {
    if (error instanceof oauth.ResponseBodyError) throw new OAuthGrantError(error.error, `token endpoint: ${error.error}`);
    throw error;
  };

  return {
    /** A fresh state + PKCE pair and the URL to send the browser to. */
    async beginAuthorization(redirectUri: string) {
      const state = oauth.generateRandomState();
      const codeVerifier = oauth.generateRandomCodeVerifier();
      const challenge = await oauth.calculatePKCECodeChallenge(codeVerifier);
      const params = new URLSearchParams({
        client_id: config.clientId,
        redirect_uri: redirectUri,
        response_type: 'code',
        scope: MERCHANT_SCOPE,
        state,
        code_challenge: challenge,
        code_challenge_method: 'S256',
      });
      return { state, codeVerifier, url: `${config.authorizeUrl}?${params}` };
    },

    /**
     * Checks the callback's state (oauth4webapi compares it) and error, then exchanges the code.
     * Throws AuthorizationResponseError (error=access_denied …), OperationProcessingError (state mismatch,
     * missing code) or OAuthGrantError (the exchange was refused).
     */
    async finishAuthorization(callbackParams: URLSearchParams, expected: { state: string; codeVerifier: string; redirectUri: string }, now = Date.now()) {
      const params = oauth.validateAuthResponse(as, client, callbackParams, expected.state);
      try {
        const response = await oauth.authorizationCodeGrantRequest(as, client, clientAuth, params, expected.redirectUri, expected.codeVerifier, options());
        return reshape(await oauth.processAuthorizationCodeResponse(as, client, response), now);
      } catch (error) {
        return grantError(error);
      }
    },

    async refresh(refreshToken: string, now = Date.now()) {
      try {
        const response = await oauth.refreshTokenGrantRequest(as, client, clientAuth, refreshToken, options());
        return reshape(await oauth.processRefreshTokenResponse(as, client, response), now);
      } catch (error) {
        return grantError(error);
      }
    },
  };
}

export type OAuthClient = ReturnType<typeof createOAuthClient>;
