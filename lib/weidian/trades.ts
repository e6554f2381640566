/**
 * Weidian's merchant order API: `GET {apiBase}/trade/list` with the merchant's OAuth access token
 * (docs/weidian-api.md, "Orders"). Parses answers with zod and hands back domain Orders only: money in fen,
 * times as UTC instants, buyer data already MASKED (nothing downstream ever holds the raw name, phone or
 * street address).
 *
 * Times on the wire are `yyyy-MM-dd HH:mm:ss` Beijing wall-clock time (GMT+8, no DST). They are converted
 * arithmetically — epoch ± 8 h — never through the process's local time zone.
 */
import { z } from 'zod';
import { maskAddress, maskName, maskPhone } from '../mask';
import { MoneyParseError, parseYuanToFen } from '../money';
import type { Order, OrderStatus } from '../orders/types';
import type { TokenBucket } from '../quota/token-bucket';
import { requestJson, UpstreamError, type FetchLike } from '../upstream/http';
import { createUpstreamPolicy, type UpstreamPolicy } from '../upstream/resilience';
import { TRADE_CODES, tradeListResultSchema, tradeStatusSchema, WEIDIAN_TIME_PATTERN, type RawTrade } from './trade-schemas';

// ── GMT+8 ────────────────────────────────────────────────────────────────────────────────────────────────

const GMT8_OFFSET_MS = 8 * 3600_000;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * An instant as Weidian writes it: `yyyy-MM-dd HH:mm:ss` in GMT+8. Sub-second parts are dropped (rounded
 * down), so a `start_time` made from any instant never excludes that instant.
 */
