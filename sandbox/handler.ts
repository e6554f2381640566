import 'server-only';

import { getSandboxCatalogue } from './catalogue';
import {
  SANDBOX_PRICE_API_KEY,
  SANDBOX_WEIDIAN_APP_KEY,
  SANDBOX_WEIDIAN_APP_NAME,
  SANDBOX_WEIDIAN_APP_SECRET,
} from './credentials';
import { createFaultInjector, faultControlEnabledByEnv, transportFaultKind, type FaultController } from './faults';
import { jsonResponse } from './http';
import { SANDBOX_BENCH_MERCHANT, SANDBOX_MERCHANTS } from './merchants';
import { createPriceApi } from './price/handler';
import { htmlResponse, renderErrorPage } from './weidian/consent-page';
import { createWeidianOAuth } from './weidian/oauth';
import { createWeidianRouter } from './weidian/router';
import { createTradeList } from './weidian/trades';

/**
 * One fetch-style handler for both emulated upstreams. It routes on the *end* of the path, so it works under
 * any prefix: the Next app mounts it at `/sandbox/weidian/…` and `/sandbox/price/v1/…`, the standalone
 * server (sandbox/server.ts) at `/weidian/…` and `/price/v1/…`.
 *
 * Weidian: `…/weidian/router` (item.list, item.get), and the merchant side — `…/weidian/oauth2` (consent
 * page), `…/weidian/oauth2/consent` (its form), `…/weidian/oauth2/token` and `…/weidian/trade/list`.
 *
 * The OAuth state (pending consent requests, codes, tokens) lives in the handler instance, in memory: it is
 * per process (the Next app keeps one handler per process, see lib/upstream/providers.ts) and is lost on
 * restart. Orders are not state: they are a pure function of (shop, clock), see sandbox/merchants.ts.
 */

export type SandboxApi = 'weidian' | 'price';

/**
 * Fault-injection seam (latency, error rates, 429s…; sandbox/faults.ts implements the planned kind, see
 * docs/sandbox-faults.md): awaited before every routed request; returning a Response short-circuits the
 * request with it, returning undefined lets it through (after whatever delay the injector chose to await).
 * Throwing answers 500 in the endpoint's shape — except a transport fault from sandbox/faults.ts (connection
 * reset, client abort), which propagates so that an in-process fetch rejects like a real one. The Weidian
 * OAuth and trade/list endpoints are `api: 'weidian'` (tell them apart by `request.url`).
 */
export type SandboxFaultInjector = (context: {
  api: SandboxApi;
  request: Request;
}) => Promise<Response | undefined> | Response | undefined;

export interface SandboxHandlerOptions {
  /**
   * The clock (ms since the epoch): Weidian's timestamp check, the offers' `fetched_at`, the lifetimes of
   * OAuth codes and tokens, and which orders exist in which state. Default Date.now.
   */
  now?: () => number;
  /** A custom injector; runs before the `faultControl` one (if any), and wins if it answers. */
  faults?: SandboxFaultInjector;
  /**
   * Planned fault injection with its control endpoint `…/__faults` (docs/sandbox-faults.md): `true` creates
   * a controller, or pass your own; `false` for none. Default: on unless NODE_ENV is production, or with
   * SANDBOX_FAULTS=1. With no plan set it lets every request through (it only counts them).
   */
  faultControl?: boolean | FaultController;
  /** Lifetime of issued access tokens, seconds (default 7200; tests use short ones). */
  accessTokenTtlSeconds?: number;
  /** Lifetime of issued refresh tokens, seconds (default 30 days). */
  refreshTokenTtlSeconds?: number;
  /** Also offer SANDBOX_BENCH_MERCHANT (10,000 orders) on the consent page, for the benchmark. Default false. */
  benchMerchant?: boolean;
}

/**
 * Request counters, for tests ("10 parallel requests → exactly 1 refresh"). Every request routed to the
 * endpoint counts, whatever its outcome, including those a fault injector answers. `token` counts POSTs to
 * …/oauth2/token by their `grant_type` (other grant types are not counted).
 */
export interface SandboxStats {
  token: { authorization_code: number; refresh_token: number };
  tradeList: number;
}

export type SandboxRequestHandler = (request: Request) => Promise<Response>;

/** The handler, with its live counters. Still assignable to `(request: Request) => Promise<Response>`. */
export type SandboxHandler = SandboxRequestHandler & {
  readonly stats: SandboxStats;
  /** The fault controller behind `…/__faults`, when fault control is on. */
  readonly faults: FaultController | undefined;
};

interface Route {
  suffix: string;
  api: SandboxApi;
  handle: SandboxRequestHandler;
  /** The answer to an unexpected fault, in the endpoint's own shape. */
  internalError: () => Response;
  count?: (request: Request) => Promise<void> | void;
}

