/** /api/cron/sync-orders: off without CRON_SECRET, refuses a wrong bearer, syncs every authorized shop. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/cron/sync-orders/route';
import { getOAuthClient } from '@/lib/auth/merchant';
import { getTokenStore } from '@/lib/auth/token-store';
import { closeDb } from '@/lib/db/client';
import { EMBEDDED_SANDBOX_ORIGIN } from '@/lib/env';
import { getEmbeddedSandbox } from '@/lib/upstream/providers';
import { SANDBOX_WEIDIAN_APP_KEY } from '@/sandbox/credentials';
import { SANDBOX_MERCHANTS } from '@/sandbox/merchants';
import { consentCode, pkcePair, SANDBOX_CALLBACK } from '../support/sandbox-login';
import { setEnv } from '../support/process-singletons';

const dir = mkdtempSync(path.join(tmpdir(), 'bijia-cron-'));
const SANDBOX = { WEIDIAN_APP_KEY: undefined, WEIDIAN_APP_SECRET: undefined, PRICE_API_KEY: undefined, PRICE_API_BASE: undefined, REDIS_URL: undefined, DATABASE_URL: undefined, PGLITE_DIR: dir };
const SECRET = 'cron-secret-for-tests-0123456789';
const call = (authorization?: string) => GET(new Request('http://localhost/api/cron/sync-orders', { headers: authorization ? { authorization } : {} }));

let restore: (() => void) | undefined;
afterEach(async () => {
  await closeDb();
  restore?.();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('GET /api/cron/sync-orders', () => {
  it('does not exist without CRON_SECRET', async () => {
    restore = setEnv({ ...SANDBOX, CRON_SECRET: undefined });
    expect((await call(`Bearer ${SECRET}`)).status).toBe(404);
  });

  it.each([undefined, 'Bearer wrong', `Basic ${SECRET}`, `Bearer ${SECRET}x`])('refuses authorization %j', async (authorization) => {
    restore = setEnv({ ...SANDBOX, CRON_SECRET: SECRET });
    expect((await call(authorization)).status).toBe(401);
  });

  it('runs with the right secret (no merchant authorized yet → nothing to do)', async () => {
    restore = setEnv({ ...SANDBOX, CRON_SECRET: SECRET });
    const res = await call(`Bearer ${SECRET}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ results: [] });
  });

  it('syncs every merchant that authorized the app', async () => {
    restore = setEnv({ ...SANDBOX, CRON_SECRET: SECRET });
    const shop = SANDBOX_MERCHANTS[2]!; // the small demo shop
    const { verifier, challenge } = pkcePair();
    const { code, state } = await consentCode(getEmbeddedSandbox(), { origin: `${EMBEDDED_SANDBOX_ORIGIN}/sandbox`, clientId: SANDBOX_WEIDIAN_APP_KEY, shopId: shop.shopId, challenge });
    const tokens = await getOAuthClient().finishAuthorization(new URLSearchParams({ code, state }), { state, codeVerifier: verifier, redirectUri: SANDBOX_CALLBACK });
    await getTokenStore().put(tokens);
    const res = await call(`Bearer ${SECRET}`);
    expect(res.status).toBe(200);
    const { results } = await res.json();
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ shopId: shop.shopId, outcome: 'ok' });
    expect(results[0].orders).toBeGreaterThan(0);
  });
});
