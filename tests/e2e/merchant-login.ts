/** The merchant login through the sandbox's consent page, shared by the specs (not a spec itself). */
import { expect, type Page } from '@playwright/test';

export async function loginThroughConsent(page: Page, returnTo = '/orders') {
  await page.goto(`/login?returnTo=${encodeURIComponent(returnTo)}`);
  await page.getByTestId('login-button').click();
  await expect(page.locator('#consent-form')).toBeVisible();
  await page.locator('input[name="merchant"]').first().check();
  await page.locator('#approve').click();
}

/** On /orders: syncs once when this database has no orders yet, so the table (and an order) can be checked. */
export async function ensureOrders(page: Page) {
  if ((await page.getByTestId('order-row').count()) === 0) {
    await page.getByTestId('sync-button').click();
    await expect(page.getByTestId('sync-done')).toBeVisible({ timeout: 90_000 });
    await page.reload();
  }
  await expect(page.getByTestId('order-row').first()).toBeVisible();
}
