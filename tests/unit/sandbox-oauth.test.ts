import { createHash, randomBytes } from 'node:crypto';
import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SANDBOX_WEIDIAN_APP_KEY, SANDBOX_WEIDIAN_APP_SECRET } from '@/sandbox/credentials';
import { createSandboxHandler, type SandboxHandler } from '@/sandbox/handler';
import { SANDBOX_MERCHANTS } from '@/sandbox/merchants';
import { startSandboxServer, type RunningSandboxServer } from '@/sandbox/server';
import { escapeHtml, renderConsentPage, renderErrorPage } from '@/sandbox/weidian/consent-page';

const NOW = Date.parse('2026-12-02T06:00:00Z');
const ORIGIN = 'http://sandbox.test';
const REDIRECT = 'http://localhost:3000/api/auth/callback';
const [GUOFEN, TUANGOU, SMALL] = SANDBOX_MERCHANTS as [(typeof SANDBOX_MERCHANTS)[number], (typeof SANDBOX_MERCHANTS)[number], (typeof SANDBOX_MERCHANTS)[number]];

/** A handler with its own movable clock. */
function sandbox(options: { accessTokenTtlSeconds?: number } = {}): { handler: SandboxHandler; clock: { now: number } } {
  const clock = { now: NOW };
  return { handler: createSandboxHandler({ now: () => clock.now, ...options }), clock };
}

function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

interface AuthorizeParams {
  [key: string]: string | undefined;
}

function authorizeRequest(params: AuthorizeParams, path = '/weidian/oauth2'): Request {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) query.append(key, value);
  return new Request(`${ORIGIN}${path}?${query}`);
}

function validParams(challenge: string, overrides: AuthorizeParams = {}): AuthorizeParams {
  return {
    client_id: SANDBOX_WEIDIAN_APP_KEY,
    redirect_uri: REDIRECT,
    response_type: 'code',
    state: 'state-0123456789abcdef',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    scope: 'trade.read',
    ...overrides,
  };
}

const requestIdOf = (html: string): string => /name="request_id" value="([^"]+)"/.exec(html)![1]!;

function consentPost(requestId: string, fields: Record<string, string>, path = '/weidian/oauth2/consent'): Request {
  return new Request(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ request_id: requestId, ...fields }),
  });
}

async function openConsent(handler: SandboxHandler, overrides: AuthorizeParams = {}) {
  const { verifier, challenge } = pkce();
  const params = validParams(challenge, overrides);
  const response = await handler(authorizeRequest(params));
  expect(response.status).toBe(200);
  const html = await response.text();
  return { verifier, challenge, params, html, requestId: requestIdOf(html) };
}

/** Runs the browser part: authorize → approve as `shopId` → the code from the redirect. */
async function obtainCode(handler: SandboxHandler, shopId = GUOFEN.shopId, overrides: AuthorizeParams = {}) {
  const consent = await openConsent(handler, overrides);
  const response = await handler(consentPost(consent.requestId, { merchant: shopId, decision: 'approve' }));
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get('location')!);
  return { ...consent, code: location.searchParams.get('code')!, location };
}

