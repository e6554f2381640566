/**
 * `npm run sandbox` — runs the sandbox upstreams (Weidian router + price API) on http://127.0.0.1:$PORT
 * (default 4010) and prints what to put into .env.local to point the app at them.
 *
 * Optional, for the benchmark (bench/run.ts) and for trying the app against slow upstreams:
 * - `SANDBOX_WEIDIAN_LATENCY_MS`, `SANDBOX_PRICE_LATENCY_MS`: a fixed delay before every answer of that
 *   upstream (the fault plan's `latencyMs`, docs/sandbox-faults.md; a later POST to `/__faults` replaces it);
 * - `SANDBOX_BENCH_MERCHANT=1`: also offer the benchmark's merchant with 10,000 orders on the consent page.
 */
import { allowServerOnlyOutsideNext } from '../sandbox/allow-server-only';

allowServerOnlyOutsideNext();

const { startSandboxServer } = await import('../sandbox/server');
const credentials = await import('../sandbox/credentials');

const port = Number(process.env.PORT ?? 4010);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be an integer from 0 to 65535, got "${process.env.PORT}"`);
  process.exit(1);
}

function latency(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const ms = Number(raw);
  if (!Number.isFinite(ms) || ms < 0 || ms > 60_000) {
    console.error(`${name} must be a number of milliseconds from 0 to 60000, got "${raw}"`);
    process.exit(1);
  }
  return ms;
}
const delays = { weidian: latency('SANDBOX_WEIDIAN_LATENCY_MS'), price: latency('SANDBOX_PRICE_LATENCY_MS') };

const server = await startSandboxServer({ port, host: process.env.HOST ?? '127.0.0.1', benchMerchant: process.env.SANDBOX_BENCH_MERCHANT === '1' });
for (const api of ['weidian', 'price'] as const) {
  const latencyMs = delays[api];
  if (latencyMs !== undefined) server.faults?.set(api, { latencyMs });
}
console.log(`Bijia sandbox listening on ${server.url}`);
if (delays.weidian !== undefined || delays.price !== undefined) {
  console.log(`  Latency         Weidian ${delays.weidian ?? 0} ms, price API ${delays.price ?? 0} ms`);
}
console.log(`  Weidian router  ${server.url}/weidian/router`);
console.log(`  Price API       ${server.url}/price/v1/offers/search | /batch`);
console.log(`  OAuth           ${server.url}/weidian/oauth2 (consent) | /weidian/oauth2/token`);
console.log(`  Orders          ${server.url}/weidian/trade/list`);
console.log('');
console.log(`WEIDIAN_API_BASE=${server.url}/weidian`);
console.log(`WEIDIAN_AUTH_BASE=${server.url}/weidian`);
console.log(`WEIDIAN_APP_KEY=${credentials.SANDBOX_WEIDIAN_APP_KEY}`);
console.log(`WEIDIAN_APP_SECRET=${credentials.SANDBOX_WEIDIAN_APP_SECRET}`);
console.log(`PRICE_API_BASE=${server.url}/price`);
console.log(`PRICE_API_KEY=${credentials.SANDBOX_PRICE_API_KEY}`);

const shutdown = (): void => {
  void server.close().then(() => process.exit(0));
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
