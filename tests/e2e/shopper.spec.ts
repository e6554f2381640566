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

test('a shopper searches, filters, sorts, pages, opens a product and an offer, and comes back to the same view', async ({ page, context }) => {
  await page.goto('/');
  const cards = page.getByTestId('product-card');
  const titles = page.getByTestId('product-title');

  // A Latin query, then a Chinese one, from the search box.
  await page.getByTestId('search-input').fill('iPhone');
  await page.getByTestId('search-input').press('Enter');
  await expect(page).toHaveURL(/q=iPhone/);
  await expect(cards.first()).toBeVisible();
  for (const title of await titles.allTextContents()) expect(title.toLowerCase()).toContain('iphone');

  await page.getByTestId('search-input').fill('纸');
  await page.getByTestId('search-submit').click();
  await expect(page).toHaveURL(/q=%E7%BA%B8/);
  await expect(cards.first()).toBeVisible();

  // Category filter and sort are links; the URL is the state.
  await page.getByTestId('category-filter').locator('[data-category-id="4"]').click();
  await expect(page).toHaveURL(/category_id=4/);
  await page.getByTestId('sort-links').locator('[data-sort="price_asc"]').click();
  await expect(page).toHaveURL(/sort=price_asc/);
  await expect(page).toHaveURL(/q=%E7%BA%B8/);
  const lowest = async () => (await page.getByTestId('lowest-price').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-fen')))));
  const firstPage = await lowest();
  expect(firstPage).toEqual([...firstPage].sort((a, b) => a - b));

  // Next page: of the whole catalogue, sorted, so there is one.
  await page.goto('/?sort=price_asc');
  const page1 = await lowest();
  await page.getByTestId('pagination').locator('a[rel="next"]').click();
  await expect(page).toHaveURL(/page=2/);
  const page2 = await lowest();
  expect(page2.length).toBeGreaterThan(0);
  expect(Math.min(...page2)).toBeGreaterThanOrEqual(Math.max(...page1));
  const view = page.url();
  const firstTitle = await titles.first().textContent();

  // A product that is cheaper elsewhere, and its outbound link: a new tab, without opener or referrer.
  const cheaperElsewhere = cards.filter({ has: page.locator('[data-testid="lowest-price"]:not([data-platform="weidian"])') }).first();
  await cheaperElsewhere.getByTestId('product-title').click();
  await expect(page).toHaveURL(/\/products\/\d+/);
  const link = page.getByTestId('offers-table').getByTestId('offer-link').first();
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(link).toHaveAttribute('href', /^https:\/\//);
  // The shop's page itself is not reachable from here (no outside network): the tab opening is what is checked.
  await context.route(/^https:\/\//, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>offer</title>' }));
  const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
  expect(await tab.evaluate(() => window.opener)).toBeNull();
  await tab.close();

  // Back: the same list, page and order.
  await page.goBack();
  await expect(page).toHaveURL(view);
  await expect(titles.first()).toHaveText(firstTitle ?? '');
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
