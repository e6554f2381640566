/** The seed's proxy: Weidian's item.list, signed on the server so the App Secret never reaches a browser. */
import { parseParams, PAGE_SIZE_DEFAULT, weidianProductsQuerySchema } from '@/lib/compare/query';
import { badRequest, failure } from '@/lib/http/responses';
import { getProviders } from '@/lib/upstream/providers';
import { withRateLimit } from '@/lib/http/rate-limit';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

async function handleGET(request: Request) {
  const query = parseParams(weidianProductsQuerySchema, new URL(request.url).searchParams);
  if (!query.ok) return badRequest(query.issues);
  const { q, category_id, page, page_size } = query.value;
  try {
    const result = await getProviders().weidian.listItems({ q: q ?? null, categoryId: category_id ?? null, page: page ?? 1, pageSize: page_size ?? PAGE_SIZE_DEFAULT });
    return Response.json(result, { headers: { 'cache-control': 'private, no-store' } });
  } catch (error) {
    return failure(error, 'api/weidian/products');
  }
}

export const GET = withRateLimit(handleGET);
