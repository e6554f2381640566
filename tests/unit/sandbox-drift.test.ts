/**
 * The sandbox's prices drift deterministically over simulated days (sandbox/drift.ts): day 0 is the
 * catalogue, every other day within ±15 %, steps rather than noise, and an item moves with its offers.
 */
import { describe, expect, it } from 'vitest';
import { parseYuanToFen } from '@/lib/money';
import { getSandboxCatalogue, itemPriceFenAt, offerPriceFenAt, toWireItem, toWireOffer } from '@/sandbox/catalogue';
import { DAY_MS, driftedPriceFen, driftShare, SANDBOX_DAY0_MS, sandboxDay } from '@/sandbox/drift';
import type { ScrapedPriceFormat } from '@/sandbox/prices';

const { items, offers } = getSandboxCatalogue();
const FORMATS: Record<ScrapedPriceFormat, RegExp> = {
  'yen-grouped': /^¥\d{1,3}(,\d{3})*\.\d{2}$/,
  bare: /^\d+(\.\d{1,2})?$/,
  'yuan-suffix': /^\d{1,3}(,\d{3})*(\.\d{1,2})?元$/,
  'fullwidth-yen': /^￥\d+(\.\d{1,2})?$/,
  'plain-2dp': /^\d+\.\d{2}$/,
};
const itemByIid = new Map(items.map((i) => [i.num_iid, i]));
/** Noon (GMT+8) of sandbox day `d`. */
const noon = (d: number) => SANDBOX_DAY0_MS + d * DAY_MS + 12 * 3600_000;
const DAYS = Array.from({ length: 211 }, (_, i) => i - 180); // day −180 … 30

describe('sandbox days', () => {
  it.each([
    ['2026-11-30T16:00:00Z', 0], // 2026-12-01 00:00 GMT+8
    ['2026-12-01T04:00:00Z', 0],
    ['2026-12-01T15:59:59.999Z', 0],
    ['2026-12-01T16:00:00Z', 1],
    ['2026-11-30T15:59:59.999Z', -1],
    ['2026-11-30T06:00:00Z', -1],
    ['2026-06-04T04:00:00Z', -180],
  ])('%s is day %d', (instant, day) => {
    expect(sandboxDay(Date.parse(instant))).toBe(day);
  });
});

