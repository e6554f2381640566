import { describe, expect, it } from 'vitest';
import { ListingHtmlCache, RENDER_NONCE_HEADER, renderNonceFrom, renderNonceHeader, renderOrigin, type RenderFetch } from '@/lib/http/listing-html-cache';
import { parseCompareQuery } from '@/lib/compare/query';

const SECRET = 'a-test-secret-of-at-least-32-characters';
const ORIGIN = 'http://127.0.0.1:4999';
const T0 = '2026-12-03T10:00:00.000Z';

/** A render server: checks the signed placeholder, and answers a page that uses it like Next does. */
function renderer(answer?: (nonce: string, url: string) => Response | Promise<Response>) {
  const calls: string[] = [];
  const fetch: RenderFetch = async (url, init) => {
    calls.push(url);
    const nonce = renderNonceFrom(new Headers(init.headers), SECRET);
    if (!nonce) return new Response('unsigned', { status: 400 });
    if (answer) return answer(nonce, url);
    const html = `<!doctype html><script nonce="${nonce}" src="/a.js"></script><p>${url}</p><script nonce="${nonce}">self.__next_f.push([1,"${nonce}"])</script>`;
    return new Response(html, {
      headers: {
        'content-type': 'text/html; charset=utf-8',
        vary: 'rsc',
        'cache-control': 'public, s-maxage=60',
        link: '</x.svg>; rel=preload',
        'set-cookie': 'a=b',
        'x-other': '1',
      },
    });
  };
  return { fetch, calls };
}

/** A cache on a clock the test moves. */
function cacheWith(fetch: RenderFetch, maxAgeMs = 15_000, renderTimeoutMs?: number) {
  const clock = { ms: 1_000_000 };
  const cache = new ListingHtmlCache({ maxAgeMs, secret: SECRET, origin: ORIGIN, fetch, now: () => clock.ms, ...(renderTimeoutMs ? { renderTimeoutMs } : {}) });
  return { cache, clock };
}

const get = (path = '/', headers: Record<string, string> = {}, method = 'GET') => new Request(`http://bijia.test${path}`, { method, headers });

/** The page data the proxy's gate loaded for `request` (only what the cache reads of it). */
function pageOf(request: Request, generatedAt = T0, stale = false) {
  const parsed = parseCompareQuery(new URL(request.url).searchParams);
  if (!parsed.ok) throw new Error('bad query in a test');
  return { query: parsed.value, generatedAt, stale };
}

const ask = (cache: ListingHtmlCache, request: Request, nonce = 'n', version?: { generatedAt?: string; stale?: boolean }) =>
  cache.answer(request, pageOf(request, version?.generatedAt, version?.stale), nonce, 'req-1');

