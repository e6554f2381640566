/**
 * The benchmark's merchant (bench/sync.ts): 10,000 orders, offered on the consent page only when the sandbox
 * is started with `benchMerchant`, so the demo accounts and their data stay as they were.
 */
import { describe, expect, it } from 'vitest';
import { SANDBOX_WEIDIAN_APP_KEY } from '@/sandbox/credentials';
import { createSandboxHandler } from '@/sandbox/handler';
import { ORDER_BASE_DATE, SANDBOX_BENCH_MERCHANT, SANDBOX_MERCHANTS, sandboxOrdersAt } from '@/sandbox/merchants';
import { consentCode } from '../support/sandbox-login';

const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

describe('the sandbox bench merchant', () => {
  it('has 10,000 orders at the base date, with ids of its own', () => {
    const orders = sandboxOrdersAt(SANDBOX_BENCH_MERCHANT.shopId, ORDER_BASE_DATE);
    expect(orders).toHaveLength(10_000);
    expect(new Set(orders.map((o) => o.order_id)).size).toBe(10_000);
    expect(orders.every((o) => o.order_id.endsWith('9'))).toBe(true);
  });

  it('is not one of the demo accounts, and is offered for consent only with benchMerchant', async () => {
    expect(SANDBOX_MERCHANTS.map((m) => m.shopId)).not.toContain(SANDBOX_BENCH_MERCHANT.shopId);
    const shopId = SANDBOX_BENCH_MERCHANT.shopId;
    await expect(consentCode(createSandboxHandler(), { clientId: SANDBOX_WEIDIAN_APP_KEY, shopId, challenge })).rejects.toThrow(/did not return a code/);
    const { code } = await consentCode(createSandboxHandler({ benchMerchant: true }), { clientId: SANDBOX_WEIDIAN_APP_KEY, shopId, challenge });
    expect(code).toBeTruthy();
  });
});
