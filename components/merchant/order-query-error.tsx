import type { QueryIssue } from '@/lib/compare/query';
import { ButtonLink } from '@/components/empty-state';
import { ORDER_FIELD_LABELS } from './labels';

/** Shown instead of the list when /orders' URL parameters do not validate. Names each wrong field. */
export function OrderQueryError({ issues }: { issues: QueryIssue[] }) {
  return (
    <div
      role="alert"
      data-testid="query-error"
      className="mx-auto flex w-full max-w-xl flex-col items-center gap-4 rounded-card bg-white px-6 py-12 text-center ring-1 ring-ink-200/70"
    >
      <h2 className="text-xl font-semibold text-ink-900">链接中的筛选条件有误</h2>
      <ul className="flex flex-col gap-1 text-sm text-ink-600">
        {issues.map((issue, i) => (
          <li key={`${issue.field}-${i}`} data-testid="query-issue" data-field={issue.field}>
            <span className="font-medium text-ink-800">{ORDER_FIELD_LABELS[issue.field] ?? '参数'}</span>
            {issue.field && <span className="text-ink-400">（{issue.field}）</span>}：{issue.message}
          </li>
        ))}
      </ul>
      <p className="text-sm text-ink-500">请检查链接，或查看全部订单后重新筛选。</p>
      <ButtonLink href="/orders">查看全部订单</ButtonLink>
    </div>
  );
}
