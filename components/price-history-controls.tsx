import { isLowestIn30Days } from '@/lib/history/series';
import { HISTORY_RANGES, type HistoryRange, type PriceHistory } from '@/lib/history/types';
import type { Fen } from '@/lib/types';

/** The chart's id on the page, so a range link scrolls back to it. */
export const PRICE_HISTORY_ANCHOR = 'price-history';

/** `?range=90#price-history`: the product page's URL for another window (it has no other query parameters). */
export function historyRangeHref(days: HistoryRange): string {
  return `?range=${days}#${PRICE_HISTORY_ANCHOR}`;
}

/** 30 / 90 / 180 天 as plain links (no client JavaScript); the current one is marked. */
export function HistoryRangeLinks({ current, hrefFor = historyRangeHref }: { current: HistoryRange; hrefFor?: (days: HistoryRange) => string }) {
  return (
    <nav aria-label="价格走势时间范围" className="flex gap-1 rounded-full bg-ink-100 p-1 text-sm">
      {HISTORY_RANGES.map((days) => {
        const active = days === current;
        return (
          <a
            key={days}
            href={hrefFor(days)}
            aria-current={active ? 'true' : undefined}
            data-testid="history-range-link"
            data-range={days}
            className={`inline-flex min-h-tap items-center rounded-full px-3 ${active ? 'bg-white font-medium text-ink-900 shadow-sm' : 'text-ink-600 hover:text-ink-900'}`}
          >
            {days}天
          </a>
        );
      })}
    </nav>
  );
}

/**
 * "近30天最低": shown when the current lowest price is at or below every price of the last 30 days
 * (isLowestIn30Days, which also insists the history really covers them); otherwise nothing.
 */
export function Lowest30DaysBadge({ history, currentLowestFen, className }: { history: PriceHistory; currentLowestFen: Fen; className?: string }) {
  if (!isLowestIn30Days(history, currentLowestFen)) return null;
  return (
    <span
      data-testid="lowest-30d-badge"
      title="当前最低价不高于近30天内任何平台的价格"
      className={className ?? 'inline-flex items-center rounded bg-saving-soft px-1.5 py-0.5 text-xs font-semibold text-saving'}
    >
      近30天最低
    </span>
  );
}
