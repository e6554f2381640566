/**
 * The sandbox's hand-written XSS fixture (sandbox/catalogue.ts): a product titled
 * `<img src=x onerror=alert(1)> 测试商品` with an offer whose link is `javascript:alert(1)`. Its title must
 * render as text in the search results and on its page, the link must never become one, and no dialog may
 * open — whether the page is server-rendered or reached by a client-side navigation.
 */
import { expect, test, type Page } from '@playwright/test';

const TITLE = '<img src=x onerror=alert(1)> 测试商品';
const ITEM_ID = '9000000001';

/** Nothing the markup in the data could have turned into: an element with a handler, an `x` image, a script link. */
async function expectInert(page: Page) {
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('[onerror], [onmouseover]')).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:" i], [href^="javascript:" i]')).toHaveCount(0);
}

test('a title made of markup renders as text, its javascript: offer is no link, and no dialog opens', async ({ page, request }) => {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });

  await page.goto(`/?q=${encodeURIComponent('测试商品')}`);
  const card = page.getByTestId('product-card').filter({ hasText: '测试商品' });
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId('product-title')).toHaveText(TITLE);
  await expectInert(page);

  // Client-side navigation to its page (the RSC payload path) …
  await card.getByTestId('product-title').click();
  await expect(page).toHaveURL(new RegExp(`/products/${ITEM_ID}$`));
  await expect(page.getByTestId('product-detail')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  // The offer's javascript: URL is no link: the offer is dropped as untrustworthy, nothing links anywhere odd.
  await expect(page.getByTestId('offer-link')).toHaveCount(0);
  await expectInert(page);

  // … and the server-rendered page.
  await page.goto(`/products/${ITEM_ID}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expectInert(page);
  await page.waitForTimeout(500); // an onerror would fire as soon as the broken image failed to load

  // The HTML carries the markup only escaped (as text, or \u003c… inside the inline RSC script).
  for (const path of [`/?q=${encodeURIComponent('测试商品')}`, `/products/${ITEM_ID}`]) {
    const html = await (await request.get(path)).text();
    expect(html, path).toContain('测试商品');
    expect(html, path).not.toContain('<img src=x');
    expect(html, path).not.toContain('javascript:alert');
  }
  expect(dialogs).toEqual([]);
});
