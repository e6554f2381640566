/**
 * Security headers on every kind of answer the production server gives, the CSP's per-request nonce on
 * every script Next renders (and no CSP violation in a real browser), and CORS on /api/* (docs/security.md).
 */
import { expect, test, type APIResponse, type Page } from '@playwright/test';
import { E2E_CORS_ORIGIN } from './server-settings';

const directives = (policy: string) =>
  Object.fromEntries(
    policy.split(';').map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name!, sources];
    }),
  );

/** The headers every answer carries, whatever its kind (a production server: HSTS included). */
function expectBaseHeaders(res: APIResponse, what: string) {
  const h = res.headers();
  expect(h['x-content-type-options'], what).toBe('nosniff');
  expect(h['referrer-policy'], what).toMatch(/^(strict-origin-when-cross-origin|no-referrer)$/);
  expect(h['permissions-policy'], what).toContain('camera=()');
  expect(h['strict-transport-security'], what).toBe('max-age=31536000');
  const csp = directives(h['content-security-policy'] ?? '');
  expect(csp['frame-ancestors'], what).toEqual(["'none'"]);
  expect(csp['base-uri'], what).toBeDefined();
  expect(csp['form-action'], what).toBeDefined();
  // Plugins: named, or (JSON, assets, the sandbox) everything refused by default-src.
  expect(csp['object-src'] ?? csp['default-src'], what).toEqual(["'none'"]);
  return csp;
}

/** A page's policy: scripts by nonce only; returns the nonce. */
function expectDocumentPolicy(res: APIResponse, what: string): string {
  const csp = expectBaseHeaders(res, what);
  const scripts = csp['script-src'] ?? [];
  expect(scripts, what).toContain("'strict-dynamic'");
  expect(scripts, what).not.toContain("'unsafe-inline'");
  expect(scripts, what).not.toContain("'unsafe-eval'");
  expect(csp['object-src'], what).toEqual(["'none'"]);
  const nonce = scripts.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
  expect(nonce, what).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  return nonce!;
}

async function productHref(page: Page) {
  await page.goto('/?q=牛奶');
  return (await page.getByTestId('product-title').first().getAttribute('href'))!;
}

test('every page carries a fresh nonce, and every script Next renders carries it', async ({ page, request }) => {
  const product = await productHref(page);
  for (const path of ['/', '/?q=牛奶&sort=price_asc', product, '/login', '/login?error=expired', '/products/1', '/no-such-page']) {
    const seen = new Set<string>();
    for (let i = 0; i < 2; i++) {
      const res = await request.get(path);
      expect([200, 404], path).toContain(res.status());
      const nonce = expectDocumentPolicy(res, path);
      seen.add(nonce);
      // The listings come from the proxy's copy of one render (lib/http/listing-html-cache.ts), still with
      // this answer's nonce; every other page is rendered for the request.
      expect(res.headers()['x-listing-html'], path).toBe(path.startsWith('/?') || path === '/' ? 'copy' : undefined);
      const html = await res.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length, `${path} renders scripts`).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    }
    expect(seen.size, `${path}: a new nonce per request`).toBe(2);
  }
});

test('API answers, redirects, public files, build assets and the proxy’s own 400 and 405 carry the headers', async ({ request }) => {
  const api = await request.get('/api/products/compare?q=牛奶');
  expect(expectBaseHeaders(api, 'compare')['default-src']).toEqual(["'none'"]);
  expectBaseHeaders(await request.get('/api/health'), 'health');
  expectBaseHeaders(await request.get('/api/products/compare?page=0'), 'a 400 from a route');
  expectBaseHeaders(await request.get('/api/no-such-route'), 'an /api 404');
  expectBaseHeaders(await request.get('/orders', { maxRedirects: 0 }), 'the redirect to /login');
  expectBaseHeaders(await request.get('/api/auth/login', { maxRedirects: 0 }), 'the redirect to the consent page');
  expectBaseHeaders(await request.get('/icon.svg'), 'a public file');

  const html = await (await request.get('/')).text();
  const assets = [...html.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+)"/g)].map((m) => m[1]!);
  expect(assets.length).toBeGreaterThan(0);
  for (const asset of assets.slice(0, 5)) {
    const res = await request.get(asset);
    expect(res.status(), asset).toBe(200);
    expect(expectBaseHeaders(res, asset)['default-src'], asset).toEqual(["'none'"]);
  }
  expectBaseHeaders(await request.get('/_next/static/no-such-file.js'), 'a missing build asset');

  const malformed = await request.get('/products/%E0%A4%A');
  expect(malformed.status()).toBe(400);
  expectDocumentPolicy(malformed, 'the proxy’s 400 page');
  const put = await request.fetch('/', { method: 'PUT' });
  expect(put.status()).toBe(405);
  expectBaseHeaders(put, 'the proxy’s 405');
});

