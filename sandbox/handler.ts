import 'server-only';

import { getSandboxCatalogue } from './catalogue';
import { SANDBOX_PRICE_API_KEY, SANDBOX_WEIDIAN_APP_KEY, SANDBOX_WEIDIAN_APP_SECRET } from './credentials';
import { jsonResponse } from './http';
import { createPriceApi } from './price/handler';
import { createWeidianRouter } from './weidian/router';

/**
 * One fetch-style handler for both emulated upstreams. It routes on the *end* of the path, so it works under
 * any prefix: the Next app mounts it at `/sandbox/weidian/router` and `/sandbox/price/v1/…`, the standalone
 * server (sandbox/server.ts) at `/weidian/router` and `/price/v1/…`.
 */

export type SandboxApi = 'weidian' | 'price';

/**
 * Fault-injection seam (latency, error rates, 429s…). Not implemented yet: when set, it is awaited before
 * every routed request; returning a Response short-circuits the request with it, returning undefined lets it
 * through (after whatever delay the injector chose to await).
 */
export type SandboxFaultInjector = (context: {
  api: SandboxApi;
  request: Request;
}) => Promise<Response | undefined> | Response | undefined;

export interface SandboxHandlerOptions {
  /** The clock (ms since the epoch): Weidian's timestamp check and the offers' `fetched_at`. Default Date.now. */
  now?: () => number;
  faults?: SandboxFaultInjector;
}

export type SandboxHandler = (request: Request) => Promise<Response>;

export function createSandboxHandler(options: SandboxHandlerOptions = {}): SandboxHandler {
  const now = options.now ?? (() => Date.now());
  const catalogue = getSandboxCatalogue();
  const weidian = createWeidianRouter({
    catalogue,
    apps: { [SANDBOX_WEIDIAN_APP_KEY]: SANDBOX_WEIDIAN_APP_SECRET },
    now,
  });
  const price = createPriceApi({ catalogue, apiKey: SANDBOX_PRICE_API_KEY, now });

  const routes: { suffix: string; api: SandboxApi; handle: SandboxHandler }[] = [
    { suffix: '/weidian/router', api: 'weidian', handle: weidian },
    { suffix: '/price/v1/offers/search', api: 'price', handle: price.search },
    { suffix: '/price/v1/offers/batch', api: 'price', handle: price.batch },
  ];

  return async (request) => {
    let api: SandboxApi | undefined;
    try {
      const { pathname } = new URL(request.url);
      const route = routes.find((r) => pathname.endsWith(r.suffix));
      if (!route) return jsonResponse({ error: { code: 'not_found', message: `no sandbox endpoint at ${pathname}` } }, 404);
      api = route.api;
      const injected = options.faults ? await options.faults({ api, request }) : undefined;
      return injected ?? (await route.handle(request));
    } catch {
      // Never leak a stack trace; answer in the shape of the API that was called.
      return api === 'weidian'
        ? jsonResponse({ status: { status_code: 90001, status_reason: 'internal error' }, result: null }, 500)
        : jsonResponse({ error: { code: 'internal', message: 'internal error' } }, 500);
    }
  };
}
