import { describe, expect, it } from 'vitest';
import { UpstreamError } from '@/lib/upstream/http';
import { createUpstreamPolicy, isRetryable } from '@/lib/upstream/resilience';
import { parseRetryAfter } from '@/lib/upstream/http';

const err = (kind: UpstreamError['kind'], extra: { status?: number; code?: string; retryAfterMs?: number } = {}) => new UpstreamError('weidian', kind, 'x', extra);
const policy = (o: Partial<Parameters<typeof createUpstreamPolicy>[0]> = {}) =>
  createUpstreamPolicy({ upstream: 'weidian', deadlineMs: 2000, baseDelayMs: 5, maxDelayMs: 50, ...o });

/** An attempt function that fails with the given errors in turn, then answers 'ok'. */
function script(...failures: Error[]) {
  let calls = 0;
  const fn = async () => {
    const f = failures[calls++];
    if (f) throw f;
    return 'ok';
  };
  return { fn, calls: () => calls };
}

describe('isRetryable', () => {
  it.each([
    [err('timeout'), true],
    [err('network'), true],
    [err('http', { status: 503 }), true],
    [err('http', { status: 429 }), true],
    [err('api', { code: '60001' }), true],
    [err('api', { code: '10004' }), false],
    [err('http', { status: 400 }), false],
    [err('http', { status: 401 }), false],
    [err('malformed'), false],
    [new Error('bug'), false],
  ])('%s → %s', (e, expected) => {
    expect(isRetryable(e)).toBe(expected);
  });
});

describe('createUpstreamPolicy', () => {
  it('retries a rate-limited read until it succeeds', async () => {
    const s = script(err('api', { code: '60001' }), err('http', { status: 503 }));
    expect(await policy().execute(s.fn)).toBe('ok');
    expect(s.calls()).toBe(3);
  });

  it('gives up after maxAttempts with the last error', async () => {
    const s = script(err('timeout'), err('timeout'), err('timeout'), err('timeout'));
    await expect(policy({ maxAttempts: 3 }).execute(s.fn)).rejects.toMatchObject({ kind: 'timeout' });
    expect(s.calls()).toBe(3);
  });

  it.each([err('api', { code: '10004' }), err('http', { status: 400 }), err('malformed')])('never retries %s', async (e) => {
    const s = script(e);
    await expect(policy().execute(s.fn)).rejects.toBe(e);
    expect(s.calls()).toBe(1);
  });

  it('waits what Retry-After says', async () => {
    const s = script(err('http', { status: 429, retryAfterMs: 120 }));
    const started = Date.now();
    await policy({ maxDelayMs: 5000 }).execute(s.fn);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('spreads retries with full jitter: waits are random below a growing ceiling', async () => {
    const waits: number[] = [];
    for (const r of [0, 0.5, 0.99]) {
      const s = script(err('timeout'));
      const t = Date.now();
      await policy({ baseDelayMs: 200, maxDelayMs: 1000, random: () => r }).execute(s.fn);
      waits.push(Date.now() - t);
    }
    expect(waits[0]).toBeLessThan(60);
    expect(waits[1]).toBeGreaterThanOrEqual(90);
    expect(waits[2]).toBeGreaterThanOrEqual(190);
  });

  it('stops at the total deadline and aborts the attempt in flight', async () => {
    let aborted = false;
    const hang = (signal: AbortSignal) =>
      new Promise<string>((_resolve, reject) =>
        signal.addEventListener('abort', () => {
          aborted = true;
          reject(err('timeout'));
        }),
      );
    const started = Date.now();
    await expect(policy({ deadlineMs: 150 }).execute(hang)).rejects.toMatchObject({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(aborted).toBe(true);
  });

  it('opens the breaker after consecutive outages, fails fast, and closes after a good probe', async () => {
    const p = policy({ maxAttempts: 1, breakerThreshold: 3, halfOpenAfterMs: 100 });
    for (let i = 0; i < 3; i++) await expect(p.execute(script(err('network')).fn)).rejects.toMatchObject({ kind: 'network' });
    expect(p.state).toBe('open');
    const blocked = script();
    await expect(p.execute(blocked.fn)).rejects.toMatchObject({ kind: 'unavailable' });
    expect(blocked.calls()).toBe(0);
    await new Promise((r) => setTimeout(r, 120));
    expect(await p.execute(script().fn)).toBe('ok');
    expect(p.state).toBe('closed');
  });

  it('does not count refusals (4xx) as outages', async () => {
    const p = policy({ maxAttempts: 1, breakerThreshold: 2 });
    for (let i = 0; i < 5; i++) await expect(p.execute(script(err('http', { status: 400 })).fn)).rejects.toBeTruthy();
    expect(p.state).toBe('closed');
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['3', 3000],
    [' 0 ', 0],
    [null, undefined],
    ['soon', undefined],
  ])('%j → %j', (v, ms) => {
    expect(parseRetryAfter(v)).toBe(ms);
  });
  it('reads an HTTP date', () => {
    const now = Date.parse('2026-12-03T00:00:00Z');
    expect(parseRetryAfter('Thu, 03 Dec 2026 00:00:05 GMT', now)).toBe(5000);
  });
});
