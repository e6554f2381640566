'use client';

import Link from 'next/link';
import { useEffect } from 'react';

/**
 * Unexpected failures (an upstream down, a bug). The message and stack are never shown: server errors reach
 * the browser as a generic message anyway, and client ones may contain upstream text. Only the digest (which
 * matches the server log line) is logged to the console.
 */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest =
    error && typeof error === 'object' && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;

  useEffect(() => {
    console.error('页面出错', digest ?? '(client error)');
  }, [digest]);

  return (
    <div
      role="alert"
      data-testid="error-page"
      className="mx-auto my-8 flex max-w-xl flex-col items-center gap-4 rounded-card bg-white px-6 py-12 text-center ring-1 ring-ink-200/70"
    >
      <svg aria-hidden="true" viewBox="0 0 48 48" className="size-14 text-brand-400" fill="none">
        <circle cx="24" cy="24" r="20" stroke="currentColor" strokeWidth="3" />
        <path d="M24 14v12" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
        <circle cx="24" cy="33" r="2" fill="currentColor" />
      </svg>
      <h1 className="text-xl font-semibold text-ink-900">抱歉，页面暂时无法显示</h1>
      <p className="text-sm text-ink-500">价格服务可能正忙，请稍后重试。</p>
      <div className="flex flex-wrap justify-center gap-2">
        <button
          type="button"
          data-testid="error-retry"
          onClick={() => retry()}
          className="inline-flex min-h-tap items-center justify-center rounded-full bg-brand-500 px-6 text-sm font-medium text-white transition hover:bg-brand-600"
        >
          重试
        </button>
        <Link
          href="/"
          className="inline-flex min-h-tap items-center justify-center rounded-full bg-white px-6 text-sm font-medium text-ink-700 ring-1 ring-ink-200 transition hover:text-brand-600"
        >
          返回首页
        </Link>
      </div>
      {digest && <p className="text-xs text-ink-400">错误编号：{digest}</p>}
    </div>
  );
}
