/** Raw price-API offers → domain Offers, dropping (and counting) the ones that cannot be trusted. */
import { tryParseYuanToFen } from '../money';
import type { Offer } from '../types';
import { rawOfferSchema } from './schemas';

const GTIN13 = /^\d{13}$/;

/** Only real web links become outbound links; anything else (javascript:, data:, relative) is dropped. */
function safeHttpsUrl(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}

export function reshapeOffers(raws: unknown[]): { offers: Offer[]; dropped: number } {
  const offers: Offer[] = [];
  let dropped = 0;
  for (const candidate of raws) {
    const parsed = rawOfferSchema.safeParse(candidate);
    const priceFen = parsed.success ? tryParseYuanToFen(parsed.data.price) : null;
    const url = parsed.success ? safeHttpsUrl(parsed.data.url) : null;
    if (!parsed.success || priceFen === null || url === null) {
      dropped++;
      continue;
    }
    const raw = parsed.data;
    offers.push({
      offerId: raw.offer_id,
      platform: raw.platform,
      shopName: raw.shop_name,
      title: raw.title.trim(),
      priceFen,
      url,
      inStock: raw.in_stock,
      barcode: GTIN13.test(raw.barcode) ? raw.barcode : null,
      fetchedAt: new Date(raw.fetched_at).toISOString(),
    });
  }
  return { offers, dropped };
}
