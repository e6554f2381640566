import 'server-only';

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

import { SANDBOX_WEIDIAN_REDIRECT_PATH } from '../credentials';
import { jsonResponse } from '../http';
import type { SandboxMerchant } from '../merchants';
import { htmlResponse, renderConsentPage, renderErrorPage } from './consent-page';

/**
 * The Weidian OAuth 2.0 authorization server emulator (docs/weidian-api.md, "Merchant APIs"): the
 * authorization-code flow of RFC 6749 with PKCE (S256 only) and `state`, hardened per RFC 9700.
 *
 * - `GET …/oauth2` validates the authorization request and shows the consent page. The validated request is
 *   kept here under a random `request_id`; the form posts only request_id + merchant + decision.
 * - `POST …/oauth2/consent` answers the form: 302 to redirect_uri with `code` + `state`, or `error=access_denied`.
 * - `POST …/oauth2/token` exchanges codes and rotates refresh tokens (client_secret_post).
 * - {@link WeidianOAuth.verifyAccessToken} is the resource server's view of a bearer token (trade/list).
 *
 * All state (pending requests, codes, grants, tokens) lives in this object, i.e. in memory, per process:
 * a restarted sandbox forgets every token; two processes do not share them.
 */

export const OAUTH_SCOPES = {
  'trade.read': '读取店铺订单',
  'item.read': '读取商品信息',
} as const;
export type OAuthScope = keyof typeof OAUTH_SCOPES;
const DEFAULT_SCOPE: OAuthScope = 'trade.read';

/** Lifetime of an authorization code. */
export const AUTHORIZATION_CODE_TTL_SECONDS = 300;
/** How long the consent page may stay open before its request_id is forgotten. */
export const CONSENT_REQUEST_TTL_SECONDS = 600;
export const DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 7_200;
export const DEFAULT_REFRESH_TOKEN_TTL_SECONDS = 30 * 86_400;

/** The path every registered redirect_uri must have (docs/weidian-api.md §1). */
const REDIRECT_PATH = SANDBOX_WEIDIAN_REDIRECT_PATH;
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

const MAX_PENDING_REQUESTS = 10_000;
/** Used codes and expired access tokens are remembered this long (replay detection; 10011 vs 10012). */
const RETENTION_MS = 86_400_000;

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
  /** Shown on the consent page. */
  name: string;
}

export interface WeidianOAuthOptions {
  clients: readonly OAuthClient[];
  merchants: readonly SandboxMerchant[];
  now: () => number;
  accessTokenTtlSeconds?: number;
  refreshTokenTtlSeconds?: number;
}

export type AccessTokenCheck =
  | { ok: true; shopId: string; scopes: readonly OAuthScope[] }
  | { ok: false; reason: 'expired' | 'invalid' };

export interface WeidianOAuth {
  authorize(request: Request): Promise<Response>;
  consent(request: Request): Promise<Response>;
  token(request: Request): Promise<Response>;
  verifyAccessToken(token: string): AccessTokenCheck;
  /** Every token pair issued so far, oldest first (the sandbox's `…/__tokens` test view; handler.ts). */
  issuedTokens(): readonly IssuedTokens[];
}

export interface IssuedTokens {
  shopId: string;
  accessToken: string;
  refreshToken: string;
}

interface PendingRequest {
  client: OAuthClient;
  redirectUri: string;
  state: string;
  codeChallenge: string;
  scopes: OAuthScope[];
  expiresAt: number;
}

interface Grant {
  clientId: string;
  shopId: string;
  /** The scopes the merchant consented to (refresh tokens keep them). */
  scopes: OAuthScope[];
  revoked: boolean;
}

interface CodeRecord {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  scopes: OAuthScope[];
  shopId: string;
  expiresAt: number;
  used: boolean;
  /** The grant created by its exchange (revoked if the code is replayed). */
  grant?: Grant;
}

interface AccessTokenRecord {
  grant: Grant;
  scopes: OAuthScope[];
  expiresAt: number;
}

interface RefreshTokenRecord {
  grant: Grant;
  expiresAt: number;
  used: boolean;
}

const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');
const base64urlSha256 = (text: string): string => createHash('sha256').update(text, 'ascii').digest('base64url');

