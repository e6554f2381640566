/** zod schemas for the price API's raw wire shapes (docs/price-api.md). Only lib/price-api sees these. */
import { z } from 'zod';
import { PLATFORMS } from '../types';

export const rawOfferSchema = z.object({
  offer_id: z.string().min(1),
  platform: z.enum(PLATFORMS),
  shop_name: z.string(),
  title: z.string(),
  price: z.string(),
  url: z.string(),
  in_stock: z.boolean(),
  barcode: z.string().optional().default(''),
  category: z.string().optional().default(''),
  fetched_at: z.iso.datetime({ offset: true }),
});
export type RawOffer = z.infer<typeof rawOfferSchema>;

/**
 * Offers are parsed one by one (see reshape): a single offer with an unknown platform or broken price must
 * not discard the others, so the list is first accepted as unknown[].
 */
export const searchResponseSchema = z.object({
  offers: z.array(z.unknown()),
  next_cursor: z.string().nullable(),
});

export const batchResponseSchema = z.object({
  results: z.array(z.object({ ref: z.string(), offers: z.array(z.unknown()) })),
});

export const errorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string().optional().default('') }) });
