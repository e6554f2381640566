import type { OrderStatus } from '@/lib/orders/types';
import { ORDER_STATUS_LABELS, STATUS_TONES } from './labels';

export function StatusBadge({ status, size = 'sm' }: { status: OrderStatus; size?: 'sm' | 'md' }) {
  return (
    <span
      data-testid="order-status"
      data-status={status}
      className={`inline-flex items-center rounded-full font-medium whitespace-nowrap ring-1 ring-inset ${
        size === 'md' ? 'px-3 py-1 text-sm' : 'px-2 py-0.5 text-xs'
      } ${STATUS_TONES[status] ?? 'bg-ink-100 text-ink-600 ring-ink-200'}`}
    >
      {ORDER_STATUS_LABELS[status] ?? status}
    </span>
  );
}