export function formatWeidianTime(instant: Date | number): string {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('invalid instant');
  const d = new Date(Math.floor(ms / 1000) * 1000 + GMT8_OFFSET_MS);
  const year = d.getUTCFullYear();
  if (year < 1000 || year > 9999) throw new RangeError(`year ${year} cannot be written as yyyy`);
  return `${year}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** The inverse of formatWeidianTime. Throws RangeError for text that is not a real GMT+8 time. */
export function parseWeidianTime(text: string): Date {
  const m = WEIDIAN_TIME_PATTERN.exec(text);
  if (!m) throw new RangeError(`not a yyyy-MM-dd HH:mm:ss time: "${text.slice(0, 40)}"`);
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second) - GMT8_OFFSET_MS);
  // Date.UTC rolls 2026-02-30 over to March; a round trip catches every out-of-range field.
  if (Number.isNaN(date.getTime()) || formatWeidianTime(date) !== text) throw new RangeError(`not a real time: "${text}"`);
  return date;
}

// ── Reshape ──────────────────────────────────────────────────────────────────────────────────────────────

/** Raw trade → domain Order. Masks the buyer's data; throws MoneyParseError / RangeError on unreadable fields. */
export function reshapeTrade(raw: RawTrade): Order {
  const address = maskAddress(raw.receiver_address);
  return {
    orderId: raw.order_id,
    status: raw.status,
    createdAt: parseWeidianTime(raw.created_time),
    updatedAt: parseWeidianTime(raw.update_time),
    paidAt: raw.pay_time === '' ? null : parseWeidianTime(raw.pay_time),
    totalFen: parseYuanToFen(raw.total_fee),
    postFeeFen: parseYuanToFen(raw.post_fee),
    discountFen: parseYuanToFen(raw.discount_fee),
    buyerNameMasked: maskName(raw.buyer_name),
    buyerPhoneMasked: maskPhone(raw.buyer_phone),
    receiverProvince: address.province,
    receiverCity: address.city,
    items: raw.items.map((item) => ({
      itemId: item.item_id,
      title: item.title.trim(),
      priceFen: parseYuanToFen(item.price),
      quantity: item.quantity,
      skuDesc: item.sku_desc.trim(),
    })),
  };
}

// ── Client ───────────────────────────────────────────────────────────────────────────────────────────────

export interface TradesConfig {
  /** e.g. https://api.weidian.com — the endpoint is `${apiBase}/trade/list`. */
  apiBase: string;
  timeoutMs: number;
  fetch: FetchLike;
  /** Retries, deadline and breaker (lib/upstream/resilience.ts); default: Weidian's, deadline 2 × timeoutMs. */
  policy?: UpstreamPolicy;
  /** Weidian's outbound quota, shared with the router calls: one token per attempt. */
  quota?: TokenBucket;
}

export interface TradeListQuery {
  accessToken: string;
  status?: OrderStatus;
  /** Orders whose update_time ≥ this instant (sent as GMT+8 text, whole seconds rounded down). */
  startTime?: Date;
  page: number;
  /** 1–100. */
  pageSize: number;
}

export interface TradeListPage {
  /** In the API's order: update_time ascending, then order_id ascending. */
  trades: Order[];
  total: number;
  page: number;
  pageSize: number;
  hasNext: boolean;
}

export interface TradesClient {
  listTrades(query: TradeListQuery): Promise<TradeListPage>;
}

/** Weidian's maximum `page_size` for trade/list. */
export const TRADE_PAGE_SIZE_MAX = 100;

/**
 * True when Weidian refused the access token itself (10011 expired, 10012 invalid or revoked): the caller
 * should get a fresh token (refresh) and try again. 10013 (missing scope) is not: a new token would not help.
 */
export function isTokenRejected(error: unknown): error is UpstreamError {
  return (
    error instanceof UpstreamError &&
    error.upstream === 'weidian' &&
    (error.code === String(TRADE_CODES.tokenExpired) || error.code === String(TRADE_CODES.tokenInvalid))
  );
}

export function createTradesClient(config: TradesConfig): TradesClient {
  const transport = { upstream: 'weidian' as const, fetch: config.fetch, timeoutMs: config.timeoutMs };
  // A page read is idempotent, so it is retried like the router's reads (timeouts, 5xx, 429, 60001); token
  // errors (10011/10012/10013) are 4xx-like and are not, the sync refreshes the token instead.
  const policy = config.policy ?? createUpstreamPolicy({ upstream: 'weidian', deadlineMs: 2 * config.timeoutMs });

  const businessError = (code: number, reason: string, status?: number) =>
    new UpstreamError('weidian', 'api', `trade/list failed: ${code} ${reason}`.trim(), { code: String(code), status });

  return {
    async listTrades(query) {
      if (!Number.isInteger(query.page) || query.page < 1) throw new RangeError(`page must be a positive integer, got ${query.page}`);
      if (!Number.isInteger(query.pageSize) || query.pageSize < 1 || query.pageSize > TRADE_PAGE_SIZE_MAX) {
        throw new RangeError(`pageSize must be 1–${TRADE_PAGE_SIZE_MAX}, got ${query.pageSize}`);
      }
      const params = new URLSearchParams();
      if (query.status) params.set('status', query.status);
      if (query.startTime) params.set('start_time', formatWeidianTime(query.startTime));
      params.set('page', String(query.page));
      params.set('page_size', String(query.pageSize));

      const body = await policy.execute(async (signal) => {
        await config.quota?.take();
        const answer = await requestJson(
          { ...transport, signal },
          `${config.apiBase}/trade/list?${params}`,
          { method: 'GET', headers: { authorization: `Bearer ${query.accessToken}`, accept: 'application/json' } },
          tradeStatusSchema.extend({ result: z.unknown() }),
          (status, errorBody) => {
            // 401 (10011/10012) and 403 (10013) carry the usual envelope.
            const parsed = tradeStatusSchema.safeParse(errorBody);
            return parsed.success ? businessError(parsed.data.status.status_code, parsed.data.status.status_reason, status) : undefined;
          },
        );
        // Inside the policy, so a 60001 envelope is retried like a 429.
        const { status_code: code, status_reason: reason } = answer.status;
        if (code !== TRADE_CODES.ok) throw businessError(code, reason);
        return answer;
      });
      const parsed = tradeListResultSchema.safeParse(body.result);
      if (!parsed.success) {
        const where = parsed.error.issues[0]?.path.join('.') || '(root)';
        throw new UpstreamError('weidian', 'malformed', `unexpected trade/list result at ${where}`, { cause: parsed.error });
      }
      const result = parsed.data;

      const trades: Order[] = [];
      for (const raw of result.trades) {
        try {
          trades.push(reshapeTrade(raw));
        } catch (cause) {
          // Unlike a catalogue item, an order cannot be left out: the sync would move past it and lose it.
          if (!(cause instanceof MoneyParseError || cause instanceof RangeError)) throw cause;
          throw new UpstreamError('weidian', 'malformed', `trade ${raw.order_id} is unreadable: ${cause.message}`, { cause });
        }
      }
      return { trades, total: result.total, page: result.page, pageSize: result.page_size, hasNext: result.has_next };
    },
  };
}
