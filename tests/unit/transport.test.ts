import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { requestJson, UpstreamError } from '@/lib/upstream/http';

const opts = (body: BodyInit | null, init: ResponseInit = {}, maxBodyBytes?: number) => ({
  upstream: 'weidian' as const,
  timeoutMs: 1000,
  maxBodyBytes,
  fetch: async () => new Response(body, init),
});
const schema = z.object({ ok: z.boolean() });

describe('requestJson', () => {
  it('parses a valid body', async () => {
    expect(await requestJson(opts('{"ok":true}'), 'http://u', {}, schema)).toEqual({ ok: true });
  });

  it.each([
    ['not JSON', opts('<html>'), 'malformed'],
    ['the wrong shape', opts('{"ok":"yes"}'), 'malformed'],
    ['an HTTP error', opts('oops', { status: 503 }), 'http'],
    ['a body over the limit, streamed', opts(new ReadableStream({ start(c) { for (let i = 0; i < 20; i++) c.enqueue(new Uint8Array(1024)); c.close(); } }), {}, 4096), 'malformed'],
    ['a declared length over the limit', opts('{"ok":true}', { headers: { 'content-length': '999999' } }, 100), 'malformed'],
  ])('turns %s into an UpstreamError', async (_what, o, kind) => {
    const error = await requestJson(o, 'http://u', {}, schema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).kind).toBe(kind);
  });

  it('times out a hanging upstream', async () => {
    const hang = { upstream: 'price-api' as const, timeoutMs: 50, fetch: (_: string, init?: RequestInit) => new Promise<Response>((_r, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason))) };
    const error = await requestJson(hang, 'http://u', {}, schema).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'timeout' });
  });
});

describe('Weidian client envelope', () => {
  it('treats a success with a malformed result as malformed, not as data', async () => {
    const { createWeidianClient } = await import('@/lib/weidian/client');
    const client = createWeidianClient({
      appKey: 'k', appSecret: 's', apiBase: 'http://w', timeoutMs: 1000,
      fetch: async () => Response.json({ status: { status_code: 0, status_reason: 'success' }, result: { items: 'nope' } }),
    });
    await expect(client.listItems({ page: 1, pageSize: 5 })).rejects.toMatchObject({ name: 'UpstreamError', kind: 'malformed' });
  });
});

describe('upstream clients retry reads through the policy', () => {
  it('Weidian: 60001 twice, then the answer; each attempt signed afresh', async () => {
    const { createWeidianClient } = await import('@/lib/weidian/client');
    const signs: string[] = [];
    let calls = 0;
    let clock = 1_700_000_000_000;
    const client = createWeidianClient({
      appKey: 'k', appSecret: 's', apiBase: 'http://w', timeoutMs: 1000, now: () => (clock += 1000),
      fetch: async (url) => {
        signs.push(new URL(url).searchParams.get('sign')!);
        if (++calls <= 2) return Response.json({ status: { status_code: 60001, status_reason: 'rate limited' }, result: null });
        return Response.json({ status: { status_code: 0 }, result: { items: [], total: 0, page: 1, page_size: 5, has_next: false } });
      },
    });
    expect(await client.listItems({ page: 1, pageSize: 5 })).toMatchObject({ items: [], hasNext: false });
    expect(calls).toBe(3);
    expect(new Set(signs).size).toBe(3);
  });

  it('Weidian: a signature error is not retried', async () => {
    const { createWeidianClient } = await import('@/lib/weidian/client');
    let calls = 0;
    const client = createWeidianClient({
      appKey: 'k', appSecret: 's', apiBase: 'http://w', timeoutMs: 1000,
      fetch: async () => (calls++, Response.json({ status: { status_code: 10004, status_reason: 'bad sign' }, result: null })),
    });
    await expect(client.listItems({ page: 1, pageSize: 5 })).rejects.toMatchObject({ code: '10004' });
    expect(calls).toBe(1);
  });

  it('price API: a 429 with Retry-After is waited out and retried', async () => {
    const { createPriceApiClient } = await import('@/lib/price-api/client');
    let calls = 0;
    const client = createPriceApiClient({
      apiKey: 'k', apiBase: 'http://p', timeoutMs: 1000,
      fetch: async () =>
        ++calls === 1
          ? Response.json({ error: { code: 'rate_limited', message: 'slow down' } }, { status: 429, headers: { 'retry-after': '0' } })
          : Response.json({ offers: [], next_cursor: null }),
    });
    expect(await client.searchAll({}, 10)).toEqual([]);
    expect(calls).toBe(2);
  });
});