describe('drifted prices', () => {
  it('day 0 serves exactly the catalogue’s prices', () => {
    for (const item of items) expect(itemPriceFenAt(item, noon(0))).toBe(item.priceFen);
    for (const offer of offers) expect(offerPriceFenAt(offer, noon(0))).toBe(offer.priceFen);
  });

  it('is deterministic: a pure function of (listing, day)', () => {
    const identity = { seed: 7, skuId: 'line:a', listing: 'item:1' };
    for (const day of [-179, -3, 5]) expect(driftedPriceFen(12_900, identity, day)).toBe(driftedPriceFen(12_900, { ...identity }, day));
    expect(DAYS.map((d) => driftedPriceFen(12_900, identity, d))).not.toEqual(DAYS.map((d) => driftedPriceFen(12_900, { ...identity, seed: 8 }, d)));
  });

  it('stays within ±15 % of the base, in whole fen, never 0 or below, on every day of every listing', () => {
    const listings = [
      ...items.map((item) => ({ base: item.priceFen, at: (ms: number) => itemPriceFenAt(item, ms) })),
      ...offers.map((offer) => ({ base: offer.priceFen, at: (ms: number) => offerPriceFenAt(offer, ms) })),
    ];
    const outside: string[] = [];
    for (const { base, at } of listings) {
      for (const d of DAYS) {
        const fen = at(noon(d));
        if (!Number.isSafeInteger(fen) || fen <= 0 || fen < Math.ceil(base * 0.85) || fen > Math.floor(base * 1.15)) outside.push(`${base} → ${fen} on day ${d}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('bounds hold for tiny and odd bases too', () => {
    for (const base of [1, 7, 10, 99, 101, 995, 1001, 9_999, 10_001, 99_999_999]) {
      for (let d = -400; d <= 400; d += 7) {
        const fen = driftedPriceFen(base, { seed: 1, skuId: `s${base}`, listing: `l${base}` }, d);
        expect(fen, `${base} on day ${d}`).toBeGreaterThanOrEqual(Math.max(1, Math.ceil(base * 0.85)));
        expect(fen, `${base} on day ${d}`).toBeLessThanOrEqual(Math.max(1, Math.floor(base * 1.15)));
      }
    }
    for (let d = -400; d <= 400; d++) expect(Math.abs(driftShare({ seed: 3, skuId: 'x', listing: 'y' }, d))).toBeLessThanOrEqual(0.15);
  });

  it('moves in steps: a typical listing changes price every few days, not daily, and some days are promotions', () => {
    const changes = items.map((item) => {
      let n = 0;
      for (let d = -179; d <= 0; d++) if (itemPriceFenAt(item, noon(d)) !== itemPriceFenAt(item, noon(d - 1))) n++;
      return n;
    });
    const median = [...changes].sort((a, b) => a - b)[Math.floor(changes.length / 2)]!;
    expect(median).toBeGreaterThanOrEqual(10);
    expect(median).toBeLessThanOrEqual(60);
    expect(changes.filter((n) => n === 0).length).toBeLessThan(items.length * 0.1);
    // A promotion: a dip for 1–3 days, then back to exactly the price before it.
    const promoted = items.filter((item) =>
      DAYS.slice(1, -3).some((d) => {
        const before = itemPriceFenAt(item, noon(d - 1));
        const dip = itemPriceFenAt(item, noon(d));
        return dip < before * 0.975 && [1, 2, 3].some((k) => itemPriceFenAt(item, noon(d + k)) === before);
      }),
    );
    expect(promoted.length).toBeGreaterThan(items.length * 0.2);
  });

  it('keeps an item and its true-match offers close: their price ratio moves little from the catalogue’s', () => {
    const deviations: number[] = [];
    for (const offer of offers.filter((o) => o.kind === 'match')) {
      const item = itemByIid.get(offer.generatedFor)!;
      const base = offer.priceFen / item.priceFen;
      for (let d = -180; d <= 0; d += 5) deviations.push(Math.abs(offerPriceFenAt(offer, noon(d)) / itemPriceFenAt(item, noon(d)) / base - 1));
    }
    deviations.sort((a, b) => a - b);
    expect(deviations[Math.floor(deviations.length * 0.5)]!).toBeLessThan(0.04);
    expect(deviations[Math.floor(deviations.length * 0.95)]!).toBeLessThan(0.1);
  });
});

describe('served prices follow the clock’s day', () => {
  it('Weidian items: the wire price is the day’s price, in Weidian’s two-decimal format', () => {
    for (const item of items.slice(0, 50)) {
      for (const d of [-90, -1, 0, 3]) {
        const wire = toWireItem(item, noon(d));
        expect(wire.price).toMatch(/^\d+\.\d{2}$/);
        expect(parseYuanToFen(wire.price)).toBe(itemPriceFenAt(item, noon(d)));
      }
    }
    const moved = items.filter((item) => toWireItem(item, noon(-30)).price !== item.price);
    expect(moved.length).toBeGreaterThan(items.length / 2);
  });

  it('offers: the price of the day the scraper saw it (fetched_at), in the listing’s own scraped format', () => {
    for (const offer of offers.slice(0, 200)) {
      for (const d of [-60, -1, 0]) {
        const wire = toWireOffer(offer, noon(d));
        const seen = Date.parse(wire.fetched_at);
        expect(parseYuanToFen(wire.price)).toBe(offerPriceFenAt(offer, noon(d)));
        expect(offerPriceFenAt(offer, noon(d))).toBe(driftedPriceFen(offer.priceFen, { seed: 20261130, skuId: offer.skuId, listing: `offer:${offer.offer_id}` }, sandboxDay(seen)));
        expect(wire.price).toMatch(FORMATS[offer.priceFormat]);
      }
    }
  });
});
