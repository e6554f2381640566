import Link from 'next/link';
import { SORTS, type CompareQuery } from '@/lib/types';
import { compareHref, SORT_LABELS } from './labels';

/** Sort options as links: the URL is the state, and they work without JavaScript. */
export function SortLinks({ query }: { query: CompareQuery }) {
  return (
    <nav aria-label="排序方式" data-testid="sort-links" className="max-sm:w-full">
      <ul className="grid grid-cols-4 gap-0.5 rounded-xl bg-white p-1 ring-1 ring-ink-200 sm:flex sm:items-center sm:gap-1 sm:rounded-full">
        {SORTS.map((sort) => {
          const current = query.sort === sort;
          return (
            <li key={sort}>
              <Link
                href={compareHref(query, { sort, page: 1 })}
                aria-current={current ? 'true' : undefined}
                data-testid="sort-option"
                data-sort={sort}
                className={`flex min-h-tap items-center justify-center rounded-lg px-1 text-xs whitespace-nowrap transition sm:rounded-full sm:px-4 sm:text-sm ${
                  current ? 'bg-ink-900 font-medium text-white' : 'text-ink-600 hover:bg-ink-100 hover:text-ink-900'
                }`}
              >
                {SORT_LABELS[sort]}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
