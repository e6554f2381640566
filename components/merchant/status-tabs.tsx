import Link from 'next/link';
import { ordersHref, type OrderQuery } from '@/lib/orders/order-query';
import { ORDER_STATUSES, type OrderStatus } from '@/lib/orders/types';
import { ORDER_STATUS_LABELS } from './labels';

/** 全部 + the five statuses, as links: the URL is the state, and they work without JavaScript. */
export function StatusTabs({ query }: { query: OrderQuery }) {
  const tabs: { status: OrderStatus | null; label: string }[] = [
    { status: null, label: '全部' },
    ...ORDER_STATUSES.map((status) => ({ status, label: ORDER_STATUS_LABELS[status] })),
  ];
  return (
    <nav aria-label="按订单状态筛选" data-testid="status-filter" className="-mx-1 max-w-full overflow-x-auto px-1 pb-1">
      <ul className="grid grid-cols-3 gap-1 rounded-xl bg-white p-1 ring-1 ring-ink-200 sm:inline-flex sm:gap-1 sm:rounded-full">
        {tabs.map(({ status, label }) => {
          const current = query.status === status;
          return (
            <li key={status ?? 'all'}>
              <Link
                href={ordersHref(query, { status, page: 1 })}
                aria-current={current ? 'page' : undefined}
                data-status={status ?? 'all'}
                className={`flex min-h-tap items-center justify-center rounded-lg px-3 text-sm whitespace-nowrap transition sm:rounded-full sm:px-4 ${
                  current ? 'bg-ink-900 font-medium text-white' : 'text-ink-600 hover:bg-ink-100 hover:text-ink-900'
                }`}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
