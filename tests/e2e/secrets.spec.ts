/**
 * Nothing secret reaches a browser (docs/security.md, "Scans"):
 * - the sandbox App Secret and price API key (the credentials the production build runs with here) and the
 *   session password, in no file under .next/static and in no served page, RSC payload or API response;
 * - the merchant's real OAuth tokens (read from the sandbox's record of what it issued, `/sandbox/__tokens`,
 *   after a real login through the consent page) and the buyers' raw phone numbers (read from the sandbox's
 *   own trade/list with that token: what the app received), in none of the merchant pages, their RSC
 *   payloads or the sync API. Masked numbers (138****5678) are what the pages show.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { SECRETS } from './known-secrets';

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else yield full;
  }
}

/** Every build asset's text; at least a few dozen files. */
async function staticFiles(): Promise<{ file: string; text: string }[]> {
  const all: { file: string; text: string }[] = [];
  for await (const file of files(path.join(process.cwd(), '.next/static'))) all.push({ file, text: await readFile(file, 'latin1') });
  expect(all.length).toBeGreaterThan(10);
  return all;
}

/** The HTML and the RSC payload of each URL (and an API's JSON, twice), as the browser would get them. */
async function served(request: APIRequestContext, urls: string[]): Promise<{ url: string; body: string }[]> {
  const bodies: { url: string; body: string }[] = [];
  for (const url of urls) {
    for (const headers of [{}, { RSC: '1' }] as Record<string, string>[]) {
      const res = await request.get(url, { headers });
      expect(res.status(), url).toBeLessThan(500);
      bodies.push({ url: `${url}${headers.RSC ? ' (RSC)' : ''}`, body: await res.text() });
    }
  }
  return bodies;
}

test('no secret in any file under .next/static', async () => {
  for (const { file, text } of await staticFiles()) {
    for (const secret of SECRETS) expect(text.includes(secret), `${secret.slice(0, 6)}… in ${file}`).toBe(false);
  }
});

test('no secret in served pages, RSC payloads or API responses', async ({ request, page }) => {
  await page.goto('/');
  const productHref = await page.getByTestId('product-title').first().getAttribute('href');
  expect(productHref).toBeTruthy();
  const urls = ['/', '/?q=牛奶', '/?category_id=1&page=2&sort=saving', productHref!, '/login', '/login?error=expired', '/no-such-page', '/products/1'];
  const apis = ['/api/products/compare', '/api/weidian/products?page_size=50', `/api/products/compare?q=${'x'.repeat(300)}`, '/api/health'];
  for (const { url, body } of await served(request, [...urls, ...apis])) {
    for (const secret of SECRETS) expect(body.includes(secret), `secret in ${url}`).toBe(false);
  }
});

interface Issued {
  shopId: string;
  accessToken: string;
  refreshToken: string;
}

/** Every phone number on a shop's orders as the sandbox serves them (all of trade/list), as 11 bare digits. */
async function rawBuyerPhones(request: APIRequestContext, accessToken: string): Promise<Set<string>> {
  const phones = new Set<string>();
  for (let page = 1; ; page++) {
    const res = await request.get(`/sandbox/weidian/trade/list?page=${page}&page_size=100`, { headers: { authorization: `Bearer ${accessToken}` } });
    const body = (await res.json()) as { result: { trades: { buyer_phone: string }[]; has_next: boolean } };
    for (const t of body.result.trades) phones.add(t.buyer_phone.replace(/\D/g, '').slice(-11));
    if (!body.result.has_next) break;
  }
  return phones;
}

/** `13812345678` written any way a page might: bare, or with spaces or dashes between its groups. */
const phonePattern = (digits: string) => new RegExp(`(?<!\\d)${digits.slice(0, 3)}[ -]?${digits.slice(3, 7)}[ -]?${digits.slice(7)}(?!\\d)`);

test('no OAuth token, secret or raw buyer phone in the merchant pages, their RSC payloads or the sync API', async ({ page }) => {
  await page.goto('/login?returnTo=%2Forders');
  await page.getByTestId('login-button').click();
  const merchant = page.locator('input[name="merchant"]').first();
  const shopId = (await merchant.getAttribute('value'))!;
  await merchant.check();
  await page.locator('#approve').click();
  await expect(page).toHaveURL(/\/orders/);
  await page.getByTestId('sync-button').click();
  await expect(page.getByTestId('sync-done')).toBeVisible({ timeout: 60_000 });
  await page.reload();
  await expect(page.getByTestId('order-row').first()).toBeVisible();

  const issued = ((await (await page.request.get('/sandbox/__tokens')).json()) as { tokens: Issued[] }).tokens;
  const mine = issued.filter((t) => t.shopId === shopId);
  expect(mine.length, 'the login was issued tokens').toBeGreaterThan(0);
  const tokens = issued.flatMap((t) => [t.accessToken, t.refreshToken]);
  for (const token of tokens) expect(token).toMatch(/^wd[ar]t_[A-Za-z0-9_-]{40,}$/);
  const phones = await rawBuyerPhones(page.request, mine.at(-1)!.accessToken);
  expect(phones.size, 'the shop has buyers').toBeGreaterThan(10);

  const orderLinks = await page.getByTestId('order-link').evaluateAll((links) => links.slice(0, 5).map((a) => a.getAttribute('href')!));
  expect(orderLinks.length).toBeGreaterThan(0);
  const urls = ['/orders', '/orders?status=TRADE_SUCCESS', '/orders?status=WAIT_BUYER_PAY', '/orders?page=2', ...orderLinks, '/api/orders/sync'];
  const bodies = await served(page.request, urls);
  const shownMasked = bodies.some(({ body }) => /1[3-9]\d\*{4}\d{4}/.test(body));
  expect(shownMasked, 'the pages do show the masked phones').toBe(true);
  for (const { url, body } of bodies) {
    for (const secret of [...SECRETS, ...tokens]) expect(body.includes(secret), `${secret.slice(0, 8)}… in ${url}`).toBe(false);
    for (const phone of phones) expect(phonePattern(phone).test(body), `a raw buyer phone (${phone.slice(0, 3)}…) in ${url}`).toBe(false);
  }
  for (const cookie of await page.context().cookies()) for (const token of tokens) expect(cookie.value.includes(token)).toBe(false);
  for (const { file, text } of await staticFiles()) for (const token of tokens) expect(text.includes(token), file).toBe(false);
});
