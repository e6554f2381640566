import { describe, expect, it } from 'vitest';
import { bucketKey, createTokenBucket, QuotaExceededError } from '@/lib/quota/token-bucket';
import { captureLogs } from '../support/capture-logs';

function clock(start = 1_000_000) {
  let t = start;
  const sleeps: number[] = [];
  return {
    now: () => t,
    advance: (ms: number) => void (t += ms),
    sleeps,
    // A sleep that moves the fake clock instead of waiting.
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
  };
}

const rejection = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
};

describe('token bucket (in-process, injected clock)', () => {
  it('grants the burst at once, then refuses with a typed error naming the wait', async () => {
    const c = clock();
    const bucket = createTokenBucket({ name: 'weidian', ratePerSecond: 10, burst: 5, now: c.now, sleep: c.sleep });
    for (let i = 0; i < 5; i++) await bucket.take({ maxWaitMs: 0 });
    const error = await rejection(bucket.take({ maxWaitMs: 0 }));
    expect(error).toBeInstanceOf(QuotaExceededError);
    expect(error).toMatchObject({ name: 'QuotaExceededError', quota: 'weidian', retryAfterMs: 100 });
    expect(c.sleeps).toEqual([]);
  });

  it('refills at the rate, never above the burst', async () => {
    const c = clock();
    const bucket = createTokenBucket({ name: 'p', ratePerSecond: 10, burst: 3, now: c.now, sleep: c.sleep });
    for (let i = 0; i < 3; i++) await bucket.take({ maxWaitMs: 0 });
    c.advance(100); // one token
    await bucket.take({ maxWaitMs: 0 });
    await expect(bucket.take({ maxWaitMs: 0 })).rejects.toBeInstanceOf(QuotaExceededError);
    c.advance(60_000); // a long quiet spell refills to the burst only
    for (let i = 0; i < 3; i++) await bucket.take({ maxWaitMs: 0 });
    await expect(bucket.take({ maxWaitMs: 0 })).rejects.toBeInstanceOf(QuotaExceededError);
  });

  it('a caller willing to wait reserves the next token and sleeps until it is due; waiters queue in order', async () => {
    const c = clock();
    const bucket = createTokenBucket({ name: 'p', ratePerSecond: 10, burst: 1, now: c.now, sleep: async (ms) => void c.sleeps.push(ms) });
    await bucket.take();
    await bucket.take({ maxWaitMs: 250 }); // next token in 100 ms
    await bucket.take({ maxWaitMs: 250 }); // the one after in 200 ms
    await expect(bucket.take({ maxWaitMs: 250 })).rejects.toMatchObject({ retryAfterMs: 300 });
    expect(c.sleeps).toEqual([100, 200]);
  });

  it('at most burst + rate × 1 s calls in any second of a flood', async () => {
    const c = clock();
    const bucket = createTokenBucket({ name: 'flood', ratePerSecond: 50, burst: 10, now: c.now, sleep: c.sleep });
    const granted: number[] = [];
    for (let i = 0; i < 300; i++) {
      c.advance(1000 / 300);
      try {
        await bucket.take({ maxWaitMs: 0 });
        granted.push(c.now());
      } catch (error) {
        expect(error).toBeInstanceOf(QuotaExceededError);
      }
    }
    const maxInWindow = Math.max(...granted.map((t) => granted.filter((u) => u >= t && u < t + 1000).length));
    expect(maxInWindow).toBeLessThanOrEqual(60);
    expect(granted.length).toBeGreaterThanOrEqual(55);
  });

  it('falls back in-process when the Redis client is not usable, logging once', async () => {
    const logs = captureLogs();
    const c = clock();
    const deadRedis = { status: 'end' } as unknown as import('ioredis').default;
    const bucket = createTokenBucket({ redis: deadRedis, name: 'x', ratePerSecond: 1, burst: 2, now: c.now, sleep: c.sleep });
    await bucket.take({ maxWaitMs: 0 });
    await bucket.take({ maxWaitMs: 0 });
    await expect(bucket.take({ maxWaitMs: 0 })).rejects.toBeInstanceOf(QuotaExceededError);
    expect(logs.lines.filter((l) => l.level === 'warn')).toMatchObject([{ module: 'quota', event: 'redis_down', quota: 'x' }]);
    expect(logs.messages('warn')[0]).toMatch(/per instance/);
    logs.restore();
  });

  it('uses a hash-tagged, versioned key and rejects nonsense settings', () => {
    expect(bucketKey('weidian')).toBe('bijia:v1:{quota:weidian}:bucket');
    expect(() => createTokenBucket({ name: 'x', ratePerSecond: 0, burst: 1 })).toThrow(RangeError);
  });
});
