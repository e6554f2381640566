/**
 * Bijia's domain types. Upstream modules (`lib/weidian`, `lib/price-api`) reshape their raw wire shapes into
 * these; pages, routes and the pure core only ever see these.
 *
 * Money is always integer fen (1 yuan = 100 fen). Instants are ISO-8601 strings in UTC so the types survive
 * JSON (cache, RSC payload, API responses) unchanged.
 */
import type { SpecKind } from './match/specs';

export type Fen = number;

/** Platforms the price API reports on, in the order used to break ties and to lay out tables. */
export const PLATFORMS = ['taobao', 'tmall', 'jd', 'pdd', 'suning', 'vip'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const PLATFORM_LABELS: Record<Platform | 'weidian', string> = {
  weidian: '微店',
  taobao: '淘宝',
  tmall: '天猫',
  jd: '京东',
  pdd: '拼多多',
  suning: '苏宁',
  vip: '唯品会',
};

/** Weidian category ids and their names; the price API's slug for the same category. */
export const CATEGORIES = [
  { id: 1, name: '数码', slug: 'digital' },
  { id: 2, name: '美妆', slug: 'beauty' },
  { id: 3, name: '食品', slug: 'food' },
  { id: 4, name: '家居', slug: 'home' },
  { id: 5, name: '母婴', slug: 'baby' },
  { id: 6, name: '服饰', slug: 'apparel' },
  { id: 7, name: '运动', slug: 'sports' },
  { id: 8, name: '图书', slug: 'books' },
] as const;
export type CategoryId = (typeof CATEGORIES)[number]['id'];

/** An item sold on Weidian. */
export interface Product {
  productId: string;
  title: string;
  priceFen: Fen;
  stock: number;
  imageUrl: string;
  categoryId: number;
  categoryName: string;
  /** GTIN-13, or null when the seller gave none. */
  barcode: string | null;
  shopName: string;
  /** When we read this price from Weidian (ISO-8601 UTC). */
  fetchedAt: string;
}

/** A listing on another platform, as reported by the price API. */
export interface Offer {
  offerId: string;
  platform: Platform;
  shopName: string;
  title: string;
  priceFen: Fen;
  url: string;
  inStock: boolean;
  barcode: string | null;
  /** When the price API last saw this price (ISO-8601 UTC). */
  fetchedAt: string;
}

/** Evidence for a match, for the product page: by barcode, by model number, by brand, by title similarity. */
export type MatchReason =
  | { kind: 'barcode'; value: string }
  | { kind: 'model'; value: string }
  | { kind: 'brand'; value: string }
  | { kind: 'title'; similarity: number };

/** Families of spec conflicts, the way a shopper reads them. */
export type ConflictKind =
  | 'barcode' | 'brand' | 'capacity' | 'size' | 'model' | 'pack' | 'colour' | 'stage' | 'edition' | 'variety' | 'accessory' | 'grade';

/** A spec both listings state with different values, e.g. { kind: 'capacity', spec: 'storage', a: '256GB', b: '512GB' }. */
export interface MatchConflict {
  kind: ConflictKind;
  /** The finer spec kind that disagreed (storage, volume, weight … see lib/match/specs.ts), or "barcode". */
  spec: SpecKind | 'barcode';
  /** The two sides' values as a shopper would write them ("256GB", "×24"; "未标注" when one side is silent). */
  a: string;
  b: string;
}

/** Why the matcher accepted or rejected an offer for a product. */
export interface MatchVerdict {
  match: boolean;
  /** 0..1: the fitted match score (1 for an equal barcode, 0 for a different one). */
  score: number;
  /**
   * How the decision was reached: equal barcode, agreeing model number, title score, a conflict, or too low
   * a score; `pack` is the same product in another pack size (×12 for a ×24 item), compared by unit price.
   */
  method: 'barcode' | 'model' | 'title' | 'pack' | 'conflict' | 'dissimilar';
  /** Human-readable reason in zh-CN, e.g. "条码一致" or "容量不同：500ml ≠ 1000ml". */
  reason: string;
  /**
   * The explanation behind `reason`, structured. Always set by the matcher; optional only because verdicts
   * cached before they existed may lack them.
   */
  similarity?: number;
  reasons?: MatchReason[];
  conflicts?: MatchConflict[];
  /** Set when method is `pack`: the two pack sizes. */
  packs?: { product: PackSize; offer: PackSize };
}

/** What one listing holds: a count of pieces, and how much one piece holds when the title says (250ml, 180g). */
export interface PackSize {
  count: number;
  /** What a piece is called in the title (盒, 瓶, 包 …); null when it only says "×24". */
  piece: string | null;
  /** Contents of one piece in ml or g, when the title states exactly one volume or weight. */
  measure: { amount: number; unit: 'ml' | 'g' } | null;
}

/** A price per unit for comparing pack sizes: per 100 ml, per 100 g, or per piece. */
export interface UnitPrice {
  /** Fen per unit, rounded to whole fen for display; comparisons use the exact ratio. */
  fen: Fen;
  /** "100ml", "100g", or the piece word ("盒", "件"). */
  per: string;
}

export interface MatchedOffer extends Offer {
  verdict: MatchVerdict;
  /**
   * What the offer costs for the item's pack size: its price when the packs agree, else its unit price
   * times the item's pack (a ×12 at ¥40 for a ×24 item is ¥80). Ranks offers and picks the lowest.
   * Set by merge; absent on 相似商品.
   */
  comparableFen?: Fen;
  /** Set by merge when the packs differ: the offer's unit price, shown beside its price. */
  unitPrice?: UnitPrice;
}

/** The lowest price for one product across Weidian and its matched, in-stock offers. */
export interface LowestPrice {
  /** For the item's pack size (see MatchedOffer.comparableFen): what the saving is measured against. */
  priceFen: Fen;
  platform: Platform | 'weidian';
  shopName: string;
  fetchedAt: string;
  url: string | null;
  /** When the lowest is another pack size: what that listing actually costs, its pack and unit price. */
  otherPack?: { priceFen: Fen; pack: PackSize; unitPrice: UnitPrice };
}

export interface ProductComparison {
  product: Product;
  /** The cheapest matched in-stock offer per platform, in PLATFORMS order. */
  bestByPlatform: MatchedOffer[];
  lowest: LowestPrice;
  /** Weidian price minus the lowest price elsewhere, when another platform is cheaper; else 0. */
  savingFen: Fen;
  /** Every candidate the price API returned that the matcher accepted (incl. out of stock). */
  matchedOffers: MatchedOffer[];
  /** Candidates the matcher rejected: look-alikes, other variants. Never counted as the lowest. */
  similarOffers: MatchedOffer[];
  /** The Weidian item's unit price, set when a matched offer comes in another pack size (to compare with). */
  unitPrice?: UnitPrice;
}

/** What a product card needs: the comparison without the candidate lists (those are for the product page). */
export type ProductSummary = Omit<ProductComparison, 'matchedOffers' | 'similarOffers'>;

export const SORTS = ['default', 'price_asc', 'price_desc', 'saving_desc'] as const;
export type Sort = (typeof SORTS)[number];

export interface CompareQuery {
  q: string | null;
  categoryId: number | null;
  page: number;
  pageSize: number;
  sort: Sort;
}

export interface ComparePage {
  query: CompareQuery;
  items: ProductSummary[];
  total: number;
  page: number;
  pageSize: number;
  hasNext: boolean;
  /** When the comparison was computed (ISO-8601 UTC); older than now when served from cache. */
  generatedAt: string;
  /** Upstreams that failed for this answer: their part is missing (e.g. no prices from other platforms). */
  degraded: DegradedUpstream[];
  /** Served from the cache past its fresh time, while it refreshes or while Weidian fails: show its age. */
  stale: boolean;
}

export type DegradedUpstream = 'price-api';
