/** What the sync panel shows (GET /api/orders/sync, and the /orders page's first render): one shape for both. */
import type { OrderSyncState } from './types';

export interface SyncStatus {
  running: boolean;
  pagesDone: number;
  ordersDone: number;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
}

export function toSyncStatus(state: OrderSyncState | null): SyncStatus {
  return {
    running: state?.running ?? false,
    pagesDone: state?.pagesDone ?? 0,
    ordersDone: state?.ordersDone ?? 0,
    lastSuccessAt: state?.lastSuccessAt?.toISOString() ?? null,
    lastError: state?.lastError ?? null,
    lastErrorAt: state?.lastErrorAt?.toISOString() ?? null,
  };
}
