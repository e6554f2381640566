import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { Breadcrumb } from '@/components/breadcrumb';
import { packLabel } from '@/lib/match/listing';
import { DegradedBanner } from '@/components/degraded-banner';
import { compareHref } from '@/components/labels';
import { Freshness, NowProvider } from '@/components/now';
import { OffersTable, OutboundLink } from '@/components/offers-table';
import { Price, SavingBadge } from '@/components/price';
import { ProductImage } from '@/components/product-image';
import { safeHttpsUrl } from '@/components/safe-url';
import { SimilarOffers } from '@/components/similar-offers';
import { PriceHistoryChart } from '@/components/price-history-chart';
import { HistoryRangeLinks, Lowest30DaysBadge, PRICE_HISTORY_ANCHOR } from '@/components/price-history-controls';
import { StaleNotice } from '@/components/stale-notice';
import { comparablePrice } from '@/lib/compare/merge';
import { PAGE_SIZE_DEFAULT } from '@/lib/compare/query';
import { getProductDetail } from '@/lib/compare/service';
import { getDb } from '@/lib/db/client';
import { parseHistoryRange } from '@/lib/history/series';
import { getPriceHistory } from '@/lib/history/store';
import type { HistoryRange, PriceHistory } from '@/lib/history/types';
import { fenToSpokenYuan, formatFen } from '@/lib/money';
import { CATEGORIES, PLATFORM_LABELS, type MatchedOffer } from '@/lib/types';
import { moduleLogger } from '@/lib/log';
import { inPageRequest } from '@/lib/http/page-context';

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * Weidian item ids are digit strings; anything else cannot exist, so it is a 404 without asking upstream.
 * (A document request never gets here for those, nor for an id Weidian lacks, nor when Weidian is failing
 * with nothing cached: the proxy answers first, lib/http/page-gate.ts. Client navigations still do.)
 */
const PRODUCT_ID = /^\d{1,20}$/;

/** One upstream call per request, shared by generateMetadata and the page. */
const loadDetail = cache(async (id: string) => (PRODUCT_ID.test(id) ? inPageRequest(() => getProductDetail(id)) : null));

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const detail = await loadDetail(id).catch(() => null);
  // The page itself answers notFound() (and upstream failures): from metadata it would yield an empty shell.
  if (!detail) return { title: '商品' };
  const { product, lowest } = detail.data.comparison;
  return {
    title: product.title,
    description: `${product.title}：微店价 ${formatFen(product.priceFen)}，全网最低 ${formatFen(lowest.priceFen)}（${PLATFORM_LABELS[lowest.platform]}${lowest.otherPack ? '，按单价折合' : ''}）。`,
  };
}

function requestTimeMs(): number {
  return Date.now();
}

/** Cheapest for the item's pack first; ties keep the platform order the service gave. */
function byPrice(offers: MatchedOffer[]): MatchedOffer[] {
  return offers
    .map((o, i) => [o, i] as const)
    .sort((a, b) => comparablePrice(a[0]) - comparablePrice(b[0]) || a[1] - b[1])
    .map(([o]) => o);
}

/** The chart's data; without a database (or with it failing) the page still shows, without the chart. */
async function loadHistory(productId: string, days: HistoryRange, nowMs: number): Promise<PriceHistory | null> {
  try {
    return await inPageRequest(async () => getPriceHistory(await getDb(), productId, { days, now: nowMs }));
  } catch (error) {
    moduleLogger('history').warn({ event: 'history_not_shown', productId, reason: error instanceof Error ? error.message : String(error) }, 'price history not shown');
    return null;
  }
}

