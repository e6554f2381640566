import Link from 'next/link';
import { Price } from '@/components/price';
import type { Order } from '@/lib/orders/types';
import { formatBeijing, isoOrUndefined, itemsSummary, placeText } from './format';
import { orderHref } from './labels';
import { StatusBadge } from './status-badge';

const th = 'px-4 py-3 text-left text-xs font-medium text-ink-500 whitespace-nowrap';
/** On small screens each row is a card: cells stack, each with a small visible label. */
const td = 'md:px-4 md:py-3 md:align-top';
const cellLabel = 'mr-2 text-xs text-ink-500 md:hidden';

/**
 * The order list: a table from md up; below that every row becomes a card (same DOM, restyled — so there is
 * one row per order for tests and for assistive tech, whose table roles are kept explicitly).
 */
export function OrdersTable({ orders, back }: { orders: Order[]; back?: string }) {
  return (
    <div className="md:overflow-hidden md:rounded-card md:bg-white md:shadow-card md:ring-1 md:ring-ink-200/70">
      <table role="table" data-testid="orders-table" className="w-full border-collapse text-sm max-md:block">
        <caption className="sr-only">订单列表，按下单时间从新到旧排列</caption>
        <thead role="rowgroup" className="bg-ink-50 max-md:sr-only">
          <tr role="row">
            <th role="columnheader" scope="col" className={th}>订单号 / 下单时间</th>
            <th role="columnheader" scope="col" className={th}>状态</th>
            <th role="columnheader" scope="col" className={th}>商品</th>
            <th role="columnheader" scope="col" className={`${th} text-right`}>实付金额</th>
            <th role="columnheader" scope="col" className={th}>买家 / 收货地区</th>
          </tr>
        </thead>
        <tbody role="rowgroup" className="max-md:flex max-md:flex-col max-md:gap-3">
          {orders.map((order) => {
            const summary = itemsSummary(order);
            return (
              <tr
                key={order.orderId}
                role="row"
                data-testid="order-row"
                data-order-id={order.orderId}
                className="border-t border-ink-100 align-top transition md:hover:bg-brand-50/40 max-md:grid max-md:grid-cols-[minmax(0,1fr)_auto] max-md:gap-x-3 max-md:gap-y-2 max-md:rounded-card max-md:border-0 max-md:bg-white max-md:p-4 max-md:shadow-card max-md:ring-1 max-md:ring-ink-200/70"
              >
                <td role="cell" className={`${td} min-w-0`}>
                  <Link
                    href={orderHref(order.orderId, back)}
                    data-testid="order-link"
                    aria-label={`订单 ${order.orderId}，查看详情`}
                    className="inline-flex min-h-tap items-center rounded font-medium text-ink-900 tabular underline-offset-4 hover:text-brand-600 hover:underline"
                  >
                    {order.orderId}
                  </Link>
                  <time dateTime={isoOrUndefined(order.createdAt)} className="block text-xs text-ink-500 tabular">
                    <span className="sr-only">下单时间 </span>
                    {formatBeijing(order.createdAt)}
                  </time>
                </td>
                <td role="cell" className={`${td} max-md:row-start-1 max-md:col-start-2 max-md:flex max-md:h-tap max-md:items-center max-md:justify-self-end`}>
                  <StatusBadge status={order.status} />
                </td>
                <td role="cell" className={`${td} min-w-0 max-md:col-span-2 md:max-w-sm`}>
                  <span className="line-clamp-2 text-ink-800" title={summary.first}>
                    {summary.first}
                  </span>
                  {summary.more && <span className="text-xs text-ink-500">{summary.more}</span>}
                </td>
                <td role="cell" className={`${td} max-md:col-span-2 max-md:flex max-md:items-baseline md:text-right`}>
                  <span aria-hidden="true" className={cellLabel}>
                    实付
                  </span>
                  <Price fen={order.totalFen} label="实付金额" className="font-semibold text-price" />
                </td>
                <td role="cell" className={`${td} max-md:col-span-2 max-md:flex max-md:flex-wrap max-md:items-baseline max-md:gap-x-2 max-md:border-t max-md:border-ink-100 max-md:pt-2`}>
                  <span aria-hidden="true" className={cellLabel}>
                    买家
                  </span>
                  <span data-testid="buyer-name" className="text-ink-800">
                    {order.buyerNameMasked || '—'}
                  </span>
                  <span data-testid="buyer-phone" className="text-ink-600 tabular md:ml-2">
                    {order.buyerPhoneMasked || '—'}
                  </span>
                  <span className="block text-xs text-ink-500 max-md:inline">{placeText(order)}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
