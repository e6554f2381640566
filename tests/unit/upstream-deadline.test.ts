/**
 * An upstream that never answers must time out even when the garbage collector runs while we wait. On Node
 * 20, `AbortSignal.any([parent, AbortSignal.timeout(ms)])` loses the timeout in a collection
 * (nodejs/node#57736): the sandbox's hang fault then hung a test for 20 s in CI. The transport keeps its
 * own timer (lib/upstream/http.ts, deadlineSignal).
 */
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { deadlineSignal, inProcessFetch, requestJson, UpstreamError } from '@/lib/upstream/http';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** A fetch that answers only when aborted (with the abort's reason), as a hung connection does. */
const hangingFetch = (_url: string | URL | Request, init?: RequestInit) =>
  new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason), { once: true }));

const collectWhileWaiting = async () => {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    gc();
  }
};

describe('the upstream deadline', () => {
  it('times out a request that never answers, though garbage is collected meanwhile, with and without a parent signal', async () => {
    for (const parent of [undefined, new AbortController().signal]) {
      const started = Date.now();
      const request = requestJson({ upstream: 'weidian', fetch: hangingFetch, timeoutMs: 150, signal: parent }, 'http://127.0.0.1:9/x', {}, z.object({}));
      const outcome = request.then(
        () => 'answered',
        (error: unknown) => error,
      );
      await collectWhileWaiting();
      const error = await Promise.race([outcome, new Promise((resolve) => setTimeout(() => resolve('still waiting after 2 s'), 2000))]);
      expect(error).toBeInstanceOf(UpstreamError);
      expect((error as UpstreamError).kind).toBe('timeout');
      expect(Date.now() - started).toBeLessThan(1000);
    }
  });

  it('aborts with its parent too, and after done() its timer is gone', async () => {
    const parent = new AbortController();
    const d = deadlineSignal(10_000, parent.signal);
    parent.abort(new Error('caller gave up'));
    expect(d.signal.aborted).toBe(true);
    d.done();
    const alone = deadlineSignal(30);
    alone.done();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(alone.signal.aborted).toBe(false);
  });
});

describe('inProcessFetch', () => {
  it("gives up with the caller's signal though the handler never sees it (a collection cut the Request's link to it)", async () => {
    // The handler waits on request.signal, as the sandbox's hang fault does.
    const handler = (request: Request) => new Promise<Response>((_resolve, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true }));
    const call = inProcessFetch(handler);
    for (let i = 0; i < 3; i++) {
      const caller = new AbortController();
      const outcome = call('http://127.0.0.1:9/x', { signal: caller.signal }).then(() => 'answered', (error: unknown) => error);
      await collectWhileWaiting();
      caller.abort(new Error('caller gave up'));
      const result = await Promise.race([outcome, new Promise((resolve) => setTimeout(() => resolve('still waiting after 1 s'), 1000))]);
      expect(result).toEqual(new Error('caller gave up'));
    }
    // And an answer is passed through as it is.
    const ok = await inProcessFetch(async () => Response.json({ ok: true }))('http://127.0.0.1:9/x', { signal: new AbortController().signal });
    expect(await ok.json()).toEqual({ ok: true });
  });
});
