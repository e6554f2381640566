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

test('an offer of another pack size is shown with both prices and compared by unit price', async ({ page }) => {
  await page.goto('/?q=金典有机纯牛奶');
  await page.getByTestId('product-title').filter({ hasText: '24盒' }).first().click();
  await expect(page).toHaveURL(/\/products\/\d+/);
  await expect(page.getByTestId('weidian-unit-price')).toHaveText(/单价 ¥\d+\.\d{2}\/100ml/);

  const row = page.getByTestId('matched-offer-row').filter({ has: page.getByTestId('offer-pack') }).first();
  const pack = row.getByTestId('offer-pack');
  await expect(pack).toContainText('折合×24盒');
  const paid = Number(await row.getByTestId('offer-price').getAttribute('data-fen'));
  const attr = async (name: string) => Number(await pack.getAttribute(name));
  const [offerCount, productCount, comparable] = [await attr('data-offer-count'), await attr('data-product-count'), await attr('data-comparable-fen')];
  expect(offerCount).not.toBe(productCount);
  expect(comparable).toBe(Math.round((paid * productCount) / offerCount));
  await expect(row.getByTestId('reason-chip').filter({ hasText: '按单价比较' })).toHaveCount(1);

  // The lowest on the page is the minimum over Weidian and the offers at their price for this pack.
  const weidian = Number(await page.getByTestId('weidian-price').getAttribute('data-fen'));
  const lowest = Number(await page.getByTestId('lowest-price').getAttribute('data-fen'));
  const rows = page.getByTestId('matched-offer-row');
  const forThisPack: number[] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const r = rows.nth(i);
    if ((await r.getByText('缺货').count()) > 0) continue;
    const p = r.getByTestId('offer-pack');
    forThisPack.push(
      (await p.count()) > 0 ? Number(await p.getAttribute('data-comparable-fen')) : Number(await r.getByTestId('offer-price').getAttribute('data-fen')),
    );
  }
  expect(lowest).toBe(Math.min(weidian, ...forThisPack));
});
