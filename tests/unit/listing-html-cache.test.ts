import { describe, expect, it } from 'vitest';
import { ListingHtmlCache, RENDER_NONCE_HEADER, renderNonceFrom, renderNonceHeader, type RenderFetch } from '@/lib/http/listing-html-cache';

const SECRET = 'a-test-secret-of-at-least-32-characters';
const ORIGIN = 'http://127.0.0.1:4999';
const page = (generatedAt = '2026-12-03T10:00:00.000Z', stale = false) => ({ generatedAt, stale });

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
      headers: { 'content-type': 'text/html; charset=utf-8', vary: 'rsc', link: '</x.svg>; rel=preload', 'set-cookie': 'a=b', 'x-other': '1' },
    });
  };
  return { fetch, calls };
}

const cacheWith = (fetch: RenderFetch, maxAgeMs = 60_000, renderTimeoutMs?: number) =>
  new ListingHtmlCache({ maxAgeMs, secret: SECRET, origin: () => ORIGIN, fetch, ...(renderTimeoutMs ? { renderTimeoutMs } : {}) });

const get = (path = '/', headers: Record<string, string> = {}, method = 'GET') => new Request(`http://bijia.test${path}`, { method, headers });

describe('ListingHtmlCache', () => {
  it('renders once and answers every request under its own nonce, every use of the placeholder replaced', async () => {
    const { fetch, calls } = renderer();
    const cache = cacheWith(fetch);
    const one = await cache.answer(get('/?q=牛奶'), page(), 'Tm9uY2VPbmU+Lw==', 'req-1');
    const two = await cache.answer(get('/?q=牛奶'), page(), 'Tm9uY2VUd28+Lw==', 'req-2');
    expect(calls).toEqual([`${ORIGIN}/?q=%E7%89%9B%E5%A5%B6`]);
    const [a, b] = [await one!.text(), await two!.text()];
    expect(a.match(/Tm9uY2VPbmU\+Lw==/g)).toHaveLength(3);
    expect(b.match(/Tm9uY2VUd28\+Lw==/g)).toHaveLength(3);
    expect(a).not.toContain('Tm9uY2VUd28');
    expect(a.replaceAll('Tm9uY2VPbmU+Lw==', 'N')).toBe(b.replaceAll('Tm9uY2VUd28+Lw==', 'N'));
    expect(a).not.toMatch(/[0-9a-f]{32}/); // no trace of the placeholder
    // Only the render's content headers: no cookie, nothing else of the render's.
    expect([...one!.headers.keys()].sort()).toEqual(['content-type', 'link', 'vary']);
    expect(one!.status).toBe(200);
  });

  it('renders once for concurrent requests', async () => {
    const { fetch, calls } = renderer();
    const cache = cacheWith(fetch);
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => cache.answer(get('/'), page(), `nonce${i}`, `r${i}`)));
    expect(calls).toHaveLength(1);
    for (const [i, answer] of answers.entries()) expect(await answer!.text()).toContain(`nonce="nonce${i}"`);
  });

  it('renders again for new data, another raw query, or once the copy is older than its max age', async () => {
    const { fetch, calls } = renderer();
    const cache = cacheWith(fetch, 80);
    await cache.answer(get('/'), page(), 'n', 'r');
    await cache.answer(get('/'), page('2026-12-03T10:05:00.000Z'), 'n', 'r');
    await cache.answer(get('/'), page('2026-12-03T10:05:00.000Z', true), 'n', 'r');
    await cache.answer(get('/?page=1'), page(), 'n', 'r'); // the HTML embeds the URL it was rendered for
    expect(calls).toHaveLength(4);
    await cache.answer(get('/'), page(), 'n', 'r');
    expect(calls).toHaveLength(4);
    await new Promise((r) => setTimeout(r, 120));
    await cache.answer(get('/'), page(), 'n', 'r');
    expect(calls).toHaveLength(5);
  });

  it('leaves to the page what is not an anonymous document GET: cookies, client navigations, posts, renders', async () => {
    const { fetch, calls } = renderer();
    const cache = cacheWith(fetch);
    const cases = [
      get('/', { cookie: 'bijia_session=x' }),
      get('/', { cookie: 'anything=else' }),
      get('/', { rsc: '1' }),
      get('/', { 'next-router-prefetch': '1' }),
      get('/', { 'sec-fetch-dest': 'empty' }),
      get('/', { [RENDER_NONCE_HEADER]: renderNonceHeader(SECRET, '0'.repeat(32)) }),
      get('/', {}, 'POST'),
    ];
    for (const request of cases) expect(await cache.answer(request, page(), 'n', 'r')).toBeNull();
    expect(calls).toHaveLength(0);
    expect(await cache.answer(get('/', { 'sec-fetch-dest': 'document' }), page(), 'n', 'r')).not.toBeNull();
  });

  it('answers HEAD with the headers and no body', async () => {
    const cache = cacheWith(renderer().fetch);
    const head = await cache.answer(get('/', {}, 'HEAD'), page(), 'n', 'r');
    expect(head!.headers.get('content-type')).toContain('text/html');
    expect(await head!.text()).toBe('');
  });

  it('keeps no render that failed, is not a 200 HTML page, or did not take the placeholder; tries again next time', async () => {
    const bad: ((nonce: string) => Response | Promise<Response>)[] = [
      () => new Response('<p>error</p>', { status: 500, headers: { 'content-type': 'text/html' } }),
      () => new Response(null, { status: 307, headers: { location: '/login' } }),
      (n) => new Response(`{"nonce":"${n}"}`, { headers: { 'content-type': 'application/json' } }),
      () => new Response('<script>no nonce</script>', { headers: { 'content-type': 'text/html' } }),
      () => Promise.reject(new TypeError('fetch failed')),
    ];
    for (const answer of bad) {
      const { fetch, calls } = renderer(answer);
      const cache = cacheWith(fetch);
      expect(await cache.answer(get('/'), page(), 'n', 'r')).toBeNull();
      expect(await cache.answer(get('/'), page(), 'n', 'r')).toBeNull();
      expect(calls).toHaveLength(2);
    }
  });

  it('gives up on a render that does not answer in time', async () => {
    const hanging: RenderFetch = (_url, init) =>
      new Promise((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason)));
    const cache = cacheWith(hanging, 60_000, 50);
    expect(await cache.answer(get('/'), page(), 'n', 'r')).toBeNull();
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
