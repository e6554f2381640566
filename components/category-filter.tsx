import Link from 'next/link';
import { CATEGORIES, type CompareQuery } from '@/lib/types';
import { compareHref } from './labels';

const chip =
  'inline-flex min-h-tap min-w-tap items-center justify-center rounded-full px-3 text-sm transition whitespace-nowrap sm:px-4';
const idle = 'bg-white text-ink-700 ring-1 ring-ink-200 hover:text-brand-600 hover:ring-brand-300';
const active = 'bg-brand-500 font-medium text-white ring-1 ring-brand-500';

/** 全部 + the eight categories, as links (keeping keyword and sort, back to page 1). */
export function CategoryFilter({ query }: { query: CompareQuery }) {
  const options = [{ id: null as number | null, name: '全部' }, ...CATEGORIES.map((c) => ({ id: c.id as number | null, name: c.name }))];
  return (
    <nav aria-label="商品分类" data-testid="category-filter">
      <ul className="flex flex-wrap gap-2">
        {options.map((o) => {
          const current = query.categoryId === o.id;
          return (
            <li key={o.id ?? 'all'}>
              <Link
                href={compareHref(query, { categoryId: o.id, page: 1 })}
                aria-current={current ? 'page' : undefined}
                data-category-id={o.id ?? ''}
                className={`${chip} ${current ? active : idle}`}
              >
                {o.name}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
