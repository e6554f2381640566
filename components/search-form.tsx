import Form from 'next/form';
import { PAGE_SIZE_DEFAULT } from '@/lib/compare/query';
import type { CompareQuery } from '@/lib/types';

/**
 * A GET form to "/" (next/form: a native <form action="/"> that works without JavaScript, upgraded to a
 * client-side navigation once hydrated). Submitting starts a new search at page 1 and keeps the
 * current category, sort and page size (as hidden fields), so the resulting URL is the whole state.
 */
export function SearchForm({
  query,
  variant = 'hero',
}: {
  query?: Pick<CompareQuery, 'q' | 'categoryId' | 'sort' | 'pageSize'>;
  variant?: 'hero' | 'header';
}) {
  const hero = variant === 'hero';
  return (
    <Form
      action="/"
      role="search"
      aria-label="搜索商品"
      className={`flex w-full min-w-0 items-stretch ${hero ? 'max-w-2xl' : 'max-w-md'}`}
    >
      <label htmlFor={`search-${variant}`} className="sr-only">
        搜索微店商品
      </label>
      <input
        id={`search-${variant}`}
        // Remount when the keyword in the URL changes (e.g. the logo link clears it): the input is uncontrolled.
        key={query?.q ?? ''}
        data-testid="search-input"
        type="search"
        name="q"
        defaultValue={query?.q ?? ''}
        maxLength={100}
        enterKeyHint="search"
        autoComplete="off"
        placeholder={hero ? '搜索微店商品，如 iPhone 16、抽纸' : '搜索微店商品'}
        className={`min-h-tap w-full min-w-0 flex-1 rounded-l-full border-2 border-r-0 border-brand-500 bg-white px-4 text-ink-900 placeholder:text-ink-400 focus-visible:outline-none focus-visible:ring-4 focus-visible:ring-brand-200 ${
          hero ? 'h-12 text-base' : 'h-tap text-sm'
        }`}
      />
      {query?.categoryId != null && <input type="hidden" name="category_id" value={query.categoryId} />}
      {query && query.sort !== 'default' && <input type="hidden" name="sort" value={query.sort} />}
      {query && query.pageSize !== PAGE_SIZE_DEFAULT && (
        <input type="hidden" name="page_size" value={query.pageSize} />
      )}
      <button
        type="submit"
        data-testid="search-submit"
        className={`inline-flex min-h-tap min-w-tap shrink-0 items-center justify-center gap-1.5 rounded-r-full bg-brand-500 px-5 font-medium text-white transition hover:bg-brand-600 active:bg-brand-700 ${
          hero ? 'h-12 text-base' : 'h-tap text-sm'
        }`}
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="none" className="size-4">
          <circle cx="9" cy="9" r="6" stroke="currentColor" strokeWidth="2" />
          <path d="m13.5 13.5 4 4" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        <span className={hero ? '' : 'max-sm:sr-only'}>搜索</span>
      </button>
    </Form>
  );
}
