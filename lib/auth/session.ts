/**
 * The merchant session: an encrypted, signed cookie (iron-session) holding only who is logged in — never a
 * token. httpOnly, SameSite=Lax, Secure in production. A cookie that fails to unseal (tampered, old
 * secret, garbage) reads as "logged out", never as an error page.
 */
import 'server-only';
import { getIronSession, sealData, unsealData, type SessionOptions } from 'iron-session';
import { cookies } from 'next/headers';
import { loadEnv } from '../env';

export interface MerchantSession {
  shopId?: string;
  shopName?: string;
  loginAt?: string;
}

export const SESSION_COOKIE = 'bijia_session';
const SESSION_TTL_SECONDS = 7 * 24 * 3600;

/** The short-lived cookie that carries state + PKCE verifier from /api/auth/login to the callback. */
export const OAUTH_COOKIE = 'bijia_oauth';
const OAUTH_TTL_SECONDS = 600;

const secure = () => loadEnv().nodeEnv === 'production';

function sessionOptions(): SessionOptions {
  return {
    cookieName: SESSION_COOKIE,
    password: loadEnv().sessionSecret,
    ttl: SESSION_TTL_SECONDS,
    cookieOptions: { httpOnly: true, sameSite: 'lax', secure: secure(), path: '/' },
  };
}

export async function getSession() {
  const store = await cookies();
  try {
    return await getIronSession<MerchantSession>(store, sessionOptions());
  } catch {
    // Unreadable cookie: carry on logged out, as if it were not there (saving the session later replaces it;
    // deleting it here is not allowed while a server component renders).
    const withoutIt = { get: (name: string) => (name === SESSION_COOKIE ? undefined : store.get(name)), set: store.set.bind(store) };
    return getIronSession<MerchantSession>(withoutIt, sessionOptions());
  }
}

/** The logged-in merchant, or null. */
export async function currentMerchant(): Promise<{ shopId: string; shopName: string } | null> {
  const session = await getSession();
  return session.shopId ? { shopId: session.shopId, shopName: session.shopName ?? '' } : null;
}

export interface PendingAuthorization {
  state: string;
  codeVerifier: string;
  redirectUri: string;
  returnTo: string;
}

export async function setPendingAuthorization(pending: PendingAuthorization) {
  const sealed = await sealData(pending, { password: loadEnv().sessionSecret, ttl: OAUTH_TTL_SECONDS });
  (await cookies()).set(OAUTH_COOKIE, sealed, { httpOnly: true, sameSite: 'lax', secure: secure(), path: '/api/auth', maxAge: OAUTH_TTL_SECONDS });
}

/** Reads and deletes the pending authorization: a callback can use it once. */
export async function takePendingAuthorization(): Promise<PendingAuthorization | null> {
  const store = await cookies();
  const raw = store.get(OAUTH_COOKIE)?.value;
  store.delete({ name: OAUTH_COOKIE, path: '/api/auth' });
  if (!raw) return null;
  try {
    const data = await unsealData<Partial<PendingAuthorization>>(raw, { password: loadEnv().sessionSecret, ttl: OAUTH_TTL_SECONDS });
    return data.state && data.codeVerifier && data.redirectUri && data.returnTo ? (data as PendingAuthorization) : null;
  } catch {
    return null;
  }
}
