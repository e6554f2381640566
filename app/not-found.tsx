import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { PageNotFound, ProductNotFound } from '@/components/not-found';
import { NOT_FOUND_KIND_HEADER } from '@/lib/http/not-found-kind';

/**
 * Unmatched URLs, and missing products on a document request: the proxy rewrites those to an unmatched path
 * with a header naming the kind (lib/http/page-gate.ts), so this page is rendered on the server with a 404.
 */
async function isProduct(): Promise<boolean> {
  return (await headers()).get(NOT_FOUND_KIND_HEADER) === 'product';
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await isProduct()) ? '没有找到这件商品' : '页面不存在' };
}

export default async function NotFound() {
  return (await isProduct()) ? <ProductNotFound /> : <PageNotFound />;
}