async function tokenCall(handler: SandboxHandler, fields: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await handler(
    new Request(`${ORIGIN}/weidian/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8', ...headers },
      body: new URLSearchParams(fields),
    }),
  );
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

const clientAuth = { client_id: SANDBOX_WEIDIAN_APP_KEY, client_secret: SANDBOX_WEIDIAN_APP_SECRET };

async function exchange(handler: SandboxHandler, code: string, verifier: string, redirectUri = REDIRECT) {
  return tokenCall(handler, { grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier, ...clientAuth });
}

async function refresh(handler: SandboxHandler, refreshToken: string, extra: Record<string, string> = {}) {
  return tokenCall(handler, { grant_type: 'refresh_token', refresh_token: refreshToken, ...clientAuth, ...extra });
}

async function connect(handler: SandboxHandler, shopId = GUOFEN.shopId, overrides: AuthorizeParams = {}) {
  const { code, verifier } = await obtainCode(handler, shopId, overrides);
  const { status, body } = await exchange(handler, code, verifier);
  expect(status).toBe(200);
  return { code, verifier, accessToken: body.access_token as string, refreshToken: body.refresh_token as string, body };
}

async function tradeListCode(handler: SandboxHandler, accessToken: string): Promise<[number, number]> {
  const response = await handler(new Request(`${ORIGIN}/weidian/trade/list?page_size=1`, { headers: { authorization: `Bearer ${accessToken}` } }));
  const body = (await response.json()) as { status: { status_code: number } };
  return [response.status, body.status.status_code];
}

describe('consent page (GET …/weidian/oauth2)', () => {
  it('renders a complete zh-CN page with the app, the scopes in Chinese, ≥ 3 merchants and the two buttons', async () => {
    const { handler } = sandbox();
    const { challenge } = pkce();
    const response = await handler(authorizeRequest(validParams(challenge, { scope: 'trade.read item.read' })));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const html = await response.text();

    expect(html).toMatch(/^<!doctype html>\s*<html lang="zh-CN">/);
    expect(html).toContain('</html>');
    expect(html).toContain('比价 Bijia');
    expect(html).toContain('读取店铺订单');
    expect(html).toContain('读取商品信息');
    expect(html).toContain('#e6393d');
    expect(html).toMatch(/<form id="consent-form" method="post" action="\/weidian\/oauth2\/consent">/);
    expect(html).toMatch(/<button type="submit" id="approve"[^>]* name="decision" value="approve">授权<\/button>/);
    expect(html).toMatch(/<button type="submit" id="deny"[^>]* name="decision" value="deny">取消<\/button>/);

    const radios = [...html.matchAll(/<input type="radio" id="[^"]+" name="merchant" value="(\d+)"/g)].map((m) => m[1]);
    expect(radios.length).toBeGreaterThanOrEqual(3);
    expect(radios).toEqual(SANDBOX_MERCHANTS.map((m) => m.shopId));
    for (const m of SANDBOX_MERCHANTS) {
      expect(html).toContain(m.shopName);
      expect(html).toContain(m.maskedLogin);
    }
    expect(html).toContain('138****0001');
    expect(html).toContain('授权后将返回 localhost:3000');

    // Self-contained: no scripts, no external URLs; and the form cannot be tampered: it carries only the
    // request_id, not the redirect_uri, the state or the challenge.
    expect(html).not.toMatch(/<script|https?:\/\/|src=|<link/i);
    expect(html).not.toContain(challenge);
    expect(html).not.toContain('state-0123456789abcdef');
    expect(html).not.toContain('redirect_uri');
    const inputs = [...html.matchAll(/<input [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(inputs)).toEqual(new Set(['request_id', 'merchant']));
    expect(requestIdOf(html)).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });

  it('posts the form under the page’s own prefix (the Next app mounts the sandbox at /sandbox/…)', async () => {
    const { handler } = sandbox();
    const { verifier, challenge } = pkce();
    const page = await handler(authorizeRequest(validParams(challenge), '/sandbox/weidian/oauth2'));
    const html = await page.text();
    expect(html).toContain('action="/sandbox/weidian/oauth2/consent"');
    const answer = await handler(consentPost(requestIdOf(html), { merchant: GUOFEN.shopId, decision: 'approve' }, '/sandbox/weidian/oauth2/consent'));
    const code = new URL(answer.headers.get('location')!).searchParams.get('code')!;
    expect((await exchange(handler, code, verifier)).status).toBe(200);
  });

  it('defaults the scope to trade.read', async () => {
    const { handler } = sandbox();
    const { html } = await openConsent(handler, { scope: undefined });
    expect(html).toContain('读取店铺订单');
    expect(html).not.toContain('读取商品信息');
  });

  it('HTML-escapes every dynamic text', () => {
    const evil = `<img src=x onerror="alert('x')">&`;
    const html = renderConsentPage({
      appName: evil,
      scopes: [{ scope: evil, label: evil }],
      merchants: [{ shopId: `1" onclick="x`, shopName: evil, maskedLogin: evil }],
      requestId: `"><script>alert(1)</script>`,
      redirectHost: evil,
      formAction: `"><x`,
      notice: evil,
    });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('" onclick=');
    expect(html).not.toContain('"><x');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;');
    expect(renderErrorPage({ title: evil, message: evil, detail: evil })).not.toContain('<img');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('shows an escaped error page (400, no redirect) for a bad client_id', async () => {
    const { handler } = sandbox();
    const { challenge } = pkce();
    for (const clientId of [undefined, '', 'other-app', '<script>alert(1)</script>']) {
      const response = await handler(authorizeRequest(validParams(challenge, { client_id: clientId })));
      expect(response.status, String(clientId)).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const html = await response.text();
      expect(html).toContain('id="oauth-error"');
      expect(html).not.toContain('<script>alert(1)');
    }
    const evil = await handler(authorizeRequest(validParams(challenge, { client_id: '<script>alert(1)</script>' })));
    expect(await evil.text()).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const twice = authorizeRequest({ ...validParams(challenge) });
    const url = new URL(twice.url);
    url.searchParams.append('client_id', SANDBOX_WEIDIAN_APP_KEY);
    expect((await handler(new Request(url))).status).toBe(400);
  });

  it('shows an error page (400, no redirect) for an unregistered redirect_uri', async () => {
    const { handler } = sandbox();
    const { challenge } = pkce();
    const bad = [
      undefined,
      '',
      'https://evil.example/api/auth/callback',
      'http://localhost:3000/api/auth/callback/',
      'http://localhost:3000/api/auth/other',
      'http://localhost:3000/api/auth/callback?next=/x',
      'http://localhost:3000/api/auth/callback#frag',
      'http://user:pw@localhost:3000/api/auth/callback',
      'http://LOCALHOST:3000/api/auth/callback',
      'http://localhost:3000/api/x/../auth/callback',
      'ftp://localhost/api/auth/callback',
      'javascript:alert(1)//api/auth/callback',
      'http://localhost.evil.example/api/auth/callback',
      'http://sandbox.test.evil.example/api/auth/callback',
      '/api/auth/callback',
    ];
    for (const redirectUri of bad) {
      const response = await handler(authorizeRequest(validParams(challenge, { redirect_uri: redirectUri })));
      expect(response.status, String(redirectUri)).toBe(400);
      expect(response.headers.get('location'), String(redirectUri)).toBeNull();
      expect(await response.text()).toContain('id="oauth-error"');
    }
  });

  it('accepts loopback hosts on any port and the authorization server’s own origin', async () => {
    const { handler } = sandbox();
    const { challenge } = pkce();
    for (const redirectUri of [
      'http://localhost:3000/api/auth/callback',
      'http://127.0.0.1:3100/api/auth/callback',
      'http://[::1]:8080/api/auth/callback',
      'https://localhost/api/auth/callback',
      `${ORIGIN}/api/auth/callback`,
    ]) {
      const response = await handler(authorizeRequest(validParams(challenge, { redirect_uri: redirectUri })));
      expect(response.status, redirectUri).toBe(200);
    }
  });

  it('redirects the other request errors to redirect_uri with error and state', async () => {
    const { handler } = sandbox();
    const { challenge } = pkce();
    const state = 'state-0123456789abcdef';
    const cases: [AuthorizeParams, string][] = [
      [{ response_type: undefined }, 'invalid_request'],
      [{ response_type: 'token' }, 'unsupported_response_type'],
      [{ code_challenge_method: 'plain' }, 'invalid_request'],
      [{ code_challenge_method: undefined }, 'invalid_request'],
      [{ code_challenge: undefined }, 'invalid_request'],
      [{ code_challenge: 'too-short' }, 'invalid_request'],
      [{ scope: 'trade.read trade.write' }, 'invalid_scope'],
    ];
    for (const [overrides, error] of cases) {
      const response = await handler(authorizeRequest(validParams(challenge, overrides)));
      expect(response.status, JSON.stringify(overrides)).toBe(302);
      const location = new URL(response.headers.get('location')!);
      expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
      expect(location.searchParams.get('error'), JSON.stringify(overrides)).toBe(error);
      expect(location.searchParams.get('state')).toBe(state);
      expect(location.searchParams.get('code')).toBeNull();
    }
    // state itself: missing → no state to echo; too short → echoed as received.
    const missing = new URL((await handler(authorizeRequest(validParams(challenge, { state: undefined })))).headers.get('location')!);
    expect(missing.searchParams.get('error')).toBe('invalid_request');
    expect(missing.searchParams.has('state')).toBe(false);
    const short = new URL((await handler(authorizeRequest(validParams(challenge, { state: 'abc' })))).headers.get('location')!);
    expect([short.searchParams.get('error'), short.searchParams.get('state')]).toEqual(['invalid_request', 'abc']);
    expect((await handler(authorizeRequest(validParams(challenge, { state: 'x'.repeat(512) })))).status).toBe(200);
    expect((await handler(authorizeRequest(validParams(challenge, { state: 'x'.repeat(513) })))).status).toBe(302);
    // A repeated parameter.
    const url = new URL(authorizeRequest(validParams(challenge)).url);
    url.searchParams.append('scope', 'item.read');
    const repeated = new URL((await handler(new Request(url))).headers.get('location')!);
    expect(repeated.searchParams.get('error')).toBe('invalid_request');
  });
});

