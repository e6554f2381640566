import type { QueryIssue } from '@/lib/compare/query';
import { QueryError } from '@/components/query-error';
import { ORDER_FIELD_LABELS } from './labels';

/** The shared query error, with /orders' field names and way back. */
export function OrderQueryError({ issues }: { issues: QueryIssue[] }) {
  return (
    <QueryError
      issues={issues}
      labels={ORDER_FIELD_LABELS}
      hint="请检查链接，或查看全部订单后重新筛选。"
      back={{ href: '/orders', label: '查看全部订单' }}
      heading="h2"
    />
  );
}
