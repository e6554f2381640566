import 'server-only';

import { jsonResponse, uniqueQueryParams } from '../http';
import { sandboxOrderStatesAt, TRADE_STATUSES, type SandboxTradeStatus } from '../merchants';
import type { AccessTokenCheck } from './oauth';

/**
 * `GET …/trade/list` (docs/weidian-api.md §3): a merchant's orders, by bearer access token.
 *
 * Checks, first failure answers: HTTP method (405) → bearer token present and known (401, 10012) → not
 * expired (401, 10011) → scope trade.read (403, 10013) → repeated query key (10002) → status → start_time
 * → page → page_size (10002 naming the parameter).
 */

export const TRADE_STATUS_CODES = {
  success: 0,
  invalidParameter: 10002,
  tokenExpired: 10011,
  tokenInvalid: 10012,
  insufficientScope: 10013,
} as const;

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 100;
const GMT8_MS = 8 * 3600_000;
const STATUSES: ReadonlySet<string> = new Set(TRADE_STATUSES);

export interface TradeListOptions {
  now: () => number;
  verifyAccessToken: (token: string) => AccessTokenCheck;
}

function envelope(code: number, reason: string, result: unknown, status = 200, headers?: Record<string, string>): Response {
  return jsonResponse({ status: { status_code: code, status_reason: reason }, result }, status, headers);
}

const invalid = (param: string, problem: string): Response =>
  envelope(TRADE_STATUS_CODES.invalidParameter, `invalid parameter ${param}: ${problem}`, null);

/** A positive decimal integer without sign, leading zeros or fraction; null otherwise. */
function positiveInteger(raw: string): number | null {
  return /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : null;
}

/**
 * `yyyy-MM-dd HH:mm:ss` read as Beijing time (UTC+8), whatever the process's time zone: ms since the
 * epoch, or null when malformed or not a real date/time.
 */
export function parseGmt8(raw: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(raw);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // not Date.UTC: it maps years 0–99 to 1900–1999
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime() - GMT8_MS;
}

/** The token of `Authorization: Bearer <token>` (RFC 6750 §2.1), or null. */
function bearerToken(request: Request): string | null {
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(request.headers.get('authorization') ?? '');
  return match ? match[1]! : null;
}

export function createTradeList(options: TradeListOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET') {
      return envelope(TRADE_STATUS_CODES.invalidParameter, `HTTP method ${request.method} not allowed; use GET`, null, 405, { allow: 'GET' });
    }

    const token = bearerToken(request);
    if (token === null) {
      return envelope(TRADE_STATUS_CODES.tokenInvalid, 'missing access token: send Authorization: Bearer <access_token>', null, 401, {
        'www-authenticate': 'Bearer realm="weidian"',
      });
    }
    const check = options.verifyAccessToken(token);
    if (!check.ok) {
      const expired = check.reason === 'expired';
      const reason = expired ? 'access token expired' : 'access token invalid or revoked';
      return envelope(expired ? TRADE_STATUS_CODES.tokenExpired : TRADE_STATUS_CODES.tokenInvalid, reason, null, 401, {
        'www-authenticate': `Bearer realm="weidian", error="invalid_token", error_description="${reason}"`,
      });
    }
    if (!check.scopes.includes('trade.read')) {
      return envelope(TRADE_STATUS_CODES.insufficientScope, 'access token lacks the trade.read scope', null, 403, {
        'www-authenticate': 'Bearer realm="weidian", error="insufficient_scope", scope="trade.read"',
      });
    }

    const parsed = uniqueQueryParams(new URL(request.url).searchParams);
    if (!parsed.ok) return invalid(parsed.duplicateKey, 'given more than once');
    const { params } = parsed;

    let status: SandboxTradeStatus | null = null;
    if (params.status !== undefined && params.status !== '') {
      if (!STATUSES.has(params.status)) return invalid('status', `"${params.status}" is not one of ${TRADE_STATUSES.join(', ')}`);
      status = params.status as SandboxTradeStatus;
    }
    let startMs: number | null = null;
    if (params.start_time !== undefined && params.start_time !== '') {
      startMs = parseGmt8(params.start_time);
      if (startMs === null) return invalid('start_time', `"${params.start_time}" is not a time as yyyy-MM-dd HH:mm:ss (GMT+8)`);
    }
    const page = params.page === undefined ? 1 : positiveInteger(params.page);
    if (page === null) return invalid('page', `"${params.page}" is not a positive integer`);
    const pageSize = params.page_size === undefined ? DEFAULT_PAGE_SIZE : positiveInteger(params.page_size);
    if (pageSize === null || pageSize > MAX_PAGE_SIZE) {
      return invalid('page_size', `"${params.page_size}" is not an integer from 1 to ${MAX_PAGE_SIZE}`);
    }

    const matches = sandboxOrderStatesAt(check.shopId, options.now()).filter(
      (order) => (status === null || order.status === status) && (startMs === null || order.updated >= startMs),
    );
    const start = (page - 1) * pageSize;
    return envelope(TRADE_STATUS_CODES.success, 'success', {
      trades: matches.slice(start, start + pageSize).map((order) => order.toWire()),
      total: matches.length,
      page,
      page_size: pageSize,
      has_next: start + pageSize < matches.length,
    });
  };
}
