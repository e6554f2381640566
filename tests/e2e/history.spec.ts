/**
 * The product page's price history, on the e2e server whose database was seeded with 31 days of the
 * sandbox's drifting prices before it started (playwright.config.ts, E2E_HISTORY_DAYS).
 */
import { expect, test, type Page } from '@playwright/test';

const DAY_MS = 86_400_000;

/** The first `n` product pages linked from the home page. */
async function productHrefs(page: Page, n: number): Promise<string[]> {
  await page.goto('/?sort=saving_desc');
  const hrefs = await page.getByTestId('product-card').locator('a[href^="/products/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  return [...new Set(hrefs)].slice(0, n);
}

test('the chart draws every recorded price change, and the range links switch the window', async ({ page }) => {
  const [href] = await productHrefs(page, 1);
  await page.goto(href!);
  const chart = page.getByTestId('price-history-chart');
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAttribute('data-range', '30');
  const series = await chart.getByTestId('price-series').count();
  const points = chart.getByTestId('price-point');
  // Every point is also a row of the table alternative; 31 days of drift give more points than series.
  const rows = chart.locator('table tbody tr');
  expect(await points.count()).toBe(await rows.count());
  expect(series).toBeGreaterThan(0);
  expect(await points.count()).toBeGreaterThan(series);
  await expect(page.getByTestId('history-empty')).toHaveCount(0);

  await page.getByTestId('history-range-link').filter({ hasText: '90天' }).click();
  await expect(page).toHaveURL(/range=90/);
  await expect(page.getByTestId('price-history-chart')).toHaveAttribute('data-range', '90');
  await page.screenshot({ path: 'test-results/screens/product-history.png', fullPage: true });
});

test('近30天最低 shows exactly when no source was cheaper than the current lowest in the last 30 days', async ({ page }) => {
  const hrefs = await productHrefs(page, 8);
  expect(hrefs.length).toBeGreaterThan(3);
  for (const href of hrefs) {
    await page.goto(href);
    const lowest = Number(await page.getByTestId('lowest-price').first().getAttribute('data-fen'));
    const perSeries = await page.getByTestId('price-series').evaluateAll((groups) =>
      groups.map((g) => [...g.querySelectorAll('[data-testid="price-point"]')].map((c) => ({ at: Date.parse(c.getAttribute('data-at')!), fen: Number(c.getAttribute('data-fen')) }))),
    );
    // The prices held during the last 30 days: the points inside them, and the one each series entered with.
    const start = Date.now() - 30 * DAY_MS;
    const held = perSeries.flatMap((points) => {
      const before = points.filter((p) => p.at <= start).at(-1);
      return [...(before ? [before] : []), ...points.filter((p) => p.at > start)].map((p) => p.fen);
    });
    expect(held.length).toBeGreaterThan(0);
    const expected = lowest <= Math.min(...held);
    await expect(page.getByTestId('lowest-30d-badge'), href).toHaveCount(expected ? 1 : 0);
  }
});
