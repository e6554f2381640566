import type { Metadata } from 'next';

/**
 * The benchmark's baseline page (bench/run.ts, figures f and g): the site's layout with no data and no
 * client components of its own, prerendered at build time. Linked from nowhere and not indexed.
 */
export const dynamic = 'force-static';

export const metadata: Metadata = { title: '基准页', robots: { index: false } };

export default function BenchStaticPage() {
  return <p className="py-8 text-ink-700">基准页：用于性能对比，不含数据。</p>;
}
