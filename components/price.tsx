import { fenToSpokenYuan, formatFen } from '@/lib/money';
import type { Fen } from '@/lib/types';

/**
 * A price as Chinese shops show it: a small "¥", large yuan, smaller fen — while the element's text stays
 * exactly `formatFen(fen)` ("¥1,299.00"). Screen readers get a spoken form ("微店价 1299.00元") instead of
 * "yen one comma two nine nine".
 */
export function Price({
  fen,
  label,
  testId,
  className,
  size = 'md',
}: {
  fen: Fen;
  /** Spoken before the amount, e.g. "微店价". */
  label?: string;
  testId?: string;
  className?: string;
  size?: 'sm' | 'md' | 'lg';
}) {
  const text = formatFen(fen);
  const m = /^(-?¥)([\d,]+)(\.\d{2})$/.exec(text);
  const sym = size === 'lg' ? 'text-base' : size === 'md' ? 'text-xs' : '';
  const dec = size === 'lg' ? 'text-lg' : size === 'md' ? 'text-sm' : '';
  return (
    <>
      <span className="sr-only">
        {label ? `${label} ` : ''}
        {fenToSpokenYuan(fen)}
      </span>
      <span aria-hidden="true" data-testid={testId} data-fen={fen} className={`tabular whitespace-nowrap ${className ?? ''}`}>
        {m ? (
          <>
            <span className={sym}>{m[1]}</span>
            {m[2]}
            <span className={dec}>{m[3]}</span>
          </>
        ) : (
          text
        )}
      </span>
    </>
  );
}

/** "省 ¥20.00": how much cheaper than Weidian the lowest price elsewhere is (spoken as 比微店便宜 …). */
export function SavingBadge({ fen, className }: { fen: Fen; className: string }) {
  return (
    <span className={className}>
      <span className="sr-only">比微店便宜 {fenToSpokenYuan(fen)}</span>
      <span aria-hidden="true" data-testid="saving-badge" data-fen={fen} className="tabular whitespace-nowrap">
        省 {formatFen(fen)}
      </span>
    </span>
  );
}
