import Form from 'next/form';
import Link from 'next/link';
import { hasOrderFilter, ORDER_ID_MAX_LENGTH, type OrderQuery } from '@/lib/orders/order-query';

const input =
  'min-h-tap w-full min-w-0 rounded-lg border border-ink-300 bg-white px-3 text-base text-ink-900 placeholder:text-ink-400 focus-visible:border-brand-500 focus-visible:outline-none focus-visible:ring-4 focus-visible:ring-brand-200 sm:text-sm';

/**
 * Date range and order-id search: one GET form to /orders (next/form — a plain form without JavaScript).
 * Submitting keeps the status tab (hidden field) and starts again at page 1 (no page field).
 */
export function OrderFilters({ query }: { query: OrderQuery }) {
  return (
    <Form
      action="/orders"
      role="search"
      aria-label="筛选订单"
      // Remount when the URL's filters change (e.g. 清除筛选): the inputs are uncontrolled.
      key={`${query.from ?? ''}|${query.to ?? ''}|${query.q ?? ''}`}
      className="grid grid-cols-2 gap-3 sm:grid-cols-[10rem_10rem_minmax(0,1fr)_auto] sm:items-end"
    >
      {query.status && <input type="hidden" name="status" value={query.status} />}
      <div className="flex min-w-0 flex-col gap-1">
        <label htmlFor="orders-from" className="text-xs font-medium text-ink-600">
          开始日期
        </label>
        <input id="orders-from" data-testid="date-from" type="date" name="from" defaultValue={query.from ?? ''} min="2000-01-01" max="2099-12-31" className={input} />
      </div>
      <div className="flex min-w-0 flex-col gap-1">
        <label htmlFor="orders-to" className="text-xs font-medium text-ink-600">
          结束日期
        </label>
        <input id="orders-to" data-testid="date-to" type="date" name="to" defaultValue={query.to ?? ''} min="2000-01-01" max="2099-12-31" className={input} />
      </div>
      <div className="col-span-2 flex min-w-0 flex-col gap-1 sm:col-span-1">
        <label htmlFor="orders-q" className="text-xs font-medium text-ink-600">
          订单号
        </label>
        <input
          id="orders-q"
          data-testid="order-search"
          type="search"
          name="q"
          defaultValue={query.q ?? ''}
          inputMode="numeric"
          pattern="\s*\d*\s*"
          title="订单号只包含数字"
          maxLength={ORDER_ID_MAX_LENGTH + 4}
          autoComplete="off"
          enterKeyHint="search"
          placeholder="输入完整订单号"
          className={input}
        />
      </div>
      <div className="col-span-2 flex gap-2 sm:col-span-1">
        <button
          type="submit"
          data-testid="order-filter-submit"
          className="inline-flex min-h-tap flex-1 items-center justify-center rounded-lg bg-brand-500 px-5 text-sm font-medium text-white transition hover:bg-brand-600 active:bg-brand-700 sm:flex-none"
        >
          筛选
        </button>
        {hasOrderFilter(query) && (
          <Link
            href="/orders"
            data-testid="order-filter-clear"
            className="inline-flex min-h-tap flex-1 items-center justify-center rounded-lg bg-white px-4 text-sm text-ink-700 ring-1 ring-ink-200 transition hover:text-brand-600 hover:ring-brand-300 sm:flex-none"
          >
            清除筛选
          </Link>
        )}
      </div>
    </Form>
  );
}