export default async function ProductPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { id } = await params;
  const range = parseHistoryRange((await searchParams).range);
  const detail = await loadDetail(id);
  if (!detail) notFound();
  const history = await loadHistory(detail.data.comparison.product.productId, range, requestTimeMs());

  const { product, lowest, savingFen, bestByPlatform, matchedOffers, similarOffers, unitPrice } = detail.data.comparison;
  const category = CATEGORIES.find((c) => c.id === product.categoryId);
  const weidianLowest = lowest.platform === 'weidian';
  const lowestLabel = PLATFORM_LABELS[lowest.platform];
  const homeQuery = { q: null, categoryId: category?.id ?? null, page: 1, pageSize: PAGE_SIZE_DEFAULT, sort: 'default' as const };

  return (
    <NowProvider serverNowMs={requestTimeMs()}>
      <div className="flex flex-col gap-6">
        <Breadcrumb
          items={[
            { label: '首页', href: '/' },
            ...(category ? [{ label: category.name, href: compareHref(homeQuery) }] : []),
            { label: product.title },
          ]}
        />
        <DegradedBanner degraded={detail.data.degraded} />
        {detail.data.stale && <StaleNotice generatedAt={detail.data.generatedAt} />}

        <article
          data-testid="product-detail"
          data-product-id={product.productId}
          className="grid gap-6 rounded-card bg-white p-4 shadow-card ring-1 ring-ink-200/70 sm:p-6 md:grid-cols-[minmax(0,360px)_minmax(0,1fr)]"
        >
          <ProductImage
            url={product.imageUrl}
            alt={product.title}
            preload
            sizes="(min-width: 768px) 360px, 256px"
            className="w-full rounded-xl max-md:mx-auto max-md:max-w-64"
          />

          <div className="flex min-w-0 flex-col gap-4">
            <div className="flex flex-col gap-2">
              <h1 data-testid="product-title" className="text-xl leading-snug font-semibold text-ink-900 sm:text-2xl">
                {product.title}
              </h1>
              <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-ink-500">
                <span>
                  微店店铺：<span data-testid="shop-name" className="text-ink-700">{product.shopName}</span>
                </span>
                {category && <span>分类：{category.name}</span>}
                {product.barcode && <span className="tabular">条码：{product.barcode}</span>}
                <span>{product.stock > 0 ? `库存 ${product.stock}` : '微店暂时缺货'}</span>
              </p>
            </div>

            <div className="flex flex-col gap-3 rounded-xl bg-gradient-to-br from-brand-50 to-white p-4 ring-1 ring-brand-100">
              <div className="flex flex-wrap items-end gap-x-8 gap-y-3">
                <p className="flex flex-col">
                  <span aria-hidden="true" className="text-xs text-ink-500">微店价</span>
                  <Price fen={product.priceFen} label="微店价" testId="weidian-price" size="lg" className="text-2xl font-semibold text-ink-900" />
                  {unitPrice && (
                    <span data-testid="weidian-unit-price" className="text-xs text-ink-500 tabular">
                      单价 {formatFen(unitPrice.fen)}/{unitPrice.per}
                    </span>
                  )}
                </p>
                {weidianLowest ? (
                  <p className="flex flex-col">
                    <span aria-hidden="true" className="text-xs text-ink-500">
                      {bestByPlatform.length > 0 ? '全网最低' : '其他平台暂无同款'}
                    </span>
                    <span className="sr-only">微店价格最低 {fenToSpokenYuan(lowest.priceFen)}</span>
                    <span
                      aria-hidden="true"
                      data-testid="lowest-price"
                      data-fen={lowest.priceFen}
                      data-platform={lowest.platform}
                      className="text-lg font-semibold text-saving"
                    >
                      微店最低 <span className="tabular">{formatFen(lowest.priceFen)}</span>
                    </span>
                  </p>
                ) : (
                  <p className="flex flex-col">
                    <span aria-hidden="true" className="flex items-center gap-1.5 text-xs text-ink-500">
                      最低价（{lowestLabel}）
                      <span className="rounded bg-price px-1 py-px text-[11px] font-semibold text-white">全网最低</span>
                    </span>
                    <span className="sr-only">
                      全网最低价 {fenToSpokenYuan(lowest.priceFen)}，来自{lowestLabel}
                      {lowest.otherPack ? '，按单价折合' : ''}
                    </span>
                    <span
                      aria-hidden="true"
                      data-testid="lowest-price"
                      data-fen={lowest.priceFen}
                      data-platform={lowest.platform}
                      className="text-2xl font-bold text-price tabular"
                    >
                      {formatFen(lowest.priceFen)}
                    </span>
                    {lowest.otherPack && (
                      <span data-testid="lowest-other-pack" className="text-xs text-ink-500">
                        按单价折合；该店 {packLabel(lowest.otherPack.pack)}装 实付 <span className="tabular">{formatFen(lowest.otherPack.priceFen)}</span>，单价{' '}
                        <span className="tabular">{formatFen(lowest.otherPack.unitPrice.fen)}/{lowest.otherPack.unitPrice.per}</span>
                      </span>
                    )}
                  </p>
                )}
                {savingFen > 0 ? (
                  <p>
                    <SavingBadge fen={savingFen} className="block rounded-lg bg-price px-3 py-1.5 text-sm font-semibold text-white" />
                  </p>
                ) : bestByPlatform.length > 0 ? (
                  <p data-testid="already-lowest" className="rounded-lg bg-saving-soft px-3 py-1.5 text-sm font-medium text-saving">
                    微店已是全网最低
                  </p>
                ) : null}
                {history && <Lowest30DaysBadge history={history} currentLowestFen={lowest.priceFen} />}
              </div>
              <div className="flex flex-wrap items-center justify-between gap-3 text-xs text-ink-500">
                <p className="flex flex-wrap gap-x-3 gap-y-1">
                  <span>
                    {weidianLowest ? '价格' : '最低价'} <Freshness iso={lowest.fetchedAt} />
                  </span>
                  {!weidianLowest && (
                    <span>
                      微店价格 <Freshness iso={product.fetchedAt} testId="weidian-freshness" />
                    </span>
                  )}
                </p>
                {!weidianLowest && safeHttpsUrl(lowest.url) && lowest.url && (
                  <OutboundLink url={lowest.url} label={`去${lowestLabel}购买`} platform={lowestLabel} />
                )}
              </div>
            </div>
          </div>
        </article>

        <section aria-labelledby="offers-heading" className="flex flex-col gap-3 rounded-card bg-white p-4 shadow-card ring-1 ring-ink-200/70 sm:p-6">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="offers-heading" className="text-lg font-semibold text-ink-900">
              各平台最低价
            </h2>
            <p className="text-xs text-ink-500">每个平台取已确认同款、有货的最低报价</p>
          </div>
          {bestByPlatform.length === 0 ? (
            <p data-testid="offers-empty" className="rounded-xl bg-ink-50 px-4 py-6 text-center text-sm text-ink-500">
              其他平台暂未找到同款商品。
            </p>
          ) : (
            <OffersTable
              offers={byPrice(bestByPlatform)}
              lowest={lowest}
              caption="各平台同款商品的最低价"
              testId="offers-table"
              rowTestId="offer-row"
            />
          )}
        </section>

        <section
          id={PRICE_HISTORY_ANCHOR}
          aria-labelledby="history-heading"
          className="flex scroll-mt-20 flex-col gap-3 rounded-card bg-white p-4 shadow-card ring-1 ring-ink-200/70 sm:p-6"
        >
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="history-heading" className="text-lg font-semibold text-ink-900">
              价格走势
            </h2>
            <HistoryRangeLinks current={range} />
          </div>
          {history && history.series.length > 0 ? (
            <PriceHistoryChart history={history} />
          ) : (
            <p data-testid="history-empty" className="rounded-xl bg-ink-50 px-4 py-6 text-center text-sm text-ink-500">
              {history ? '还没有记录到这件商品的价格变化。' : '价格走势暂时无法显示。'}
            </p>
          )}
        </section>

        {matchedOffers.length > 0 && (
          <section aria-labelledby="matched-heading" className="flex flex-col gap-3 rounded-card bg-white p-4 shadow-card ring-1 ring-ink-200/70 sm:p-6">
            <details data-testid="matched-offers" className="group" open={matchedOffers.length <= 8}>
              <summary className="flex min-h-tap cursor-pointer list-none items-center justify-between gap-2 rounded-lg text-lg font-semibold text-ink-900 [&::-webkit-details-marker]:hidden">
                <span>
                  全部同款报价 <span className="text-sm font-normal text-ink-500">（{matchedOffers.length} 条，含缺货）</span>
                </span>
                <span aria-hidden="true" className="text-sm text-ink-400 transition group-open:rotate-180">
                  ▾
                </span>
              </summary>
              <div className="pt-3">
                <OffersTable
                  offers={byPrice(matchedOffers)}
                  lowest={lowest}
                  caption="所有已确认同款的报价"
                  testId="matched-offers-table"
                  rowTestId="matched-offer-row"
                />
              </div>
            </details>
          </section>
        )}

        <div className="rounded-card bg-white p-4 shadow-card ring-1 ring-ink-200/70 sm:p-6">
          <SimilarOffers offers={similarOffers} />
        </div>
      </div>
    </NowProvider>
  );
}