const weidianInternalError = (): Response =>
  jsonResponse({ status: { status_code: 90001, status_reason: 'internal error' }, result: null }, 500);
const priceInternalError = (): Response => jsonResponse({ error: { code: 'internal', message: 'internal error' } }, 500);
const oauthPageInternalError = (): Response =>
  htmlResponse(renderErrorPage({ title: '系统繁忙', message: '授权服务暂时不可用，请稍后重试。', detail: 'server_error' }), 500);
const tokenInternalError = (): Response => jsonResponse({ error: 'server_error', error_description: 'internal error' }, 500, { pragma: 'no-cache' });

export function createSandboxHandler(options: SandboxHandlerOptions = {}): SandboxHandler {
  const now = options.now ?? (() => Date.now());
  const catalogue = getSandboxCatalogue();
  const weidian = createWeidianRouter({
    catalogue,
    apps: { [SANDBOX_WEIDIAN_APP_KEY]: SANDBOX_WEIDIAN_APP_SECRET },
    now,
  });
  const price = createPriceApi({ catalogue, apiKey: SANDBOX_PRICE_API_KEY, now });
  const oauth = createWeidianOAuth({
    clients: [{ clientId: SANDBOX_WEIDIAN_APP_KEY, clientSecret: SANDBOX_WEIDIAN_APP_SECRET, name: SANDBOX_WEIDIAN_APP_NAME }],
    merchants: options.benchMerchant ? [...SANDBOX_MERCHANTS, SANDBOX_BENCH_MERCHANT] : SANDBOX_MERCHANTS,
    now,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds,
    refreshTokenTtlSeconds: options.refreshTokenTtlSeconds,
  });
  const tradeList = createTradeList({ now, verifyAccessToken: oauth.verifyAccessToken });
  const stats: SandboxStats = { token: { authorization_code: 0, refresh_token: 0 }, tradeList: 0 };

  const countTokenRequest = async (request: Request): Promise<void> => {
    if (request.method !== 'POST') return;
    const grantType = new URLSearchParams(await request.clone().text()).get('grant_type');
    if (grantType === 'authorization_code' || grantType === 'refresh_token') stats.token[grantType]++;
  };

  const routes: Route[] = [
    { suffix: '/weidian/router', api: 'weidian', handle: weidian, internalError: weidianInternalError },
    { suffix: '/weidian/oauth2', api: 'weidian', handle: oauth.authorize, internalError: oauthPageInternalError },
    { suffix: '/weidian/oauth2/consent', api: 'weidian', handle: oauth.consent, internalError: oauthPageInternalError },
    { suffix: '/weidian/oauth2/token', api: 'weidian', handle: oauth.token, internalError: tokenInternalError, count: countTokenRequest },
    {
      suffix: '/weidian/trade/list',
      api: 'weidian',
      handle: tradeList,
      internalError: weidianInternalError,
      count: () => void stats.tradeList++,
    },
    { suffix: '/price/v1/offers/search', api: 'price', handle: price.search, internalError: priceInternalError },
    { suffix: '/price/v1/offers/batch', api: 'price', handle: price.batch, internalError: priceInternalError },
  ];

  const faultControl =
    typeof options.faultControl === 'object'
      ? options.faultControl
      : (options.faultControl ?? faultControlEnabledByEnv())
        ? createFaultInjector()
        : undefined;
  const injectors = [options.faults, faultControl?.injector].filter((f): f is SandboxFaultInjector => f !== undefined);

  const handler: SandboxRequestHandler = async (request) => {
    let route: Route | undefined;
    try {
      const { pathname } = new URL(request.url);
      if (faultControl && pathname.endsWith('/__faults')) return await faultControl.handleControl(request);
      // Test view of the OAuth server's issued tokens, under the same switch as the fault control: lets an
      // end-to-end test know the real tokens the app holds, and scan what browsers receive for them.
      if (faultControl && pathname.endsWith('/__tokens') && request.method === 'GET') return jsonResponse({ tokens: oauth.issuedTokens() });
      route = routes.find((r) => pathname.endsWith(r.suffix));
      if (!route) return jsonResponse({ error: { code: 'not_found', message: `no sandbox endpoint at ${pathname}` } }, 404);
      await route.count?.(request);
      for (const inject of injectors) {
        const injected = await inject({ api: route.api, request });
        if (injected) return injected;
      }
      return await route.handle(request);
    } catch (error) {
      // A connection reset or a client abort is not an answer: the caller's fetch rejects.
      if (transportFaultKind(error)) throw error;
      // Never leak a stack trace; answer in the shape of the endpoint that was called.
      return route ? route.internalError() : jsonResponse({ error: { code: 'internal', message: 'internal error' } }, 500);
    }
  };
  return Object.assign(handler, { stats, faults: faultControl });
}
