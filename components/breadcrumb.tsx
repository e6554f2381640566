import Link from 'next/link';

export interface Crumb {
  label: string;
  href?: string;
}

export function Breadcrumb({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="面包屑" data-testid="breadcrumb" className="text-sm text-ink-500">
      <ol className="flex min-w-0 flex-wrap items-center gap-x-1">
        {items.map((c, i) => {
          const last = i === items.length - 1;
          return (
            <li key={`${i}-${c.label}`} className={`flex min-w-0 items-center gap-x-1 ${last ? 'flex-1' : ''}`}>
              {c.href && !last ? (
                <Link href={c.href} className="inline-flex min-h-tap min-w-tap items-center justify-center rounded hover:text-brand-600">
                  {c.label}
                </Link>
              ) : (
                <span aria-current={last ? 'page' : undefined} className="truncate text-ink-700">
                  {c.label}
                </span>
              )}
              {!last && (
                <span aria-hidden="true" className="text-ink-300">
                  /
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
