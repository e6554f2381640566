import type { Metadata } from 'next';
import { CategoryFilter } from '@/components/category-filter';
import { CompareResults } from '@/components/compare-results';
import { NowProvider } from '@/components/now';
import { QueryError } from '@/components/query-error';
import { SearchForm } from '@/components/search-form';
import { SortLinks } from '@/components/sort-links';
import { parseCompareQuery } from '@/lib/compare/query';
import { getComparePage } from '@/lib/compare/service';
import { CATEGORIES } from '@/lib/types';
import { inPageRequest } from '@/lib/http/page-context';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const parsed = parseCompareQuery(await searchParams);
  if (!parsed.ok) return { title: '筛选条件有误', robots: { index: false } };
  const { q, categoryId, page } = parsed.value;
  const category = CATEGORIES.find((c) => c.id === categoryId)?.name;
  const parts = [q ? `“${q}”` : null, category ?? null].filter(Boolean);
  if (parts.length === 0 && page === 1) return {}; // the layout's default title
  return { title: `${parts.join(' · ') || '全部商品'}比价${page > 1 ? ` · 第 ${page} 页` : ''}` };
}

/** The request's own clock, for "N 分钟前" before the browser's takes over (see components/now.tsx). */
function requestTimeMs(): number {
  return Date.now();
}

export default async function HomePage({ searchParams }: { searchParams: SearchParams }) {
  const parsed = parseCompareQuery(await searchParams);

  if (!parsed.ok) {
    return (
      <div className="flex flex-col gap-6">
        <div className="flex justify-center">
          <SearchForm />
        </div>
        <QueryError issues={parsed.issues} />
      </div>
    );
  }

  const query = parsed.value;
  const { data } = await inPageRequest(() => getComparePage(query));

  return (
    <NowProvider serverNowMs={requestTimeMs()}>
      <div className="flex flex-col gap-5">
        <section
          aria-label="搜索与筛选"
          className="flex flex-col gap-4 rounded-card bg-gradient-to-br from-brand-50 via-white to-white p-4 ring-1 ring-brand-100 sm:p-6"
        >
          <div className="flex flex-col gap-1">
            <h1 className="text-xl font-bold text-ink-900 sm:text-2xl">微店商品全网比价</h1>
            <p className="text-sm text-ink-500">同款商品在淘宝、天猫、京东、拼多多、苏宁、唯品会的最低价，一搜便知。</p>
          </div>
          <SearchForm query={query} />
          <CategoryFilter query={query} />
        </section>

        <CompareResults query={query} initialData={data} toolbar={<SortLinks query={query} />} />
      </div>
    </NowProvider>
  );
}
