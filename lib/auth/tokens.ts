/**
 * Merchants' OAuth tokens: kept on the server only (encrypted at rest with iron's seal, keyed by
 * SESSION_SECRET), refreshed shortly before they expire — exactly one refresh in flight per merchant across
 * all instances (a Redis lock), because Weidian's refresh tokens rotate: spending one twice logs the
 * merchant out.
 */
import { sealData, unsealData } from 'iron-session';
import type { Locker } from '../cache/lock';
import { OAuthGrantError, type MerchantTokens, type OAuthClient } from '../weidian/oauth';

/** The merchant must log in again (no tokens, or the refresh token was refused). */
export class ReauthRequiredError extends Error {
  constructor(readonly shopId: string) {
    super(`merchant ${shopId} must log in again`);
    this.name = 'ReauthRequiredError';
  }
}

export interface TokenStore {
  get(shopId: string): Promise<MerchantTokens | null>;
  put(tokens: MerchantTokens): Promise<void>;
  delete(shopId: string): Promise<void>;
}

/** Refresh this long before expiry, so a token never expires between our check and Weidian's. */
export const REFRESH_MARGIN_MS = 60_000;

export interface TokenServiceDeps {
  store: TokenStore;
  oauth: Pick<OAuthClient, 'refresh'>;
  locker: Locker;
  now?: () => number;
}

export function createTokenService({ store, oauth, locker, now = Date.now }: TokenServiceDeps) {
  const fresh = (t: MerchantTokens) => Date.parse(t.accessExpiresAt) - now() > REFRESH_MARGIN_MS;
  const alive = (t: MerchantTokens) => Date.parse(t.accessExpiresAt) > now();

  /** Replaces `stale` (nearly expired, or rejected by Weidian) unless someone already has. */
  async function refreshLocked(shopId: string, stale: string): Promise<string> {
    return locker.withLock(`token-refresh:${shopId}`, { ttlMs: 15_000, waitMs: 15_000 }, async () => {
      // Re-read inside the lock: whoever held it before us may have refreshed already, and then we use theirs.
      const current = await store.get(shopId);
      if (!current) throw new ReauthRequiredError(shopId);
      if (current.accessToken !== stale && alive(current)) return current.accessToken;
      try {
        const next = await oauth.refresh(current.refreshToken, now());
        await store.put({ ...next, shopId, shopName: next.shopName || current.shopName });
        return next.accessToken;
      } catch (error) {
        if (!(error instanceof OAuthGrantError) || error.error !== 'invalid_grant') throw error;
        // Spent or revoked. If someone rotated it meanwhile (e.g. our lock expired), theirs is good.
        const again = await store.get(shopId);
        if (again && again.refreshToken !== current.refreshToken && alive(again)) return again.accessToken;
        await store.delete(shopId);
        throw new ReauthRequiredError(shopId);
      }
    });
  }

  return {
    /** A usable access token for the merchant, refreshing it first when it is (nearly) expired. */
    async getAccessToken(shopId: string): Promise<string> {
      const tokens = await store.get(shopId);
      if (!tokens) throw new ReauthRequiredError(shopId);
      return fresh(tokens) ? tokens.accessToken : refreshLocked(shopId, tokens.accessToken);
    },
    /** Weidian rejected `accessToken` before its expiry (revoked, clock skew): refresh unless done already. */
    async replaceRejected(shopId: string, accessToken: string): Promise<string> {
      return refreshLocked(shopId, accessToken);
    },
  };
}

export type TokenService = ReturnType<typeof createTokenService>;

/** Seals a token for storage; `ttl: 0` means the seal itself never expires (the token's own expiry rules). */
export const sealToken = (token: string, secret: string) => sealData({ t: token }, { password: secret, ttl: 0 });
export async function unsealToken(sealed: string, secret: string): Promise<string | null> {
  try {
    const { t } = await unsealData<{ t?: string }>(sealed, { password: secret, ttl: 0 });
    return typeof t === 'string' ? t : null;
  } catch {
    return null;
  }
}

export function createMemoryTokenStore(): TokenStore {
  const rows = new Map<string, MerchantTokens>();
  return {
    async get(shopId) {
      const t = rows.get(shopId);
      return t ? { ...t } : null;
    },
    async put(tokens) {
      rows.set(tokens.shopId, { ...tokens });
    },
    async delete(shopId) {
      rows.delete(shopId);
    },
  };
}
