/**
 * Merchant journeys through the sandbox's OAuth consent page, and the OAuth edge cases a browser (or an
 * attacker with curl) can produce. Runs against the production build in sandbox mode.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { loginThroughConsent } from './merchant-login';
import { setFaults } from './sandbox-faults';


test('a merchant logs in, syncs, sees masked orders, filters, opens one and logs out', async ({ page }) => {
  test.setTimeout(150_000); // the sync runs against a deliberately slow Weidian
  await page.goto('/orders');
  await expect(page).toHaveURL(/\/login\?returnTo=%2Forders/);

  await loginThroughConsent(page);
  await expect(page).toHaveURL(/\/orders/);
  await expect(page.getByTestId('merchant-name')).toBeVisible();

  // Weidian slowed down, so the run lasts long enough to watch its progress (page and order counts).
  await setFaults(page.request, { weidian: { latencyMs: 1500 } });
  try {
    await page.getByTestId('sync-button').click();
    await expect(page.getByTestId('sync-progress')).toContainText(/正在同步：已同步 \d+ 页 \/ \d+ 单/, { timeout: 15_000 });
    await expect(page.getByTestId('sync-done')).toBeVisible({ timeout: 90_000 });
  } finally {
    await setFaults(page.request, {});
  }
  await expect(page.getByTestId('order-row').first()).toBeVisible();

  // Buyer data is masked, and no token is present, in everything the browser receives: HTML, RSC payload, cookies.
  const rawPhone = /(?<!\d)1[3-9]\d{9}(?!\d)|1[3-9]\d[ -]\d{4}[ -]\d{4}/;
  const token = /wd[ar]t_[A-Za-z0-9_-]{20,}/;
  for (const headers of [{}, { RSC: '1' }] as Record<string, string>[]) {
    const body = await (await page.request.get(page.url(), { headers })).text();
    expect(body).not.toMatch(rawPhone);
    expect(body).not.toMatch(token);
  }
  for (const cookie of await page.context().cookies()) expect(cookie.value).not.toMatch(token);
  const session = (await page.context().cookies()).find((c) => c.name === 'bijia_session');
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  await expect(page.getByTestId('buyer-phone').first()).toContainText('****');

  await page.getByTestId('status-filter').locator('[data-status="TRADE_SUCCESS"]').click();
  await expect(page).toHaveURL(/status=TRADE_SUCCESS/);
  for (const status of await page.getByTestId('order-status').allTextContents()) expect(status).toContain('交易成功');

  await page.getByTestId('order-row').first().locator('a').first().click();
  await expect(page.getByTestId('order-detail')).toBeVisible();
  await expect(page.getByTestId('order-total')).toContainText('¥');
  await expect(page.getByTestId('buyer-name')).toContainText('**');
  await page.screenshot({ path: 'test-results/screens/order.png', fullPage: true });

  await page.getByTestId('logout-button').click();
  await page.goto('/orders');
  await expect(page).toHaveURL(/\/login/);
});

test('a logged-in merchant gets a listing of their own, not the copy served to visitors without cookies', async ({ page, request }) => {
  // Visitors without cookies are served one render of the listing (lib/http/listing-html-cache.ts): fill it.
  for (let i = 0; i < 2; i++) {
    const anonymous = await request.get('/');
    expect(anonymous.headers()['x-listing-html']).toBe('copy');
    expect(await anonymous.text()).not.toContain('data-testid="merchant-name"');
  }
  await loginThroughConsent(page, '/');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('merchant-name')).toBeVisible();
  const own = await page.request.get('/'); // with the session cookie
  expect(own.headers()['x-listing-html']).toBeUndefined();
  expect(await own.text()).toContain('data-testid="merchant-name"');
  await expect(page.getByTestId('logout-button')).toBeVisible();
  // And the copy is still the anonymous one.
  expect(await (await request.get('/')).text()).not.toContain('data-testid="merchant-name"');
});

test('cancelling on the consent page lands on /login with a reason', async ({ page }) => {
  await page.goto('/login');
  await page.getByTestId('login-button').click();
  await page.locator('#deny').click();
  await expect(page).toHaveURL(/\/login\?error=access_denied/);
  await expect(page.getByTestId('login-error')).toBeVisible();
});

/** Follows our own redirects by hand, returning the Location of the callback's answer. */
async function startLogin(request: APIRequestContext, returnTo?: string) {
  const res = await request.get(`/api/auth/login${returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(returnTo)}`}`, { maxRedirects: 0 });
  expect(res.status()).toBe(302);
  return new URL(res.headers()['location']!, 'http://x');
}

test.describe('OAuth callback edge cases', () => {
  test('a state that does not match is refused', async ({ request }) => {
    await startLogin(request);
    const res = await request.get('/api/auth/callback?code=abc&state=not-the-state', { maxRedirects: 0 });
    expect(res.headers()['location']).toContain('/login?error=state_mismatch');
  });

  test('a callback whose iss names another server is refused as such, not as a state problem', async ({ request }) => {
    const authorize = await startLogin(request);
    const state = authorize.searchParams.get('state')!;
    const res = await request.get(`/api/auth/callback?code=abc&state=${state}&iss=${encodeURIComponent('https://evil.example')}`, { maxRedirects: 0 });
    expect(res.headers()['location']).toContain('/login?error=issuer_mismatch');
  });

  test('a callback without a code is refused', async ({ request }) => {
    const authorize = await startLogin(request);
    const res = await request.get(`/api/auth/callback?state=${authorize.searchParams.get('state')}`, { maxRedirects: 0 });
    expect(res.headers()['location']).toContain('/login?error=missing_code');
  });

  test('a callback without the login cookie is refused', async ({ playwright, baseURL }) => {
    const fresh = await playwright.request.newContext({ baseURL });
    const res = await fresh.get('/api/auth/callback?code=abc&state=xyz', { maxRedirects: 0 });
    expect(res.headers()['location']).toContain('/login?error=expired');
    await fresh.dispose();
  });

  test('a replayed code does not log anyone in', async ({ page, context }) => {
    // Capture the callback URL of a real login, then play it again in a new login attempt.
    let callback = '';
    page.on('request', (r) => {
      if (r.url().includes('/api/auth/callback')) callback = r.url();
    });
    await loginThroughConsent(page);
    await expect(page).toHaveURL(/\/orders/);
    expect(callback).toContain('code=');
    await context.clearCookies();
    await page.goto('/api/auth/login');
    await expect(page.locator('#consent-form')).toBeVisible();
    // Same code again, with this attempt's state, so only the code is at fault.
    const state = new URL(page.url()).searchParams.get('state')!;
    const replay = new URL(callback);
    replay.searchParams.set('state', state);
    await page.goto(replay.toString());
    await expect(page).toHaveURL(/\/login\?error=exchange_failed/);
    await page.goto('/orders');
    await expect(page).toHaveURL(/\/login/);
  });

  test('returnTo may only be a path on this site', async ({ page, context, baseURL }) => {
    for (const evil of ['//evil.example', 'https://evil.example', '/\\evil.example']) {
      await context.clearCookies();
      await loginThroughConsent(page, evil);
      await expect(page).toHaveURL(new RegExp(`^${baseURL}/orders`));
    }
  });

  test('a tampered session cookie reads as logged out, not as an error', async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: 'bijia_session', value: 'Fe26.2**tampered**garbage', url: baseURL! }]);
    const res = await page.goto('/orders');
    expect(res?.status()).toBeLessThan(500);
    await expect(page).toHaveURL(/\/login/);
  });

  test('logout refuses a cross-site POST', async ({ request }) => {
    const res = await request.post('/api/auth/logout', { headers: { origin: 'https://evil.example' }, maxRedirects: 0 });
    expect(res.status()).toBe(403);
  });
});
