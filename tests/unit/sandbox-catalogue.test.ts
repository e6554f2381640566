import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { CATEGORIES, PLATFORMS } from '@/lib/types';
import {
  buildSandboxCatalogue,
  FIXTURE_LINE_PREFIX,
  getSandboxCatalogue,
  sandboxSkuIdOfItem,
  sandboxSkuIdOfOffer,
  toWireItem,
  toWireOffer,
  type SandboxItem,
  type SandboxOffer,
  XSS_TITLE,
} from '@/sandbox/catalogue';

const catalogue = getSandboxCatalogue();
const { items, offers } = catalogue;
/** Without the hand-written fixtures (sandbox/catalogue.ts, tested below on their own). */
const isGenerated = (x: { skuId: string }) => !x.skuId.startsWith(FIXTURE_LINE_PREFIX);
const generatedItems = items.filter(isGenerated);
const generatedOffers = offers.filter(isGenerated);
const itemByIid = new Map(items.map((item) => [item.num_iid, item]));
const truthOffers = (item: SandboxItem): SandboxOffer[] => offers.filter((offer) => offer.skuId === item.skuId);
const share = (part: number, whole: number): number => part / whole;

/** GTIN-13 check digit, written independently of sandbox/gtin.ts. */
function isGtin13(code: string): boolean {
  if (!/^\d{13}$/.test(code)) return false;
  const digits = [...code].map(Number);
  const sum = digits.slice(0, 12).reduce((acc, d, i) => acc + d * (i % 2 === 0 ? 1 : 3), 0);
  return (10 - (sum % 10)) % 10 === digits[12];
}

/** Yuan strings as scraped ("¥1,299.00", "1299", "1,299.5元", "￥89.9", "89.90") → fen. */
function scrapedToFen(price: string): number | null {
  const bare = price.replace(/^[¥￥]/, '').replace(/元$/, '');
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/.test(bare)) return null;
  const [whole = '', fraction = ''] = bare.replaceAll(',', '').split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