function safeEqual(a: string, b: string): boolean {
  const x = createHash('sha256').update(a).digest();
  const y = createHash('sha256').update(b).digest();
  return timingSafeEqual(x, y) && a === b;
}

/** `application/x-www-form-urlencoded`, ignoring parameters such as `charset`. */
function isFormBody(request: Request): boolean {
  const type = request.headers.get('content-type') ?? '';
  return type.split(';')[0]!.trim().toLowerCase() === 'application/x-www-form-urlencoded';
}

/** Parameters as a null-prototype record, or the first repeated name. */
function uniqueParams(search: URLSearchParams): { params: Record<string, string>; repeated?: string } {
  const params: Record<string, string> = Object.create(null) as Record<string, string>;
  let repeated: string | undefined;
  for (const [key, value] of search) {
    if (Object.hasOwn(params, key)) repeated ??= key;
    else params[key] = value;
  }
  return { params, repeated };
}

/** Space-separated scopes; null if one is unknown. Empty means the default. Duplicates collapse. */
function parseScopes(raw: string | undefined): OAuthScope[] | null {
  const names = (raw ?? '').split(' ').filter(Boolean);
  if (names.length === 0) return [DEFAULT_SCOPE];
  const scopes: OAuthScope[] = [];
  for (const name of names) {
    if (!Object.hasOwn(OAUTH_SCOPES, name)) return null;
    if (!scopes.includes(name as OAuthScope)) scopes.push(name as OAuthScope);
  }
  return scopes;
}

/**
 * A registered redirect URI of the sandbox app: http(s), path exactly /api/auth/callback, no user info, query
 * or fragment, in canonical form, on a loopback host or on the authorization server's own origin.
 */
function isRegisteredRedirectUri(raw: string, ownOrigin: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.href !== raw || url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') return false;
  if (raw.includes('?') || raw.includes('#')) return false;
  if (url.pathname !== REDIRECT_PATH) return false;
  return LOOPBACK_HOSTS.has(url.hostname) || url.origin === ownOrigin;
}

function redirect(to: string, params: Record<string, string | undefined>): Response {
  const url = new URL(to);
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value);
  return new Response(null, {
    status: 302,
    headers: { location: url.href, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' },
  });
}

const errorPage = (status: number, title: string, message: string, detail?: string, headers?: Record<string, string>): Response =>
  htmlResponse(renderErrorPage({ title, message, detail }), status, headers);

/** RFC 6749 §5.2 error from the token endpoint. */
function tokenError(error: string, description: string, status = 400, headers: Record<string, string> = {}): Response {
  return jsonResponse({ error, error_description: description }, status, { pragma: 'no-cache', ...headers });
}

class AuthorizeRedirectError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
  }
}

