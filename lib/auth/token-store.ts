/**
 * Merchant tokens in the database (merchant_tokens), sealed with SESSION_SECRET so a database dump alone
 * yields no usable token. Also records the merchant (merchants) on every login.
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, type Db } from '../db/client';
import { merchants, merchantTokens } from '../db/schema';
import { loadEnv } from '../env';
import type { MerchantTokens } from '../weidian/oauth';
import { sealToken, unsealToken, type TokenStore } from './tokens';

export function createDbTokenStore(db: () => Promise<Db>, secret: string): TokenStore {
  return {
    async get(shopId) {
      const d = await db();
      const [row] = await d
        .select({ t: merchantTokens, shopName: merchants.shopName })
        .from(merchantTokens)
        .innerJoin(merchants, eq(merchants.shopId, merchantTokens.shopId))
        .where(eq(merchantTokens.shopId, shopId));
      if (!row) return null;
      const [accessToken, refreshToken] = await Promise.all([unsealToken(row.t.accessTokenEnc, secret), unsealToken(row.t.refreshTokenEnc, secret)]);
      // Sealed with another secret (rotated SESSION_SECRET): as good as no tokens — the merchant logs in again.
      if (!accessToken || !refreshToken) return null;
      return { accessToken, refreshToken, accessExpiresAt: row.t.accessExpiresAt.toISOString(), scope: row.t.scope, shopId, shopName: row.shopName };
    },
    async put(tokens: MerchantTokens) {
      const d = await db();
      const now = new Date();
      const [accessTokenEnc, refreshTokenEnc] = await Promise.all([sealToken(tokens.accessToken, secret), sealToken(tokens.refreshToken, secret)]);
      await d.transaction(async (tx) => {
        await tx
          .insert(merchants)
          .values({ shopId: tokens.shopId, shopName: tokens.shopName, lastLoginAt: now })
          .onConflictDoUpdate({ target: merchants.shopId, set: { ...(tokens.shopName ? { shopName: tokens.shopName } : {}), lastLoginAt: now } });
        const row = { accessTokenEnc, refreshTokenEnc, accessExpiresAt: new Date(tokens.accessExpiresAt), scope: tokens.scope, updatedAt: now };
        await tx.insert(merchantTokens).values({ shopId: tokens.shopId, ...row }).onConflictDoUpdate({ target: merchantTokens.shopId, set: row });
      });
    },
    async delete(shopId) {
      await (await db()).delete(merchantTokens).where(eq(merchantTokens.shopId, shopId));
    },
  };
}

const g = globalThis as typeof globalThis & { __bijiaTokenStore?: TokenStore };

export function getTokenStore(): TokenStore {
  return (g.__bijiaTokenStore ??= createDbTokenStore(getDb, loadEnv().sessionSecret));
}

/** Every merchant with stored tokens (for the scheduled sync). */
export async function listAuthorizedShops(): Promise<string[]> {
  const rows = await (await getDb()).select({ shopId: merchantTokens.shopId }).from(merchantTokens);
  return rows.map((r) => r.shopId);
}
