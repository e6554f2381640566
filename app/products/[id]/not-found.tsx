import { ButtonLink, EmptyState } from '@/components/empty-state';

export default function ProductNotFound() {
  return (
    <div className="mx-auto my-8 max-w-xl">
      <EmptyState title="没有找到这件商品" testId="not-found">
        <p className="text-sm text-ink-500">商品可能已下架，或链接有误。</p>
        <ButtonLink href="/">去首页看看其他商品</ButtonLink>
      </EmptyState>
    </div>
  );
}
