import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { Breadcrumb } from '@/components/breadcrumb';
import { requireMerchant, searchString } from '@/components/merchant/current';
import { formatBeijing, isoOrUndefined, placeText } from '@/components/merchant/format';
import { OrderItemsTable } from '@/components/merchant/order-items';

import { StatusBadge } from '@/components/merchant/status-badge';
import { Price } from '@/components/price';
import { ORDER_ID_PATTERN, ordersHref, parseOrderQuery } from '@/lib/orders/order-query';
import { getOrder } from '@/lib/orders/queries';

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  return { title: ORDER_ID_PATTERN.test(id) ? `订单 ${id}` : '订单', robots: { index: false } };
}

/** One read per request, shared if anything else on the page needs it. */
const loadOrder = cache((shopId: string, orderId: string) => getOrder(shopId, orderId));

/**
 * The list this order was opened from: `back` holds the list's search string. It is parsed like /orders'
 * own URL and rebuilt from the parsed value, so it can only ever lead to /orders (never to another site).
 */
function backHref(back: string | string[] | undefined): string {
  if (typeof back !== 'string' || back.length > 500) return '/orders';
  const parsed = parseOrderQuery(new URLSearchParams(back));
  return parsed.ok ? ordersHref(parsed.value) : '/orders';
}

function TimeRow({ label, value, testId }: { label: string; value: Date | null; testId: string }) {
  return (
    <div className="flex flex-col gap-0.5">
      <dt className="text-xs text-ink-500">{label}</dt>
      <dd className="text-sm text-ink-800 tabular">
        {value ? (
          <time data-testid={testId} dateTime={isoOrUndefined(value)}>
            {formatBeijing(value, { seconds: true })}
          </time>
        ) : (
          <span data-testid={testId} className="text-ink-400">
            未付款
          </span>
        )}
      </dd>
    </div>
  );
}

export default async function OrderPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const [{ id }, raw] = await Promise.all([params, searchParams]);
  const merchant = await requireMerchant(`/orders/${encodeURIComponent(id)}${searchString(raw)}`);
  if (!ORDER_ID_PATTERN.test(id)) notFound();
  // Another shop's order is simply not found: getOrder only looks within this shop.
  const order = await loadOrder(merchant.shopId, id);
  if (!order) notFound();

  const listHref = backHref(raw.back);
  const itemsFen = order.items.reduce((sum, item) => sum + item.priceFen * item.quantity, 0);
  const quantity = order.items.reduce((n, item) => n + item.quantity, 0);

  return (
    <div className="flex flex-col gap-5">
      <Breadcrumb items={[{ label: '我的订单', href: listHref }, { label: `订单 ${order.orderId}` }]} />

      <article data-testid="order-detail" data-order-id={order.orderId} className="flex flex-col gap-5">
        <header className="flex flex-col gap-4 rounded-card bg-white p-4 shadow-card ring-1 ring-ink-200/70 sm:p-6">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div className="flex min-w-0 flex-col gap-1">
              <p className="text-xs text-ink-500">订单号</p>
              <h1 className="text-lg font-bold text-ink-900 tabular sm:text-xl">{order.orderId}</h1>
            </div>
            <StatusBadge status={order.status} size="md" />
          </div>
          <dl className="grid grid-cols-1 gap-3 border-t border-ink-100 pt-4 sm:grid-cols-3">
            <TimeRow label="下单时间（北京时间）" value={order.createdAt} testId="order-created" />
            <TimeRow label="付款时间" value={order.paidAt} testId="order-paid" />
            <TimeRow label="最近更新" value={order.updatedAt} testId="order-updated" />
          </dl>
        </header>

        <section aria-labelledby="items-heading" className="flex flex-col gap-3 rounded-card bg-white p-4 shadow-card ring-1 ring-ink-200/70 sm:p-6">
          <h2 id="items-heading" className="text-base font-semibold text-ink-900">
            商品 <span className="text-sm font-normal text-ink-500 tabular">（共 {quantity} 件）</span>
          </h2>
          <OrderItemsTable items={order.items} />

          <dl className="ml-auto flex w-full max-w-xs flex-col gap-2 border-t border-ink-100 pt-3 text-sm">
            <div className="flex items-baseline justify-between gap-4">
              <dt className="text-ink-500">商品合计</dt>
              <dd>
                <Price fen={itemsFen} label="商品合计" size="sm" testId="order-items-total" className="text-ink-800" />
              </dd>
            </div>
            <div className="flex items-baseline justify-between gap-4">
              <dt className="text-ink-500">运费</dt>
              <dd>
                <Price fen={order.postFeeFen} label="运费" size="sm" testId="order-post-fee" className="text-ink-800" />
              </dd>
            </div>
            <div className="flex items-baseline justify-between gap-4">
              <dt className="text-ink-500">优惠</dt>
              <dd className="text-saving">
                {order.discountFen > 0 && <span aria-hidden="true">-</span>}
                <Price fen={order.discountFen} label="优惠" size="sm" testId="order-discount" />
              </dd>
            </div>
            <div className="flex items-baseline justify-between gap-4 border-t border-ink-100 pt-2">
              <dt className="font-medium text-ink-800">实付金额</dt>
              <dd>
                <Price fen={order.totalFen} label="实付金额" size="lg" testId="order-total" className="text-xl font-bold text-price" />
              </dd>
            </div>
          </dl>
        </section>

        <section aria-labelledby="buyer-heading" className="flex flex-col gap-3 rounded-card bg-white p-4 shadow-card ring-1 ring-ink-200/70 sm:p-6">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="buyer-heading" className="text-base font-semibold text-ink-900">
              买家与收货
            </h2>
            <p className="text-xs text-ink-500">买家信息已脱敏，比价不保存完整姓名、手机号和详细地址</p>
          </div>
          <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3">
            <div className="flex flex-col gap-0.5">
              <dt className="text-xs text-ink-500">买家</dt>
              <dd data-testid="buyer-name" className="text-sm text-ink-800">
                {order.buyerNameMasked || '—'}
              </dd>
            </div>
            <div className="flex flex-col gap-0.5">
              <dt className="text-xs text-ink-500">手机号</dt>
              <dd data-testid="buyer-phone" className="text-sm text-ink-800 tabular">
                {order.buyerPhoneMasked || '—'}
              </dd>
            </div>
            <div className="flex flex-col gap-0.5">
              <dt className="text-xs text-ink-500">收货地区</dt>
              <dd data-testid="buyer-region" className="text-sm text-ink-800">
                {placeText(order)}
              </dd>
            </div>
          </dl>
        </section>
      </article>
    </div>
  );
}