describe('sandbox catalogue: items', () => {
  it('has at least 320 items over all 8 categories, each well stocked', () => {
    expect(items.length).toBeGreaterThanOrEqual(320);
    for (const category of CATEGORIES) {
      const inCategory = items.filter((item) => item.cid === category.id);
      expect(inCategory.length, category.name).toBeGreaterThanOrEqual(25);
      for (const item of inCategory) expect(item.cate_name).toBe(category.name);
    }
  });

  it('is deterministic: two builds are deep-equal, and equal to the shared instance', () => {
    expect(buildSandboxCatalogue()).toEqual(buildSandboxCatalogue());
    expect(buildSandboxCatalogue()).toEqual(catalogue);
  });

  it('a different seed gives different data (the seed is really used)', () => {
    expect(buildSandboxCatalogue(1).offers.map((o) => o.offer_id)).not.toEqual(offers.map((o) => o.offer_id));
  });

  it('has unique 10-digit num_iids in ascending order', () => {
    const ids = items.map((item) => item.num_iid);
    for (const id of ids) expect(id).toMatch(/^[1-9]\d{9}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('serves the documented fields with documented formats', () => {
    for (const item of items) {
      expect(Object.keys(toWireItem(item, 0)).sort()).toEqual(
        ['barcode', 'cate_name', 'cid', 'img', 'num_iid', 'price', 'shop_name', 'stock', 'title', 'update_time'],
      );
      expect(item.price).toMatch(/^(0|[1-9]\d*)\.\d{2}$/);
      expect(Number(item.price)).toBeGreaterThan(0);
      expect(Math.round(Number(item.price) * 100)).toBe(item.priceFen);
      expect(Number.isInteger(item.stock) && item.stock >= 0).toBe(true);
      expect(item.update_time).toMatch(/^2026-11-(0[1-9]|[12]\d|30) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/);
      expect(item.title.trim()).toBe(item.title);
      expect(item.shop_name.length).toBeGreaterThan(0);
    }
  });

  it('has realistic prices per category', () => {
    const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const fenIn = (cid: number): number[] => items.filter((item) => item.cid === cid).map((item) => item.priceFen);
    expect(median(fenIn(1))).toBeGreaterThan(100_000); // 数码: phones, tablets → over ¥1000
    expect(median(fenIn(3))).toBeLessThan(10_000); // 食品: under ¥100
    expect(median(fenIn(8))).toBeLessThan(15_000); // 图书
  });

  it('has some items out of stock and some in stock', () => {
    const empty = items.filter((item) => item.stock === 0).length;
    expect(empty).toBeGreaterThan(5);
    expect(empty).toBeLessThan(items.length * 0.2);
  });

  it('titles mix Chinese and Latin script, with units', () => {
    expect(items.filter((item) => /[A-Za-z]/.test(item.title) && /[\u4e00-\u9fff]/.test(item.title)).length).toBeGreaterThan(items.length * 0.6);
    expect(items.some((item) => /\d+GB/.test(item.title))).toBe(true);
    expect(items.some((item) => /\d+ml×\d+/.test(item.title))).toBe(true);
  });

  it('has a valid GTIN-13 (or ISBN-13 for books) for about 60% of items, "" otherwise', () => {
    const barcoded = items.filter((item) => item.barcode !== '');
    for (const item of barcoded) expect(isGtin13(item.barcode), item.barcode).toBe(true);
    expect(share(barcoded.length, items.length)).toBeGreaterThan(0.5);
    expect(share(barcoded.length, items.length)).toBeLessThan(0.7);
    for (const book of barcoded.filter((item) => item.cid === 8)) expect(book.barcode).toMatch(/^9787/);
  });

  it('serves only local images, one generated SVG per generated item, with no outside references', () => {
    for (const item of generatedItems) {
      expect(item.img).toBe(`/sandbox/items/${item.num_iid}.svg`);
      const file = path.join(process.cwd(), 'public', item.img);
      expect(existsSync(file), `${file} (run scripts/generate-sandbox-images.ts)`).toBe(true);
      const svg = readFileSync(file, 'utf8');
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      expect(svg.replace('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/https?:|href|url\(|@import|<script/i);
    }
  });
});

describe('sandbox catalogue: offers', () => {
  it('has unique offer_ids in ascending order, and only documented fields on the wire', () => {
    const ids = offers.map((offer) => offer.offer_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(Object.keys(toWireOffer(offers[0]!, 0)).sort()).toEqual(
      ['barcode', 'category', 'fetched_at', 'in_stock', 'offer_id', 'platform', 'price', 'shop_name', 'title', 'url'],
    );
  });

  it('gives about 85% of items 1–4 true-match offers and the rest none', () => {
    const counts = items.map((item) => truthOffers(item).length);
    const withOffers = counts.filter((n) => n > 0).length;
    expect(share(withOffers, items.length)).toBeGreaterThanOrEqual(0.8);
    expect(share(withOffers, items.length)).toBeLessThanOrEqual(0.9);
    for (const n of counts) expect(n).toBeLessThanOrEqual(4);
  });

  it('prices true matches around the Weidian price: some cheaper, some dearer, some out of stock', () => {
    const matches = offers.filter((offer) => offer.kind === 'match');
    const item = (offer: SandboxOffer): SandboxItem => itemByIid.get(offer.generatedFor)!;
    expect(matches.filter((o) => o.priceFen < item(o).priceFen).length).toBeGreaterThan(matches.length * 0.25);
    expect(matches.filter((o) => o.priceFen > item(o).priceFen).length).toBeGreaterThan(matches.length * 0.2);
    for (const o of matches) expect(o.priceFen / item(o).priceFen).toBeGreaterThan(0.7);
    expect(matches.filter((o) => !o.in_stock).length).toBeGreaterThan(matches.length * 0.05);
  });

  it('has decoys: other variants of the same line, cheaper than the item for a good share', () => {
    const decoys = offers.filter((offer) => offer.kind === 'variant');
    expect(decoys.length).toBeGreaterThan(items.length * 0.4);
    for (const decoy of decoys) {
      const target = itemByIid.get(decoy.generatedFor)!;
      expect(decoy.skuId).not.toBe(target.skuId);
      expect(decoy.skuId.split(':')[0]).toBe(target.lineId);
    }
    const cheaper = decoys.filter((decoy) => decoy.priceFen < itemByIid.get(decoy.generatedFor)!.priceFen);
    expect(share(cheaper.length, decoys.length)).toBeGreaterThan(0.5);
  });

  it('has unrelated look-alikes, each its own product', () => {
    const lookalikes = offers.filter((offer) => offer.kind === 'lookalike');
    expect(lookalikes.length).toBeGreaterThan(30);
    const skuIds = new Set([...items.map((i) => i.skuId), ...offers.filter((o) => o.kind !== 'lookalike').map((o) => o.skuId)]);
    for (const offer of lookalikes) expect(skuIds.has(offer.skuId)).toBe(false);
  });

  it('barcodes: valid GTIN-13s, a true match carries its item\'s GTIN, equal GTINs mean the same product', () => {
    const skuByGtin = new Map<string, string>();
    const record = (gtin: string, skuId: string): void => {
      expect(isGtin13(gtin), gtin).toBe(true);
      expect(skuByGtin.get(gtin) ?? skuId, `GTIN ${gtin} shared by two products`).toBe(skuId);
      skuByGtin.set(gtin, skuId);
    };
    for (const item of items) if (item.barcode) record(item.barcode, item.skuId);
    for (const offer of offers) if (offer.barcode) record(offer.barcode, offer.skuId);
    const matches = offers.filter((offer) => offer.kind === 'match');
    for (const offer of matches.filter((o) => o.barcode)) expect(offer.barcode).toBe(itemByIid.get(offer.generatedFor)!.barcode);
    for (const offer of matches.filter((o) => !itemByIid.get(o.generatedFor)!.barcode)) expect(offer.barcode).toBe('');
    expect(matches.filter((o) => o.barcode).length).toBeGreaterThan(50);
    expect(offers.filter((o) => o.kind === 'variant' && o.barcode).length).toBeGreaterThan(20);
  });

  it('covers every platform, with platform-shaped https URLs and shop names', () => {
    const hosts: Record<string, RegExp> = {
      jd: /^https:\/\/item\.jd\.com\/\d{12}\.html$/,
      tmall: /^https:\/\/detail\.tmall\.com\/item\.htm\?id=\d{12}$/,
      taobao: /^https:\/\/item\.taobao\.com\/item\.htm\?id=\d{12}$/,
      pdd: /^https:\/\/mobile\.yangkeduo\.com\/goods\.html\?goods_id=\d{12}$/,
      suning: /^https:\/\/product\.suning\.com\/\d{10}\/\d{11}\.html$/,
      vip: /^https:\/\/detail\.vip\.com\/detail-\d{7}-\d{10}\.html$/,
    };
    for (const platform of PLATFORMS) expect(offers.filter((o) => o.platform === platform).length, platform).toBeGreaterThan(20);
    for (const offer of generatedOffers) expect(offer.url).toMatch(hosts[offer.platform]!);
    expect(offers.some((o) => o.shop_name === '京东自营' || o.shop_name.endsWith('京东自营旗舰店'))).toBe(true);
    expect(offers.some((o) => o.platform === 'pdd' && o.shop_name.includes('百亿补贴'))).toBe(true);
    expect(offers.some((o) => o.platform === 'tmall' && o.shop_name.endsWith('官方旗舰店'))).toBe(true);
  });

  it('uses every scraped price format, always a valid yuan amount equal to priceFen', () => {
    const formats: Record<string, RegExp> = {
      yenGrouped: /^¥\d{1,3}(,\d{3})*\.\d{2}$/,
      bare: /^\d+$/,
      yuanSuffix: /^\d{1,3}(,\d{3})*(\.\d{1,2})?元$/,
      fullWidthYen: /^￥\d+(\.\d{1,2})?$/,
      plain2dp: /^\d+\.\d{2}$/,
    };
    for (const [name, pattern] of Object.entries(formats)) expect(offers.some((o) => pattern.test(o.price)), name).toBe(true);
    expect(offers.some((o) => /^\d{1,3}(,\d{3})+/.test(o.price.replace(/^[¥￥]/, '')))).toBe(true); // grouping really used
    for (const offer of offers) expect(scrapedToFen(offer.price), offer.price).toBe(offer.priceFen);
  });

  it('writes titles the way other platforms do', () => {
    const titles = offers.map((o) => o.title);
    const some = (pattern: RegExp): number => titles.filter((t) => pattern.test(t)).length;
    expect(some(/[Ａ-Ｚａ-ｚ０-９]/)).toBeGreaterThan(20); // full-width Latin / digits
    expect(some(/\d(毫升|千克|公斤|克)/)).toBeGreaterThan(20); // unit synonyms
    expect(some(/\d+G(?!B)/)).toBeGreaterThan(10); // 128G for 128GB
    expect(some(/苹果/)).toBeGreaterThan(5); // brand alias
    expect(some(/【包邮】|官方旗舰店|正品保证|限时特惠|2026新款|现货速发|【百亿补贴】/)).toBeGreaterThan(titles.length * 0.3);
    const weidianTitles = new Set(items.map((i) => i.title));
    expect(titles.filter((t) => weidianTitles.has(t)).length).toBeLessThan(titles.length * 0.25);
  });

  it('stamps fetched_at from the injected clock minus a per-offer age of 1 min … 6 h', () => {
    const now = Date.parse('2026-12-01T04:00:00Z');
    for (const offer of offers) {
      const wire = toWireOffer(offer, now);
      expect(wire.fetched_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
      const age = now - Date.parse(wire.fetched_at);
      expect(age).toBeGreaterThanOrEqual(59_000);
      expect(age).toBeLessThanOrEqual(6 * 3600_000);
      expect(toWireOffer(offer, now)).toEqual(wire);
    }
  });

  it('exposes ground truth by id for other tests', () => {
    const item = items[0]!;
    expect(sandboxSkuIdOfItem(item.num_iid)).toBe(item.skuId);
    const offer = offers[0]!;
    expect(sandboxSkuIdOfOffer(offer.offer_id)).toBe(offer.skuId);
    expect(sandboxSkuIdOfItem('0000000000')).toBeUndefined();
  });
});

describe('sandbox catalogue: the hand-written XSS fixture', () => {
  it('leaves every generated item and offer exactly as it was before the fixture existed', () => {
    // sha256 of the generated records as built before the fixture was appended (348 items, 1057 offers).
    const digest = createHash('sha256').update(JSON.stringify({ items: generatedItems, offers: generatedOffers })).digest('hex');
    expect([generatedItems.length, generatedOffers.length]).toEqual([348, 1057]);
    expect(digest).toBe('7306f4649febf353330c2b2dd5c506eca48bb4c65cfb5f86d8ad73fb62a2031b');
  });

  it('is one item titled with markup and one offer for it linking to javascript:, last in id order', () => {
    const fixtureItems = items.filter((i) => !isGenerated(i));
    const fixtureOffers = offers.filter((o) => !isGenerated(o));
    expect(fixtureItems.map((i) => [i.num_iid, i.title])).toEqual([['9000000001', XSS_TITLE]]);
    expect(XSS_TITLE).toContain('<img src=x onerror=alert(1)>');
    expect(fixtureOffers.map((o) => [o.generatedFor, o.url])).toEqual([['9000000001', 'javascript:alert(1)']]);
    expect(items.at(-1)).toBe(fixtureItems[0]);
    expect(offers.at(-1)).toBe(fixtureOffers[0]);
    // Its barcode is its own: the matcher can pair the two, and nothing generated.
    expect(items.filter((i) => i.barcode === fixtureItems[0]!.barcode)).toHaveLength(1);
    expect(offers.filter((o) => o.barcode === fixtureItems[0]!.barcode)).toEqual(fixtureOffers);
    expect(isGtin13(fixtureItems[0]!.barcode)).toBe(true);
  });
});