describe('consent form (POST …/weidian/oauth2/consent)', () => {
  it('授权 → 302 to redirect_uri with a fresh code and the state', async () => {
    const { handler } = sandbox();
    const { location, code, params } = await obtainCode(handler, TUANGOU.shopId);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect([...location.searchParams.keys()]).toEqual(['code', 'state']);
    expect(location.searchParams.get('state')).toBe(params.state);
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const again = await obtainCode(handler, TUANGOU.shopId);
    expect(again.code).not.toBe(code);
  });

  it('取消 → 302 with error=access_denied and the state, no code', async () => {
    const { handler } = sandbox();
    const { requestId, params } = await openConsent(handler);
    const response = await handler(consentPost(requestId, { merchant: GUOFEN.shopId, decision: 'deny' }));
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(Object.fromEntries(location.searchParams)).toEqual({ error: 'access_denied', state: params.state });
  });

  it('the request_id is single use and unguessable; an unknown one gets the error page', async () => {
    const { handler } = sandbox();
    const { requestId } = await openConsent(handler);
    expect((await handler(consentPost(requestId, { merchant: GUOFEN.shopId, decision: 'approve' }))).status).toBe(302);
    const replay = await handler(consentPost(requestId, { merchant: GUOFEN.shopId, decision: 'approve' }));
    expect(replay.status).toBe(400);
    expect(replay.headers.get('location')).toBeNull();
    expect(await replay.text()).toContain('授权请求已失效');
    expect((await handler(consentPost('made-up', { merchant: GUOFEN.shopId, decision: 'approve' }))).status).toBe(400);
  });

  it('expires a consent page left open for more than 10 minutes', async () => {
    const { handler, clock } = sandbox();
    const { requestId } = await openConsent(handler);
    clock.now += 601_000;
    expect((await handler(consentPost(requestId, { merchant: GUOFEN.shopId, decision: 'approve' }))).status).toBe(400);
  });

  it('re-renders the page (400) for an unknown merchant and keeps the request', async () => {
    const { handler } = sandbox();
    const { requestId } = await openConsent(handler);
    const response = await handler(consentPost(requestId, { merchant: '999', decision: 'approve' }));
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('请选择要授权的店铺账号');
    expect(html).toContain('id="consent-form" method="post" action="/weidian/oauth2/consent"');
    expect(requestIdOf(html)).toBe(requestId);
    expect((await handler(consentPost(requestId, { merchant: SMALL.shopId, decision: 'approve' }))).status).toBe(302);
  });

  it('refuses GET and a non-form body', async () => {
    const { handler } = sandbox();
    const get = await handler(new Request(`${ORIGIN}/weidian/oauth2/consent`));
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const { requestId } = await openConsent(handler);
    const json = await handler(
      new Request(`${ORIGIN}/weidian/oauth2/consent`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ request_id: requestId }) }),
    );
    expect(json.status).toBe(400);
  });
});

