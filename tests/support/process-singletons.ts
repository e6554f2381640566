/**
 * The app keeps one env, one set of providers and one Redis client per process on globalThis. Integration
 * tests that change the environment reset them, and close any Redis clients they opened.
 */
import type Redis from 'ioredis';

type Singletons = {
  __bijiaEnv?: unknown;
  __bijiaProviders?: unknown;
  __bijiaCaches?: Map<string, { close(): Promise<void> }>;
  __bijiaRedis?: Map<string, Redis>;
  __bijiaQuotas?: unknown;
  __bijiaRedisLimiters?: unknown;
  __bijiaRedisLockers?: unknown;
  __bijiaOAuth?: unknown;
  __bijiaTokens?: unknown;
  __bijiaTokenStore?: unknown;
};

export function resetProcessSingletons() {
  const g = globalThis as Singletons;
  delete g.__bijiaEnv;
  delete g.__bijiaProviders;
  for (const cache of g.__bijiaCaches?.values() ?? []) void cache.close();
  delete g.__bijiaCaches;
  delete g.__bijiaQuotas;
  delete g.__bijiaRedisLimiters;
  delete g.__bijiaRedisLockers;
  delete g.__bijiaOAuth;
  delete g.__bijiaTokens;
  delete g.__bijiaTokenStore;
  for (const client of g.__bijiaRedis?.values() ?? []) client.disconnect();
  delete g.__bijiaRedis;
}

/** Sets environment variables (undefined deletes) and returns a function that restores the old values. */
export function setEnv(vars: Record<string, string | undefined>): () => void {
  const old = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const apply = (v: Record<string, string | undefined>) => {
    for (const [k, value] of Object.entries(v)) {
      if (value === undefined) delete process.env[k];
      else process.env[k] = value;
    }
  };
  apply(vars);
  resetProcessSingletons();
  return () => {
    apply(old);
    resetProcessSingletons();
  };
}
