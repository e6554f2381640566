import { describe, expect, it } from 'vitest';
import { HEARTBEAT_MS, planRecording, shouldRecord, type SeriesHead } from '@/lib/history/dedupe';
import { observationsFromSummaries, observationsFromSummary } from '@/lib/history/observations';
import type { PriceObservation } from '@/lib/history/types';
import type { MatchedOffer, Platform, ProductSummary } from '@/lib/types';
import { DEDUPE_CASES } from '../support/history-dedupe-cases';

describe('shouldRecord: a row only on a change, or as the daily heartbeat', () => {
  it.each(DEDUPE_CASES)('$name', ({ steps }) => {
    let head: SeriesHead | null = null;
    for (const step of steps) {
      const next = { priceFen: step.priceFen, atMs: step.atMs };
      expect(shouldRecord(head, next), JSON.stringify(step)).toBe(step.recorded);
      if (step.recorded) head = next;
    }
  });

  it('uses the heartbeat interval it is given', () => {
    const head = { priceFen: 100, atMs: 0 };
    expect(shouldRecord(head, { priceFen: 100, atMs: 3_600_000 }, 3_600_000)).toBe(true);
    expect(shouldRecord(head, { priceFen: 100, atMs: 3_599_999 }, 3_600_000)).toBe(false);
    expect(shouldRecord(head, { priceFen: 100, atMs: HEARTBEAT_MS - 1 })).toBe(false);
  });
});

const obs = (over: Partial<PriceObservation> = {}): PriceObservation => ({
  productId: '2000000001',
  platform: 'weidian',
  priceFen: 12900,
  observedAt: '2026-12-01T02:00:00.000Z',
  ...over,
});

describe('planRecording: validation, repeats and waves', () => {
  it.each([
    ['an empty product id', obs({ productId: '' })],
    ['an unknown source', obs({ platform: 'amazon' as never })],
    ['a zero price', obs({ priceFen: 0 })],
    ['a negative price', obs({ priceFen: -100 })],
    ['a fractional price', obs({ priceFen: 99.5 })],
    ['NaN', obs({ priceFen: Number.NaN })],
    ['an unreadable instant', obs({ observedAt: 'yesterday' })],
    ['a product id longer than 64', obs({ productId: '9'.repeat(65) })],
  ])('drops %s and counts it', (_name, bad) => {
    const plan = planRecording([bad, obs()]);
    expect(plan.invalid).toBe(1);
    expect(plan.waves).toEqual([[{ ...obs(), observedAt: '2026-12-01T02:00:00.000Z' }]]);
  });

  it('one observation per series is one wave (a result set is one statement)', () => {
    const batch = Array.from({ length: 1000 }, (_, i) => ['weidian', 'jd', 'pdd', 'tmall', 'taobao'].map((platform) => obs({ productId: String(2_000_000_000 + i), platform: platform as Platform }))).flat();
    const plan = planRecording(batch);
    expect(plan.waves).toHaveLength(1);
    expect(plan.waves[0]).toHaveLength(5000);
  });

  it('several instants of a series become successive waves, oldest first; the same instant twice counts once', () => {
    const plan = planRecording([
      obs({ observedAt: '2026-12-03T00:00:00Z', priceFen: 300 }),
      obs({ observedAt: '2026-12-01T00:00:00Z', priceFen: 100 }),
      obs({ observedAt: '2026-12-01T00:00:00.000Z', priceFen: 999 }), // a contradicting repeat: the first wins
      obs({ observedAt: '2026-12-02T00:00:00Z', priceFen: 200 }),
      obs({ platform: 'jd', observedAt: '2026-12-02T00:00:00Z', priceFen: 50 }),
    ]);
    expect(plan.repeated).toBe(1);
    expect(plan.waves.map((w) => w.map((o) => `${o.platform}:${o.priceFen}`))).toEqual([['weidian:100', 'jd:50'], ['weidian:200'], ['weidian:300']]);
    expect(plan.waves[0]![0]!.observedAt).toBe('2026-12-01T00:00:00.000Z');
  });
});

const offer = (platform: Platform, priceFen: number): MatchedOffer => ({
  offerId: `o-${platform}`,
  platform,
  shopName: `${platform}店`,
  title: 't',
  priceFen,
  url: 'https://example.com/x',
  inStock: true,
  barcode: null,
  fetchedAt: '2026-12-01T01:00:00.000Z',
  verdict: { match: true, score: 1, method: 'barcode', reason: '条码一致' },
});

const summary = (productId: string, priceFen: number, best: MatchedOffer[]): ProductSummary => ({
  product: {
    productId,
    title: 't',
    priceFen,
    stock: 1,
    imageUrl: '/i.svg',
    categoryId: 1,
    categoryName: '数码',
    barcode: null,
    shopName: '微店',
    fetchedAt: '2026-12-01T02:00:00.000Z',
  },
  bestByPlatform: best,
  lowest: { priceFen: Math.min(priceFen, ...best.map((o) => o.priceFen)), platform: 'weidian', shopName: '微店', fetchedAt: '2026-12-01T02:00:00.000Z', url: null },
  savingFen: 0,
});

describe('observations from the compare service', () => {
  it('records the Weidian price and each platform’s best matched in-stock offer, at the comparison’s instant', () => {
    expect(observationsFromSummary(summary('1', 12900, [offer('jd', 11900), offer('pdd', 10900)]))).toEqual([
      { productId: '1', platform: 'weidian', priceFen: 12900, observedAt: '2026-12-01T02:00:00.000Z' },
      { productId: '1', platform: 'jd', priceFen: 11900, observedAt: '2026-12-01T02:00:00.000Z' },
      { productId: '1', platform: 'pdd', priceFen: 10900, observedAt: '2026-12-01T02:00:00.000Z' },
    ]);
  });

  it('records an offer of another pack size at its price for the item’s pack', () => {
    const twelve = { ...offer('jd', 4990), comparableFen: 9980 };
    expect(observationsFromSummary(summary('1', 10900, [twelve])).map((o) => [o.platform, o.priceFen])).toEqual([
      ['weidian', 10900],
      ['jd', 9980],
    ]);
  });

  it('a product sold nowhere else is one observation; an explicit instant wins over product.fetchedAt', () => {
    expect(observationsFromSummary(summary('1', 500, []), '2026-12-02T00:00:00.000Z')).toEqual([
      { productId: '1', platform: 'weidian', priceFen: 500, observedAt: '2026-12-02T00:00:00.000Z' },
    ]);
  });

  it('flattens a result set', () => {
    const all = observationsFromSummaries([summary('1', 500, [offer('jd', 400)]), summary('2', 700, [])]);
    expect(all.map((o) => `${o.productId}:${o.platform}`)).toEqual(['1:weidian', '1:jd', '2:weidian']);
  });
});
