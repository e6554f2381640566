import 'server-only';

import { pick, type Rng } from './random';

/**
 * Money in the sandbox is integer fen, like in the app. This module rounds invented prices the way shops
 * price things (¥8999, ¥259, ¥69.9) and renders them in the assorted formats scrapers return.
 */

export type Fen = number;

export function yuanToFen(yuan: number): Fen {
  return Math.round(yuan * 100);
}

/** Weidian's format: yuan with exactly two decimals, no grouping ("8999.00", "12.50"). */
export function formatYuan2(fen: Fen): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

/** Shortest yuan form: "1299", "1299.5", "1299.55". */
function formatYuanShort(fen: Fen): string {
  const cents = fen % 100;
  if (cents === 0) return String(fen / 100);
  if (cents % 10 === 0) return `${Math.floor(fen / 100)}.${cents / 10}`;
  return formatYuan2(fen);
}

function groupThousands(text: string): string {
  const [whole = '', fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** Rounds an invented price to a shop-like one: ≥ ¥100 → ends in 9 yuan; ≥ ¥10 → .9; below → one decimal. */
export function retailRound(fen: Fen): Fen {
  if (fen >= 10_000) return Math.max(9_900, Math.round(fen / 1_000) * 1_000 - 100);
  if (fen >= 1_000) return Math.max(990, Math.round(fen / 100) * 100 - 10);
  return Math.max(10, Math.round(fen / 10) * 10);
}

/** The price formats the price API's scrapers produce (docs/price-api.md). */
export const SCRAPED_PRICE_FORMATS = ['yen-grouped', 'bare', 'yuan-suffix', 'fullwidth-yen', 'plain-2dp'] as const;
export type ScrapedPriceFormat = (typeof SCRAPED_PRICE_FORMATS)[number];

/** Renders fen as one of the scraped formats: "¥1,299.00", "1299", "1,299.5元", "￥89.9", "89.90". */
export function formatScrapedPrice(fen: Fen, format: ScrapedPriceFormat): string {
  switch (format) {
    case 'yen-grouped':
      return `¥${groupThousands(formatYuan2(fen))}`;
    case 'bare':
      return formatYuanShort(fen);
    case 'yuan-suffix':
      return `${groupThousands(formatYuanShort(fen))}元`;
    case 'fullwidth-yen':
      return `￥${formatYuanShort(fen)}`;
    case 'plain-2dp':
      return formatYuan2(fen);
  }
}

export function randomScrapedFormat(rng: Rng): ScrapedPriceFormat {
  return pick(rng, SCRAPED_PRICE_FORMATS);
}
