import Link from 'next/link';

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-ink-200 bg-white">
      <div className="mx-auto flex max-w-page flex-col gap-3 px-4 py-8 text-sm text-ink-500 sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <div className="flex flex-col gap-1">
          <Link href="/" className="inline-flex min-h-tap w-fit items-center font-semibold text-ink-700 hover:text-brand-600">
            比价 · 微店商品全网比价
          </Link>
          <p>价格来自微店及第三方比价服务，可能存在延迟，请以各平台页面实际价格为准。</p>
        </div>
        <p className="shrink-0">© 比价 Bijia</p>
      </div>
    </footer>
  );
}
