/** Placeholders shown while the home page streams in (app/(home)/loading.tsx). */

export function ProductCardSkeleton() {
  return (
    <div data-testid="product-card-skeleton" className="flex flex-col overflow-hidden rounded-card bg-white ring-1 ring-ink-200/70">
      <div className="skeleton aspect-square" />
      <div className="flex flex-col gap-2 p-3">
        <div className="skeleton h-4 rounded" />
        <div className="skeleton h-4 w-2/3 rounded" />
        <div className="skeleton mt-2 h-6 w-1/2 rounded" />
        <div className="skeleton h-3 w-3/4 rounded" />
      </div>
    </div>
  );
}

export function ProductGridSkeleton({ count = 10 }: { count?: number }) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 lg:grid-cols-4 xl:grid-cols-5" aria-hidden="true">
      {Array.from({ length: count }, (_, i) => (
        <li key={i}>
          <ProductCardSkeleton />
        </li>
      ))}
    </ul>
  );
}
