/**
 * Calling route handlers that use `cookies()` (next/headers) or `after()` (next/server) in-process, outside
 * Next's request scope. A test mocks both modules with the functions below:
 *
 *   vi.mock('next/headers', () => import('../support/next-request-scope'));
 *   vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: (await import('../support/next-request-scope')).after }));
 *
 * and calls `inRequestScope(request, () => GET(request))`. Cookies behave as in a Next route handler (Next's
 * own adapter: reads see the request's cookies and this request's writes), and the cookies set are added to
 * the response as Set-Cookie. `after()` tasks run in the background; `settleAfterTasks()` waits for them.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { MutableRequestCookiesAdapter, appendMutableCookies } from 'next/dist/server/web/spec-extension/adapters/request-cookies';
import { RequestCookies, type ResponseCookies } from 'next/dist/server/web/spec-extension/cookies';

const scope = new AsyncLocalStorage<{ cookies: ResponseCookies; headers: Headers }>();

function current() {
  const store = scope.getStore();
  if (!store) throw new Error('cookies()/headers() called outside inRequestScope() (tests/support/next-request-scope.ts)');
  return store;
}

export async function cookies() {
  return current().cookies;
}

export async function headers() {
  return current().headers;
}

export async function inRequestScope(request: Request, handler: () => Promise<Response>): Promise<Response> {
  const jar = MutableRequestCookiesAdapter.wrap(new RequestCookies(request.headers));
  const response = await scope.run({ cookies: jar, headers: request.headers }, handler);
  const headersOut = new Headers(response.headers);
  if (!appendMutableCookies(headersOut, jar)) return response;
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: headersOut });
}

const pending = new Set<Promise<unknown>>();

export function after(task: Promise<unknown> | (() => unknown)): void {
  const run = Promise.resolve()
    .then(() => (typeof task === 'function' ? task() : task))
    .catch(() => undefined)
    .finally(() => pending.delete(run));
  pending.add(run);
}

/** Waits for every `after()` task started so far (and any they start). */
export async function settleAfterTasks(): Promise<void> {
  while (pending.size) await Promise.all(pending);
}
