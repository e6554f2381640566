import Link from 'next/link';
import { HeaderSearch } from './header-search';

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-30 border-b border-ink-200 bg-white/95 backdrop-blur supports-[backdrop-filter]:bg-white/85">
      <div className="mx-auto flex max-w-page items-center gap-3 px-4 py-2 sm:gap-6 sm:px-6">
        <Link
          href="/"
          className="flex min-h-tap shrink-0 items-center gap-2 rounded-lg pr-1 text-ink-900"
          aria-label="比价 首页"
        >
          <span
            aria-hidden="true"
            className="grid size-9 place-items-center rounded-xl bg-gradient-to-br from-brand-500 to-price text-lg font-bold text-white shadow-sm"
          >
            比
          </span>
          <span className="flex flex-col leading-tight">
            <span className="text-lg font-bold tracking-wide">比价</span>
            <span className="hidden text-xs text-ink-500 sm:block">微店商品全网比价</span>
          </span>
        </Link>
        <div className="flex min-w-0 flex-1 justify-end">
          <HeaderSearch />
        </div>
      </div>
    </header>
  );
}
