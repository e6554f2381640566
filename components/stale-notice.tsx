'use client';

import { formatBeijingTime, staleNoticeZh } from '@/lib/format/relative-time';
import { useNowMs } from './now';

/**
 * "以下是 5 分钟前的比价结果，最新价格正在更新。" — shown when the answer was served from the cache past its fresh
 * time (a refresh is under way, or Weidian is failing). The age comes from useNowMs, so the server's text and
 * the hydrating client's are the same (components/now.tsx); afterwards it follows the browser's clock.
 */
export function StaleNotice({ generatedAt }: { generatedAt: string }) {
  const { lead, when, tail } = staleNoticeZh(generatedAt, useNowMs());
  const valid = Number.isFinite(Date.parse(generatedAt));
  return (
    <p role="status" data-testid="stale-notice" className="rounded-lg bg-ink-100 px-4 py-2.5 text-sm text-ink-700 ring-1 ring-ink-200">
      {lead}
      <time dateTime={valid ? generatedAt : undefined} title={valid ? `${formatBeijingTime(generatedAt)}（北京时间）` : undefined} className="font-medium text-ink-900">
        {when}
      </time>
      {tail}
    </p>
  );
}
