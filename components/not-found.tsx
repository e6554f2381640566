import { ButtonLink, EmptyState } from './empty-state';

/** The site's 404 content (app/not-found.tsx). */
export function PageNotFound() {
  return (
    <div className="mx-auto my-8 max-w-xl">
      <EmptyState title="页面不存在" testId="not-found">
        <p className="text-sm text-ink-500">你访问的页面可能已被移除，或链接有误。</p>
        <ButtonLink href="/">返回首页</ButtonLink>
      </EmptyState>
    </div>
  );
}

/** A product Weidian does not have (app/products/[id]/not-found.tsx, and the proxy's server-rendered 404). */
export function ProductNotFound() {
  return (
    <div className="mx-auto my-8 max-w-xl">
      <EmptyState title="没有找到这件商品" testId="not-found">
        <p className="text-sm text-ink-500">商品可能已下架，或链接有误。</p>
        <ButtonLink href="/">去首页看看其他商品</ButtonLink>
      </EmptyState>
    </div>
  );
}
