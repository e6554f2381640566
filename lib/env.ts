/**
 * The one place configuration is read. Validated with zod once per process; a bad or half-set configuration
 * throws a single ConfigError naming every bad variable (instrumentation.ts calls loadEnv() at start-up, so
 * the server refuses to start rather than failing on the first request).
 *
 * Mode: with no Weidian and no price-API credentials the app runs on the built-in sandbox (sandbox mode);
 * with both sets it talks to the configured upstreams; anything in between is a configuration error.
 */
import 'server-only';
import { z } from 'zod';
import { SANDBOX_PRICE_API_KEY, SANDBOX_WEIDIAN_APP_KEY, SANDBOX_WEIDIAN_APP_SECRET } from '../sandbox/credentials';
import { moduleLogger } from './log';

/** Base used for in-process calls to the embedded sandbox (see lib/upstream/fetch.ts); never resolved by DNS. */
export const EMBEDDED_SANDBOX_ORIGIN = 'http://sandbox.bijia.internal';

/** Used only without SESSION_SECRET outside production-with-real-credentials (sandbox, dev, tests). */
const DEVELOPMENT_SESSION_SECRET = 'bijia-development-session-secret-not-for-production';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(blankToUndefined, z.string().trim().optional());
const optionalUrl = z.preprocess(
  blankToUndefined,
  z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
);
const optionalRedisUrl = z.preprocess(
  blankToUndefined,
  z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional(),
);
const optionalPostgresUrl = z.preprocess(
  blankToUndefined,
  z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' }).optional(),
);
/** A whole number from 1 to `max`, with messages a person setting the variable understands. */
const wholeNumber = (max: number) =>
  z.coerce
    .number({ error: 'must be a whole number' })
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be at least 1' })
    .max(max, { error: `must be at most ${max}` });

/**
 * A comma-separated list of origins (`https://partner.example,http://localhost:3000`), each exactly
 * `scheme://host[:port]`: no path, query, user or wildcard, since the CORS check compares them verbatim with
 * the browser's Origin header. A trailing slash is dropped; blank entries are ignored.
 */
const originList = z.preprocess(
  blankToUndefined,
  z
    .string()
    .transform((raw, ctx) => {
      const origins: string[] = [];
      for (const entry of raw.split(',').map((e) => e.trim().replace(/\/$/, '')).filter(Boolean)) {
        let origin: string | null = null;
        try {
          const u = new URL(entry);
          if ((u.protocol === 'http:' || u.protocol === 'https:') && u.origin === entry) origin = u.origin;
        } catch {
          // reported below
        }
        if (!origin) ctx.addIssue({ code: 'custom', message: `"${entry}" is not an origin (scheme://host[:port], http or https, nothing after it)` });
        else if (!origins.includes(origin)) origins.push(origin);
      }
      return origins;
    })
    .optional(),
);

const positiveInt = (fallback: number, max: number) => z.preprocess(blankToUndefined, wholeNumber(max).default(fallback));

/** Like positiveInt but with no default: unset stays undefined (the default is derived from another variable). */
const optionalPositiveInt = (max: number) => z.preprocess(blankToUndefined, wholeNumber(max).optional());

const rawSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  WEIDIAN_APP_KEY: optionalString,
  WEIDIAN_APP_SECRET: optionalString,
  WEIDIAN_API_BASE: optionalUrl,
  PRICE_API_KEY: optionalString,
  PRICE_API_BASE: optionalUrl,
  REDIS_URL: optionalRedisUrl,
  COMPARE_CACHE_TTL_SECONDS: positiveInt(300, 86_400),
  /** How long past its fresh time a comparison may still be served (while refreshing, or while Weidian fails). */
  COMPARE_CACHE_GRACE_SECONDS: positiveInt(21_600, 7 * 86_400),
  WEIDIAN_TIMEOUT_MS: positiveInt(4000, 60_000),
  PRICE_API_TIMEOUT_MS: positiveInt(3000, 60_000),
  WEIDIAN_AUTH_BASE: optionalUrl,
  /** Public origin of the site (e.g. https://bijia.example.com); the OAuth redirect_uri is built from it. */
  APP_URL: optionalUrl,
  SESSION_SECRET: z.preprocess(blankToUndefined, z.string().min(32, { error: 'must be at least 32 characters' }).optional()),
  CRON_SECRET: z.preprocess(blankToUndefined, z.string().min(16, { error: 'must be at least 16 characters' }).optional()),
  /** PostgreSQL server; unset → embedded PGlite under PGLITE_DIR. */
  DATABASE_URL: optionalPostgresUrl,
  PGLITE_DIR: optionalString,
  /** Order-sync failures are POSTed here as JSON when set. */
  ALERT_WEBHOOK_URL: optionalUrl,
  /** Outbound token buckets, shared by every instance through Redis (docs/resilience.md). */
  WEIDIAN_QUOTA_PER_SECOND: positiveInt(500, 100_000),
  WEIDIAN_QUOTA_BURST: positiveInt(500, 100_000),
  PRICE_API_QUOTA_PER_SECOND: positiveInt(100, 100_000),
  PRICE_API_QUOTA_BURST: positiveInt(100, 100_000),
  /** Inbound limit per client IP on the public /api/* routes (docs/resilience.md). */
  API_RATE_LIMIT_PER_MINUTE: positiveInt(120, 1_000_000),
  /** Stricter per-IP limits for login + callback, and for starting an order sync. Unset: ⌈API_RATE_LIMIT_PER_MINUTE / 6⌉. */
  AUTH_RATE_LIMIT_PER_MINUTE: optionalPositiveInt(1_000_000),
  SYNC_RATE_LIMIT_PER_MINUTE: optionalPositiveInt(1_000_000),
  /** Origins whose pages may read our public /api answers (CORS); unset: none. */
  CORS_ALLOWED_ORIGINS: originList,
  /** How long the proxy serves a rendered listing page to visitors without cookies; 0: render every time (lib/http/listing-html-cache.ts). */
  LISTING_HTML_CACHE_SECONDS: z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: 'must be a whole number' }).int({ error: 'must be a whole number' }).min(0, { error: 'must be 0 or more' }).max(300, { error: 'must be at most 300' }).default(15),
  ),
  /** Set to 1 by Vercel itself; only then are its forwarded-for headers trusted for the client IP. */
  VERCEL: optionalString,
});

