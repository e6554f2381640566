import 'server-only';
import { redirect, unstable_rethrow } from 'next/navigation';
import { cache } from 'react';
import { currentMerchant } from '@/lib/auth/session';
import { moduleLogger } from '@/lib/log';

export type Merchant = { shopId: string; shopName: string };

/**
 * The logged-in merchant, or null. A session that cannot be read for any reason renders as "logged out"
 * (the header is on every page: it must never turn a page into an error). Read once per request, shared by
 * the header and the page.
 */
export const readMerchant = cache(async (): Promise<Merchant | null> => {
  try {
    return await currentMerchant();
  } catch (error) {
    // Next's own signals (cookies() during a static prerender, redirects) are not ours to swallow.
    unstable_rethrow(error);
    moduleLogger('merchant').error({ event: 'session_unreadable', error: error instanceof Error ? error.name : 'unknown' }, 'session unreadable');
    return null;
  }
});

/** Search params back into a query string ("" or "?a=1&b=2"), repeated keys kept, for returnTo. */
export function searchString(params: Record<string, string | string[] | undefined>): string {
  const p = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) p.append(key, v);
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The merchant, or a redirect to /login that comes back to `returnTo` (a path on this site). */
export async function requireMerchant(returnTo: string): Promise<Merchant> {
  const merchant = await readMerchant();
  if (!merchant) redirect(`/login?returnTo=${encodeURIComponent(returnTo)}`);
  return merchant;
}
