/**
 * Phone (375 × 812) and desktop (1440 × 900) layouts of the pages shoppers and merchants use most: nothing
 * scrolls sideways, and every control is a tap target of at least 44 × 44 CSS px (WCAG 2.5.5, Apple's HIG).
 * Links inside running text are exempt, as WCAG exempts them. A screenshot of each is saved under test-results/.
 */
import { expect, test, type Page } from '@playwright/test';
import { ensureOrders, loginThroughConsent } from './merchant-login';
import { productWithOffers } from './shopper-pages';

const VIEWPORTS = [
  { name: 'mobile', width: 375, height: 812 },
  { name: 'desktop', width: 1440, height: 900 },
] as const;

/** Controls smaller than 44 × 44, described for the failure message. */
async function smallTapTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const controls = document.querySelectorAll<HTMLElement>('a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [tabindex="0"]');
    for (const el of controls) {
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none' || el.closest('[hidden], .sr-only')) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      // A link inside a sentence (display inline, in a text block) is exempt (WCAG 2.5.8 "inline").
      if (el.tagName === 'A' && style.display === 'inline' && el.parentElement && getComputedStyle(el.parentElement).display !== 'flex') continue;
      // A card's title link stretches over the whole card with ::after: the card is the target.
      const after = getComputedStyle(el, '::after');
      if (after.position === 'absolute' && after.content !== 'none') {
        const card = el.closest('article')?.getBoundingClientRect();
        if (card && card.width >= 44 && card.height >= 44) continue;
      }
      if (rect.width < 44 || rect.height < 44) {
        out.push(`${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ''} "${(el.textContent ?? '').trim().slice(0, 20)}" ${Math.round(rect.width)}×${Math.round(rect.height)}`);
      }
    }
    return out;
  });
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

for (const viewport of VIEWPORTS) {
  test.describe(`${viewport.name} ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test('home, product and orders: no sideways scroll, tap targets ≥ 44 px', async ({ page }) => {
      test.setTimeout(180_000); // three pages, and a first sync when the database has no orders yet
      const pages: [string, () => Promise<void>][] = [
        ['home', async () => void (await page.goto('/'))],
        ['product', async () => void (await page.goto(await productWithOffers(page)))],
        [
          'orders',
          async () => {
            await loginThroughConsent(page);
            await expect(page.getByTestId('merchant-name')).toBeVisible();
            await ensureOrders(page); // the table with rows is the layout that matters
          },
        ],
      ];
      for (const [name, open] of pages) {
        await open();
        await page.waitForLoadState('networkidle');
        await page.screenshot({ path: `test-results/screens/${name}-${viewport.name}.png`, fullPage: true });
        expect(await horizontalOverflow(page), `${name} scrolls sideways`).toBeLessThanOrEqual(0);
        expect(await smallTapTargets(page), `${name}: controls under 44 × 44`).toEqual([]);
      }
    });
  });
}
