import 'server-only';

import { CATEGORIES, PLATFORMS } from '@/lib/types';

import { makeGtin13 } from './gtin';
import { joinChunks, rewriteListingTitle, type ChunkKind, type TitleChunk } from './listing-titles';
import { listingUrlFor, PLATFORM_PRICE_BIAS, platformWeights, shopNameFor, type Platform } from './platforms';
import { driftedPriceFen, sandboxDay } from './drift';
import { formatScrapedPrice, formatYuan2, randomScrapedFormat, retailRound, yuanToFen, type Fen, type ScrapedPriceFormat } from './prices';
import { PRODUCT_LINES, type AxisValue, type ProductLine } from './product-lines';
import { chance, hashString, intBetween, pick, rngFor, shuffled, type Rng } from './random';

/**
 * The sandbox's data: Weidian items and the price API's offers, built once from PRODUCT_LINES and a seed.
 * Pure and deterministic — the same seed always gives deep-equal data — so tests can rely on it.
 *
 * Ground truth: every item and offer carries `skuId`; two records are the same product exactly when their
 * skuIds are equal. skuId (and the other non-wire fields) are never served over HTTP; they exist so tests can
 * check that the app's matcher never accepts an offer for a different variant.
 */

export const SANDBOX_SEED = 20261130;

/** A Weidian item exactly as docs/weidian-api.md serves it. */
export interface WeidianItemWire {
  num_iid: string;
  title: string;
  price: string;
  stock: number;
  img: string;
  cid: number;
  cate_name: string;
  barcode: string;
  shop_name: string;
  update_time: string;
}

/** An offer exactly as docs/price-api.md serves it. */
export interface PriceOfferWire {
  offer_id: string;
  platform: Platform;
  shop_name: string;
  title: string;
  price: string;
  url: string;
  in_stock: boolean;
  barcode: string;
  category: string;
  fetched_at: string;
}

export interface SandboxItem extends WeidianItemWire {
  /** Ground truth product identity (never served). */
  skuId: string;
  /** The product line (same model, any variant). */
  lineId: string;
  /** The variant's axis values, e.g. `256GB 沙漠色钛金属` (empty for single-variant lines). */
  variant: string;
  /** The day-0 price in fen, for tests (the wire `price` is the same amount as a string). Served prices drift
   *  from it by the clock's day: `itemPriceFenAt` (sandbox/drift.ts). */
  priceFen: Fen;
}

/**
 * Why an offer was generated: `match` for an item's own product, `variant` for another variant of the
 * item's line (a decoy), `lookalike` for an unrelated product whose title resembles the item's.
 * Only `skuId` is ground truth: a `variant` decoy made for one item is a true match of its own variant.
 */
export type OfferKind = 'match' | 'variant' | 'lookalike';

export interface SandboxOffer extends Omit<PriceOfferWire, 'fetched_at'> {
  /** Ground truth product identity (never served). */
  skuId: string;
  kind: OfferKind;
  /** num_iid of the Weidian item this offer was generated for (as a match, decoy or look-alike). */
  generatedFor: string;
  /** The day-0 scraped price in fen, for tests; served prices drift from it (`offerPriceFenAt`). */
  priceFen: Fen;
  /** How this listing's scraper writes its price (kept when the price drifts). */
  priceFormat: ScrapedPriceFormat;
  /** How long before "now" the service last saw this price; `fetched_at` = clock − ageMs. */
  ageMs: number;
}

export interface SandboxCatalogue {
  /** Ordered by num_iid. */
  items: readonly SandboxItem[];
  /** Ordered by offer_id. */
  offers: readonly SandboxOffer[];
}

// ── SKUs: every combination of a line's axis values ─────────────────────────────────────────────────────

interface Sku {
  skuId: string;
  line: ProductLine;
  chunks: TitleChunk[];
  priceFen: Fen;
  gtin: string;
  /** Index of each axis value, to tell how many axes two SKUs differ in. */
  valueIndexes: number[];
  variant: string;
}

const axisValue = (value: AxisValue): readonly [string, number] => (typeof value === 'string' ? [value, 0] : value);