describe('token endpoint (POST …/weidian/oauth2/token)', () => {
  it('exchanges a code for exactly the documented response, no-store', async () => {
    const { handler } = sandbox();
    const { code, verifier } = await obtainCode(handler, GUOFEN.shopId);
    const { status, headers, body } = await exchange(handler, code, verifier);
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('no-store');
    expect(headers.get('content-type')).toContain('application/json');
    expect(Object.keys(body)).toEqual(['access_token', 'token_type', 'expires_in', 'refresh_token', 'scope', 'shop_id', 'shop_name']);
    expect(body).toEqual({
      access_token: expect.stringMatching(/^wdat_[A-Za-z0-9_-]{43}$/),
      token_type: 'Bearer',
      expires_in: 7200,
      refresh_token: expect.stringMatching(/^wdrt_[A-Za-z0-9_-]{43}$/),
      scope: 'trade.read',
      shop_id: '1656009841',
      shop_name: '果粉数码旗舰店',
    });
    expect(await tradeListCode(handler, body.access_token as string)).toEqual([200, 0]);
  });

  it('refuses a code_verifier that does not hash to the challenge (PKCE S256), and the code is spent', async () => {
    const { handler } = sandbox();
    const { code, verifier } = await obtainCode(handler);
    const wrong = await exchange(handler, code, pkce().verifier);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toBe('invalid_grant');
    expect(wrong.body.error_description).toContain('code_verifier');
    expect((await exchange(handler, code, verifier)).body.error).toBe('invalid_grant');
    // A malformed verifier is a malformed request (and does not touch the code).
    const second = await obtainCode(handler);
    expect((await exchange(handler, second.code, 'short')).body.error).toBe('invalid_request');
    expect((await exchange(handler, second.code, second.verifier)).status).toBe(200);
  });

  it('refuses a redirect_uri different from the authorization request', async () => {
    const { handler } = sandbox();
    const { code, verifier } = await obtainCode(handler);
    const response = await exchange(handler, code, verifier, 'http://127.0.0.1:3000/api/auth/callback');
    expect([response.status, response.body.error]).toEqual([400, 'invalid_grant']);
  });

  it('a code lives 300 s by the injected clock', async () => {
    const { handler, clock } = sandbox();
    const fresh = await obtainCode(handler);
    clock.now += 299_000;
    expect((await exchange(handler, fresh.code, fresh.verifier)).status).toBe(200);

    const stale = await obtainCode(handler);
    clock.now += 300_000;
    const response = await exchange(handler, stale.code, stale.verifier);
    expect([response.status, response.body.error]).toEqual([400, 'invalid_grant']);
    expect(response.body.error_description).toContain('expired');
  });

  it('a replayed code is invalid_grant and revokes the tokens issued from it (and their rotations)', async () => {
    const { handler } = sandbox();
    const first = await connect(handler);
    const rotated = await refresh(handler, first.refreshToken);
    expect(rotated.status).toBe(200);
    expect(await tradeListCode(handler, first.accessToken)).toEqual([200, 0]);

    const replay = await exchange(handler, first.code, first.verifier);
    expect([replay.status, replay.body.error]).toEqual([400, 'invalid_grant']);
    expect(await tradeListCode(handler, first.accessToken)).toEqual([401, 10012]);
    expect(await tradeListCode(handler, rotated.body.access_token as string)).toEqual([401, 10012]);
    expect((await refresh(handler, rotated.body.refresh_token as string)).body.error).toBe('invalid_grant');

    // Other grants are unaffected.
    const other = await connect(handler, TUANGOU.shopId);
    expect(await tradeListCode(handler, other.accessToken)).toEqual([200, 0]);
  });

  it('invalid_client (401) for a wrong, missing or Basic-sent client secret, or an unknown client', async () => {
    const { handler } = sandbox();
    const { code, verifier } = await obtainCode(handler);
    const base = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier };
    const auths: Record<string, string>[] = [
      { client_id: SANDBOX_WEIDIAN_APP_KEY, client_secret: 'wrong' },
      { client_id: SANDBOX_WEIDIAN_APP_KEY },
      { client_id: 'other-app', client_secret: SANDBOX_WEIDIAN_APP_SECRET },
      {},
    ];
    for (const auth of auths) {
      const response = await tokenCall(handler, { ...base, ...auth });
      expect(response.status, JSON.stringify(auth)).toBe(401);
      expect(response.body.error).toBe('invalid_client');
      expect(response.headers.get('www-authenticate')).toBeNull();
    }
    const basic = `Basic ${Buffer.from(`${SANDBOX_WEIDIAN_APP_KEY}:${SANDBOX_WEIDIAN_APP_SECRET}`).toString('base64')}`;
    const viaHeader = await tokenCall(handler, { ...base, client_id: SANDBOX_WEIDIAN_APP_KEY }, { authorization: basic });
    expect([viaHeader.status, viaHeader.body.error]).toEqual([401, 'invalid_client']);
    expect(viaHeader.headers.get('www-authenticate')).toMatch(/^Basic /);
    // Client failures do not spend the code.
    expect((await exchange(handler, code, verifier)).status).toBe(200);
  });

  it('invalid_request / unsupported_grant_type for malformed requests; 405 for GET', async () => {
    const { handler } = sandbox();
    expect((await tokenCall(handler, { ...clientAuth, grant_type: 'authorization_code', redirect_uri: REDIRECT, code_verifier: pkce().verifier })).body).toEqual({
      error: 'invalid_request',
      error_description: 'missing required parameter: code',
    });
    expect((await tokenCall(handler, { ...clientAuth })).body.error).toBe('invalid_request');
    expect((await tokenCall(handler, { ...clientAuth, grant_type: 'password' })).body.error).toBe('unsupported_grant_type');
    expect((await tokenCall(handler, { ...clientAuth, grant_type: 'client_credentials' })).status).toBe(400);
    const json = await handler(
      new Request(`${ORIGIN}/weidian/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(clientAuth) }),
    );
    expect([json.status, ((await json.json()) as { error: string }).error]).toEqual([400, 'invalid_request']);
    const get = await handler(new Request(`${ORIGIN}/weidian/oauth2/token`));
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
    const repeated = await handler(
      new Request(`${ORIGIN}/weidian/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `grant_type=refresh_token&refresh_token=a&refresh_token=b&client_id=${SANDBOX_WEIDIAN_APP_KEY}&client_secret=${SANDBOX_WEIDIAN_APP_SECRET}`,
      }),
    );
    expect(((await repeated.json()) as { error_description: string }).error_description).toContain('refresh_token');
  });

  it('rotates refresh tokens: each use gives a new one and the used one stops working at once', async () => {
    const { handler } = sandbox();
    const first = await connect(handler, SMALL.shopId);
    const second = await refresh(handler, first.refreshToken);
    expect(second.status).toBe(200);
    expect(second.headers.get('cache-control')).toBe('no-store');
    expect(second.body).toMatchObject({ token_type: 'Bearer', expires_in: 7200, scope: 'trade.read', shop_id: SMALL.shopId, shop_name: SMALL.shopName });
    expect(second.body.refresh_token).not.toBe(first.refreshToken);
    expect(second.body.access_token).not.toBe(first.accessToken);

    const third = await refresh(handler, second.body.refresh_token as string);
    expect(third.status).toBe(200);
    const old = await refresh(handler, first.refreshToken);
    expect([old.status, old.body.error]).toEqual([400, 'invalid_grant']);
  });

  it('reuse of a rotated refresh token revokes the grant (RFC 9700 §4.14.2)', async () => {
    const { handler } = sandbox();
    const first = await connect(handler);
    const second = await refresh(handler, first.refreshToken);
    expect((await refresh(handler, first.refreshToken)).body.error).toBe('invalid_grant');
    expect((await refresh(handler, second.body.refresh_token as string)).body.error).toBe('invalid_grant');
    expect(await tradeListCode(handler, second.body.access_token as string)).toEqual([401, 10012]);
  });

  it('refresh may narrow the scope but not widen it; unknown refresh tokens are invalid_grant', async () => {
    const { handler } = sandbox();
    const { refreshToken, body } = await connect(handler, GUOFEN.shopId, { scope: 'trade.read item.read' });
    expect(body.scope).toBe('trade.read item.read');
    const narrowed = await refresh(handler, refreshToken, { scope: 'item.read' });
    expect(narrowed.body.scope).toBe('item.read');
    expect(await tradeListCode(handler, narrowed.body.access_token as string)).toEqual([403, 10013]);
    // The refresh token keeps the grant's full scope.
    const back = await refresh(handler, narrowed.body.refresh_token as string);
    expect(back.body.scope).toBe('trade.read item.read');

    const only = await connect(handler);
    expect((await refresh(handler, only.refreshToken, { scope: 'trade.read item.read' })).body.error).toBe('invalid_scope');
    expect((await refresh(handler, only.refreshToken, { scope: 'orders' })).body.error).toBe('invalid_scope');
    expect((await refresh(handler, only.refreshToken)).status).toBe(200);
    expect((await refresh(handler, 'wdrt_nope')).body.error).toBe('invalid_grant');
  });

  it('access tokens expire after the configured TTL (10011), refresh tokens after 30 days', async () => {
    const { handler, clock } = sandbox({ accessTokenTtlSeconds: 60 });
    const { accessToken, refreshToken, body } = await connect(handler);
    expect(body.expires_in).toBe(60);
    clock.now += 59_999;
    expect(await tradeListCode(handler, accessToken)).toEqual([200, 0]);
    clock.now += 1;
    expect(await tradeListCode(handler, accessToken)).toEqual([401, 10011]);
    const renewed = await refresh(handler, refreshToken);
    expect(await tradeListCode(handler, renewed.body.access_token as string)).toEqual([200, 0]);
    clock.now += 30 * 86_400_000;
    expect((await refresh(handler, renewed.body.refresh_token as string)).body.error).toBe('invalid_grant');
  });

  it('state is per handler instance (in memory): another instance knows nothing of its tokens', async () => {
    const a = sandbox();
    const b = sandbox();
    const { accessToken, refreshToken } = await connect(a.handler);
    expect(await tradeListCode(b.handler, accessToken)).toEqual([401, 10012]);
    expect((await refresh(b.handler, refreshToken)).body.error).toBe('invalid_grant');
  });
});

