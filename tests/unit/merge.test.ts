import { describe, expect, it } from 'vitest';
import { mergeProduct } from '@/lib/compare/merge';
import { sortSummaries } from '@/lib/compare/sort';
import type { MatchedOffer, Platform, Product, ProductSummary } from '@/lib/types';

const product: Product = {
  productId: 'p1', title: 't', priceFen: 10000, stock: 3, imageUrl: '/i.svg', categoryId: 1, categoryName: '数码', barcode: null, shopName: '微店小铺', fetchedAt: '2026-12-01T00:00:00.000Z',
};
let n = 0;
const offer = (platform: Platform, priceFen: number, extra: Partial<MatchedOffer> = {}): MatchedOffer => ({
  offerId: `o${++n}`, platform, shopName: `${platform}店`, title: 't', priceFen, url: 'https://example.com/x', inStock: true, barcode: null,
  fetchedAt: '2026-12-01T01:00:00.000Z', verdict: { match: true, score: 0.9, method: 'title', reason: 'r' }, ...extra,
});

describe('mergeProduct', () => {
  it('takes the lowest over Weidian and the matched in-stock offers', () => {
    const r = mergeProduct(product, { matched: [offer('jd', 9000), offer('pdd', 8500), offer('taobao', 9900)], similar: [] });
    expect(r.lowest).toMatchObject({ priceFen: 8500, platform: 'pdd' });
    expect(r.savingFen).toBe(1500);
    expect(r.bestByPlatform.map((o) => o.platform)).toEqual(['taobao', 'jd', 'pdd']);
  });

  it('ignores out-of-stock offers and never counts similar (rejected) offers', () => {
    const similar = offer('jd', 100, { verdict: { match: false, score: 0.8, method: 'conflict', reason: '容量不同' } });
    const r = mergeProduct(product, { matched: [offer('pdd', 5000, { inStock: false })], similar: [similar] });
    expect(r.lowest).toMatchObject({ priceFen: 10000, platform: 'weidian', url: null });
    expect(r.savingFen).toBe(0);
    expect(r.bestByPlatform).toEqual([]);
    expect(r.matchedOffers).toHaveLength(1);
    expect(r.similarOffers).toEqual([similar]);
  });

  it('keeps Weidian on a tie, and breaks offer ties by platform order then shop', () => {
    expect(mergeProduct(product, { matched: [offer('jd', 10000)], similar: [] }).lowest.platform).toBe('weidian');
    const r = mergeProduct({ ...product, priceFen: 20000 }, { matched: [offer('pdd', 9000), offer('jd', 9000), offer('taobao', 9000, { shopName: 'B' }), offer('taobao', 9000, { shopName: 'A' })], similar: [] });
    expect(r.lowest).toMatchObject({ platform: 'taobao', shopName: 'A' });
  });

  it('picks each platform’s cheapest offer', () => {
    const r = mergeProduct(product, { matched: [offer('jd', 9500), offer('jd', 9100), offer('jd', 9300)], similar: [] });
    expect(r.bestByPlatform.map((o) => o.priceFen)).toEqual([9100]);
  });
});

describe('sortSummaries', () => {
  const s = (id: string, lowest: number, saving: number) => ({ product: { ...product, productId: id }, lowest: { priceFen: lowest }, savingFen: saving }) as unknown as ProductSummary;
  const items = [s('a', 300, 0), s('b', 100, 50), s('c', 200, 50), s('d', 100, 10)];
  const ids = (xs: ProductSummary[]) => xs.map((x) => x.product.productId).join('');
  it.each([
    ['default', 'abcd'],
    ['price_asc', 'bdca'],
    ['price_desc', 'acbd'],
    ['saving_desc', 'bcda'],
  ] as const)('%s → %s (stable)', (sort, expected) => {
    expect(ids(sortSummaries(items, sort))).toBe(expected);
  });
});
