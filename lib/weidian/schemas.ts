/** zod schemas for Weidian's raw wire shapes (docs/weidian-api.md). Only lib/weidian sees these. */
import { z } from 'zod';

export const rawItemSchema = z.object({
  num_iid: z.string().regex(/^\d+$/),
  title: z.string(),
  price: z.string(),
  stock: z.number().int().nonnegative(),
  img: z.string(),
  cid: z.number().int(),
  cate_name: z.string(),
  barcode: z.string().optional().default(''),
  shop_name: z.string().optional().default(''),
  update_time: z.string().optional(),
});
export type RawItem = z.infer<typeof rawItemSchema>;

const statusSchema = z.object({ status_code: z.number().int(), status_reason: z.string().optional().default('') });

/** Every router answer: a status and, on success, a method-specific result (parsed by the caller). */
export const envelopeSchema = z.object({ status: statusSchema, result: z.unknown().optional() });

export const itemListResultSchema = z.object({
  items: z.array(rawItemSchema),
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  page_size: z.number().int().positive(),
  has_next: z.boolean(),
});

export const itemGetResultSchema = z.object({ item: rawItemSchema });

/** Error codes from docs/weidian-api.md that the client gives meaning to. */
export const WEIDIAN_CODES = {
  ok: 0,
  missingParam: 10001,
  invalidParam: 10002,
  unknownAppKey: 10003,
  badSignature: 10004,
  staleTimestamp: 10005,
  unknownMethod: 10006,
  itemNotFound: 10010,
  rateLimited: 60001,
  internal: 90001,
} as const;
