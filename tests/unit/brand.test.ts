/**
 * Errors thrown by one bundle's copy of a module must pass `instanceof` against another copy's class (the
 * proxy is bundled apart from the pages but shares their singletons). A second copy is made here by
 * re-importing the modules after vi.resetModules().
 */
import { describe, expect, it, vi } from 'vitest';
import { LockBusyError } from '@/lib/cache/lock';
import { QuotaExceededError } from '@/lib/quota/token-bucket';
import { UpstreamError } from '@/lib/upstream/http';

async function otherCopies() {
  vi.resetModules();
  const [lock, quota, http] = await Promise.all([import('@/lib/cache/lock'), import('@/lib/quota/token-bucket'), import('@/lib/upstream/http')]);
  return { LockBusyError: lock.LockBusyError, QuotaExceededError: quota.QuotaExceededError, UpstreamError: http.UpstreamError };
}

describe('error classes shared across module copies', () => {
  it('are told apart by brand, both ways, and never match plain errors or each other', async () => {
    const other = await otherCopies();
    expect(other.UpstreamError).not.toBe(UpstreamError); // really another copy
    const made = {
      upstream: [new UpstreamError('weidian', 'timeout', 'x'), new other.UpstreamError('weidian', 'timeout', 'x')],
      quota: [new QuotaExceededError('weidian', 10), new other.QuotaExceededError('weidian', 10)],
      lock: [new LockBusyError('k'), new other.LockBusyError('k')],
    };
    for (const e of made.upstream) expect([e instanceof UpstreamError, e instanceof other.UpstreamError, e instanceof QuotaExceededError]).toEqual([true, true, false]);
    for (const e of made.quota) expect([e instanceof QuotaExceededError, e instanceof other.QuotaExceededError, e instanceof LockBusyError]).toEqual([true, true, false]);
    for (const e of made.lock) expect([e instanceof LockBusyError, e instanceof other.LockBusyError, e instanceof UpstreamError]).toEqual([true, true, false]);
    for (const plain of [new Error('x'), null, 'UpstreamError', { name: 'UpstreamError' }]) {
      expect(plain instanceof UpstreamError || plain instanceof QuotaExceededError || plain instanceof LockBusyError).toBe(false);
    }
    expect(made.upstream[1]).toBeInstanceOf(Error);
  });
});
