/** The merchant login through the sandbox's consent page, shared by the specs (not a spec itself). */
import { expect, type Page } from '@playwright/test';

export async function loginThroughConsent(page: Page, returnTo = '/orders') {
  await page.goto(`/login?returnTo=${encodeURIComponent(returnTo)}`);
  await page.getByTestId('login-button').click();
  await expect(page.locator('#consent-form')).toBeVisible();
  await page.locator('input[name="merchant"]').first().check();
  await page.locator('#approve').click();
}
