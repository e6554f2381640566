import 'server-only';

/** Small Response helpers shared by the sandbox's two APIs. */

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

/**
 * Query parameters as a plain record, or the first key that occurs more than once. The record has no
 * prototype so that a parameter called `__proto__` or `constructor` is just a parameter.
 */
export function uniqueQueryParams(
  search: URLSearchParams,
): { ok: true; params: Record<string, string> } | { ok: false; duplicateKey: string } {
  const params: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [key, value] of search) {
    if (Object.hasOwn(params, key)) return { ok: false, duplicateKey: key };
    params[key] = value;
  }
  return { ok: true, params };
}
