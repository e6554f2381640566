import Link from 'next/link';

type Slot = number | 'gap';

/** 1 … 4 5 [6] 7 8 … 50 — first, last and two either side of the current page. */
export function pageSlots(current: number, last: number): Slot[] {
  const pages = new Set<number>([1, last]);
  for (let p = current - 2; p <= current + 2; p++) if (p >= 1 && p <= last) pages.add(p);
  const sorted = [...pages].sort((a, b) => a - b);
  const out: Slot[] = [];
  for (const [i, p] of sorted.entries()) {
    const prev = sorted[i - 1];
    if (prev !== undefined && p - prev === 2) out.push(prev + 1);
    else if (prev !== undefined && p - prev > 2) out.push('gap');
    out.push(p);
  }
  return out;
}

const box =
  'inline-flex min-h-tap min-w-tap items-center justify-center rounded-lg px-3 text-sm tabular transition';

/** Previous / numbered / next page links; `href` builds each page's URL (the URL is the state). */
export function Pagination({
  total,
  page,
  pageSize,
  hasNext,
  pageMax,
  href,
}: {
  total: number;
  page: number;
  pageSize: number;
  hasNext: boolean;
  /** The highest page the route accepts. */
  pageMax: number;
  href: (page: number) => string;
}) {
  const lastPage = Math.min(pageMax, Math.max(1, Math.ceil(total / Math.max(1, pageSize))));
  if (lastPage <= 1 && page <= 1 && !hasNext) return null;
  const shownLast = Math.max(lastPage, Math.min(page, pageMax));
  const hasPrev = page > 1;
  const canNext = hasNext && page < pageMax;

  return (
    <nav aria-label="分页" data-testid="pagination" className="mt-8 flex items-center justify-center gap-2">
      {hasPrev ? (
        <Link href={href(page - 1)} rel="prev" data-testid="pagination-prev" className={`${box} bg-white ring-1 ring-ink-200 hover:text-brand-600 hover:ring-brand-300`}>
          上一页
        </Link>
      ) : (
        <span aria-disabled="true" data-testid="pagination-prev" className={`${box} cursor-not-allowed text-ink-300 ring-1 ring-ink-100`}>
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
                className={`${box} ${
                  slot === page ? 'bg-brand-500 font-semibold text-white' : 'bg-white text-ink-700 ring-1 ring-ink-200 hover:text-brand-600'
                }`}
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
        <Link href={href(page + 1)} rel="next" data-testid="pagination-next" className={`${box} bg-white ring-1 ring-ink-200 hover:text-brand-600 hover:ring-brand-300`}>
          下一页
        </Link>
      ) : (
        <span aria-disabled="true" data-testid="pagination-next" className={`${box} cursor-not-allowed text-ink-300 ring-1 ring-ink-100`}>
          下一页
        </span>
      )}
    </nav>
  );
}
