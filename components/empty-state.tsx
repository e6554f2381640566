import Link from 'next/link';
import type { ReactNode } from 'react';

export function EmptyState({
  title,
  children,
  testId = 'empty-state',
}: {
  title: string;
  children?: ReactNode;
  testId?: string;
}) {
  return (
    <div
      data-testid={testId}
      className="flex flex-col items-center gap-3 rounded-card bg-white px-6 py-14 text-center ring-1 ring-ink-200/70"
    >
      <svg aria-hidden="true" viewBox="0 0 64 64" className="size-16 text-ink-300" fill="none">
        <rect x="10" y="14" width="44" height="36" rx="6" stroke="currentColor" strokeWidth="3" />
        <path d="M10 24h44" stroke="currentColor" strokeWidth="3" />
        <circle cx="40" cy="38" r="6" stroke="currentColor" strokeWidth="3" />
        <path d="m44.5 42.5 5 5" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
      </svg>
      <h2 className="text-lg font-semibold text-ink-800">{title}</h2>
      {children}
    </div>
  );
}

export function ButtonLink({ href, children, variant = 'primary' }: { href: string; children: ReactNode; variant?: 'primary' | 'secondary' }) {
  return (
    <Link
      href={href}
      className={`inline-flex min-h-tap items-center justify-center rounded-full px-6 text-sm font-medium transition ${
        variant === 'primary'
          ? 'bg-brand-500 text-white hover:bg-brand-600'
          : 'bg-white text-ink-700 ring-1 ring-ink-200 hover:text-brand-600 hover:ring-brand-300'
      }`}
    >
      {children}
    </Link>
  );
}
