/**
 * Figure h: one merchant's order sync (lib/orders/sync.ts) from the standalone sandbox's trade/list into the
 * real PostgreSQL (a schema of its own, dropped afterwards), timed against the sum of the page reads'
 * latencies. Each page read is timed from request to last body byte, in a wrapper around fetch: what the
 * sync waits for if nothing overlaps. A ratio near 1 means the database writes hide behind the reads.
 */
import { sql } from 'drizzle-orm';
import { createLocalLocker } from '../lib/cache/lock';
import { openTestDatabase } from '../lib/db/testing';
import { syncOrders } from '../lib/orders/sync';
import type { FetchLike } from '../lib/upstream/http';
import { createOAuthClient } from '../lib/weidian/oauth';
import { createTradesClient } from '../lib/weidian/trades';
import { SANDBOX_WEIDIAN_APP_KEY, SANDBOX_WEIDIAN_APP_SECRET } from '../sandbox/credentials';
import { SANDBOX_BENCH_MERCHANT } from '../sandbox/merchants';
import { consentCode, pkcePair, SANDBOX_CALLBACK } from '../tests/support/sandbox-login';

export interface SyncFigures {
  orders: number;
  pages: number;
  requests: number;
  wallMs: number;
  pageLatencySumMs: number;
  ratio: number;
}

export async function measureSync(sandboxUrl: string, maxPages: number): Promise<SyncFigures> {
  const viaHttp = (request: Request) => fetch(new Request(request, { redirect: 'manual' }));
  const { verifier, challenge } = pkcePair();
  const shopId = SANDBOX_BENCH_MERCHANT.shopId;
  const { code, state } = await consentCode(viaHttp, { origin: sandboxUrl, clientId: SANDBOX_WEIDIAN_APP_KEY, shopId, challenge });
  const oauth = createOAuthClient({
    authorizeUrl: `${sandboxUrl}/weidian/oauth2`,
    tokenUrl: `${sandboxUrl}/weidian/oauth2/token`,
    clientId: SANDBOX_WEIDIAN_APP_KEY,
    clientSecret: SANDBOX_WEIDIAN_APP_SECRET,
    fetch: (input, init) => fetch(input, init),
    timeoutMs: 10_000,
  });
  const tokens = await oauth.finishAuthorization(new URLSearchParams({ code, state }), { state, codeVerifier: verifier, redirectUri: SANDBOX_CALLBACK });

  let requests = 0;
  let latencySum = 0;
  const timed: FetchLike = async (input, init) => {
    const started = performance.now();
    const response = await fetch(input, init);
    const body = await response.arrayBuffer();
    latencySum += performance.now() - started;
    requests++;
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };

  const t = await openTestDatabase('pg');
  try {
    await t.db.execute(sql`insert into merchants (shop_id, shop_name) values (${shopId}, ${SANDBOX_BENCH_MERCHANT.shopName})`);
    const started = performance.now();
    const result = await syncOrders({
      shopId,
      getAccessToken: async () => tokens.accessToken,
      db: t.db,
      trades: createTradesClient({ apiBase: `${sandboxUrl}/weidian`, timeoutMs: 10_000, fetch: timed }),
      locker: createLocalLocker(),
      maxPages,
      alert: { webhookUrl: null },
    });
    const wallMs = performance.now() - started;
    const counted = (await t.db.execute(sql`select count(*)::int as count from orders`)) as unknown as { rows: { count: number }[] };
    const count = counted.rows[0]!.count;
    return { orders: count, pages: result.pages, requests, wallMs, pageLatencySumMs: latencySum, ratio: wallMs / latencySum };
  } finally {
    await t.cleanup();
  }
}