describe('stats', () => {
  it('counts token calls by grant_type and trade/list calls, whatever their outcome', async () => {
    const { handler } = sandbox();
    expect(handler.stats).toEqual({ token: { authorization_code: 0, refresh_token: 0 }, tradeList: 0 });
    const { accessToken, refreshToken } = await connect(handler);
    await exchange(handler, 'bogus', pkce().verifier);
    await Promise.all(Array.from({ length: 10 }, () => tradeListCode(handler, accessToken)));
    await refresh(handler, refreshToken);
    await refresh(handler, refreshToken);
    await tokenCall(handler, { ...clientAuth, grant_type: 'password' });
    expect(handler.stats).toEqual({ token: { authorization_code: 2, refresh_token: 2 }, tradeList: 10 });
  });

  it('lets a test assert single-flight refresh: 10 parallel callers → exactly 1 refresh call', async () => {
    const { handler } = sandbox();
    const { refreshToken } = await connect(handler);
    let inFlight: Promise<string> | undefined;
    const current = { refreshToken };
    const refreshOnce = (): Promise<string> =>
      (inFlight ??= refresh(handler, current.refreshToken).then((r) => {
        current.refreshToken = r.body.refresh_token as string;
        return r.body.access_token as string;
      }));
    const tokens = await Promise.all(Array.from({ length: 10 }, refreshOnce));
    expect(new Set(tokens).size).toBe(1);
    expect(handler.stats.token.refresh_token).toBe(1);
  });
});

