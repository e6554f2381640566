/**
 * Settings the e2e server runs with (playwright.config.ts `webServer.env`) that specs also need to know.
 * Not a spec: Playwright only runs files named *.spec.ts.
 */

/**
 * Fresh time of a cached comparison on the e2e server, in seconds. Small, so tests/e2e/resilience.spec.ts can
 * see a cached answer go stale within a test; other specs only ever see an answer a little older (served at
 * once, refreshed in the background), and a degraded one is kept this long instead of 30 s.
 */
export const E2E_COMPARE_CACHE_TTL_SECONDS = 2;

/** Days of sandbox price history seeded into the e2e database before the server starts: enough for 近30天最低. */
export const E2E_HISTORY_DAYS = 31;

/** The one origin CORS_ALLOWED_ORIGINS lists on the e2e server. */
export const E2E_CORS_ORIGIN = 'https://partner.example';
