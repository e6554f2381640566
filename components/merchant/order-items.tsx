import { Price } from '@/components/price';
import type { OrderItem } from '@/lib/orders/types';

const th = 'px-3 py-2 text-left text-xs font-medium whitespace-nowrap text-ink-500';
const cellLabel = 'mr-2 text-xs text-ink-500 md:hidden';

/** An order's lines: a table from md up, stacked cards below (same DOM, table roles kept explicitly). */
export function OrderItemsTable({ items }: { items: OrderItem[] }) {
  if (items.length === 0) {
    return <p className="rounded-xl bg-ink-50 px-4 py-6 text-center text-sm text-ink-500">这个订单没有商品明细。</p>;
  }
  return (
    <table role="table" data-testid="order-items" className="w-full border-collapse text-sm max-md:block">
      <caption className="sr-only">订单商品明细</caption>
      <thead role="rowgroup" className="bg-ink-50 max-md:sr-only">
        <tr role="row">
          <th role="columnheader" scope="col" className={th}>商品</th>
          <th role="columnheader" scope="col" className={th}>规格</th>
          <th role="columnheader" scope="col" className={`${th} text-right`}>单价</th>
          <th role="columnheader" scope="col" className={`${th} text-right`}>数量</th>
          <th role="columnheader" scope="col" className={`${th} text-right`}>小计</th>
        </tr>
      </thead>
      <tbody role="rowgroup" className="max-md:flex max-md:flex-col max-md:gap-2">
        {items.map((item, i) => (
          <tr
            key={`${item.itemId}-${i}`}
            role="row"
            data-testid="order-item"
            data-item-id={item.itemId}
            className="border-t border-ink-100 align-top max-md:grid max-md:grid-cols-3 max-md:gap-x-2 max-md:gap-y-1 max-md:rounded-xl max-md:border-0 max-md:bg-ink-50 max-md:p-3"
          >
            <td role="cell" className="min-w-0 text-ink-900 max-md:col-span-3 max-md:font-medium md:px-3 md:py-3">
              {item.title}
            </td>
            <td role="cell" className="min-w-0 text-ink-600 max-md:col-span-3 max-md:text-xs md:px-3 md:py-3">
              {item.skuDesc ? item.skuDesc : <span className="text-ink-400">—</span>}
            </td>
            <td role="cell" className="max-md:flex max-md:flex-col md:px-3 md:py-3 md:text-right">
              <span aria-hidden="true" className={cellLabel}>
                单价
              </span>
              <Price fen={item.priceFen} label="单价" size="sm" className="text-ink-800" />
            </td>
            <td role="cell" className="tabular max-md:flex max-md:flex-col md:px-3 md:py-3 md:text-right">
              <span aria-hidden="true" className={cellLabel}>
                数量
              </span>
              <span>
                <span aria-hidden="true">×</span>
                <span className="sr-only">数量 </span>
                {item.quantity}
              </span>
            </td>
            <td role="cell" className="max-md:flex max-md:flex-col max-md:text-right md:px-3 md:py-3 md:text-right">
              <span aria-hidden="true" className={cellLabel}>
                小计
              </span>
              <Price fen={item.priceFen * item.quantity} label="小计" size="sm" className="font-medium text-ink-900" />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
