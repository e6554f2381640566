import Link from 'next/link';
import { HeaderSearch } from './header-search';
import { readMerchant } from './merchant/current';
import { LogoutButton } from './merchant/logout-button';

export async function SiteHeader() {
  const merchant = await readMerchant();
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
        <MerchantNav merchant={merchant} />
      </div>
    </header>
  );
}

/** 商家中心 for visitors; the shop's name (to its orders) and 退出登录 for a logged-in merchant. */
function MerchantNav({ merchant }: { merchant: { shopName: string } | null }) {
  if (!merchant) {
    return (
      <Link
        href="/orders"
        data-testid="merchant-link"
        className="inline-flex min-h-tap min-w-tap shrink-0 items-center justify-center rounded-lg px-1 text-sm whitespace-nowrap text-ink-600 hover:text-brand-600"
      >
        商家<span className="max-sm:hidden">中心</span>
      </Link>
    );
  }
  return (
    <nav aria-label="商家中心" className="flex shrink-0 items-center gap-2">
      <Link
        href="/orders"
        title={`${merchant.shopName || '我的店铺'} · 订单`}
        className="inline-flex min-h-tap min-w-tap items-center justify-center gap-1.5 rounded-lg px-1 text-sm text-ink-700 hover:text-brand-600"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="none" className="size-5 shrink-0 text-brand-500">
          <path
            d="M3 7.5 4.5 3h11L17 7.5M3 7.5h14M3 7.5a2.3 2.3 0 0 0 4.7 0 2.3 2.3 0 0 0 4.6 0 2.3 2.3 0 0 0 4.7 0M4.5 10.5V17h11v-6.5"
            stroke="currentColor"
            strokeWidth="1.6"
            strokeLinejoin="round"
          />
        </svg>
        <span className="sr-only">我的订单：</span>
        {/* On a phone only the shop icon shows (the search box needs the room); the name stays for screen readers. */}
        <span data-testid="merchant-name" className="max-w-[12rem] truncate max-sm:sr-only">
          {merchant.shopName || '我的店铺'}
        </span>
      </Link>
      <LogoutButton compact />
    </nav>
  );
}
