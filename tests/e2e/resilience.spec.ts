/**
 * The shopper pages while an upstream fails (issue #4 §5), with faults injected into the embedded sandbox
 * (docs/sandbox-faults.md; the e2e server runs with SANDBOX_FAULTS=1):
 * - the price API down → Weidian prices with a banner;
 * - Weidian failing with a cached copy → the copy, with its age;
 * - Weidian failing with nothing cached → 503, a friendly page and a retry link that works without JavaScript.
 * Each test uses its own query, so its cache entries are its own.
 */
import { expect, test } from '@playwright/test';
import { setFaults, untilHealthy } from './sandbox-faults';
import { E2E_COMPARE_CACHE_TTL_SECONDS } from './server-settings';

test.afterEach(async ({ request }) => {
  await setFaults(request, {});
  await untilHealthy(request); // no later test meets a breaker this one left open
});

test('with the price API down the home page shows Weidian prices and a banner', async ({ page, request }) => {
  await setFaults(request, { price: { errorRate: 1 } });
  const res = await page.goto('/?q=奶粉');
  expect(res?.status()).toBe(200);
  await expect(page.getByTestId('degraded-banner')).toContainText('当前仅显示微店价格');
  const cards = page.getByTestId('product-card');
  await expect(cards.first()).toBeVisible();
  await expect(cards.first().getByTestId('weidian-price')).toHaveText(/¥\d[\d,]*\.\d{2}/);
});

test('with Weidian failing, cached results are served stale with their age', async ({ page, request }) => {
  // Warm the cache: the list, and one product from it.
  await page.goto('/?q=跑鞋');
  const cards = page.getByTestId('product-card');
  await expect(cards.first()).toBeVisible();
  await expect(page.getByTestId('stale-notice')).toHaveCount(0);
  const productHref = (await cards.first().getByTestId('product-title').getAttribute('href'))!;
  expect(productHref).toMatch(/^\/products\/\d+$/);
  await page.goto(productHref);
  await expect(page.getByTestId('product-detail')).toBeVisible();

  await setFaults(request, { weidian: { errorRate: 1 } });
  await page.waitForTimeout(E2E_COMPARE_CACHE_TTL_SECONDS * 1000 + 500); // past the fresh time

  const list = await page.goto('/?q=跑鞋');
  expect(list?.status()).toBe(200);
  await expect(page.getByTestId('stale-notice')).toHaveText(/^以下是.+的比价结果，最新价格正在更新。$/);
  await expect(page.getByTestId('stale-notice')).toHaveAttribute('role', 'status');
  await expect(cards.first()).toBeVisible();

  const detail = await page.goto(productHref);
  expect(detail?.status()).toBe(200);
  await expect(page.getByTestId('stale-notice')).toBeVisible();
  await expect(page.getByTestId('product-detail')).toBeVisible();
});

test('with Weidian failing and nothing cached, a 503 page with a retry link that works without JavaScript', async ({ browser, request, baseURL }) => {
  const path = `/?q=${encodeURIComponent('保温杯')}`;
  await setFaults(request, { weidian: { errorRate: 1 } });

  const res = await request.get(path);
  expect(res.status()).toBe(503);
  expect(res.headers()['retry-after']).toMatch(/^\d+$/);
  const html = await res.text();
  expect(html).toContain('<html lang="zh-CN">');
  expect(html).toContain('抱歉，比价结果暂时无法显示');
  expect(html).toContain(`href="${path}">重试</a>`);
  // Never a stack, an error name or Next's script-only error shell.
  for (const leak of ['UpstreamError', 'Error:', '    at ', '__next_error__', 'weidian:']) expect(html).not.toContain(leak);

  const product = await request.get('/products/1999999999');
  expect(product.status()).toBe(503);
  expect(await product.text()).toContain('抱歉，这件商品暂时无法显示');

  const context = await browser.newContext({ baseURL, javaScriptEnabled: false, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    const response = await page.goto(path);
    expect(response?.status()).toBe(503);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('抱歉，比价结果暂时无法显示');
    await expect(page.getByTestId('service-unavailable')).toContainText('请稍后点击“重试”');
    const retry = page.getByRole('link', { name: '重试' });
    await expect(retry).toHaveAttribute('href', path);

    // Weidian is back: the link alone, with no JavaScript, brings the results.
    await setFaults(request, {});
    await untilHealthy(request);
    const [again] = await Promise.all([page.waitForResponse((r) => r.request().isNavigationRequest()), retry.click()]);
    expect(again.status()).toBe(200);
    await expect(page.getByTestId('product-card').first()).toBeVisible();
  } finally {
    await context.close();
  }
});

test('a missing product answers 404 with its text rendered on the server', async ({ browser, request, baseURL, page }) => {
  for (const path of ['/products/not-a-number', '/products/1000000001']) {
    const res = await request.get(path);
    expect(res.status()).toBe(404);
    const html = await res.text();
    expect(html).not.toContain('__next_error__');
    expect(html).toMatch(/<h2[^>]*>没有找到这件商品<\/h2>/);
  }

  const context = await browser.newContext({ baseURL, javaScriptEnabled: false, locale: 'zh-CN' });
  try {
    const noJs = await context.newPage();
    expect((await noJs.goto('/products/not-a-number'))?.status()).toBe(404);
    await expect(noJs.getByTestId('not-found')).toContainText('没有找到这件商品');
  } finally {
    await context.close();
  }

  // With JavaScript the page hydrates in place: same URL, same text, and its links work.
  await page.goto('/products/not-a-number');
  await expect(page.getByTestId('not-found')).toContainText('没有找到这件商品');
  await expect(page).toHaveURL(/\/products\/not-a-number$/);
  await page.getByRole('link', { name: '去首页看看其他商品' }).click();
  await expect(page.getByTestId('product-card').first()).toBeVisible();
});
