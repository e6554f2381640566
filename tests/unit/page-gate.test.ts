import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { isDocumentRequest } from '@/lib/http/document-request';
import { gatePage, NOT_FOUND_REWRITE } from '@/lib/http/page-gate';
import { NOT_FOUND_KIND_HEADER } from '@/lib/http/not-found-kind';

const request = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  new NextRequest(new URL(path, 'http://bijia.test'), init);

describe('isDocumentRequest', () => {
  it('is a navigation, or a client without Fetch Metadata (curl, crawlers)', () => {
    expect(isDocumentRequest(new Headers({ 'sec-fetch-dest': 'document' }))).toBe(true);
    expect(isDocumentRequest(new Headers())).toBe(true);
  });

  it('is not a fetch: client-side navigations and prefetches', () => {
    expect(isDocumentRequest(new Headers({ 'sec-fetch-dest': 'empty' }))).toBe(false);
    expect(isDocumentRequest(new Headers({ 'sec-fetch-dest': 'image' }))).toBe(false);
  });
});

describe('gatePage, without asking any upstream', () => {
  it('leaves other pages, other methods, fetches and bad queries to Next', async () => {
    expect(await gatePage(request('/orders'))).toBeNull();
    expect(await gatePage(request('/api/products/compare'))).toBeNull();
    expect(await gatePage(request('/', { method: 'POST' }))).toBeNull();
    expect(await gatePage(request('/products/abc', { headers: { 'sec-fetch-dest': 'empty' } }))).toBeNull();
    expect(await gatePage(request('/?page_size=0'))).toBeNull(); // the page names the wrong parameter
  });

  it('rewrites an id that cannot exist to the server-rendered 404, naming the kind', async () => {
    for (const path of ['/products/abc', '/products/%E4%B8%AD', `/products/${'1'.repeat(21)}`]) {
      const res = await gatePage(request(path));
      expect(res?.headers.get('x-middleware-rewrite')).toBe(`http://bijia.test${NOT_FOUND_REWRITE}`);
      expect(res?.headers.get('x-middleware-override-headers')).toContain(NOT_FOUND_KIND_HEADER);
      expect(res?.headers.get(`x-middleware-request-${NOT_FOUND_KIND_HEADER}`)).toBe('product');
    }
  });
});
