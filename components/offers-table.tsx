import { PLATFORM_LABELS, type LowestPrice, type MatchedOffer } from '@/lib/types';
import { comparablePrice } from '@/lib/compare/merge';
import { MatchReasons, PackNote } from './match-reasons';
import { Freshness } from './now';
import { Price } from './price';
import { safeHttpsUrl } from './safe-url';

/** Whether `offer` is the one `lowest` points at (compared at its price for the item's pack). */
export function isLowestOffer(offer: MatchedOffer, lowest: LowestPrice): boolean {
  return (
    lowest.platform !== 'weidian' &&
    offer.platform === lowest.platform &&
    comparablePrice(offer) === lowest.priceFen &&
    offer.shopName === lowest.shopName
  );
}

export function OutboundLink({ url, label, platform }: { url: string; label: string; platform: string }) {
  const href = safeHttpsUrl(url);
  if (!href) return <span className="text-xs text-ink-400">暂无链接</span>;
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      data-testid="offer-link"
      className="inline-flex min-h-tap items-center justify-center gap-1 rounded-full bg-white px-4 text-sm font-medium text-brand-600 ring-1 ring-brand-200 whitespace-nowrap transition hover:bg-brand-50"
    >
      {label}
      <span className="sr-only">（在新窗口打开{platform}页面）</span>
      <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5" fill="none">
        <path d="M6 3h7v7M13 3 5 11" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    </a>
  );
}

const td = 'px-3 py-3 align-middle max-md:block max-md:p-0';

/**
 * Offers as a table on wide screens and as compact cards on phones (the same <table>; CSS turns each row
 * into a small grid), so a 375px screen never scrolls sideways.
 */
export function OffersTable({
  offers,
  lowest,
  caption,
  testId,
  rowTestId,
}: {
  offers: MatchedOffer[];
  lowest: LowestPrice;
  caption: string;
  testId: string;
  rowTestId: string;
}) {
  return (
    <table data-testid={testId} className="w-full border-collapse text-sm max-md:block">
      <caption className="sr-only">{caption}</caption>
      <thead className="text-left text-xs text-ink-500 max-md:sr-only">
        <tr className="border-b border-ink-200">
          <th scope="col" className="px-3 py-2 font-medium">平台</th>
          <th scope="col" className="px-3 py-2 font-medium">价格</th>
          <th scope="col" className="px-3 py-2 font-medium">店铺 / 商品</th>
          <th scope="col" className="px-3 py-2 font-medium">库存</th>
          <th scope="col" className="px-3 py-2 font-medium">更新</th>
          <th scope="col" className="px-3 py-2 font-medium">匹配依据</th>
          <th scope="col" className="px-3 py-2 font-medium">
            <span className="sr-only">链接</span>
          </th>
        </tr>
      </thead>
      <tbody className="max-md:flex max-md:flex-col max-md:gap-3">
        {offers.map((offer) => {
          const isLowest = isLowestOffer(offer, lowest);
          const platform = PLATFORM_LABELS[offer.platform];
          return (
            <tr
              key={offer.offerId}
              data-testid={rowTestId}
              data-platform={offer.platform}
              data-lowest={isLowest ? 'true' : undefined}
              className={`border-b border-ink-100 max-md:grid max-md:grid-cols-[minmax(0,1fr)_auto] max-md:items-center max-md:gap-x-3 max-md:gap-y-1.5 max-md:rounded-xl max-md:border max-md:p-3 ${
                isLowest ? 'bg-price-soft/60 max-md:border-price/30' : 'max-md:border-ink-200'
              } ${offer.inStock ? '' : 'text-ink-400'}`}
            >
              <td className={`${td} font-medium whitespace-nowrap`}>
                <span className="inline-flex items-center gap-2">
                  {platform}
                  {isLowest && (
                    <span data-testid="lowest-badge" className="rounded-md bg-price px-1.5 py-0.5 text-xs font-semibold text-white">
                      全网最低
                    </span>
                  )}
                </span>
              </td>
              <td className={`${td} max-md:text-right`}>
                <Price
                  fen={offer.priceFen}
                  label={`${platform}价`}
                  testId="offer-price"
                  className={`text-base font-semibold ${isLowest ? 'text-price' : offer.inStock ? 'text-ink-900' : 'text-ink-400'}`}
                />
                <PackNote offer={offer} testId="offer-pack" />
              </td>
              <td className={`${td} max-md:col-span-2 md:max-w-72`}>
                <span className="flex min-w-0 flex-col">
                  <span className="text-ink-800">{offer.shopName}</span>
                  <span className="line-clamp-1 text-xs text-ink-500" title={offer.title}>
                    {offer.title}
                  </span>
                </span>
              </td>
              <td className={`${td} text-xs whitespace-nowrap md:text-sm`}>
                {offer.inStock ? <span className="text-saving">有货</span> : <span className="text-ink-400">缺货</span>}
              </td>
              <td className={`${td} text-xs whitespace-nowrap text-ink-500 max-md:text-right max-md:after:content-['更新'] md:text-sm`}>
                <Freshness iso={offer.fetchedAt} suffix="" testId="offer-freshness" />
              </td>
              <td className={`${td} max-md:text-xs max-md:before:text-ink-500 max-md:before:content-['匹配依据：']`}>
                <MatchReasons verdict={offer.verdict} testId="offer-reason" />
              </td>
              <td className={`${td} max-md:flex max-md:justify-end md:text-right`}>
                <OutboundLink url={offer.url} label="去看看" platform={platform} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
