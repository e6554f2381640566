/**
 * The merchant order list's URL parameters (`/orders?status=…&from=…&to=…&q=…&page=…`), validated with zod
 * like the shopper's compare query (lib/compare/query.ts): an empty value means absent, a repeated key is an
 * error naming it, numbers are plain decimal integers, and a bad value becomes a message naming the field —
 * never an exception.
 *
 * Dates are calendar days `yyyy-MM-dd` in Beijing time (GMT+8, no DST), whatever the server's or the
 * browser's zone: `from=2026-11-30` starts at 2026-11-30 00:00 Beijing time = 2026-11-29T16:00:00Z.
 */
import { z } from 'zod';
import { parseParams, type ParsedQuery, type RawParams } from '../compare/query';
import { ORDER_STATUSES, type OrderStatus } from './types';

/** Orders per page on /orders. Not a URL parameter. */
export const ORDERS_PAGE_SIZE = 20;
/** Pages beyond this are not offered (a narrower filter is the answer). */
export const ORDERS_PAGE_MAX = 1000;
/** Order ids are digit strings (Weidian's are 15 digits); anything longer is not an id. */
export const ORDER_ID_MAX_LENGTH = 32;
export const ORDER_ID_PATTERN = /^\d{1,32}$/;

export interface OrderQuery {
  status: OrderStatus | null;
  /** First Beijing calendar day included, `yyyy-MM-dd`. */
  from: string | null;
  /** Last Beijing calendar day included, `yyyy-MM-dd`. */
  to: string | null;
  /** An order id (digits), exact match. */
  q: string | null;
  page: number;
}

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** True for a real calendar day written `yyyy-MM-dd` (so 2026-02-30 and 2026-13-01 are not). */
export function isCalendarDay(s: string): boolean {
  const m = DAY.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 2000 || y > 2099) return false;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const dayParam = () =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .regex(DAY, { error: '格式应为 yyyy-MM-dd，例如 2026-11-30', abort: true })
      .refine(isCalendarDay, { error: '不是有效的日期（2000–2099 年）' })
      .optional(),
  );

export const orderQuerySchema = z
  .object({
    status: z.preprocess(
      emptyToUndefined,
      z.enum(ORDER_STATUSES, { error: `未知的订单状态，可选 ${ORDER_STATUSES.join(' / ')}` }).optional(),
    ),
    from: dayParam(),
    to: dayParam(),
    q: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .trim()
        .max(ORDER_ID_MAX_LENGTH, { error: `最多 ${ORDER_ID_MAX_LENGTH} 位数字`, abort: true })
        .regex(/^\d+$/, { error: '只能包含数字' })
        .optional(),
    ),
    page: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .trim()
        .regex(/^\d{1,9}$/, { error: `必须是 1–${ORDERS_PAGE_MAX} 之间的整数` })
        .transform(Number)
        .pipe(
          z
            .number()
            .int()
            .min(1, { error: '不能小于 1' })
            .max(ORDERS_PAGE_MAX, { error: `不能大于 ${ORDERS_PAGE_MAX}` }),
        )
        .optional(),
    ),
  })
  .check((ctx) => {
    const { from, to } = ctx.value;
    // yyyy-MM-dd strings compare like the days they name.
    if (from && to && from > to) {
      ctx.issues.push({ code: 'custom', path: ['to'], message: '不能早于开始日期', input: to });
    }
  });

export function parseOrderQuery(raw: RawParams): ParsedQuery<OrderQuery> {
  const parsed = parseParams(orderQuerySchema, raw);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  return {
    ok: true,
    value: { status: v.status ?? null, from: v.from ?? null, to: v.to ?? null, q: v.q ?? null, page: v.page ?? 1 },
  };
}

/** 00:00 Beijing time of a `yyyy-MM-dd` day, as an instant. */
export function beijingDayStart(day: string): Date {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`not a yyyy-MM-dd day: ${day}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - 8 * HOUR_MS);
}

/**
 * The instants for listOrders: `from` is the first millisecond of the first day; `to` the last millisecond
 * of the last day (23:59:59.999 Beijing time), which is right whether the query compares `<= to` or `< to`.
 */
export function orderDateRange(q: Pick<OrderQuery, 'from' | 'to'>): { from?: Date; to?: Date } {
  const out: { from?: Date; to?: Date } = {};
  if (q.from) out.from = beijingDayStart(q.from);
  if (q.to) out.to = new Date(beijingDayStart(q.to).getTime() + DAY_MS - 1);
  return out;
}

/** The canonical search string for a query (defaults omitted, "" when nothing is set). */
export function orderSearchString(q: OrderQuery, overrides: Partial<OrderQuery> = {}): string {
  const m = { ...q, ...overrides };
  const p = new URLSearchParams();
  if (m.status) p.set('status', m.status);
  if (m.from) p.set('from', m.from);
  if (m.to) p.set('to', m.to);
  if (m.q) p.set('q', m.q);
  if (m.page !== 1) p.set('page', String(m.page));
  const s = p.toString();
  return s ? `?${s}` : '';
}

export function ordersHref(q: OrderQuery, overrides: Partial<OrderQuery> = {}): string {
  return `/orders${orderSearchString(q, overrides)}`;
}

/** True when any filter (not the page) is set: decides "no orders yet" vs "nothing matches". */
export function hasOrderFilter(q: OrderQuery): boolean {
  return q.status !== null || q.from !== null || q.to !== null || q.q !== null;
}

export const EMPTY_ORDER_QUERY: OrderQuery = { status: null, from: null, to: null, q: null, page: 1 };
