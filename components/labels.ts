import { compareSearchString } from '@/lib/compare/query';
import type { CompareQuery, Sort } from '@/lib/types';

export const SORT_LABELS: Record<Sort, string> = {
  default: '默认',
  price_asc: '价格从低到高',
  price_desc: '价格从高到低',
  saving_desc: '省得最多',
};

/** zh-CN names of the URL parameters, for "which field is wrong" messages. */
export const FIELD_LABELS: Record<string, string> = {
  q: '关键词',
  category_id: '分类',
  page: '页码',
  page_size: '每页数量',
  sort: '排序方式',
};

/** A link to the home page that reproduces `query` with `overrides` applied. */
export function compareHref(query: CompareQuery, overrides: Partial<CompareQuery> = {}): string {
  return `/${compareSearchString(query, overrides)}`;
}

export function productHref(productId: string): string {
  return `/products/${encodeURIComponent(productId)}`;
}
