import { describe, expect, it } from 'vitest';
import { mergeProduct } from '@/lib/compare/merge';
import { sortSummaries } from '@/lib/compare/sort';
import type { MatchedOffer, PackSize, Platform, Product, ProductSummary } from '@/lib/types';

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

describe('mergeProduct with pack sizes', () => {
  const box = (count: number, amount: number | null = 250): PackSize => ({ count, piece: '盒', measure: amount === null ? null : { amount, unit: 'ml' } });
  const otherPack = (platform: Platform, priceFen: number, pack: PackSize, itemPack = box(24), extra: Partial<MatchedOffer> = {}) =>
    offer(platform, priceFen, { verdict: { match: true, score: 0.95, method: 'pack', reason: '同款不同件数', packs: { product: itemPack, offer: pack } }, ...extra });
  const item = { ...product, priceFen: 7000 }; // ×24 at ¥70.00

  it.each([
    // [offer price, offer pack, comparable price, unit price, lowest platform]
    ['a ×12 at half price is a tie, so Weidian stays lowest', 3500, box(12), 7000, { fen: 117, per: '100ml' }, 'weidian'],
    ['a ×12 at ¥39.90 is ¥79.80 for 24: dearer per box', 3990, box(12), 7980, { fen: 133, per: '100ml' }, 'weidian'],
    ['a ×12 at ¥30.00 is ¥60.00 for 24: the lowest', 3000, box(12), 6000, { fen: 100, per: '100ml' }, 'jd'],
    ['a ×36 at ¥99.00 is ¥66.00 for 24: the lowest', 9900, box(36), 6600, { fen: 110, per: '100ml' }, 'jd'],
    ['a ×10 at ¥29.90 is ¥71.76 for 24 (rounded to fen)', 2990, box(10), 7176, { fen: 120, per: '100ml' }, 'weidian'],
  ] as const)('%s', (_, priceFen, pack, comparableFen, unit, platform) => {
    const r = mergeProduct(item, { matched: [otherPack('jd', priceFen, pack)], similar: [] });
    expect(r.matchedOffers[0]).toMatchObject({ priceFen, comparableFen, unitPrice: unit });
    expect(r.lowest.platform).toBe(platform);
    expect(r.lowest.priceFen).toBe(Math.min(comparableFen, item.priceFen));
    expect(r.savingFen).toBe(item.priceFen - r.lowest.priceFen);
    expect(r.unitPrice).toEqual({ fen: 117, per: '100ml' }); // ¥70.00 / 6000 ml
  });

  it('says what the lowest actually costs when it is another pack size', () => {
    const r = mergeProduct(item, { matched: [otherPack('pdd', 3000, box(12))], similar: [] });
    expect(r.lowest).toMatchObject({ priceFen: 6000, platform: 'pdd', otherPack: { priceFen: 3000, pack: box(12), unitPrice: { fen: 100, per: '100ml' } } });
  });

  it('ranks same-pack and other-pack offers by their price for the item’s pack', () => {
    const r = mergeProduct(item, {
      matched: [offer('jd', 6500), otherPack('jd', 3100, box(12)), otherPack('taobao', 3300, box(12))],
      similar: [],
    });
    expect(r.matchedOffers.map((o) => o.comparableFen)).toEqual([6200, 6500, 6600]);
    expect(r.bestByPlatform.map((o) => [o.platform, o.priceFen])).toEqual([['taobao', 3300], ['jd', 3100]]);
    expect(r.lowest).toMatchObject({ platform: 'jd', priceFen: 6200 });
    expect(r.matchedOffers[1]!.unitPrice).toBeUndefined(); // same pack: its price is its price
  });

  it('never takes an out-of-stock offer of another pack size as the lowest', () => {
    const r = mergeProduct(item, { matched: [otherPack('jd', 100, box(12), box(24), { inStock: false })], similar: [] });
    expect(r.lowest.platform).toBe('weidian');
    expect(r.matchedOffers[0]!.comparableFen).toBe(200);
  });

  it('compares per piece when the packs do not say what a piece holds', () => {
    const pack = (count: number): PackSize => ({ count, piece: '包', measure: null });
    const r = mergeProduct(item, { matched: [otherPack('jd', 3000, pack(12), pack(24))], similar: [] });
    expect(r.matchedOffers[0]).toMatchObject({ comparableFen: 6000, unitPrice: { fen: 250, per: '包' } });
    expect(r.unitPrice).toEqual({ fen: 292, per: '包' });
  });

  it('takes what a piece holds from the item when only the item says', () => {
    const r = mergeProduct(item, { matched: [otherPack('jd', 3000, { count: 12, piece: null, measure: null })], similar: [] });
    expect(r.matchedOffers[0]).toMatchObject({ comparableFen: 6000, unitPrice: { fen: 100, per: '100ml' } });
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
