/**
 * The header reads the merchant on every page and turns an unreadable session into "logged out", but must
 * not swallow Next's own control-flow errors (a redirect, cookies() during a static prerender): catching
 * those made the build log "session unreadable" and prerender pages as if no one could be logged in.
 */
import { redirect } from 'next/navigation';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureLogs } from '../support/capture-logs';

const currentMerchant = vi.fn();
vi.mock('@/lib/auth/session', () => ({ currentMerchant: () => currentMerchant() }));

afterEach(() => currentMerchant.mockReset());

describe('readMerchant', () => {
  it('reads a broken session as logged out', async () => {
    const { readMerchant } = await import('@/components/merchant/current');
    currentMerchant.mockRejectedValue(new TypeError('bad seal'));
    const logs = captureLogs();
    await expect(readMerchant()).resolves.toBeNull();
    expect(logs.lines).toMatchObject([{ level: 'error', module: 'merchant', event: 'session_unreadable', error: 'TypeError' }]);
    logs.restore();
  });

  it("lets Next's own errors through", async () => {
    const { readMerchant } = await import('@/components/merchant/current');
    currentMerchant.mockImplementation(async () => redirect('/login'));
    await expect(readMerchant()).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT/) });
  });
});