describe('oauth4webapi (the client library lib/weidian/oauth.ts uses) against the sandbox', () => {
  it('completes authorize → consent → code exchange → refresh, checking state', async () => {
    const { handler } = sandbox();
    const as: oauth.AuthorizationServer = {
      issuer: ORIGIN,
      authorization_endpoint: `${ORIGIN}/weidian/oauth2`,
      token_endpoint: `${ORIGIN}/weidian/oauth2/token`,
    };
    const client: oauth.Client = { client_id: SANDBOX_WEIDIAN_APP_KEY };
    const auth = oauth.ClientSecretPost(SANDBOX_WEIDIAN_APP_SECRET);
    const options = { [oauth.customFetch]: (url: string, init?: RequestInit) => handler(new Request(url, init)), [oauth.allowInsecureRequests]: true };

    const state = oauth.generateRandomState();
    const verifier = oauth.generateRandomCodeVerifier();
    const challenge = await oauth.calculatePKCECodeChallenge(verifier);
    const page = await handler(authorizeRequest(validParams(challenge, { state })));
    const requestId = requestIdOf(await page.text());
    const callback = new URL((await handler(consentPost(requestId, { merchant: TUANGOU.shopId, decision: 'approve' }))).headers.get('location')!);

    const params = oauth.validateAuthResponse(as, client, callback, state);
    const tokens = await oauth.processAuthorizationCodeResponse(
      as,
      client,
      await oauth.authorizationCodeGrantRequest(as, client, auth, params, REDIRECT, verifier, options),
    );
    expect(tokens).toMatchObject({ token_type: 'bearer', expires_in: 7200, scope: 'trade.read', shop_id: TUANGOU.shopId, shop_name: TUANGOU.shopName });
    const renewed = await oauth.processRefreshTokenResponse(as, client, await oauth.refreshTokenGrantRequest(as, client, auth, tokens.refresh_token!, options));
    expect(renewed.refresh_token).not.toBe(tokens.refresh_token);
    await expect(
      oauth.refreshTokenGrantRequest(as, client, auth, tokens.refresh_token!, options).then((r) => oauth.processRefreshTokenResponse(as, client, r)),
    ).rejects.toMatchObject({ error: 'invalid_grant' });

    // A forged callback state is caught by the client.
    expect(() => oauth.validateAuthResponse(as, client, callback, oauth.generateRandomState())).toThrow();
  });
});

