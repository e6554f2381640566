/** Shopper pages the specs open, shared by them (not a spec itself). */
import { expect, type Page } from '@playwright/test';

/** The path of a product with offers elsewhere: the first card when sorted by saving. */
export async function productWithOffers(page: Page): Promise<string> {
  await page.goto('/?sort=saving_desc');
  const href = await page.getByTestId('product-title').first().getAttribute('href');
  expect(href).toMatch(/^\/products\/\d+$/);
  return href!;
}
