import { expect, test } from '@playwright/test';

test('a shopper searches, sees compared prices and opens a product with its offers', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const cards = page.getByTestId('product-card');
  await expect(cards.first()).toBeVisible();

  await page.getByTestId('search-input').fill('牛奶');
  await page.getByTestId('search-submit').click();
  await expect(page).toHaveURL(/q=%E7%89%9B%E5%A5%B6|q=牛奶/);
  await expect(cards.first()).toBeVisible();
  for (const title of await page.getByTestId('product-title').allTextContents()) expect(title).toContain('牛奶');
  await expect(cards.first().getByTestId('weidian-price')).toHaveText(/¥\d[\d,]*\.\d{2}/);
  await expect(cards.first().getByTestId('lowest-price')).toContainText('¥');

  await cards.first().getByTestId('product-title').click();
  await expect(page).toHaveURL(/\/products\/\d+/);
  await expect(page.getByTestId('offers-table')).toBeVisible();
  await expect(page.getByTestId('offer-row').first()).toContainText('¥');
  await page.screenshot({ path: 'test-results/screens/product.png', fullPage: true });
});

test('a Latin query and a category filter keep the view in the URL', async ({ page }) => {
  await page.goto('/?q=iPhone&category_id=1&sort=price_asc');
  const prices = page.getByTestId('product-card');
  await expect(prices.first()).toBeVisible();
  for (const title of await page.getByTestId('product-title').allTextContents()) expect(title.toLowerCase()).toContain('iphone');
  await page.screenshot({ path: 'test-results/screens/home.png', fullPage: true });
});

test('bad query parameters get a friendly page, not an error', async ({ page }) => {
  const response = await page.goto('/?page_size=0');
  expect(response?.status()).toBeLessThan(500);
  await expect(page.locator('body')).toContainText('page_size');
});

test('the API answers 400 JSON naming the field', async ({ request }) => {
  const res = await request.get('/api/products/compare?page_size=1e9');
  expect(res.status()).toBe(400);
  expect((await res.json()).error.fields[0].field).toBe('page_size');
});
