'use client';

import type { ReactNode } from 'react';
import useSWR from 'swr';
import { compareSearchString, PAGE_MAX } from '@/lib/compare/query';
import type { ComparePage, CompareQuery } from '@/lib/types';
import { DegradedBanner } from './degraded-banner';
import { ButtonLink, EmptyState } from './empty-state';
import { compareHref } from './labels';
import { Pagination } from './pagination';
import { ProductCard } from './product-card';
import { StaleNotice } from './stale-notice';

export class CompareFetchError extends Error {
  readonly status: number;
  constructor(status: number) {
    super(`compare API answered ${status}`);
    this.name = 'CompareFetchError';
    this.status = status;
  }
}

async function fetchComparePage(url: string): Promise<ComparePage> {
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new CompareFetchError(res.status);
  const body = (await res.json()) as ComparePage;
  if (!body || !Array.isArray(body.items) || typeof body.generatedAt !== 'string') throw new CompareFetchError(502);
  return body;
}

/** The newer of two computations (SWR's cache may hold an older fetch than what the server just rendered). */
function newer(a: ComparePage, b: ComparePage): ComparePage {
  const ta = Date.parse(a.generatedAt);
  const tb = Date.parse(b.generatedAt);
  return Number.isFinite(tb) && (!Number.isFinite(ta) || tb > ta) ? b : a;
}

/**
 * Result count, product grid and pagination. The server's result is SWR's fallbackData, so nothing is fetched
 * on load; afterwards SWR refreshes every minute and when the tab regains focus, and the same
 * /api/products/compare URL (canonical search string) answers with exactly a ComparePage.
 */
export function CompareResults({
  query,
  initialData,
  toolbar,
}: {
  query: CompareQuery;
  initialData: ComparePage;
  /** Rendered next to the result count (the server's sort links). */
  toolbar?: ReactNode;
}) {
  const key = `/api/products/compare${compareSearchString(query)}`;
  const { data, error } = useSWR<ComparePage>(key, fetchComparePage, {
    fallbackData: initialData,
    revalidateOnMount: false,
    revalidateIfStale: false,
    refreshInterval: 60_000,
    revalidateOnFocus: true,
  });
  const page = data ? newer(data, initialData) : initialData;
  const filtered = query.q != null || query.categoryId != null;

  return (
    <section aria-labelledby="results-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="results-heading" className="text-sm text-ink-600">
          {query.q ? (
            <>
              “<span className="font-medium text-ink-900">{query.q}</span>”{' '}
            </>
          ) : null}
          <span data-testid="result-count" data-total={page.total}>
            共 <span className="font-semibold text-ink-900 tabular">{page.total}</span> 件商品
          </span>
        </h2>
        {toolbar}
      </div>

      <DegradedBanner degraded={page.degraded ?? []} />
      {page.stale && <StaleNotice generatedAt={page.generatedAt} />}
      {error && (
        <p role="status" data-testid="refresh-error" className="rounded-lg bg-brand-50 px-3 py-2 text-xs text-brand-800">
          暂时无法刷新价格，下面显示的是上次获取的结果。
        </p>
      )}

      {page.items.length === 0 ? (
        <EmptyState title="没有找到相关商品">
          <p className="text-sm text-ink-500">
            {page.total > 0 && page.page > 1 ? '这一页已经没有商品了。' : filtered ? '换个关键词或分类试试。' : '稍后再来看看吧。'}
          </p>
          <div className="flex flex-wrap justify-center gap-2">
            {page.total > 0 && page.page > 1 && <ButtonLink href={compareHref(query, { page: 1 })}>回到第 1 页</ButtonLink>}
            {filtered && (
              <ButtonLink href="/" variant={page.total > 0 && page.page > 1 ? 'secondary' : 'primary'}>
                查看全部商品
              </ButtonLink>
            )}
          </div>
        </EmptyState>
      ) : (
        <ul data-testid="product-grid" className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 lg:grid-cols-4 xl:grid-cols-5">
          {page.items.map((item, i) => (
            <li key={item.product.productId}>
              <ProductCard item={item} eager={i < 5} />
            </li>
          ))}
        </ul>
      )}

      <Pagination
        total={page.total}
        page={page.page}
        pageSize={page.pageSize}
        hasNext={page.hasNext}
        pageMax={PAGE_MAX}
        href={(p) => compareHref(query, { page: p })}
      />
    </section>
  );
}
