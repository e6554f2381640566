import type { Metadata } from 'next';
import { ButtonLink, EmptyState } from '@/components/empty-state';
import { requireMerchant, searchString } from '@/components/merchant/current';
import { ORDER_STATUS_LABELS } from '@/components/merchant/labels';
import { OrderFilters } from '@/components/merchant/order-filters';
import { Pagination } from '@/components/pagination';
import { OrderQueryError } from '@/components/merchant/order-query-error';
import { OrdersTable } from '@/components/merchant/orders-table';
import { StatusTabs } from '@/components/merchant/status-tabs';
import { SyncPanel } from '@/components/merchant/sync-panel';
import { NowProvider } from '@/components/now';
import {
  hasOrderFilter,
  orderDateRange,
  ORDERS_PAGE_MAX,
  ORDERS_PAGE_SIZE,
  orderSearchString,
  ordersHref,
  parseOrderQuery,
  type OrderQuery,
} from '@/lib/orders/order-query';
import { getSyncState, listOrders } from '@/lib/orders/queries';
import { toSyncStatus } from '@/lib/orders/sync-status';

export const metadata: Metadata = { title: '我的订单', robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The request's own clock, for "N 分钟前" before the browser's takes over (see components/now.tsx). */
function requestTimeMs(): number {
  return Date.now();
}


/** "待发货 · 2026-11-01 至 2026-11-30 · 订单号 123" — what the list is showing, for the result line. */
function filterSummary(q: OrderQuery): string | null {
  const parts: string[] = [];
  if (q.status) parts.push(ORDER_STATUS_LABELS[q.status]);
  if (q.from && q.to) parts.push(q.from === q.to ? q.from : `${q.from} 至 ${q.to}`);
  else if (q.from) parts.push(`${q.from} 起`);
  else if (q.to) parts.push(`截至 ${q.to}`);
  if (q.q) parts.push(`订单号 ${q.q}`);
  return parts.length ? parts.join(' · ') : null;
}

export default async function OrdersPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const self = `/orders${searchString(raw)}`;
  const merchant = await requireMerchant(self);
  const parsed = parseOrderQuery(raw);

  const heading = (
    <div className="flex flex-col gap-1">
      <p className="text-sm text-ink-500">商家中心</p>
      <h1 className="text-xl font-bold text-ink-900 sm:text-2xl">
        <span data-testid="orders-shop-name">{merchant.shopName || '我的店铺'}</span>
        <span className="text-ink-500"> · 订单</span>
      </h1>
    </div>
  );

  if (!parsed.ok) {
    return (
      <div className="flex flex-col gap-5">
        {heading}
        <OrderQueryError issues={parsed.issues} />
      </div>
    );
  }

  const query = parsed.value;
  const [result, sync] = await Promise.all([
    listOrders({
      shopId: merchant.shopId,
      ...(query.status ? { status: query.status } : {}),
      ...orderDateRange(query),
      ...(query.q ? { orderId: query.q } : {}),
      page: query.page,
      pageSize: ORDERS_PAGE_SIZE,
    }),
    getSyncState(merchant.shopId).then(toSyncStatus),
  ]);
  const filtered = hasOrderFilter(query);
  const summary = filterSummary(query);
  // Row links carry the list's filters, so the detail page's breadcrumb can come back to this very list.
  const back = orderSearchString(query).slice(1);

  return (
    <NowProvider serverNowMs={requestTimeMs()}>
      <div className="flex flex-col gap-5">
        {heading}

        <SyncPanel initial={sync} returnTo={self} />

        <section aria-label="筛选订单" className="flex flex-col gap-4 rounded-card bg-white p-4 shadow-card ring-1 ring-ink-200/70 sm:p-5">
          <StatusTabs query={query} />
          <OrderFilters query={query} />
        </section>

        <section aria-labelledby="orders-heading" className="flex flex-col gap-3">
          <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
            <h2 id="orders-heading" className="text-base font-semibold text-ink-900">
              订单列表
            </h2>
            <p data-testid="orders-count" className="text-sm text-ink-500 tabular">
              {summary && <span className="text-ink-700">{summary}：</span>}共 {result.total} 单
            </p>
          </div>

          {result.orders.length > 0 ? (
            <>
              <OrdersTable orders={result.orders} back={back || undefined} />
              <Pagination
                total={result.total}
                page={query.page}
                pageSize={result.pageSize}
                hasNext={result.hasNext}
                pageMax={ORDERS_PAGE_MAX}
                href={(p) => ordersHref(query, { page: p })}
              />
            </>
          ) : result.total > 0 ? (
            <EmptyState title="这一页没有订单" testId="orders-empty-page">
              <p className="text-sm text-ink-500">页码超出了订单数量，回到第一页看看吧。</p>
              <ButtonLink href={ordersHref(query, { page: 1 })}>回到第一页</ButtonLink>
            </EmptyState>
          ) : filtered ? (
            <EmptyState title="没有符合条件的订单" testId="orders-empty-filter">
              <p className="text-sm text-ink-500">换个状态或日期范围试试；订单号需要完整输入。</p>
              <ButtonLink href="/orders" variant="secondary">
                清除筛选
              </ButtonLink>
            </EmptyState>
          ) : (
            <EmptyState title="还没有订单" testId="orders-empty">
              <p className="text-sm text-ink-500">
                {sync.lastSuccessAt ? '店铺暂时没有订单。有新订单后，点击上方的「立即同步」即可看到。' : '点击上方的「立即同步」，从微店拉取店铺的订单。'}
              </p>
            </EmptyState>
          )}
        </section>
      </div>
    </NowProvider>
  );
}
