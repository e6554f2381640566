import type { DegradedUpstream } from '@/lib/types';

const MESSAGES: Record<DegradedUpstream, string> = {
  'price-api': '比价服务暂时不可用，当前仅显示微店价格，其他平台的价格稍后自动恢复。',
};

/** A polite notice that part of the answer is missing because an upstream failed. */
export function DegradedBanner({ degraded }: { degraded: DegradedUpstream[] }) {
  if (!degraded.length) return null;
  return (
    <p role="status" data-testid="degraded-banner" data-degraded={degraded.join(' ')} className="rounded-lg bg-brand-50 px-4 py-3 text-sm text-brand-800 ring-1 ring-brand-200">
      {degraded.map((d) => MESSAGES[d]).join(' ')}
    </p>
  );
}