describe('ListingHtmlCache', () => {
  it('renders once and answers every request under its own nonce, every use of the placeholder replaced', async () => {
    const { fetch, calls } = renderer();
    const { cache } = cacheWith(fetch);
    const one = await ask(cache, get('/?q=%E7%89%9B%E5%A5%B6'), 'Tm9uY2VPbmU+Lw==');
    const two = await ask(cache, get('/?q=%E7%89%9B%E5%A5%B6'), 'Tm9uY2VUd28+Lw==');
    expect(calls).toEqual([`${ORIGIN}/?q=%E7%89%9B%E5%A5%B6`]);
    const [a, b] = [await one!.text(), await two!.text()];
    expect(a.match(/Tm9uY2VPbmU\+Lw==/g)).toHaveLength(3);
    expect(b.match(/Tm9uY2VUd28\+Lw==/g)).toHaveLength(3);
    expect(a).not.toContain('Tm9uY2VUd28');
    expect(a.replaceAll('Tm9uY2VPbmU+Lw==', 'N')).toBe(b.replaceAll('Tm9uY2VUd28+Lw==', 'N'));
    expect(a).not.toMatch(/[0-9a-f]{32}/); // no trace of the placeholder
    expect(one!.status).toBe(200);
  });

  it('answers with the render’s type and preloads, and its own caching headers: never shared, varies by cookie', async () => {
    const { cache } = cacheWith(renderer().fetch);
    const answer = (await ask(cache, get('/')))!;
    expect(Object.fromEntries(answer.headers)).toEqual({
      'content-type': 'text/html; charset=utf-8',
      link: '</x.svg>; rel=preload',
      'cache-control': 'private, no-store',
      vary: expect.stringMatching(/^Cookie, RSC, /),
      'x-listing-html': 'copy',
    });
    for (const [, value] of answer.headers) expect(value).not.toMatch(/[0-9a-f]{32}/);
  });

  it('renders once for concurrent requests', async () => {
    const { fetch, calls } = renderer();
    const { cache } = cacheWith(fetch);
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => ask(cache, get('/'), `nonce${i}`)));
    expect(calls).toHaveLength(1);
    for (const [i, answer] of answers.entries()) expect(await answer!.text()).toContain(`nonce="nonce${i}"`);
  });

  it('renders again for new data, another query, or once the copy is older than its max age', async () => {
    const { fetch, calls } = renderer();
    const { cache, clock } = cacheWith(fetch, 15_000);
    await ask(cache, get('/'));
    await ask(cache, get('/'), 'n', { generatedAt: '2026-12-03T10:05:00.000Z' });
    await ask(cache, get('/'), 'n', { generatedAt: '2026-12-03T10:05:00.000Z', stale: true });
    await ask(cache, get('/?page=2'));
    expect(calls).toHaveLength(4);
    clock.ms += 14_000;
    await ask(cache, get('/'));
    expect(calls).toHaveLength(4);
    clock.ms += 2_000;
    await ask(cache, get('/'));
    expect(calls).toHaveLength(5);
  });

  it('serves a copy only for the query as the site spells it: other spellings and extra parameters render', async () => {
    const { fetch, calls } = renderer();
    const { cache } = cacheWith(fetch);
    for (const path of ['/?page=1', '/?utm_source=x', '/?q=%E7%89%9B%E5%A5%B6&fbclid=1', '/?sort=default', '/?category_id=3&q=a', '/?q=a+b&page_size=20']) {
      expect(await ask(cache, get(path)), path).toBeNull();
    }
    expect(calls).toHaveLength(0);
    expect(await ask(cache, get('/?q=a+b&category_id=3&sort=price_asc&page=2'))).not.toBeNull();
  });

  it('leaves to the page what is not an anonymous browser’s document GET: cookies, navigations, posts, renders, bots', async () => {
    const { fetch, calls } = renderer();
    const { cache } = cacheWith(fetch);
    const cases = [
      get('/', { cookie: 'bijia_session=x' }),
      get('/', { cookie: 'anything=else' }),
      get('/', { rsc: '1' }),
      get('/', { 'next-router-prefetch': '1' }),
      get('/', { 'sec-fetch-dest': 'empty' }),
      get('/', { [RENDER_NONCE_HEADER]: renderNonceHeader(SECRET, '0'.repeat(32)) }),
      get('/', {}, 'POST'),
      get('/', { 'user-agent': 'Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)' }),
      get('/', { 'user-agent': 'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)' }),
      get('/', { 'user-agent': 'Sogou web spider/4.0(+http://www.sogou.com/docs/help/webmasters.htm#07)' }),
      get('/', { 'user-agent': 'facebookexternalhit/1.1' }),
    ];
    for (const request of cases) expect(await ask(cache, request)).toBeNull();
    expect(calls).toHaveLength(0);
    const browser = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';
    expect(await ask(cache, get('/', { 'sec-fetch-dest': 'document', 'user-agent': browser }))).not.toBeNull();
  });

  it('answers HEAD with the headers and no body', async () => {
    const { cache } = cacheWith(renderer().fetch);
    const head = await ask(cache, get('/', {}, 'HEAD'));
    expect(head!.headers.get('content-type')).toContain('text/html');
    expect(await head!.text()).toBe('');
  });

  it('keeps no unusable render, and renders that listing per request for the max age; other listings go on', async () => {
    const unusable: ((nonce: string) => Response | Promise<Response>)[] = [
      () => new Response('<p>error</p>', { status: 500, headers: { 'content-type': 'text/html' } }),
      () => new Response('<p>unavailable</p>', { status: 503, headers: { 'content-type': 'text/html' } }),
      () => new Response(null, { status: 307, headers: { location: '/login' } }),
      (n) => new Response(`{"nonce":"${n}"}`, { headers: { 'content-type': 'application/json' } }),
      () => new Response('<script>no nonce</script>', { headers: { 'content-type': 'text/html' } }),
      (n) => new Response(`<script nonce="${n}"></script>${'x'.repeat(3 * 1024 * 1024)}`, { headers: { 'content-type': 'text/html' } }),
    ];
    for (const answer of unusable) {
      const { fetch, calls } = renderer((nonce, url) => (url.endsWith('/') ? answer(nonce) : renderer().fetch(url, { headers: { [RENDER_NONCE_HEADER]: renderNonceHeader(SECRET, nonce) } })));
      const { cache, clock } = cacheWith(fetch, 15_000);
      expect(await ask(cache, get('/'))).toBeNull();
      expect(await ask(cache, get('/'))).toBeNull(); // not asked again meanwhile
      expect(calls).toHaveLength(1);
      expect(await ask(cache, get('/?page=2'))).not.toBeNull(); // another listing is
      expect(calls).toHaveLength(2);
      clock.ms += 15_001;
      expect(await ask(cache, get('/'))).toBeNull();
      expect(calls).toHaveLength(3);
    }
  });

  it('asks for no render of any listing for the max age once one could not be had at all', async () => {
    const refused: ((nonce: string) => Response | Promise<Response>)[] = [
      () => new Response('<p>protected</p>', { status: 401, headers: { 'content-type': 'text/html' } }),
      () => new Response('<p>forbidden</p>', { status: 403, headers: { 'content-type': 'text/html' } }),
      () => Promise.reject(new TypeError('fetch failed')),
    ];
    for (const answer of refused) {
      const { fetch, calls } = renderer(answer);
      const { cache, clock } = cacheWith(fetch, 15_000);
      expect(await ask(cache, get('/'))).toBeNull();
      // Nor for another listing meanwhile: each request would first wait for a loopback that fails.
      expect(await ask(cache, get('/?page=2'))).toBeNull();
      expect(calls).toHaveLength(1);
      clock.ms += 15_001;
      expect(await ask(cache, get('/?page=2'))).toBeNull();
      expect(calls).toHaveLength(2);
    }
  });

  it('gives up on a render that does not answer in time', async () => {
    const hanging: RenderFetch = (_url, init) =>
      new Promise((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason)));
    const { cache } = cacheWith(hanging, 15_000, 50);
    expect(await ask(cache, get('/'))).toBeNull();
  });
});