function titleChunks(line: ProductLine, values: readonly string[]): TitleChunk[] {
  return line.title.map((template) => {
    const axes = [...template.matchAll(/\{(\d)\}/g)].map((m) => Number(m[1]));
    let kind: ChunkKind = 'word';
    if (template === '{brand}') kind = 'brand';
    else if (template === '{name}') kind = 'name';
    else if (axes.length > 0) kind = axes.every((a) => line.axes[a]?.kind === 'colour') ? 'colour' : 'variant';
    const text = template
      .replaceAll('{brand}', line.brand.title)
      .replaceAll('{name}', line.name)
      .replace(/\{(\d)\}/g, (_, a: string) => values[Number(a)] ?? '');
    return { kind, text };
  });
}

function expandLine(line: ProductLine): Omit<Sku, 'gtin'>[] {
  let combos: number[][] = [[]];
  for (const axis of line.axes) combos = combos.flatMap((combo) => axis.values.map((_, i) => [...combo, i]));
  return combos.map((valueIndexes) => {
    const values = valueIndexes.map((v, a) => axisValue(line.axes[a]!.values[v]!));
    const texts = values.map(([text]) => text);
    const yuan = line.base + values.reduce((sum, [, delta]) => sum + delta, 0);
    return {
      skuId: `${line.id}:${texts.map((t) => t.replace(/\s+/g, '_')).join(':')}`,
      line,
      chunks: titleChunks(line, texts),
      priceFen: yuanToFen(yuan),
      valueIndexes,
      variant: texts.join(' '),
    };
  });
}

function buildSkus(seed: number): Sku[] {
  const nextReference = new Map<string, number>();
  return PRODUCT_LINES.flatMap((line) =>
    expandLine(line).map((sku) => {
      // Item references per GS1 prefix: a stable random start, then small steps (never reused).
      const prefix = line.brand.gs1;
      const rng = rngFor(seed, `gtin:${sku.skuId}`);
      const start = nextReference.get(prefix) ?? (hashString(`${seed}:${prefix}`) % 10 ** (12 - prefix.length - 1));
      const reference = start + intBetween(rng, 1, 9);
      nextReference.set(prefix, reference);
      return { ...sku, gtin: makeGtin13(prefix, reference) };
    }),
  );
}

// ── Weidian items ────────────────────────────────────────────────────────────────────────────────────────

const WEIDIAN_SHOPS: Record<number, readonly string[]> = {
  1: ['极客数码优选', '华强北正品数码', '数码港微店'],
  2: ['丽人美妆小铺', '颜究所美妆', '小美的化妆间', '莎莎美妆代购'],
  3: ['零食很忙微店', '吃货研究所', '家乡味道特产店', '社区团购优选'],
  4: ['居家生活馆', '好物集家居', '日用百货铺', '品质家居优选'],
  5: ['宝贝计划母婴店', '萌宝妈咪屋', '育婴好物社'],
  6: ['潮衣社', '衣橱研究所', '小众穿搭工作室'],
  7: ['运动先锋体育', '跑者之家', '健身装备库'],
  8: ['书香阁', '悦读书店', '博库图书微店'],
};

/** Brands that have their own dedicated Weidian shops (by Brand.shop). */
const WEIDIAN_BRAND_SHOPS: Record<string, readonly string[]> = {
  苹果: ['果粉数码旗舰店', '极客数码优选'],
  小米: ['小米生态优品店', '数码港微店'],
  华为: ['华为授权体验店', '华强北正品数码'],
};

const GMT8_MS = 8 * 3600_000;
/** 2026-11-01 00:00:00 GMT+8. */
const NOVEMBER_2026_START = Date.UTC(2026, 10, 1) - GMT8_MS;

const pad2 = (n: number): string => String(n).padStart(2, '0');

function gmt8Parts(ms: number): { date: string; time: string } {
  const d = new Date(ms + GMT8_MS);
  return {
    date: `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`,
    time: `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`,
  };
}

/** `yyyy-MM-dd HH:mm:ss` in GMT+8, Weidian's format. */
export function formatWeidianTime(ms: number): string {
  const { date, time } = gmt8Parts(ms);
  return `${date} ${time}`;
}

