import Link from 'next/link';
import { pageSlots } from '@/components/pagination';
import { ORDERS_PAGE_MAX, ordersHref, type OrderQuery } from '@/lib/orders/order-query';

const box = 'inline-flex min-h-tap min-w-tap items-center justify-center rounded-lg px-3 text-sm tabular transition';
const enabled = `${box} bg-white text-ink-700 ring-1 ring-ink-200 hover:text-brand-600 hover:ring-brand-300`;
const disabled = `${box} cursor-not-allowed text-ink-300 ring-1 ring-ink-100`;

/** The shopper pagination's look (and its page-slot logic), with /orders links. */
export function OrderPagination({
  query,
  total,
  pageSize,
  hasNext,
}: {
  query: OrderQuery;
  total: number;
  pageSize: number;
  hasNext: boolean;
}) {
  const page = query.page;
  const lastPage = Math.min(ORDERS_PAGE_MAX, Math.max(1, Math.ceil(total / Math.max(1, pageSize))));
  if (lastPage <= 1 && page <= 1 && !hasNext) return null;
  const shownLast = Math.max(lastPage, Math.min(page, ORDERS_PAGE_MAX));
  const canNext = hasNext && page < ORDERS_PAGE_MAX;
  const href = (p: number) => ordersHref(query, { page: p });

  return (
    <nav aria-label="分页" data-testid="pagination" className="mt-6 flex items-center justify-center gap-2">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" data-testid="pagination-prev" className={enabled}>
          上一页
        </Link>
      ) : (
        <span aria-disabled="true" data-testid="pagination-prev" className={disabled}>
          上一页
        </span>
      )}
      <ol className="hidden items-center gap-1 sm:flex">
        {pageSlots(page, shownLast).map((slot, i) =>
          slot === 'gap' ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-ink-400">
              …
            </li>
          ) : (
            <li key={slot}>
              <Link
                href={href(slot)}
                aria-label={`第 ${slot} 页`}
                aria-current={slot === page ? 'page' : undefined}
                data-testid="pagination-page"
                data-page={slot}
                className={slot === page ? `${box} bg-brand-500 font-semibold text-white` : enabled}
              >
                {slot}
              </Link>
            </li>
          ),
        )}
      </ol>
      <span className="px-2 text-sm text-ink-600 tabular sm:hidden">
        第 {page} / {shownLast} 页
      </span>
      {canNext ? (
        <Link href={href(page + 1)} rel="next" data-testid="pagination-next" className={enabled}>
          下一页
        </Link>
      ) : (
        <span aria-disabled="true" data-testid="pagination-next" className={disabled}>
          下一页
        </span>
      )}
    </nav>
  );
}
