/**
 * The process's upstream clients, built once from the environment. In sandbox mode their fetch goes
 * in-process to the embedded sandbox handler: the same Request/Response bytes as over HTTP (signing, query
 * encoding, JSON), without a serverless function calling itself over the network.
 */
import 'server-only';
import { createSandboxHandler } from '../../sandbox/handler';
import { EMBEDDED_SANDBOX_ORIGIN, loadEnv, type AppEnv } from '../env';
import { createPriceApiClient, type PriceApiClient } from '../price-api/client';
import { createWeidianClient, type WeidianClient } from '../weidian/client';
import { getUpstreamQuota, type TokenBucket } from '../quota/token-bucket';
import { inProcessFetch, type FetchLike } from './http';

export interface Providers {
  weidian: WeidianClient;
  priceApi: PriceApiClient;
}

/** A fetch that answers URLs under the embedded sandbox origin in-process, and everything else normally. */
export function sandboxAwareFetch(handler: (request: Request) => Promise<Response>): FetchLike {
  const inProcess = inProcessFetch(handler);
  return (input, init) => (input.startsWith(`${EMBEDDED_SANDBOX_ORIGIN}/`) ? inProcess(input, init) : fetch(input, init));
}

export function createProviders(env: AppEnv, fetchImpl: FetchLike = fetch, quotas: { weidian?: TokenBucket; priceApi?: TokenBucket } = {}): Providers {
  return {
    weidian: createWeidianClient({ ...env.weidian, fetch: fetchImpl, quota: quotas.weidian }),
    priceApi: createPriceApiClient({ ...env.priceApi, fetch: fetchImpl, quota: quotas.priceApi }),
  };
}

const g = globalThis as typeof globalThis & { __bijiaProviders?: Providers; __bijiaSandbox?: (request: Request) => Promise<Response> };

/** The fetch every upstream client of this process uses: in-process to the sandbox in sandbox mode. */
export function getUpstreamFetch(): FetchLike {
  return loadEnv().sandbox ? sandboxAwareFetch(getEmbeddedSandbox()) : fetch;
}

export function getProviders(): Providers {
  return (g.__bijiaProviders ??= createProviders(loadEnv(), getUpstreamFetch(), { weidian: getUpstreamQuota('weidian'), priceApi: getUpstreamQuota('price-api') }));
}

/** The embedded sandbox, shared by the in-process fetch and the /sandbox/* routes. */
export function getEmbeddedSandbox(): (request: Request) => Promise<Response> {
  return (g.__bijiaSandbox ??= createSandboxHandler());
}