/** ISO 8601 with the +08:00 offset the price service uses, to the second. */
export function formatIsoGmt8(ms: number): string {
  const { date, time } = gmt8Parts(ms);
  return `${date}T${time}+08:00`;
}

/** Which SKUs of a line are listed on Weidian; the others only exist elsewhere (as decoys). */
function listedSkus(seed: number, skus: readonly Sku[]): Sku[] {
  const rng = rngFor(seed, `listed:${skus[0]?.line.id}`);
  let unlisted = 0;
  if (skus.length >= 4) unlisted = Math.round(skus.length * 0.2);
  else if (skus.length >= 2 && chance(rng, 0.2)) unlisted = 1;
  const left = new Set(shuffled(rng, skus).slice(0, unlisted));
  return skus.filter((sku) => !left.has(sku));
}

function weidianStock(rng: Rng): number {
  if (chance(rng, 0.08)) return 0;
  const r = rng();
  if (r < 0.4) return intBetween(rng, 1, 20);
  if (r < 0.85) return intBetween(rng, 21, 200);
  return intBetween(rng, 201, 999);
}

function makeItem(seed: number, sku: Sku, numIid: string): SandboxItem {
  const rng = rngFor(seed, `item:${sku.skuId}`);
  const { line } = sku;
  const category = CATEGORIES.find((c) => c.id === line.cid)!;
  let title = joinChunks(sku.chunks);
  if (chance(rng, 0.12)) title = chance(rng, 0.5) ? `【正品】${title}` : `${title} ${pick(rng, ['现货', '顺丰包邮', '当天发货'])}`;
  const priceFen = chance(rng, 0.3) ? retailRound(sku.priceFen * (0.96 + rng() * 0.1)) : sku.priceFen;
  const barcodeShare = line.cid === 8 ? 0.9 : 0.56;
  return {
    num_iid: numIid,
    title,
    price: formatYuan2(priceFen),
    stock: weidianStock(rng),
    img: `/sandbox/items/${numIid}.svg`,
    cid: line.cid,
    cate_name: category.name,
    barcode: chance(rng, barcodeShare) ? sku.gtin : '',
    shop_name: pick(rng, WEIDIAN_BRAND_SHOPS[line.brand.shop] ?? WEIDIAN_SHOPS[line.cid] ?? ['微店好物']),
    update_time: formatWeidianTime(NOVEMBER_2026_START + intBetween(rng, 0, 29 * 86400 - 1) * 1000),
    skuId: sku.skuId,
    lineId: line.id,
    variant: sku.variant,
    priceFen,
  };
}

// ── Offers ──────────────────────────────────────────────────────────────────────────────────────────────

function pickPlatforms(rng: Rng, cid: number, count: number): Platform[] {
  const weights = platformWeights(cid);
  const chosen: Platform[] = [];
  while (chosen.length < count) {
    const left = PLATFORMS.filter((p) => !chosen.includes(p) && weights[p] > 0);
    if (left.length === 0) break;
    const total = left.reduce((sum, p) => sum + weights[p], 0);
    let r = rng() * total;
    const next = left.find((p) => (r -= weights[p]) < 0) ?? (left[left.length - 1] as Platform);
    chosen.push(next);
  }
  return chosen;
}

/** A price around `referenceFen` as `platform` would list it: usually shop-rounded, sometimes a coupon price. */
function platformPrice(rng: Rng, referenceFen: Fen, platform: Platform): Fen {
  if (chance(rng, 0.08)) return referenceFen;
  const raw = referenceFen * (1 + PLATFORM_PRICE_BIAS[platform] + (rng() - 0.5) * 0.24);
  return chance(rng, 0.2) ? Math.max(1, Math.round(raw)) : retailRound(raw);
}

interface OfferDraft {
  sku: Pick<Sku, 'skuId' | 'line'>;
  kind: OfferKind;
  generatedFor: string;
  platform: Platform;
  title: string;
  priceFen: Fen;
  barcode: string;
}

class OfferFactory {
  readonly offers: SandboxOffer[] = [];
  private readonly ids = new Set<string>();

