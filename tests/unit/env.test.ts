import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from '@/lib/env';

const problemsOf = (source: Record<string, string>) => {
  try {
    parseEnv(source);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems.map((p) => p.split(':')[0]);
  }
};

const real = {
  WEIDIAN_APP_KEY: 'k',
  WEIDIAN_APP_SECRET: 's',
  PRICE_API_KEY: 'p',
  PRICE_API_BASE: 'https://prices.example.com/',
};

describe('parseEnv', () => {
  it('runs in sandbox mode with nothing configured', () => {
    const env = parseEnv({});
    expect(env.sandbox).toBe(true);
    expect(env.redisUrl).toBeNull();
    expect(env.weidian.apiBase).toMatch(/\/sandbox\/weidian$/);
    expect(env.compareCacheTtlSeconds).toBe(300);
  });

  it('treats blank values as unset', () => {
    expect(parseEnv({ WEIDIAN_APP_KEY: '  ', REDIS_URL: '' }).sandbox).toBe(true);
  });

  it('uses real upstreams when fully configured, trimming the trailing slash', () => {
    const env = parseEnv({ ...real, REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(env.sandbox).toBe(false);
    expect(env.weidian).toMatchObject({ appKey: 'k', appSecret: 's', apiBase: 'https://api.weidian.com' });
    expect(env.priceApi.apiBase).toBe('https://prices.example.com');
    expect(env.redisUrl).toBe('redis://127.0.0.1:6379');
  });

  it('names the missing secret when only the App Key is set', () => {
    expect(problemsOf({ ...real, WEIDIAN_APP_SECRET: '' })).toEqual(['WEIDIAN_APP_SECRET']);
  });

  it('refuses to mix real Weidian with sandbox prices', () => {
    expect(problemsOf({ WEIDIAN_APP_KEY: 'k', WEIDIAN_APP_SECRET: 's' }).sort()).toEqual(['PRICE_API_BASE', 'PRICE_API_KEY']);
  });

  it('names each bad variable in one error', () => {
    expect(
      problemsOf({ REDIS_URL: 'http://nope', COMPARE_CACHE_TTL_SECONDS: 'soon', WEIDIAN_TIMEOUT_MS: '0' }).sort(),
    ).toEqual(['COMPARE_CACHE_TTL_SECONDS', 'REDIS_URL', 'WEIDIAN_TIMEOUT_MS']);
  });

  it('rejects base URLs that sandbox mode would silently ignore', () => {
    expect(problemsOf({ WEIDIAN_API_BASE: 'https://api.weidian.com' })).toEqual(['WEIDIAN_API_BASE']);
  });

  it('the message names every variable', () => {
    expect(() => parseEnv({ WEIDIAN_APP_KEY: 'k' })).toThrow(/WEIDIAN_APP_SECRET[\s\S]*PRICE_API_KEY/);
  });

  it('requires a session secret in production with real credentials, and a long one', () => {
    expect(problemsOf({ ...real, NODE_ENV: 'production' })).toEqual(['SESSION_SECRET']);
    expect(problemsOf({ ...real, NODE_ENV: 'production', SESSION_SECRET: 'short' })).toEqual(['SESSION_SECRET']);
    expect(parseEnv({ ...real, NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) }).sessionSecret).toBe('x'.repeat(32));
  });

  it('sends the browser to the embedded consent page in sandbox mode, to Weidian otherwise', () => {
    expect(parseEnv({}).oauth.authorizeUrl).toBe('/sandbox/weidian/oauth2');
    expect(parseEnv(real).oauth).toMatchObject({ authorizeUrl: 'https://auth.weidian.com/oauth2', tokenUrl: 'https://auth.weidian.com/oauth2/token', clientId: 'k' });
  });
});

describe('parseEnv: database and alerts', () => {
  it('uses embedded PGlite under .data/pglite when DATABASE_URL is unset or blank', () => {
    expect(parseEnv({}).database).toEqual({ url: null, pgliteDir: '.data/pglite' });
    expect(parseEnv({ DATABASE_URL: ' ', PGLITE_DIR: '' }).database).toEqual({ url: null, pgliteDir: '.data/pglite' });
    expect(parseEnv({ PGLITE_DIR: '/tmp/bijia-db' }).database.pgliteDir).toBe('/tmp/bijia-db');
    expect(parseEnv({}).alertWebhookUrl).toBeNull();
  });

  it('accepts postgres:// and postgresql:// URLs', () => {
    expect(parseEnv({ DATABASE_URL: 'postgres://root@127.0.0.1:5432/test' }).database.url).toBe('postgres://root@127.0.0.1:5432/test');
    expect(parseEnv({ DATABASE_URL: 'postgresql://u:p@db.example.com/bijia?sslmode=require' }).database.url).toBe(
      'postgresql://u:p@db.example.com/bijia?sslmode=require',
    );
  });

  it('names a DATABASE_URL or ALERT_WEBHOOK_URL that is not one', () => {
    expect(problemsOf({ DATABASE_URL: 'mysql://127.0.0.1/x', ALERT_WEBHOOK_URL: 'ftp://hooks.example.com' }).sort()).toEqual([
      'ALERT_WEBHOOK_URL',
      'DATABASE_URL',
    ]);
    expect(problemsOf({ DATABASE_URL: '127.0.0.1:5432' })).toEqual(['DATABASE_URL']);
  });

  it('reads the alert webhook', () => {
    expect(parseEnv({ ALERT_WEBHOOK_URL: 'https://hooks.example.com/bijia' }).alertWebhookUrl).toBe('https://hooks.example.com/bijia');
  });
});

describe('parseEnv: quotas and rate limits', () => {
  it('defaults to 500/s burst 500 for Weidian, 100/s burst 100 for the price API, 120/min per IP, not on Vercel', () => {
    const env = parseEnv({});
    expect(env.quota).toEqual({ weidian: { ratePerSecond: 500, burst: 500 }, priceApi: { ratePerSecond: 100, burst: 100 } });
    expect(env.apiRateLimitPerMinute).toBe(120);
    expect(env.onVercel).toBe(false);
  });

  it('reads each setting, blank counting as unset', () => {
    const env = parseEnv({
      WEIDIAN_QUOTA_PER_SECOND: '200',
      WEIDIAN_QUOTA_BURST: '50',
      PRICE_API_QUOTA_PER_SECOND: '10',
      PRICE_API_QUOTA_BURST: ' ',
      API_RATE_LIMIT_PER_MINUTE: '30',
      VERCEL: '1',
    });
    expect(env.quota).toEqual({ weidian: { ratePerSecond: 200, burst: 50 }, priceApi: { ratePerSecond: 10, burst: 100 } });
    expect(env.apiRateLimitPerMinute).toBe(30);
    expect(env.onVercel).toBe(true);
  });

  it('names each bad quota or limit', () => {
    expect(
      problemsOf({ WEIDIAN_QUOTA_PER_SECOND: '0', WEIDIAN_QUOTA_BURST: 'lots', PRICE_API_QUOTA_PER_SECOND: '1.5', PRICE_API_QUOTA_BURST: '-1', API_RATE_LIMIT_PER_MINUTE: '0' }).sort(),
    ).toEqual(['API_RATE_LIMIT_PER_MINUTE', 'PRICE_API_QUOTA_BURST', 'PRICE_API_QUOTA_PER_SECOND', 'WEIDIAN_QUOTA_BURST', 'WEIDIAN_QUOTA_PER_SECOND']);
  });

  it('derives the login and sync-start limits from API_RATE_LIMIT_PER_MINUTE unless set', () => {
    expect(parseEnv({})).toMatchObject({ authRateLimitPerMinute: 20, syncRateLimitPerMinute: 20 });
    // The e2e run raises only the general limit; the stricter ones must follow.
    expect(parseEnv({ API_RATE_LIMIT_PER_MINUTE: '100000' })).toMatchObject({ authRateLimitPerMinute: 16_667, syncRateLimitPerMinute: 16_667 });
    expect(parseEnv({ API_RATE_LIMIT_PER_MINUTE: '100000', AUTH_RATE_LIMIT_PER_MINUTE: '5', SYNC_RATE_LIMIT_PER_MINUTE: ' ' })).toMatchObject({
      authRateLimitPerMinute: 5,
      syncRateLimitPerMinute: 16_667,
    });
    expect(problemsOf({ AUTH_RATE_LIMIT_PER_MINUTE: '0', SYNC_RATE_LIMIT_PER_MINUTE: 'many' }).sort()).toEqual(['AUTH_RATE_LIMIT_PER_MINUTE', 'SYNC_RATE_LIMIT_PER_MINUTE']);
  });

  it('serves a listing render for 15 s unless LISTING_HTML_CACHE_SECONDS says otherwise; 0 turns it off', () => {
    expect(parseEnv({}).listingHtmlCacheSeconds).toBe(15);
    expect(parseEnv({ LISTING_HTML_CACHE_SECONDS: ' ' }).listingHtmlCacheSeconds).toBe(15);
    expect(parseEnv({ LISTING_HTML_CACHE_SECONDS: '0' }).listingHtmlCacheSeconds).toBe(0);
    expect(parseEnv({ LISTING_HTML_CACHE_SECONDS: '60' }).listingHtmlCacheSeconds).toBe(60);
    for (const bad of ['-1', '1.5', 'soon', '301']) expect(problemsOf({ LISTING_HTML_CACHE_SECONDS: bad }), bad).toEqual(['LISTING_HTML_CACHE_SECONDS']);
  });
});

describe('parseEnv: CORS_ALLOWED_ORIGINS', () => {
  it('is empty when unset or blank', () => {
    expect(parseEnv({}).corsAllowedOrigins).toEqual([]);
    expect(parseEnv({ CORS_ALLOWED_ORIGINS: ' ' }).corsAllowedOrigins).toEqual([]);
  });

  it('reads a comma-separated list of origins, dropping blanks, a trailing slash and repeats', () => {
    expect(parseEnv({ CORS_ALLOWED_ORIGINS: 'https://a.example, http://localhost:3000/,,https://a.example' }).corsAllowedOrigins).toEqual([
      'https://a.example',
      'http://localhost:3000',
    ]);
  });

  it.each(['*', 'https://a.example/path', 'ftp://a.example', 'a.example', 'https://user@a.example', 'https://a.example?x=1', 'https://A.example'])(
    'names the variable for %j, which is not an exact origin',
    (value) => {
      expect(problemsOf({ CORS_ALLOWED_ORIGINS: `https://ok.example,${value}` })).toEqual(['CORS_ALLOWED_ORIGINS']);
    },
  );
});
