import type { QueryIssue } from '@/lib/compare/query';
import { ButtonLink } from './empty-state';
import { FIELD_LABELS } from './labels';

/**
 * Shown instead of results when the URL's parameters do not validate. Names each wrong field, by its
 * Chinese label and its parameter name, and offers a way back.
 */
export function QueryError({
  issues,
  labels = FIELD_LABELS,
  hint = '请检查链接，或回到首页重新筛选。',
  back = { href: '/', label: '返回首页' },
  heading: Heading = 'h1',
}: {
  issues: QueryIssue[];
  labels?: Record<string, string>;
  hint?: string;
  back?: { href: string; label: string };
  heading?: 'h1' | 'h2';
}) {
  return (
    <div
      role="alert"
      data-testid="query-error"
      className="mx-auto flex w-full max-w-xl flex-col items-center gap-4 rounded-card bg-white px-6 py-12 text-center ring-1 ring-ink-200/70"
    >
      <Heading className="text-xl font-semibold text-ink-900">链接中的筛选条件有误</Heading>
      <ul className="flex flex-col gap-1 text-sm text-ink-600">
        {issues.map((issue, i) => (
          <li key={`${issue.field}-${i}`} data-testid="query-issue" data-field={issue.field}>
            <span className="font-medium text-ink-800">{labels[issue.field] ?? '参数'}</span>
            {issue.field && <span className="text-ink-400">（{issue.field}）</span>}：{issue.message}
          </li>
        ))}
      </ul>
      <p className="text-sm text-ink-500">{hint}</p>
      <ButtonLink href={back.href}>{back.label}</ButtonLink>
    </div>
  );
}