  constructor(private readonly seed: number) {}

  add(draft: OfferDraft): SandboxOffer {
    const rng = rngFor(this.seed, `offer:${draft.generatedFor}:${draft.kind}:${draft.sku.skuId}:${this.offers.length}`);
    let offerId: string;
    do {
      offerId = `ofr_${Math.floor(rng() * 2 ** 32).toString(16).padStart(8, '0')}${Math.floor(rng() * 65536).toString(16).padStart(4, '0')}`;
    } while (this.ids.has(offerId));
    this.ids.add(offerId);
    // The rng is drawn in this order: shop name, price format, URL, stock, age.
    const shopName = shopNameFor(rng, draft.platform, draft.sku.line.brand, draft.sku.line.cid);
    const priceFormat = randomScrapedFormat(rng);
    const offer: SandboxOffer = {
      offer_id: offerId,
      platform: draft.platform,
      shop_name: shopName,
      title: draft.title,
      price: formatScrapedPrice(draft.priceFen, priceFormat),
      url: listingUrlFor(rng, draft.platform),
      in_stock: chance(rng, 0.85),
      barcode: draft.barcode,
      category: CATEGORIES.find((c) => c.id === draft.sku.line.cid)!.slug,
      skuId: draft.sku.skuId,
      kind: draft.kind,
      generatedFor: draft.generatedFor,
      priceFen: draft.priceFen,
      priceFormat,
      ageMs: intBetween(rng, 60_000, 6 * 3600_000),
    };
    this.offers.push(offer);
    return offer;
  }
}

const MATCH_COUNT_WEIGHTS = [0.25, 0.35, 0.25, 0.15]; // 1, 2, 3 or 4 true-match offers
const MAX_OFFERS_PER_LISTED_SKU = 4;

function weightedCount(rng: Rng): number {
  let r = rng();
  for (let i = 0; i < MATCH_COUNT_WEIGHTS.length; i++) if ((r -= MATCH_COUNT_WEIGHTS[i]!) < 0) return i + 1;
  return MATCH_COUNT_WEIGHTS.length;
}

const axesDiffering = (a: Sku, b: Sku): number => a.valueIndexes.filter((v, i) => v !== b.valueIndexes[i]).length;

/** Makers of accessories and knock-offs, for the shop names of template look-alikes. */
const ACCESSORY_SHOP_BRANDS = ['图拉斯', '品胜', 'ESR亿色', '闪魔', '优品', '好物汇'];

/** Prefix for look-alikes' own GTINs: no brand in PRODUCT_LINES uses it, so they never equal a real SKU's. */
const LOOKALIKE_GS1 = '6909999';

// ── Build ───────────────────────────────────────────────────────────────────────────────────────────────

