import { PLATFORM_LABELS, type MatchedOffer } from '@/lib/types';
import { MatchReasons } from './match-reasons';
import { OutboundLink } from './offers-table';
import { Price } from './price';

/** Look-alikes the matcher rejected (other sizes, variants) — shown for reference, never counted. */
export function SimilarOffers({ offers }: { offers: MatchedOffer[] }) {
  return (
    <section aria-labelledby="similar-heading" data-testid="similar-offers" className="flex flex-col gap-3">
      <h2 id="similar-heading" className="text-lg font-semibold text-ink-900">
        相似商品<span className="text-sm font-normal text-ink-500">（不同规格，不计入比价）</span>
      </h2>
      {offers.length === 0 ? (
        <p className="text-sm text-ink-500">暂无相似商品。</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {offers.map((offer) => {
            const platform = PLATFORM_LABELS[offer.platform];
            return (
              <li
                key={offer.offerId}
                data-testid="similar-offer"
                data-platform={offer.platform}
                className="flex min-w-0 flex-col gap-2 rounded-xl bg-ink-50 p-3 ring-1 ring-ink-200"
              >
                <div className="flex items-start justify-between gap-3">
                  <p className="min-w-0 text-sm text-ink-800">
                    <span className="mr-1.5 rounded bg-white px-1.5 py-0.5 text-xs text-ink-600 ring-1 ring-ink-200">{platform}</span>
                    {offer.title}
                  </p>
                  <Price fen={offer.priceFen} label={`${platform}相似商品价`} className="shrink-0 text-sm font-medium text-ink-500" size="sm" />
                </div>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <MatchReasons verdict={offer.verdict} testId="similar-reason" />
                  <OutboundLink url={offer.url} label="查看" platform={platform} />
                </div>
                <p className="text-xs text-ink-400">{offer.shopName}</p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
