/** zod schemas for `trade/list`'s raw wire shape (docs/weidian-api.md, "Orders"). Only lib/weidian sees these. */
import { z } from 'zod';
import { ORDER_STATUSES } from '../orders/types';

/** `yyyy-MM-dd HH:mm:ss`, Beijing time (GMT+8). Checked for a real date by lib/weidian/trades.ts. */
export const WEIDIAN_TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

const weidianTime = z.string().regex(WEIDIAN_TIME_PATTERN, { error: 'not a yyyy-MM-dd HH:mm:ss time' });
const text = z.string().optional().default('');

export const rawTradeItemSchema = z.object({
  item_id: z.string(),
  title: z.string(),
  price: z.string(),
  quantity: z.number().int().min(1),
  sku_desc: text,
});

export const rawTradeSchema = z.object({
  order_id: z.string().regex(/^\d+$/),
  status: z.enum(ORDER_STATUSES),
  created_time: weidianTime,
  update_time: weidianTime,
  /** "" while unpaid. */
  pay_time: z.union([z.literal(''), weidianTime]).optional().default(''),
  total_fee: z.string(),
  post_fee: z.string().optional().default('0.00'),
  discount_fee: z.string().optional().default('0.00'),
  items: z.array(rawTradeItemSchema),
  buyer_name: text,
  buyer_phone: text,
  receiver_address: z
    .object({ province: text, city: text, district: text, detail: text })
    .optional()
    .default({ province: '', city: '', district: '', detail: '' }),
});
export type RawTrade = z.infer<typeof rawTradeSchema>;

export const tradeListResultSchema = z.object({
  trades: z.array(rawTradeSchema),
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  page_size: z.number().int().positive(),
  has_next: z.boolean(),
});

/** The status part of the envelope, also sent with HTTP 401/403. */
export const tradeStatusSchema = z.object({
  status: z.object({ status_code: z.number().int(), status_reason: z.string().optional().default('') }),
});

/** Error codes of the merchant APIs (docs/weidian-api.md). */
export const TRADE_CODES = {
  ok: 0,
  invalidParam: 10002,
  tokenExpired: 10011,
  tokenInvalid: 10012,
  scopeMissing: 10013,
  rateLimited: 60001,
} as const;
