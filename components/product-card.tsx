import Link from 'next/link';
import { fenToSpokenYuan, formatFen } from '@/lib/money';
import { PLATFORM_LABELS, type ProductSummary } from '@/lib/types';
import { productHref } from './labels';
import { Freshness } from './now';
import { Price, SavingBadge } from './price';
import { ProductImage } from './product-image';

/**
 * One product in the grid. The title link stretches over the whole card (one tab stop, big tap target).
 * Every upstream string (titles, shop names) is rendered as a React text child — never as HTML.
 */
export function ProductCard({ item, eager = false }: { item: ProductSummary; eager?: boolean }) {
  const { product, lowest, savingFen, bestByPlatform } = item;
  const weidianLowest = lowest.platform === 'weidian';
  // With no offer elsewhere there is nothing to be lowest against: say so rather than "微店最低".
  const weidianLabel = bestByPlatform.length === 0 ? '仅微店有售' : '微店最低';
  const platformLabel = PLATFORM_LABELS[lowest.platform];

  return (
    <article
      data-testid="product-card"
      data-product-id={product.productId}
      className="group relative flex h-full flex-col overflow-hidden rounded-card bg-white shadow-card ring-1 ring-ink-200/70 transition hover:-translate-y-0.5 hover:shadow-card-hover has-[a:focus-visible]:ring-2 has-[a:focus-visible]:ring-brand-500"
    >
      <div className="relative">
        <ProductImage
          url={product.imageUrl}
          alt={product.title}
          eager={eager}
          sizes="(min-width: 1280px) 20vw, (min-width: 1024px) 25vw, (min-width: 640px) 33vw, 50vw"
        />
        {product.stock <= 0 && (
          <span className="absolute top-2 left-2 rounded-full bg-ink-900/75 px-2 py-0.5 text-xs text-white">
            微店缺货
          </span>
        )}
      </div>

      <div className="flex flex-1 flex-col gap-1.5 p-3">
        <h3 className="text-sm leading-snug text-ink-900">
          <Link
            href={productHref(product.productId)}
            data-testid="product-title"
            className="line-clamp-2 min-h-[2lh] after:absolute after:inset-0 after:content-[''] hover:text-brand-700 focus-visible:outline-none"
          >
            {product.title}
          </Link>
        </h3>
        <p className="truncate text-xs text-ink-500">{product.shopName}</p>

        <div className="mt-auto flex flex-col gap-1 pt-1">
          <p className="flex flex-wrap items-baseline gap-x-1.5">
            <span aria-hidden="true" className="text-xs text-ink-500">
              微店价
            </span>
            <Price fen={product.priceFen} label="微店价" testId="weidian-price" className="text-lg font-semibold text-ink-900" />
          </p>

          <p className="text-xs leading-relaxed">
            <span className="sr-only">
              {weidianLowest
                ? `${weidianLabel} ${fenToSpokenYuan(lowest.priceFen)}`
                : `全网最低价 ${fenToSpokenYuan(lowest.priceFen)}，来自${platformLabel}${lowest.otherPack ? '，按单价折合' : ''}`}
            </span>
            <span
              aria-hidden="true"
              data-testid="lowest-price"
              data-fen={lowest.priceFen}
              data-platform={lowest.platform}
              className={weidianLowest ? 'text-ink-600' : 'text-price'}
            >
              {weidianLowest ? weidianLabel : '全网最低'}{' '}
              <span className="font-semibold tabular whitespace-nowrap">{formatFen(lowest.priceFen)}</span>
              {weidianLowest ? null : (
                <span className="whitespace-nowrap">
                  （{platformLabel}
                  {lowest.otherPack ? <span data-testid="lowest-other-pack">，按单价折合</span> : null}）
                </span>
              )}
            </span>
          </p>

          <div className="flex min-h-6 flex-wrap items-center justify-between gap-x-2 gap-y-1">
            {savingFen > 0 ? (
              <SavingBadge fen={savingFen} className="inline-flex items-center rounded-md bg-price-soft px-1.5 py-0.5 text-xs font-semibold text-price-strong" />
            ) : weidianLowest && bestByPlatform.length > 0 ? (
              <span data-testid="already-lowest" className="inline-flex items-center rounded-md bg-saving-soft px-1.5 py-0.5 text-xs font-medium text-saving">
                已是全网最低
              </span>
            ) : (
              <span />
            )}
            <Freshness iso={lowest.fetchedAt} className="text-[11px] text-ink-400" />
          </div>
        </div>
      </div>
    </article>
  );
}
