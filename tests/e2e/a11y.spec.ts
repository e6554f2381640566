/**
 * Accessibility in the browser: axe-core on every page (no serious or critical violation), a keyboard-only
 * journey with a visible focus ring at every step, images with alt text, prices read with their currency.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ensureOrders } from './merchant-login';
import { productWithOffers } from './shopper-pages';

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

test('shopper pages have no serious or critical axe violations', async ({ page }) => {
  test.setTimeout(120_000); // seven pages, a few seconds of axe each
  const product = await productWithOffers(page);
  for (const path of ['/', '/?q=牛奶&category_id=3&sort=price_asc', '/?q=没有这种商品xyz', '/?page_size=0', product, '/products/999999999999', '/login']) {
    await page.goto(path);
    expect(await seriousViolations(page), path).toEqual([]);
  }
});

test('merchant pages and the sandbox consent page have no serious or critical axe violations', async ({ page }) => {
  test.setTimeout(180_000); // a first sync when the database has no orders yet
  await page.goto('/login?returnTo=%2Forders');
  await page.getByTestId('login-button').click();
  await expect(page.locator('#consent-form')).toBeVisible();
  expect(await seriousViolations(page), 'consent page').toEqual([]);
  await page.locator('input[name="merchant"]').first().check();
  await page.locator('#approve').click();
  await expect(page.getByTestId('merchant-name')).toBeVisible();
  await ensureOrders(page);
  expect(await seriousViolations(page), '/orders').toEqual([]);
  await page.getByTestId('order-link').first().click();
  await expect(page.getByTestId('order-detail')).toBeVisible();
  expect(await seriousViolations(page), 'order detail').toEqual([]);
});

/** The focused element, and whether something visibly marks it (an outline or a ring drawn as box-shadow). */
async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const ring = style.boxShadow !== 'none';
    // A card's stretched title link draws its ring on the card (has-[a:focus-visible]:ring-2).
    const card = el.closest('article');
    const cardRing = !!card && getComputedStyle(card).boxShadow.includes('rgb') && card.matches(':has(a:focus-visible)');
    return { testId: el.dataset.testid ?? el.tagName.toLowerCase(), href: el.getAttribute('href'), visible: outline || ring || cardRing };
  });
}

async function tabTo(page: Page, predicate: (f: NonNullable<Awaited<ReturnType<typeof focused>>>) => boolean, maxTabs = 80) {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f) expect(f.visible, `focus on ${f.testId} is not visible`).toBe(true);
    if (f && predicate(f)) return f;
  }
  throw new Error('never reached the element by Tab');
}

test('keyboard only: search → a card → its product page → an offer link, focus always visible', async ({ page }) => {
  await page.goto('/');
  await tabTo(page, (f) => f.testId === 'search-input');
  await page.keyboard.type('牛奶');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/q=/);
  await expect(page.getByTestId('product-card').first()).toBeVisible();

  // To a card cheaper elsewhere (so its page has offers), by Tab alone.
  const target = await page
    .getByTestId('product-card')
    .filter({ has: page.locator('[data-testid="lowest-price"]:not([data-platform="weidian"])') })
    .first()
    .getByTestId('product-title')
    .getAttribute('href');
  await tabTo(page, (f) => f.testId === 'product-title' && f.href === target, 200);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${target}$`));

  const offer = await tabTo(page, (f) => f.testId === 'offer-link', 120);
  expect(offer.href).toMatch(/^https:\/\//);
});

test('images have alt text and every price is read with its currency', async ({ page }) => {
  for (const path of ['/', await productWithOffers(page)]) {
    await page.goto(path);
    const images = await page.locator('img').evaluateAll((imgs) => imgs.map((i) => ({ alt: i.getAttribute('alt'), hidden: i.closest('[aria-hidden="true"]') !== null })));
    expect(images.length).toBeGreaterThan(0);
    for (const img of images) if (!img.hidden) expect(img.alt?.trim(), `${path}: an image without alt`).toBeTruthy();

    // Prices are drawn as "¥1,299.00" for the eye (aria-hidden) and spoken as "… 1299.00元" beside it.
    const prices = page.locator('[data-testid="weidian-price"], [data-testid="offer-price"]');
    expect(await prices.count()).toBeGreaterThan(0);
    for (const spoken of await prices.evaluateAll((els) => els.map((e) => (e.previousElementSibling as HTMLElement | null)?.textContent ?? ''))) {
      expect(spoken).toMatch(/\d+\.\d{2}元$/);
    }
  }
});