export function createWeidianOAuth(options: WeidianOAuthOptions): WeidianOAuth {
  const { now } = options;
  const accessTtlMs = (options.accessTokenTtlSeconds ?? DEFAULT_ACCESS_TOKEN_TTL_SECONDS) * 1000;
  const refreshTtlMs = (options.refreshTokenTtlSeconds ?? DEFAULT_REFRESH_TOKEN_TTL_SECONDS) * 1000;
  const clients = new Map(options.clients.map((c) => [c.clientId, c]));
  const merchants = new Map(options.merchants.map((m) => [m.shopId, m]));

  const pending = new Map<string, PendingRequest>();
  const codes = new Map<string, CodeRecord>();
  const accessTokens = new Map<string, AccessTokenRecord>();
  const refreshTokens = new Map<string, RefreshTokenRecord>();
  const issued: IssuedTokens[] = [];

  let lastPrune = -Infinity;
  function prune(): void {
    const t = now();
    if (t - lastPrune < 60_000) return;
    lastPrune = t;
    for (const [id, p] of pending) if (p.expiresAt <= t) pending.delete(id);
    for (const [code, c] of codes) if (c.expiresAt + RETENTION_MS <= t) codes.delete(code);
    for (const [token, a] of accessTokens) if (a.expiresAt + RETENTION_MS <= t) accessTokens.delete(token);
    for (const [token, r] of refreshTokens) if (r.expiresAt <= t) refreshTokens.delete(token);
  }

  function issueTokens(grant: Grant, scopes: OAuthScope[]): Response {
    const t = now();
    const accessToken = `wdat_${randomToken()}`;
    const refreshToken = `wdrt_${randomToken()}`;
    accessTokens.set(accessToken, { grant, scopes, expiresAt: t + accessTtlMs });
    refreshTokens.set(refreshToken, { grant, expiresAt: t + refreshTtlMs, used: false });
    issued.push({ shopId: grant.shopId, accessToken, refreshToken });
    if (issued.length > MAX_PENDING_REQUESTS) issued.shift();
    return jsonResponse(
      {
        access_token: accessToken,
        token_type: 'Bearer',
        expires_in: accessTtlMs / 1000,
        refresh_token: refreshToken,
        scope: scopes.join(' '),
        shop_id: grant.shopId,
        shop_name: merchants.get(grant.shopId)?.shopName ?? '',
      },
      200,
      { pragma: 'no-cache' },
    );
  }

  function consentPage(request: Request, requestId: string, p: PendingRequest, status = 200, notice?: string, selected?: string): Response {
    // The form posts to …/oauth2/consent under the same prefix as the page (an absolute path).
    const path = new URL(request.url).pathname;
    const formAction = path.endsWith('/consent') ? path : `${path}/consent`;
    const html = renderConsentPage({
      appName: p.client.name,
      scopes: p.scopes.map((scope) => ({ scope, label: OAUTH_SCOPES[scope] })),
      merchants: options.merchants,
      selectedShopId: selected,
      requestId,
      redirectHost: new URL(p.redirectUri).host,
      formAction,
      notice,
    });
    return htmlResponse(html, status);
  }

  // ── GET …/oauth2 ──────────────────────────────────────────────────────────────────────────────────────

  async function authorize(request: Request): Promise<Response> {
    if (request.method !== 'GET') {
      return errorPage(405, '请求方式错误', '授权页只接受 GET 请求。', `HTTP ${request.method}`, { allow: 'GET' });
    }
    prune();
    const url = new URL(request.url);
    const q = url.searchParams;

    // 1. Errors in client_id / redirect_uri: our own error page, never a redirect.
    const clientIds = q.getAll('client_id');
    if (clientIds.length !== 1 || clientIds[0] === '') {
      return errorPage(400, '授权请求无效', clientIds.length > 1 ? '参数 client_id 重复。' : '缺少参数 client_id。', 'invalid_request: client_id');
    }
    const client = clients.get(clientIds[0]!);
    if (!client) return errorPage(400, '应用不存在', '该应用未在微店开放平台注册，无法授权。', `unknown client_id: ${clientIds[0]!}`);
    const redirectUris = q.getAll('redirect_uri');
    if (redirectUris.length !== 1 || redirectUris[0] === '') {
      return errorPage(400, '授权请求无效', redirectUris.length > 1 ? '参数 redirect_uri 重复。' : '缺少参数 redirect_uri。', 'invalid_request: redirect_uri');
    }
    const redirectUri = redirectUris[0]!;
    if (!isRegisteredRedirectUri(redirectUri, url.origin)) {
      return errorPage(400, '回调地址未注册', '该应用提供的回调地址（redirect_uri）与注册的不一致，已停止授权。', `invalid_request: redirect_uri=${redirectUri}`);
    }

    // 2. Everything else is reported to the (now trusted) redirect_uri, with the state when there is one.
    const { params, repeated } = uniqueParams(q);
    const state = q.getAll('state').length === 1 ? params.state : undefined;
    try {
      if (repeated) throw new AuthorizeRedirectError('invalid_request', `parameter ${repeated} given more than once`);
      if (!params.response_type) throw new AuthorizeRedirectError('invalid_request', 'missing required parameter: response_type');
      if (params.response_type !== 'code') {
        throw new AuthorizeRedirectError('unsupported_response_type', `response_type must be "code", not "${params.response_type}"`);
      }
      if (!state) throw new AuthorizeRedirectError('invalid_request', 'missing required parameter: state');
      if (state.length < 16 || state.length > 512 || !/^[\x20-\x7e]+$/.test(state)) {
        throw new AuthorizeRedirectError('invalid_request', 'state must be 16–512 printable ASCII characters');
      }
      const method = params.code_challenge_method;
      if (!method) throw new AuthorizeRedirectError('invalid_request', 'missing required parameter: code_challenge_method (S256)');
      if (method !== 'S256') throw new AuthorizeRedirectError('invalid_request', `code_challenge_method must be S256, not "${method}"`);
      const challenge = params.code_challenge;
      if (!challenge) throw new AuthorizeRedirectError('invalid_request', 'missing required parameter: code_challenge');
      if (!/^[A-Za-z0-9_-]{43}$/.test(challenge)) {
        throw new AuthorizeRedirectError('invalid_request', 'code_challenge must be BASE64URL(SHA256(code_verifier)): 43 characters');
      }
      const scopes = parseScopes(params.scope);
      if (!scopes) {
        throw new AuthorizeRedirectError('invalid_scope', `unknown scope in "${params.scope ?? ''}"; known: ${Object.keys(OAUTH_SCOPES).join(', ')}`);
      }

      const requestId = randomToken(18);
      const record: PendingRequest = {
        client,
        redirectUri,
        state,
        codeChallenge: challenge,
        scopes,
        expiresAt: now() + CONSENT_REQUEST_TTL_SECONDS * 1000,
      };
      pending.set(requestId, record);
      while (pending.size > MAX_PENDING_REQUESTS) pending.delete(pending.keys().next().value!);
      return consentPage(request, requestId, record);
    } catch (error) {
      if (!(error instanceof AuthorizeRedirectError)) throw error;
      return redirect(redirectUri, { error: error.error, error_description: error.description, state });
    }
  }

  // ── POST …/oauth2/consent ─────────────────────────────────────────────────────────────────────────────

  async function consent(request: Request): Promise<Response> {
    if (request.method !== 'POST') {
      return errorPage(405, '请求方式错误', '请在授权页上点击「授权」或「取消」。', `HTTP ${request.method}`, { allow: 'POST' });
    }
    if (!isFormBody(request)) return errorPage(400, '授权请求无效', '表单格式错误。', 'invalid_request: content-type');
    const form = new URLSearchParams(await request.text());
    const requestId = form.get('request_id') ?? '';
    const p = pending.get(requestId);
    if (!p || p.expiresAt <= now()) {
      if (p) pending.delete(requestId);
      return errorPage(400, '授权请求已失效', '该授权请求不存在、已完成或已过期，请返回应用重新发起授权。', 'invalid_request: request_id');
    }
    const decision = form.get('decision');
    if (decision === 'deny') {
      pending.delete(requestId);
      return redirect(p.redirectUri, { error: 'access_denied', state: p.state });
    }
    const shopId = form.get('merchant') ?? '';
    if (decision !== 'approve') return consentPage(request, requestId, p, 400, '请点击「授权」或「取消」。', shopId);
    if (!merchants.has(shopId)) return consentPage(request, requestId, p, 400, '请选择要授权的店铺账号。');

    pending.delete(requestId);
    const code = randomToken();
    codes.set(code, {
      clientId: p.client.clientId,
      redirectUri: p.redirectUri,
      codeChallenge: p.codeChallenge,
      scopes: p.scopes,
      shopId,
      expiresAt: now() + AUTHORIZATION_CODE_TTL_SECONDS * 1000,
      used: false,
    });
    return redirect(p.redirectUri, { code, state: p.state });
  }

  // ── POST …/oauth2/token ───────────────────────────────────────────────────────────────────────────────

  function authorizationCodeGrant(client: OAuthClient, params: Record<string, string>): Response {
    for (const name of ['code', 'redirect_uri', 'code_verifier']) {
      if (!params[name]) return tokenError('invalid_request', `missing required parameter: ${name}`);
    }
    const { code, redirect_uri: redirectUri, code_verifier: verifier } = params as Record<'code' | 'redirect_uri' | 'code_verifier', string>;
    if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier)) {
      return tokenError('invalid_request', 'code_verifier must be 43–128 characters of [A-Z a-z 0-9 - . _ ~]');
    }
    const record = codes.get(code);
    if (!record || record.clientId !== client.clientId) return tokenError('invalid_grant', 'authorization code is invalid');
    if (record.used) {
      // RFC 6749 §4.1.2: a replayed code revokes what was issued from it.
      if (record.grant) record.grant.revoked = true;
      return tokenError('invalid_grant', 'authorization code was already used; the tokens issued from it are revoked');
    }
    // One exchange attempt only, successful or not.
    record.used = true;
    if (now() >= record.expiresAt) return tokenError('invalid_grant', 'authorization code expired');
    if (redirectUri !== record.redirectUri) return tokenError('invalid_grant', 'redirect_uri does not match the authorization request');
    if (!safeEqual(base64urlSha256(verifier), record.codeChallenge)) {
      return tokenError('invalid_grant', 'code_verifier does not match the code_challenge (PKCE S256)');
    }
    const grant: Grant = { clientId: client.clientId, shopId: record.shopId, scopes: record.scopes, revoked: false };
    record.grant = grant;
    return issueTokens(grant, record.scopes);
  }

  function refreshTokenGrant(client: OAuthClient, params: Record<string, string>): Response {
    const token = params.refresh_token;
    if (!token) return tokenError('invalid_request', 'missing required parameter: refresh_token');
    const requested = params.scope === undefined || params.scope === '' ? null : parseScopes(params.scope);
    if (requested === null && params.scope) return tokenError('invalid_scope', `unknown scope in "${params.scope}"`);
    const record = refreshTokens.get(token);
    if (!record || record.grant.clientId !== client.clientId) return tokenError('invalid_grant', 'refresh token is invalid');
    if (record.grant.revoked) return tokenError('invalid_grant', 'refresh token was revoked');
    if (record.used) {
      // RFC 9700 §4.14.2: reuse of a rotated refresh token revokes the whole grant.
      record.grant.revoked = true;
      return tokenError('invalid_grant', 'refresh token was already used (rotated); the grant is revoked');
    }
    if (now() >= record.expiresAt) return tokenError('invalid_grant', 'refresh token expired');
    const scopes = requested ?? record.grant.scopes;
    if (!scopes.every((s) => record.grant.scopes.includes(s))) {
      return tokenError('invalid_scope', `scope exceeds the granted scope "${record.grant.scopes.join(' ')}"`);
    }
    record.used = true;
    return issueTokens(record.grant, scopes);
  }

  async function token(request: Request): Promise<Response> {
    if (request.method !== 'POST') return tokenError('invalid_request', `HTTP method ${request.method} not allowed; use POST`, 405, { allow: 'POST' });
    if (!isFormBody(request)) return tokenError('invalid_request', 'the body must be application/x-www-form-urlencoded');
    prune();
    const { params, repeated } = uniqueParams(new URLSearchParams(await request.text()));
    if (repeated) return tokenError('invalid_request', `parameter ${repeated} given more than once`);

    // Client authentication: client_secret_post only.
    if (request.headers.has('authorization')) {
      return tokenError('invalid_client', 'use client_secret_post (client_id and client_secret in the body), not the Authorization header', 401, {
        'www-authenticate': 'Basic realm="weidian"',
      });
    }
    const client = params.client_id ? clients.get(params.client_id) : undefined;
    if (!client || !params.client_secret || !safeEqual(params.client_secret, client.clientSecret)) {
      return tokenError('invalid_client', 'client authentication failed', 401);
    }

    switch (params.grant_type) {
      case undefined:
      case '':
        return tokenError('invalid_request', 'missing required parameter: grant_type');
      case 'authorization_code':
        return authorizationCodeGrant(client, params);
      case 'refresh_token':
        return refreshTokenGrant(client, params);
      default:
        return tokenError('unsupported_grant_type', `grant_type "${params.grant_type}" is not supported`);
    }
  }

  function verifyAccessToken(accessToken: string): AccessTokenCheck {
    const record = accessTokens.get(accessToken);
    if (!record || record.grant.revoked) return { ok: false, reason: 'invalid' };
    if (now() >= record.expiresAt) return { ok: false, reason: 'expired' };
    return { ok: true, shopId: record.grant.shopId, scopes: record.scopes };
  }

  return { authorize, consent, token, verifyAccessToken, issuedTokens: () => issued };
}