export function buildSandboxCatalogue(seed: number = SANDBOX_SEED): SandboxCatalogue {
  const skus = buildSkus(seed);
  const skusByLine = new Map<string, Sku[]>();
  for (const sku of skus) skusByLine.set(sku.line.id, [...(skusByLine.get(sku.line.id) ?? []), sku]);

  // Weidian items, with hash-derived 10-digit ids (stable when other lines are added).
  const usedIds = new Set<string>();
  const items: SandboxItem[] = [];
  const itemBySku = new Map<string, SandboxItem>();
  for (const lineSkus of skusByLine.values()) {
    for (const sku of listedSkus(seed, lineSkus)) {
      let n = 2_000_000_000 + (hashString(`${seed}:iid:${sku.skuId}`) % 1_000_000_000);
      while (usedIds.has(String(n))) n++;
      usedIds.add(String(n));
      const item = makeItem(seed, sku, String(n));
      items.push(item);
      itemBySku.set(sku.skuId, item);
    }
  }
  items.sort((a, b) => (a.num_iid < b.num_iid ? -1 : 1));

  // ~15% of items are sold nowhere else.
  const withoutOffers = new Set(
    [...items]
      .sort((a, b) => hashString(`${seed}:alone:${a.skuId}`) - hashString(`${seed}:alone:${b.skuId}`))
      .slice(0, Math.round(items.length * 0.15))
      .map((item) => item.skuId),
  );

  const factory = new OfferFactory(seed);
  const offerCount = new Map<string, number>();
  const countOffer = (skuId: string): void => void offerCount.set(skuId, (offerCount.get(skuId) ?? 0) + 1);
  const skuById = new Map(skus.map((sku) => [sku.skuId, sku]));
  const skuOf = (item: SandboxItem): Sku => skuById.get(item.skuId)!;

  // 1. True matches.
  for (const item of items) {
    if (withoutOffers.has(item.skuId)) continue;
    const sku = skuOf(item);
    const rng = rngFor(seed, `matches:${item.skuId}`);
    for (const platform of pickPlatforms(rng, sku.line.cid, weightedCount(rng))) {
      factory.add({
        sku,
        kind: 'match',
        generatedFor: item.num_iid,
        platform,
        title: rewriteListingTitle(rng, sku.chunks, { platform, cid: sku.line.cid, brand: sku.line.brand }),
        priceFen: platformPrice(rng, item.priceFen, platform),
        barcode: item.barcode !== '' && chance(rng, 0.45) ? item.barcode : '',
      });
      countOffer(sku.skuId);
    }
  }

  // 2. Decoys: other variants of the same line, often cheaper than the item. A listed sibling may only
  //    receive offers while it stays within 1–4 offers and is not one of the "sold nowhere else" items.
  for (const item of items) {
    const sku = skuOf(item);
    const rng = rngFor(seed, `decoys:${item.skuId}`);
    if (!chance(rng, 0.7)) continue;
    const candidates = (skusByLine.get(sku.line.id) ?? []).filter((other) => {
      if (other.skuId === sku.skuId) return false;
      if (!itemBySku.has(other.skuId)) return true;
      const count = offerCount.get(other.skuId) ?? 0;
      return !withoutOffers.has(other.skuId) && count > 0 && count < MAX_OFFERS_PER_LISTED_SKU;
    });
    if (candidates.length === 0) continue;
    // Prefer siblings that differ in one axis only (256GB vs 128GB of the same colour), and cheaper ones.
    const weighted = candidates.flatMap((other) => {
      const weight = (axesDiffering(sku, other) === 1 ? 3 : 1) * (other.priceFen <= item.priceFen ? 2 : 1);
      return Array<Sku>(weight).fill(other);
    });
    const decoyCount = Math.min(candidates.length, chance(rng, 0.6) ? 1 : 2);
    const chosen = new Set<Sku>();
    while (chosen.size < decoyCount) chosen.add(pick(rng, weighted));
    for (const other of chosen) {
      const platform = pickPlatforms(rng, other.line.cid, 1)[0] ?? 'taobao';
      let priceFen = platformPrice(rng, itemBySku.get(other.skuId)?.priceFen ?? other.priceFen, platform);
      // Bait: a headline price under the item's, the kind that fools a matcher that only reads "iPhone 16 Pro".
      if (priceFen >= item.priceFen && chance(rng, 0.45)) priceFen = retailRound(item.priceFen * (0.78 + rng() * 0.17));
      factory.add({
        sku: other,
        kind: 'variant',
        generatedFor: item.num_iid,
        platform,
        title: rewriteListingTitle(rng, other.chunks, { platform, cid: other.line.cid, brand: other.line.brand }),
        priceFen,
        barcode: chance(rng, 0.4) ? other.gtin : '',
      });
      countOffer(other.skuId);
    }
  }

  // 3. Unrelated look-alikes: a rival brand's same-spec product, or an accessory / abridged edition.
  let lookalikeReference = 0;
  for (const item of items) {
    const sku = skuOf(item);
    const rng = rngFor(seed, `lookalikes:${item.skuId}`);
    if (!chance(rng, 0.3)) continue;
    const { line } = sku;
    const rivals = line.rivals ?? (line.brand.rivals ?? []).map((rival) => [rival, line.name] as const);
    const templates = line.lookalikes ?? [];
    const hasBrandChunk = sku.chunks.some((c) => c.kind === 'brand');
    const useRival = rivals.length > 0 && hasBrandChunk && (templates.length === 0 || chance(rng, 0.5));
    if (!useRival && templates.length === 0) continue;
    const platform = pickPlatforms(rng, line.cid, 1)[0] ?? 'taobao';
    let chunks: TitleChunk[];
    // The listing's shop belongs to whoever makes the look-alike, not to the item's brand.
    let shop = pick(rng, ACCESSORY_SHOP_BRANDS);
    if (useRival) {
      const [rivalBrand, rivalName] = pick(rng, rivals);
      shop = rivalBrand.split(' ')[0] ?? rivalBrand;
      chunks = sku.chunks.map((c): TitleChunk => {
        if (c.kind === 'brand') return { kind: 'brand', text: rivalBrand };
        return c.kind === 'name' ? { kind: 'name', text: rivalName } : c;
      });
    } else {
      chunks = pick(rng, templates)
        .replaceAll('{brand}', line.brand.title)
        .replaceAll('{name}', line.name)
        .replace(/\{(\d)\}/g, (_, a: string) => axisText(sku, Number(a)))
        .split(' ')
        .filter(Boolean)
        // 'variant', not 'word': the rewriter may drop descriptive words, and 模型机 / 小样 / 手机壳 are what
        // makes this a different product.
        .map((text): TitleChunk => ({ kind: 'variant', text }));
    }
    const factor = useRival ? 0.6 + rng() * 0.45 : 0.03 + rng() * 0.22;
    const offerSku = { skuId: `lookalike:${item.num_iid}:${lookalikeReference}`, line: { ...line, brand: { ...line.brand, shop } } };
    factory.add({
      sku: offerSku,
      kind: 'lookalike',
      generatedFor: item.num_iid,
      platform,
      title: rewriteListingTitle(rng, chunks, { platform, cid: line.cid, brand: { ...line.brand, aliases: [] } }),
      priceFen: Math.max(590, retailRound(item.priceFen * factor)),
      barcode: chance(rng, 0.2) ? makeGtin13(LOOKALIKE_GS1, 10_000 + lookalikeReference) : '',
    });
    lookalikeReference++;
  }

  const offers = [...factory.offers].sort((a, b) => (a.offer_id < b.offer_id ? -1 : 1));
  // The hand-written fixtures come after everything generated, so no generated record changes.
  return { items: [...items, XSS_ITEM], offers: [...offers, XSS_OFFER] };
}

