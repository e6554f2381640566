import { describe, expect, it, vi } from 'vitest';
import { staleNoticeZh } from '@/lib/format/relative-time';
import { renderUnavailablePage, retryAfterSeconds, sameSitePath, unavailableResponse } from '@/lib/http/unavailable-page';
import { QuotaExceededError } from '@/lib/quota/token-bucket';
import { UpstreamError } from '@/lib/upstream/http';
import { isUnavailableError } from '@/lib/upstream/unavailable';

describe('isUnavailableError', () => {
  it('is true for an upstream failure and for an exhausted outbound quota', () => {
    expect(isUnavailableError(new UpstreamError('weidian', 'http', 'HTTP 503', { status: 503 }))).toBe(true);
    expect(isUnavailableError(new UpstreamError('weidian', 'unavailable', 'circuit open'))).toBe(true);
    expect(isUnavailableError(new QuotaExceededError('weidian', 800))).toBe(true);
  });

  it('counts an error made by another copy of the classes (another bundle) too', async () => {
    // A second, separately evaluated copy of each module, as the proxy's bundle has.
    vi.resetModules();
    const other = { http: await import('@/lib/upstream/http'), quota: await import('@/lib/quota/token-bucket') };
    const foreignUpstream = new other.http.UpstreamError('price-api', 'http', 'HTTP 503', { status: 503 });
    const foreignQuota = new other.quota.QuotaExceededError('price-api', 100);
    expect(other.http.UpstreamError).not.toBe(UpstreamError);
    expect(foreignUpstream instanceof UpstreamError).toBe(true);
    expect(foreignQuota instanceof QuotaExceededError).toBe(true);
    expect(isUnavailableError(foreignUpstream) && isUnavailableError(foreignQuota)).toBe(true);
  });

  it('is false for anything else (a bug stays a bug)', () => {
    expect(isUnavailableError(new TypeError('x is undefined'))).toBe(false);
    expect(isUnavailableError(Object.assign(new Error('x'), { name: 'UpstreamError' }))).toBe(false);
    expect(new UpstreamError('weidian', 'http', 'x') instanceof QuotaExceededError).toBe(false);
    expect(isUnavailableError(null)).toBe(false);
  });
});

describe('retryAfterSeconds', () => {
  it('uses the error’s own hint, rounded up, within 1–120 s', () => {
    expect(retryAfterSeconds(new QuotaExceededError('weidian', 800))).toBe(1);
    expect(retryAfterSeconds(new QuotaExceededError('weidian', 2100))).toBe(3);
    expect(retryAfterSeconds(new UpstreamError('weidian', 'http', 'x', { retryAfterMs: 10 * 60_000 }))).toBe(120);
  });

  it('defaults to the breaker’s 10 s', () => {
    expect(retryAfterSeconds(new UpstreamError('weidian', 'timeout', 'x'))).toBe(10);
    expect(retryAfterSeconds(new Error('x'))).toBe(10);
  });
});

describe('renderUnavailablePage', () => {
  it('is a zh-CN page with a plain retry link to the same URL, escaped, and no script', () => {
    const html = renderUnavailablePage({ page: 'compare', retryHref: '/?q=<牛奶>&sort=price_asc' });
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('抱歉，比价结果暂时无法显示');
    expect(html).toContain('href="/?q=&lt;牛奶&gt;&amp;sort=price_asc">重试</a>');
    expect(html).toContain('返回首页');
    expect(html).not.toMatch(/<script/i);
  });

  it('has its own text for a product, and no second home link on the home page', () => {
    expect(renderUnavailablePage({ page: 'product', retryHref: '/products/123' })).toContain('这件商品暂时无法显示');
    expect(renderUnavailablePage({ page: 'compare', retryHref: '/' })).not.toContain('返回首页');
  });

  it('retries only a path on this site', () => {
    expect(sameSitePath('/products/1?x=1')).toBe('/products/1?x=1');
    expect(sameSitePath('//evil.example/')).toBe('/');
    expect(sameSitePath('/\\evil.example/')).toBe('/');
    expect(sameSitePath('https://evil.example/')).toBe('/');
  });
});

describe('unavailableResponse', () => {
  it('answers 503, not cached, with Retry-After', async () => {
    const res = unavailableResponse({ page: 'compare', retryHref: '/', error: new QuotaExceededError('weidian', 1500) });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('重试');
  });

  it('has no body for HEAD', async () => {
    const res = unavailableResponse({ page: 'compare', retryHref: '/', error: new Error('x'), head: true });
    expect(res.status).toBe(503);
    expect(await res.text()).toBe('');
  });
});

describe('staleNoticeZh', () => {
  const NOW = Date.parse('2026-11-30T06:00:00.000Z');
  const text = (iso: string, now = NOW) => Object.values(staleNoticeZh(iso, now)).join('');

  it('names the age, with a space before a number only', () => {
    expect(text('2026-11-30T05:55:00.000Z')).toBe('以下是 5 分钟前的比价结果，最新价格正在更新。');
    expect(text('2026-11-30T03:00:00.000Z')).toBe('以下是 3 小时前的比价结果，最新价格正在更新。');
    expect(text('2026-11-30T05:59:30.000Z')).toBe('以下是刚刚获取的比价结果，最新价格正在更新。');
  });

  it('never shows a broken age', () => {
    expect(text('not a time')).toBe('以下是此前的比价结果，最新价格正在更新。');
    expect(text('2026-11-30T05:55:00.000Z', Number.NaN)).toBe('以下是此前的比价结果，最新价格正在更新。');
  });
});
