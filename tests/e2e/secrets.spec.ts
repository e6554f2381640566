/**
 * No secret reaches a browser: the sandbox App Secret and price API key (the credentials the production
 * build runs with here) appear in no file under .next/static and in no served page or API response.
 */
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';

// Read from the source rather than imported: sandbox/credentials.ts is `server-only`, which throws outside Next.
const constant = (file: string, name: string) => {
  const value = new RegExp(`${name}\\s*=\\s*'([^']+)'`).exec(readFileSync(path.join(process.cwd(), file), 'utf8'))?.[1];
  if (!value || value.length < 12) throw new Error(`cannot read ${name} from ${file}`);
  return value;
};
const SECRETS = [
  constant('sandbox/credentials.ts', 'SANDBOX_WEIDIAN_APP_SECRET'),
  constant('sandbox/credentials.ts', 'SANDBOX_PRICE_API_KEY'),
  // The session password the e2e server runs with (no SESSION_SECRET set).
  constant('lib/env.ts', 'DEVELOPMENT_SESSION_SECRET'),
];

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else yield full;
  }
}

test('no secret in any file under .next/static', async () => {
  let scanned = 0;
  for await (const file of files(path.join(process.cwd(), '.next/static'))) {
    const text = await readFile(file, 'latin1');
    for (const secret of SECRETS) expect(text.includes(secret), `${secret.slice(0, 6)}… in ${file}`).toBe(false);
    scanned++;
  }
  expect(scanned).toBeGreaterThan(10);
});

test('no secret in served pages, RSC payloads or API responses', async ({ request, page }) => {
  await page.goto('/');
  const productHref = await page.getByTestId('product-title').first().getAttribute('href');
  expect(productHref).toBeTruthy();
  for (const url of ['/', '/?q=牛奶', productHref!, '/api/products/compare', '/api/weidian/products?page_size=50']) {
    for (const headers of [{}, { RSC: '1' }] as Record<string, string>[]) {
      const res = await request.get(url, { headers });
      const body = await res.text();
      for (const secret of SECRETS) expect(body.includes(secret), `secret in ${url}`).toBe(false);
    }
  }
});
