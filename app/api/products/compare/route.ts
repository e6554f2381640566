import { parseCompareQuery } from '@/lib/compare/query';
import { getComparePage } from '@/lib/compare/service';
import { badRequest, failure } from '@/lib/http/responses';
import { withRateLimit } from '@/lib/http/rate-limit';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

async function handleGET(request: Request) {
  const query = parseCompareQuery(new URL(request.url).searchParams);
  if (!query.ok) return badRequest(query.issues);
  try {
    const { data, cache } = await getComparePage(query.value);
    return Response.json(data, { headers: { 'x-cache': cache, 'cache-control': 'private, no-store' } });
  } catch (error) {
    return failure(error, 'api/products/compare');
  }
}

export const GET = withRateLimit(handleGET);