describe('over real HTTP (standalone server)', () => {
  let server: RunningSandboxServer;
  beforeAll(async () => {
    server = await startSandboxServer({ now: () => NOW });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('serves the consent page, redirects with a code, exchanges it and lists trades', async () => {
    const { verifier, challenge } = pkce();
    const query = new URLSearchParams(validParams(challenge) as Record<string, string>);
    const page = await fetch(`${server.url}/weidian/oauth2?${query}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const action = /id="consent-form" method="post" action="([^"]+)"/.exec(html)![1]!;
    const consent = await fetch(new URL(action, page.url), {
      method: 'POST',
      body: new URLSearchParams({ request_id: requestIdOf(html), merchant: SMALL.shopId, decision: 'approve' }),
      redirect: 'manual',
    });
    expect(consent.status).toBe(302);
    const code = new URL(consent.headers.get('location')!).searchParams.get('code')!;
    const tokens = await fetch(`${server.url}/weidian/oauth2/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier, ...clientAuth }),
    });
    expect(tokens.status).toBe(200);
    const { access_token: accessToken } = (await tokens.json()) as { access_token: string };
    const trades = await fetch(`${server.url}/weidian/trade/list?page_size=5`, { headers: { authorization: `Bearer ${accessToken}` } });
    const body = (await trades.json()) as { result: { trades: unknown[]; total: number } };
    expect(body.result.trades).toHaveLength(5);
    expect(body.result.total).toBeGreaterThan(5);
  });
});

describe('…/__tokens: the record of issued tokens (for the e2e secret scan)', () => {
  it('lists every issued pair, refreshes included, oldest first, under the fault-control switch only', async () => {
    const handler = createSandboxHandler({ now: () => NOW, faultControl: true });
    const first = await connect(handler, GUOFEN.shopId);
    const rotated = await refresh(handler, first.refreshToken);
    const other = await connect(handler, TUANGOU.shopId);
    const res = await handler(new Request(`${ORIGIN}/weidian/__tokens`));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { tokens: unknown[] }).tokens).toEqual([
      { shopId: GUOFEN.shopId, accessToken: first.accessToken, refreshToken: first.refreshToken },
      { shopId: GUOFEN.shopId, accessToken: rotated.body.access_token, refreshToken: rotated.body.refresh_token },
      { shopId: TUANGOU.shopId, accessToken: other.accessToken, refreshToken: other.refreshToken },
    ]);
    const off = createSandboxHandler({ now: () => NOW, faultControl: false });
    await connect(off);
    expect((await off(new Request(`${ORIGIN}/weidian/__tokens`))).status).toBe(404);
  });
});
