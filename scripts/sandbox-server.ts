/**
 * `npm run sandbox` — runs the sandbox upstreams (Weidian router + price API) on http://127.0.0.1:$PORT
 * (default 4010) and prints what to put into .env.local to point the app at them.
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

const server = await startSandboxServer({ port, host: process.env.HOST ?? '127.0.0.1' });
console.log(`Bijia sandbox listening on ${server.url}`);
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