// ── Hand-written fixtures ───────────────────────────────────────────────────────────────────────────────

/**
 * A product whose title is markup, and an offer for it whose link is `javascript:` (tests/e2e/xss.spec.ts):
 * both must render as text, never run. Appended after generation with ids that cannot collide with and sort
 * after every generated one (item ids are 2000000000–2999999999-ish, offer ids `ofr_` + hex digits, and
 * `x` sorts after them), in a shop no demo merchant has, so orders, history and the matcher's training data
 * (scripts/match-train.ts skips `fixture:` lines) stay as they were.
 */
export const FIXTURE_LINE_PREFIX = 'fixture:';
export const XSS_TITLE = '<img src=x onerror=alert(1)> 测试商品';
const XSS_BARCODE = makeGtin13('6909998', 1);
const XSS_PRICE_FEN = 1990;

const XSS_ITEM: SandboxItem = {
  num_iid: '9000000001',
  title: XSS_TITLE,
  price: formatYuan2(XSS_PRICE_FEN),
  stock: 10,
  img: '/placeholder-product.svg',
  cid: 4,
  cate_name: CATEGORIES.find((c) => c.id === 4)!.name,
  barcode: XSS_BARCODE,
  shop_name: '安全测试小铺',
  update_time: formatWeidianTime(NOVEMBER_2026_START),
  skuId: `${FIXTURE_LINE_PREFIX}xss`,
  lineId: `${FIXTURE_LINE_PREFIX}xss`,
  variant: '',
  priceFen: XSS_PRICE_FEN,
};