test('the sandbox consent page has its own strict policy, whose form-action allows the redirect back', async ({ request }) => {
  const login = await request.get('/api/auth/login', { maxRedirects: 0 });
  const consent = await request.get(login.headers()['location']!);
  expect(consent.status()).toBe(200);
  const csp = expectBaseHeaders(consent, 'consent page');
  expect(csp['default-src']).toEqual(["'none'"]);
  expect(csp['style-src']?.[0]).toMatch(/^'sha256-/);
  expect(csp['form-action']).toContain("'self'");
  expect(consent.headers()['referrer-policy']).toBe('no-referrer');
});

test('in a real browser: no CSP violation, and React hydrates', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
  });
  const product = await productHref(page);
  for (const path of ['/', product, '/login', '/no-such-page']) {
    await page.goto(path);
    // hydrateRoot marks the DOM nodes it takes over; a blocked script would leave them unmarked.
    await expect.poll(() => page.evaluate(() => Object.keys(document.body).some((k) => k.startsWith('__react'))), { message: path }).toBe(true);
  }
  expect(violations).toEqual([]);
});

test.describe('CORS on /api/*', () => {
  test('a listed origin is granted a read; any other gets no grant', async ({ request }) => {
    const granted = await request.get('/api/products/compare?q=牛奶', { headers: { origin: E2E_CORS_ORIGIN } });
    expect(granted.status()).toBe(200);
    expect(granted.headers()['access-control-allow-origin']).toBe(E2E_CORS_ORIGIN);
    expect(granted.headers()['vary']).toMatch(/\bOrigin\b/i);
    expect(granted.headers()).not.toHaveProperty('access-control-allow-credentials');
    for (const origin of ['https://evil.example', `${E2E_CORS_ORIGIN}.evil.example`, 'null']) {
      const res = await request.get('/api/products/compare?q=牛奶', { headers: { origin } });
      expect(res.headers(), origin).not.toHaveProperty('access-control-allow-origin');
      expect(res.headers()['vary'], origin).toMatch(/\bOrigin\b/i);
    }
  });

  test('preflights are answered 204, with methods and headers only for a listed origin', async ({ request }) => {
    const ask = (origin: string) =>
      request.fetch('/api/weidian/products', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'content-type' } });
    const granted = await ask(E2E_CORS_ORIGIN);
    expect(granted.status()).toBe(204);
    expect(granted.headers()).toMatchObject({ 'access-control-allow-origin': E2E_CORS_ORIGIN, 'access-control-allow-methods': 'GET, HEAD' });
    expect(granted.headers()['access-control-allow-headers']).toMatch(/content-type/i);
    const refused = await ask('https://evil.example');
    expect(refused.status()).toBe(204);
    expect(refused.headers()).not.toHaveProperty('access-control-allow-origin');
    expect(refused.headers()).not.toHaveProperty('access-control-allow-methods');
  });

  test('state-changing routes refuse cross-site requests, a CORS-listed origin included', async ({ request }) => {
    for (const origin of [E2E_CORS_ORIGIN, 'https://evil.example']) {
      for (const path of ['/api/auth/logout', '/api/orders/sync']) {
        const res = await request.post(path, { headers: { origin }, maxRedirects: 0 });
        expect(res.status(), `${path} from ${origin}`).toBe(403);
        expect((await res.json()).error.code).toBe('cross_site');
      }
    }
  });
});

test('every answer through the proxy carries a request id: a well-formed one given is kept, others replaced', async ({ request }) => {
  const given = await request.get('/api/products/compare?q=牛奶', { headers: { 'x-request-id': 'support-ticket-4711' } });
  expect(given.headers()['x-request-id']).toBe('support-ticket-4711');
  const fresh = [await request.get('/'), await request.get('/api/health'), await request.get('/orders', { maxRedirects: 0 })].map((r) => r.headers()['x-request-id']);
  for (const id of fresh) expect(id).toMatch(/^[0-9a-f-]{36}$/);
  expect(new Set(fresh).size).toBe(fresh.length);
  const junk = await request.get('/', { headers: { 'x-request-id': '{"level":"fatal"}' } });
  expect(junk.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
});
