import { ORDER_STATUS_LABELS, type OrderStatus } from '@/lib/orders/types';

export { ORDER_STATUS_LABELS };

/** zh-CN names of the /orders URL parameters, for "which field is wrong" messages. */
export const ORDER_FIELD_LABELS: Record<string, string> = {
  status: '订单状态',
  from: '开始日期',
  to: '结束日期',
  q: '订单号',
  page: '页码',
};

/** Badge colours per status: what needs the merchant's attention stands out. */
export const STATUS_TONES: Record<OrderStatus, string> = {
  WAIT_BUYER_PAY: 'bg-amber-50 text-amber-800 ring-amber-200',
  WAIT_SELLER_SEND_GOODS: 'bg-brand-50 text-brand-700 ring-brand-200',
  WAIT_BUYER_CONFIRM_GOODS: 'bg-sky-50 text-sky-800 ring-sky-200',
  TRADE_SUCCESS: 'bg-saving-soft text-saving ring-saving/30',
  TRADE_CLOSED: 'bg-ink-100 text-ink-600 ring-ink-200',
};

export function orderHref(orderId: string, back?: string): string {
  const path = `/orders/${encodeURIComponent(orderId)}`;
  return back ? `${path}?back=${encodeURIComponent(back)}` : path;
}
