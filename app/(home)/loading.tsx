import { ProductGridSkeleton } from '@/components/skeletons';

export default function Loading() {
  return (
    <div data-testid="loading-skeleton" role="status" aria-live="polite" className="flex flex-col gap-5">
      <span className="sr-only">正在加载商品…</span>
      <div aria-hidden="true" className="flex flex-col gap-4 rounded-card bg-white p-4 ring-1 ring-ink-200/70 sm:p-6">
        <div className="skeleton h-7 w-48 rounded" />
        <div className="skeleton h-12 max-w-2xl rounded-full" />
        <div className="flex flex-wrap gap-2">
          {Array.from({ length: 9 }, (_, i) => (
            <div key={i} className="skeleton h-tap w-16 rounded-full" />
          ))}
        </div>
      </div>
      <ProductGridSkeleton count={10} />
    </div>
  );
}
