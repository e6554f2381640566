import type { Order } from '@/lib/orders/types';

/**
 * Beijing time for the merchant pages: "2026-11-30 14:05" (or with seconds). Always formatted with
 * timeZone 'Asia/Shanghai' — never the server's or the browser's zone — and assembled from parts so the
 * text is the same on every ICU build. Used from server components only (no hydration to disagree with).
 */

const PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function toDate(value: Date | string | null | undefined): Date | null {
  if (value == null) return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isFinite(d.getTime()) ? d : null;
}

/** "2026-11-30 14:05" (Beijing time), or "—" for no/invalid value. */
export function formatBeijing(value: Date | string | null | undefined, { seconds = false } = {}): string {
  const d = toDate(value);
  if (!d) return '—';
  const p = Object.fromEntries(PARTS.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}${seconds ? `:${p.second}` : ''}`;
}

/** ISO text for <time dateTime>. */
export function isoOrUndefined(value: Date | string | null | undefined): string | undefined {
  return toDate(value)?.toISOString();
}

/** "第一件商品的标题 等 3 件" — total quantity across lines. */
export function itemsSummary(order: Pick<Order, 'items'>): { first: string; more: string | null } {
  const first = order.items[0]?.title ?? '（无商品信息）';
  const count = order.items.reduce((n, i) => n + i.quantity, 0);
  return { first, more: order.items.length > 1 || count > 1 ? `等 ${count} 件` : null };
}

export function placeText(order: Pick<Order, 'receiverProvince' | 'receiverCity'>): string {
  const { receiverProvince: p, receiverCity: c } = order;
  return `${p}${c && c !== p ? ` ${c}` : ''}` || '—';
}
