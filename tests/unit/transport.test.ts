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