export interface AppEnv {
  nodeEnv: 'development' | 'production' | 'test';
  /** True when the app talks to the embedded sandbox instead of real upstreams. */
  sandbox: boolean;
  weidian: { appKey: string; appSecret: string; apiBase: string; timeoutMs: number };
  priceApi: { apiKey: string; apiBase: string; timeoutMs: number };
  redisUrl: string | null;
  compareCacheTtlSeconds: number;
  compareCacheGraceSeconds: number;
  /** OAuth: where the browser is sent to authorize (a path on our own origin in sandbox mode), and the token endpoint. */
  oauth: { authorizeUrl: string; tokenUrl: string; clientId: string; clientSecret: string };
  appUrl: string | null;
  /** Seals the session cookie and encrypts stored tokens. */
  sessionSecret: string;
  cronSecret: string | null;
  /** node-postgres to this server when set; else embedded PGlite in `pgliteDir` (default .data/pglite). */
  database: { url: string | null; pgliteDir: string };
  alertWebhookUrl: string | null;
  /** Outbound token buckets: steady rate (tokens/s) and burst (bucket size) per upstream. */
  quota: { weidian: { ratePerSecond: number; burst: number }; priceApi: { ratePerSecond: number; burst: number } };
  /** Requests per minute per client IP on the public /api/* routes. */
  apiRateLimitPerMinute: number;
  /** Per client IP on /api/auth/login + /api/auth/callback together, and on POST /api/orders/sync. */
  authRateLimitPerMinute: number;
  syncRateLimitPerMinute: number;
  /** Origins granted CORS on /api/* (exact `scheme://host[:port]`); empty: none. */
  corsAllowedOrigins: readonly string[];
  /** Seconds the proxy serves one render of a listing page (cookie-less visitors); 0: off. */
  listingHtmlCacheSeconds: number;
  /** Running on Vercel (VERCEL=1): the client IP is taken from the headers Vercel sets. */
  onVercel: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration — fix these environment variables (see .env.example):\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** The stricter inbound limits default to API_RATE_LIMIT_PER_MINUTE / 6: 20 per minute at its default of 120. */
const STRICT_LIMIT_DIVISOR = 6;

type Source = Record<string, string | undefined>;

/** Pure: validates a given environment. Exported for tests; the app uses loadEnv(). */
export function parseEnv(source: Source): AppEnv {
  const result = rawSchema.safeParse(source);
  const problems: string[] = [];
  if (!result.success) {
    for (const issue of result.error.issues) problems.push(`${String(issue.path[0])}: ${issue.message}`);
    throw new ConfigError(problems);
  }
  const e = result.data;

  // Real mode needs every credential: a half-real setup would silently mix sandbox and real data.
  const realVars = ['WEIDIAN_APP_KEY', 'WEIDIAN_APP_SECRET', 'PRICE_API_KEY', 'PRICE_API_BASE'] as const;
  const setVars = realVars.filter((n) => e[n] !== undefined && n !== 'PRICE_API_BASE');
  const anyReal = setVars.length > 0;
  if (anyReal) {
    for (const n of realVars) {
      if (e[n] === undefined) problems.push(`${n}: required when ${setVars.join(' and ')} is set (real upstreams need all of ${realVars.join(', ')})`);
    }
  } else {
    if (e.WEIDIAN_API_BASE) problems.push('WEIDIAN_API_BASE: set, but no Weidian credentials are (sandbox mode would ignore it)');
    if (e.PRICE_API_BASE) problems.push('PRICE_API_BASE: set, but PRICE_API_KEY is not (sandbox mode would ignore it)');
  }
  // Production must bring its own session secret: the development one below is public (it is in this file).
  if (e.NODE_ENV === 'production' && anyReal && !e.SESSION_SECRET) problems.push('SESSION_SECRET: required in production with real credentials');
  if (problems.length) throw new ConfigError(problems);

  const sandbox = !anyReal;
  const authBase = e.WEIDIAN_AUTH_BASE ?? 'https://auth.weidian.com';
  return {
    nodeEnv: e.NODE_ENV,
    sandbox,
    weidian: sandbox
      ? { appKey: SANDBOX_WEIDIAN_APP_KEY, appSecret: SANDBOX_WEIDIAN_APP_SECRET, apiBase: `${EMBEDDED_SANDBOX_ORIGIN}/sandbox/weidian`, timeoutMs: e.WEIDIAN_TIMEOUT_MS }
      : { appKey: e.WEIDIAN_APP_KEY!, appSecret: e.WEIDIAN_APP_SECRET!, apiBase: e.WEIDIAN_API_BASE ?? 'https://api.weidian.com', timeoutMs: e.WEIDIAN_TIMEOUT_MS },
    priceApi: sandbox
      ? { apiKey: SANDBOX_PRICE_API_KEY, apiBase: `${EMBEDDED_SANDBOX_ORIGIN}/sandbox/price`, timeoutMs: e.PRICE_API_TIMEOUT_MS }
      : { apiKey: e.PRICE_API_KEY!, apiBase: e.PRICE_API_BASE!, timeoutMs: e.PRICE_API_TIMEOUT_MS },
    redisUrl: e.REDIS_URL ?? null,
    compareCacheTtlSeconds: e.COMPARE_CACHE_TTL_SECONDS,
    compareCacheGraceSeconds: e.COMPARE_CACHE_GRACE_SECONDS,
    oauth: sandbox
      ? {
          authorizeUrl: '/sandbox/weidian/oauth2',
          tokenUrl: `${EMBEDDED_SANDBOX_ORIGIN}/sandbox/weidian/oauth2/token`,
          clientId: SANDBOX_WEIDIAN_APP_KEY,
          clientSecret: SANDBOX_WEIDIAN_APP_SECRET,
        }
      : { authorizeUrl: `${authBase}/oauth2`, tokenUrl: `${authBase}/oauth2/token`, clientId: e.WEIDIAN_APP_KEY!, clientSecret: e.WEIDIAN_APP_SECRET! },
    appUrl: e.APP_URL ?? null,
    sessionSecret: e.SESSION_SECRET ?? DEVELOPMENT_SESSION_SECRET,
    cronSecret: e.CRON_SECRET ?? null,
    database: { url: e.DATABASE_URL ?? null, pgliteDir: e.PGLITE_DIR ?? '.data/pglite' },
    alertWebhookUrl: e.ALERT_WEBHOOK_URL ?? null,
    quota: {
      weidian: { ratePerSecond: e.WEIDIAN_QUOTA_PER_SECOND, burst: e.WEIDIAN_QUOTA_BURST },
      priceApi: { ratePerSecond: e.PRICE_API_QUOTA_PER_SECOND, burst: e.PRICE_API_QUOTA_BURST },
    },
    apiRateLimitPerMinute: e.API_RATE_LIMIT_PER_MINUTE,
    // Derived by default so that raising API_RATE_LIMIT_PER_MINUTE (as the e2e run does) raises these too.
    authRateLimitPerMinute: e.AUTH_RATE_LIMIT_PER_MINUTE ?? Math.ceil(e.API_RATE_LIMIT_PER_MINUTE / STRICT_LIMIT_DIVISOR),
    syncRateLimitPerMinute: e.SYNC_RATE_LIMIT_PER_MINUTE ?? Math.ceil(e.API_RATE_LIMIT_PER_MINUTE / STRICT_LIMIT_DIVISOR),
    corsAllowedOrigins: e.CORS_ALLOWED_ORIGINS ?? [],
    listingHtmlCacheSeconds: e.LISTING_HTML_CACHE_SECONDS,
    onVercel: e.VERCEL === '1',
  };
}

const g = globalThis as typeof globalThis & { __bijiaEnv?: AppEnv };

/** The process's configuration, validated once. Logs sandbox mode once. */
export function loadEnv(): AppEnv {
  if (!g.__bijiaEnv) {
    g.__bijiaEnv = parseEnv(process.env);
    if (g.__bijiaEnv.sandbox) {
      moduleLogger('bijia').info({ event: 'sandbox_mode' }, 'Sandbox mode: no Weidian / price API credentials configured, using the built-in sandbox (see README).');
    }
  }
  return g.__bijiaEnv;
}
