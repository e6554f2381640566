import { defineConfig, devices } from '@playwright/test';
import { E2E_COMPARE_CACHE_TTL_SECONDS, E2E_CORS_ORIGIN, E2E_HISTORY_DAYS } from './tests/e2e/server-settings';

/**
 * End-to-end tests run against a production build (`next build` + `next start`) in sandbox mode, in the
 * system's Chromium (Playwright cannot download its own browsers here: see README).
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    // Build once per run unless told to reuse an existing build (E2E_SKIP_BUILD=1 after `npm run build`).
    // A fresh embedded database per run, so the merchant journey starts from an empty order table.
    // Then E2E_HISTORY_DAYS of price history (tests/e2e/history.spec.ts) into it, before the server holds it.
    command: `rm -rf .data/e2e && npx tsx scripts/seed-history.ts --days ${E2E_HISTORY_DAYS} && ${process.env.E2E_SKIP_BUILD ? '' : 'npm run build && '}npx next start -H 127.0.0.1 -p ${PORT}`,
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    // Never test whatever else happens to listen on the port.
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      // Sandbox mode: no upstream credentials, in-process cache.
      WEIDIAN_APP_KEY: '',
      WEIDIAN_APP_SECRET: '',
      PRICE_API_KEY: '',
      REDIS_URL: '',
      DATABASE_URL: '',
      PGLITE_DIR: '.data/e2e/pglite',
      // Off Vercel every client shares one inbound counter; the suite alone would exhaust the default.
      API_RATE_LIMIT_PER_MINUTE: '100000',
      // The embedded sandbox's fault control (/sandbox/__faults) in a production build: tests/e2e/resilience.spec.ts.
      SANDBOX_FAULTS: '1',
      // One partner origin granted CORS on /api/* (tests/e2e/security-headers.spec.ts).
      CORS_ALLOWED_ORIGINS: E2E_CORS_ORIGIN,
      COMPARE_CACHE_TTL_SECONDS: String(E2E_COMPARE_CACHE_TTL_SECONDS),
      NEXT_TELEMETRY_DISABLED: '1',
      // The server's JSON logs are printed into the test output: warnings and errors are enough there.
      LOG_LEVEL: 'warn',
    },
  },
});
