import type { Metadata } from 'next';
import { ButtonLink, EmptyState } from '@/components/empty-state';

export const metadata: Metadata = { title: '页面不存在' };

export default function NotFound() {
  return (
    <div className="mx-auto my-8 max-w-xl">
      <EmptyState title="页面不存在" testId="not-found">
        <p className="text-sm text-ink-500">你访问的页面可能已被移除，或链接有误。</p>
        <ButtonLink href="/">返回首页</ButtonLink>
      </EmptyState>
    </div>
  );
}
