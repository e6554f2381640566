/**
 * Error answers of the production server leak nothing (docs/security.md, "Scans"): no stack trace, file path,
 * secret, token or upstream URL in the body of any 4xx or 5xx — whether the input is bad or an upstream
 * fails (faults injected into the embedded sandbox: errors, malformed and wrong-shape answers, a hang).
 */
import { expect, test, type APIResponse } from '@playwright/test';
import { SECRETS } from './known-secrets';
import { setFaults, untilHealthy, type FaultPlan } from './sandbox-faults';

/** What must never be in an error body. */
const LEAKS: [string, RegExp][] = [
  ['a stack frame', /\bat .+[:(]\d+:\d+\)?|\n\s+at /],
  ['a file path', /\/(work|home|root|var|tmp)\/|node_modules|\.next\/server|webpack:|\.tsx?:\d+/],
  ['an upstream URL', /sandbox\.bijia\.internal|\/sandbox\/(weidian|price)\/|api\.weidian\.com|auth\.weidian\.com|\boffers\/(search|batch)\b|\/router\?/],
  ['a signed request', /\b(app_key|sign|access_token|client_secret)=/],
  ['a token', /\bwd[ar]t_[A-Za-z0-9_-]{20,}/],
];

async function expectClean(res: APIResponse, what: string) {
  const body = await res.text();
  for (const [name, pattern] of LEAKS) expect(pattern.test(body), `${name} in ${what} (HTTP ${res.status()}): ${body.slice(0, 300)}`).toBe(false);
  for (const secret of SECRETS) expect(body.includes(secret), `a secret in ${what}`).toBe(false);
}

/** Each answer must be the error the case expects, and clean. */
async function expectError(res: APIResponse, statuses: number[], what: string) {
  expect(statuses, `${what}: HTTP ${res.status()}`).toContain(res.status());
  await expectClean(res, what);
}

test('bad input gets a clean 4xx', async ({ request, baseURL }) => {
  // 10 kB on the wire ('长' is 9 bytes percent-encoded); Node refuses a request line past 16 kB itself.
  const long = encodeURIComponent('长'.repeat(1_100));
  const tooLong = encodeURIComponent('长'.repeat(5_000));
  const cases: [string, () => Promise<APIResponse>, number[]][] = [
    ['a negative page', () => request.get('/api/products/compare?page=-1'), [400]],
    ['a huge page size', () => request.get('/api/products/compare?page_size=1e309'), [400]],
    ['a repeated parameter', () => request.get('/api/weidian/products?page=1&page=2'), [400]],
    ['an unknown sort', () => request.get('/api/products/compare?sort=%00%F0%9F%92%A9'), [400]],
    ['a 10 kB query', () => request.get(`/api/products/compare?q=${long}`), [200, 400]],
    ['a 45 kB URL', () => request.get(`/api/products/compare?q=${tooLong}`), [431]],
    ['a malformed path', () => request.get('/api/products/%E0%A4%A'), [400]],
    ['a malformed page path', () => request.get('/products/%ED%A0%80'), [400]],
    ['a method we do not take', () => request.fetch('/api/products/compare', { method: 'DELETE' }), [405]],
    ['an unknown API route', () => request.get('/api/no/such/route'), [404]],
    ['a product that does not exist', () => request.get('/products/1'), [404]],
    ['a product id that is not one', () => request.get('/products/abc%3Cscript%3E'), [404]],
    ['an OAuth callback with a forged code', () => request.get('/api/auth/callback?code=forged&state=forged', { maxRedirects: 0 }), [302, 303]],
    ['a sync without a session', () => request.post('/api/orders/sync', { headers: { origin: new URL(baseURL!).origin }, data: '{"x":' }), [401, 403]],
    ['a cross-site logout', () => request.post('/api/auth/logout', { headers: { origin: 'https://evil.example' } }), [403]],
    ['the cron route without its secret', () => request.get('/api/cron/sync-orders', { headers: { authorization: 'Bearer nope' } }), [401, 404]],
    // Weidian's protocol: HTTP 200 with the error in the envelope's status_code.
    ['a sandbox call with a bad signature', () => request.get('/sandbox/weidian/router?method=item.list&app_key=x&sign=y&timestamp=1'), [200]],
    ['a consent POST for no request', () => request.post('/sandbox/weidian/oauth2/consent', { form: { request_id: 'nope', decision: 'approve' } }), [400]],
  ];
  for (const [what, send, statuses] of cases) await expectError(await send(), statuses, what);
});

test.describe('upstream faults', () => {
  test.afterEach(async ({ request }) => {
    await setFaults(request, {});
    await untilHealthy(request);
  });

  // Each case its own query, so nothing is served from a cache an earlier case filled.
  const WEIDIAN_FAULTS: [string, FaultPlan][] = [
    ['failing', { errorRate: 1 }],
    ['answering garbage', { malformedRate: 1 }],
    ['answering the wrong shape', { wrongSchemaRate: 1 }],
  ];
  for (const [name, plan] of WEIDIAN_FAULTS) {
    test(`Weidian ${name}: the API, the pages and health answer cleanly`, async ({ request }) => {
      await setFaults(request, { weidian: plan });
      const q = encodeURIComponent(`泄露检查 ${name}`);
      await expectError(await request.get(`/api/products/compare?q=${q}`), [502, 503, 504], 'compare');
      await expectError(await request.get(`/api/weidian/products?q=${q}`), [502, 503, 504], 'weidian products');
      const unavailable = await request.get(`/?q=${q}`);
      await expectError(unavailable, [503], 'the home page');
      // The proxy's own 503 page carries the security headers too (the page policy: its inline style is allowed).
      expect(unavailable.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic';.*frame-ancestors 'none'/);
      expect(unavailable.headers()['x-content-type-options']).toBe('nosniff');
      await expectError(await request.get('/products/2000569327?leak-check=' + encodeURIComponent(name)), [200, 503], 'a product page');
      // Health answers from one round of probes for HEALTH_CACHE_MS (lib/health.ts): the failure shows once
      // the round from before the fault has aged out.
      let health: APIResponse | undefined;
      await expect
        .poll(async () => (health = await request.get('/api/health')).status(), { timeout: 15_000, intervals: [500] })
        .toBe(503);
      await expectError(health!, [503], 'health');
    });
  }

  test('the price API failing or hanging: degraded answers, nothing leaked', async ({ request }) => {
    for (const plan of [{ errorRate: 1 }, { malformedRate: 1 }, { hangRate: 1 }] as FaultPlan[]) {
      await setFaults(request, { price: plan });
      const q = encodeURIComponent(`泄露检查 price ${JSON.stringify(plan)}`);
      const res = await request.get(`/api/products/compare?q=${q}`);
      expect(res.status()).toBe(200);
      expect((await res.json()).degraded).toEqual(['price-api']);
      await expectClean(res, `compare with the price API ${JSON.stringify(plan)}`);
      await expectClean(await request.get('/api/health'), 'health');
    }
  });

  test('Weidian hanging: a timeout, cleanly', async ({ request }) => {
    test.setTimeout(90_000);
    await setFaults(request, { weidian: { hangRate: 1 } });
    await expectError(await request.get(`/api/products/compare?q=${encodeURIComponent('泄露检查 hang')}`), [502, 503, 504], 'compare during a hang');
  });
});