const XSS_OFFER: SandboxOffer = {
  offer_id: 'ofr_xss000000001',
  platform: 'taobao',
  shop_name: '<b onmouseover=alert(1)>测试店</b>',
  title: XSS_TITLE,
  price: formatScrapedPrice(1890, 'bare'),
  url: 'javascript:alert(1)',
  in_stock: true,
  barcode: XSS_BARCODE,
  category: CATEGORIES.find((c) => c.id === 4)!.slug,
  skuId: XSS_ITEM.skuId,
  kind: 'match',
  generatedFor: XSS_ITEM.num_iid,
  priceFen: 1890,
  priceFormat: 'bare',
  ageMs: 3_600_000,
};

/** The text of one axis value of a SKU (for look-alike templates). */
function axisText(sku: Sku, axisIndex: number): string {
  const value = sku.line.axes[axisIndex]?.values[sku.valueIndexes[axisIndex] ?? 0];
  return value === undefined ? '' : axisValue(value)[0];
}

// ── Shared, memoised instance and lookups ───────────────────────────────────────────────────────────────

let memo: SandboxCatalogue | undefined;

/** The catalogue every sandbox endpoint serves (built on first use). */
export function getSandboxCatalogue(): SandboxCatalogue {
  memo ??= buildSandboxCatalogue(SANDBOX_SEED);
  return memo;
}

let skuIndex: Map<string, string> | undefined;

function skuIdIndex(): Map<string, string> {
  if (!skuIndex) {
    const { items, offers } = getSandboxCatalogue();
    skuIndex = new Map([
      ...items.map((item): [string, string] => [`item:${item.num_iid}`, item.skuId]),
      ...offers.map((offer): [string, string] => [`offer:${offer.offer_id}`, offer.skuId]),
    ]);
  }
  return skuIndex;
}

/** Ground truth for tests: the skuId of a served Weidian item, by num_iid. */
export function sandboxSkuIdOfItem(numIid: string): string | undefined {
  return skuIdIndex().get(`item:${numIid}`);
}

/** Ground truth for tests: the skuId of a served offer, by offer_id. */
export function sandboxSkuIdOfOffer(offerId: string): string | undefined {
  return skuIdIndex().get(`offer:${offerId}`);
}

/** The item's price on the clock's day (its catalogue price on day 0; sandbox/drift.ts). */
export function itemPriceFenAt(item: SandboxItem, nowMs: number): Fen {
  return driftedPriceFen(item.priceFen, { seed: SANDBOX_SEED, skuId: item.skuId, listing: `item:${item.num_iid}` }, sandboxDay(nowMs));
}

/**
 * The offer's price as the price service reports it at clock `nowMs`: the price of the day its scraper last
 * saw the listing (`fetched_at` = clock − ageMs), so a price and its `fetched_at` always agree. The catalogue
 * price on day 0 (sandbox/drift.ts).
 */
export function offerPriceFenAt(offer: SandboxOffer, nowMs: number): Fen {
  const seenDay = sandboxDay(nowMs - offer.ageMs);
  return driftedPriceFen(offer.priceFen, { seed: SANDBOX_SEED, skuId: offer.skuId, listing: `offer:${offer.offer_id}` }, seenDay);
}

/** Strips the internal fields; the price is the one of the clock's day. */
export function toWireItem(item: SandboxItem, nowMs: number): WeidianItemWire {
  return {
    num_iid: item.num_iid,
    title: item.title,
    price: formatYuan2(itemPriceFenAt(item, nowMs)),
    stock: item.stock,
    img: item.img,
    cid: item.cid,
    cate_name: item.cate_name,
    barcode: item.barcode,
    shop_name: item.shop_name,
    update_time: item.update_time,
  };
}

/** Strips the internal fields; stamps `fetched_at` from the clock, and the price seen then (`offerPriceFenAt`). */
export function toWireOffer(offer: SandboxOffer, nowMs: number): PriceOfferWire {
  return {
    offer_id: offer.offer_id,
    platform: offer.platform,
    shop_name: offer.shop_name,
    title: offer.title,
    price: formatScrapedPrice(offerPriceFenAt(offer, nowMs), offer.priceFormat),
    url: offer.url,
    in_stock: offer.in_stock,
    barcode: offer.barcode,
    category: offer.category,
    fetched_at: formatIsoGmt8(nowMs - offer.ageMs),
  };
}