describe('renderOrigin: where the render is asked for, never from the request', () => {
  it('is the address Next listens on, else this Vercel deployment’s own URL, else none (the cache is off)', () => {
    expect(renderOrigin({ __NEXT_PRIVATE_ORIGIN: 'http://127.0.0.1:3000/' })).toBe('http://127.0.0.1:3000');
    expect(renderOrigin({ __NEXT_PRIVATE_ORIGIN: 'http://localhost:3000', VERCEL: '1', VERCEL_URL: 'bijia-abc.vercel.app' })).toBe('http://localhost:3000');
    expect(renderOrigin({ VERCEL: '1', VERCEL_URL: 'bijia-abc.vercel.app' })).toBe('https://bijia-abc.vercel.app');
    expect(renderOrigin({ VERCEL_URL: 'bijia-abc.vercel.app' })).toBeNull();
    expect(renderOrigin({ APP_URL: 'https://bijia.example' })).toBeNull();
  });

  it('asks that origin whatever host the request names', async () => {
    const { fetch, calls } = renderer();
    const request = new Request('http://attacker.example/?q=x', { headers: { host: 'attacker.example' } });
    await cacheWith(fetch).cache.answer(request, pageOf(request), 'n', 'r');
    expect(calls).toEqual([`${ORIGIN}/?q=x`]);
  });
});

describe('the render nonce header', () => {
  const nonce = 'ab'.repeat(16);

  it('names the placeholder only when signed with our secret', () => {
    expect(renderNonceFrom(new Headers({ [RENDER_NONCE_HEADER]: renderNonceHeader(SECRET, nonce) }), SECRET)).toBe(nonce);
    expect(renderNonceFrom(new Headers({ [RENDER_NONCE_HEADER]: renderNonceHeader('another-secret-of-at-least-32-chars!!', nonce) }), SECRET)).toBeNull();
    const [, mac] = renderNonceHeader(SECRET, nonce).split('.');
    for (const forged of [`${'cd'.repeat(16)}.${mac}`, `${nonce}.${mac!.slice(1)}A`, nonce, `${nonce}.`, 'x'.repeat(76), '']) {
      expect(renderNonceFrom(new Headers({ [RENDER_NONCE_HEADER]: forged }), SECRET), forged).toBeNull();
    }
    expect(renderNonceFrom(new Headers(), SECRET)).toBeNull();
  });
});
