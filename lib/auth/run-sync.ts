/**
 * Running a merchant's order sync with the process's dependencies: the token service supplies access tokens
 * (refreshing under the per-merchant lock), and a token Weidian rejects mid-sync is replaced once.
 */
import 'server-only';
import { syncOrders } from '../orders/sync';
import { getTokenService } from './merchant';

export function runMerchantSync(shopId: string) {
  const tokens = getTokenService();
  let last: string | undefined;
  return syncOrders({
    shopId,
    getAccessToken: async () => (last = last === undefined ? await tokens.getAccessToken(shopId) : await tokens.replaceRejected(shopId, last)),
  });
}
