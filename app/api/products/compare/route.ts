import { parseCompareQuery } from '@/lib/compare/query';
import { getComparePageJson } from '@/lib/compare/service';
import { badRequest, failure } from '@/lib/http/responses';
import { withRateLimit } from '@/lib/http/rate-limit';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

async function handleGET(request: Request) {
  const query = parseCompareQuery(new URL(request.url).searchParams);
  if (!query.ok) return badRequest(query.issues);
  try {
    const { json, cache } = await getComparePageJson(query.value);
    return new Response(json, { headers: { 'content-type': 'application/json', 'x-cache': cache, 'cache-control': 'private, no-store' } });
  } catch (error) {
    return failure(error, 'api/products/compare');
  }
}

export const GET = withRateLimit(handleGET);
