/**
 * Token refresh against the sandbox's OAuth server: exactly one refresh for many parallel callers, even
 * from two "instances" (two Redis clients), and rotation makes a spent refresh token useless.
 */
import Redis from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedisLocker } from '@/lib/cache/lock';
import { createMemoryTokenStore, createTokenService, ReauthRequiredError } from '@/lib/auth/tokens';
import { createOAuthClient } from '@/lib/weidian/oauth';
import { SANDBOX_WEIDIAN_APP_KEY, SANDBOX_WEIDIAN_APP_SECRET } from '@/sandbox/credentials';
import { createSandboxHandler } from '@/sandbox/handler';
import { SANDBOX_MERCHANTS } from '@/sandbox/merchants';
import { consentCode, pkcePair, SANDBOX_CALLBACK } from '../support/sandbox-login';
import { inProcessFetch } from '@/lib/upstream/http';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const redisA = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
const redisB = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
afterAll(async () => {
  await Promise.all([redisA.quit(), redisB.quit()]);
});

async function loggedIn(accessTokenTtlSeconds: number) {
  const handler = createSandboxHandler({ accessTokenTtlSeconds });
  const origin = 'http://sandbox.test';
  const oauth = createOAuthClient({
    authorizeUrl: `${origin}/weidian/oauth2`,
    tokenUrl: `${origin}/weidian/oauth2/token`,
    clientId: SANDBOX_WEIDIAN_APP_KEY,
    clientSecret: SANDBOX_WEIDIAN_APP_SECRET,
    fetch: inProcessFetch(handler),
    timeoutMs: 5000,
  });
  const shopId = SANDBOX_MERCHANTS[0]!.shopId;
  const { verifier, challenge } = pkcePair();
  const { code, state } = await consentCode(handler, { origin, clientId: SANDBOX_WEIDIAN_APP_KEY, shopId, challenge });
  const tokens = await oauth.finishAuthorization(new URLSearchParams({ code, state }), { state, codeVerifier: verifier, redirectUri: SANDBOX_CALLBACK });
  const store = createMemoryTokenStore();
  await store.put(tokens);
  return { handler, oauth, store, shopId, tokens };
}

describe('token refresh', () => {
  it('logs in through the sandbox and gets a shop-bound token pair', async () => {
    const { tokens, shopId } = await loggedIn(7200);
    expect(tokens).toMatchObject({ shopId, shopName: SANDBOX_MERCHANTS[0]!.shopName, scope: 'trade.read' });
    expect(Date.parse(tokens.accessExpiresAt)).toBeGreaterThan(Date.now() + 7000_000);
  });

  it('10 parallel callers on two instances with an expired token cause exactly 1 refresh', async () => {
    // 30 s lifetime is inside the 60 s refresh margin: the token counts as expired at once.
    const { handler, oauth, store, shopId, tokens } = await loggedIn(30);
    const instances = [createRedisLocker(redisA), createRedisLocker(redisB)].map((locker) => createTokenService({ store, oauth, locker }));
    const got = await Promise.all(Array.from({ length: 10 }, (_, i) => instances[i % 2]!.getAccessToken(shopId)));
    expect(handler.stats.token.refresh_token).toBe(1);
    expect(new Set(got).size).toBe(1);
    expect(got[0]).not.toBe(tokens.accessToken);
  });

  it('a spent refresh token is refused and the merchant must log in again', async () => {
    const { oauth, store, shopId, tokens } = await loggedIn(7200);
    await oauth.refresh(tokens.refreshToken); // rotates: tokens.refreshToken is now spent
    await store.put({ ...tokens, accessExpiresAt: new Date(Date.now() - 1000).toISOString() });
    const service = createTokenService({ store, oauth, locker: createRedisLocker(redisA) });
    await expect(service.getAccessToken(shopId)).rejects.toBeInstanceOf(ReauthRequiredError);
    expect(await store.get(shopId)).toBeNull();
  });

  it('without stored tokens, asks for a login', async () => {
    const { oauth } = await loggedIn(7200);
    const service = createTokenService({ store: createMemoryTokenStore(), oauth, locker: createRedisLocker(redisA) });
    await expect(service.getAccessToken('1')).rejects.toBeInstanceOf(ReauthRequiredError);
  });
});
