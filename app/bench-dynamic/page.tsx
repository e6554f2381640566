import type { Metadata } from 'next';

/**
 * The benchmark's dynamic baseline page (bench/run.ts, figure f2): the same as /bench-static, but rendered
 * for every request (with its CSP nonce, like every real page), so `/` against it measures what our page
 * adds to the floor of a Next.js server render. Linked from nowhere and not indexed.
 */
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: '基准页（动态）', robots: { index: false } };

export default function BenchDynamicPage() {
  return <p className="py-8 text-ink-700">基准页：用于性能对比，不含数据，每次请求渲染。</p>;
}
