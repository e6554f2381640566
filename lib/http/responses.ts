/** JSON responses shared by the route handlers: one shape for errors, never a stack or an upstream URL. */
import 'server-only';
import { QuotaExceededError } from '../quota/token-bucket';
import { UpstreamError } from '../upstream/http';
import type { QueryIssue } from '../compare/query';
import { moduleLogger } from '../log';

export interface ErrorBody {
  error: { code: string; message: string; fields?: QueryIssue[] };
}

export function jsonError(status: number, code: string, message: string, fields?: QueryIssue[], headers?: HeadersInit) {
  const body: ErrorBody = { error: { code, message, ...(fields ? { fields } : {}) } };
  return Response.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } });
}

export function badRequest(issues: QueryIssue[]) {
  const names = [...new Set(issues.map((i) => i.field))].join(', ');
  return jsonError(400, 'invalid_query', `Invalid query parameter: ${names}`, issues);
}

/** Maps a failure of the use case to a response; logs the cause on the server, shows the client a code. */
export function failure(error: unknown, route: string) {
  if (error instanceof QuotaExceededError) {
    // Our own outbound quota, not the upstream's: ask the client to come back when a token frees up.
    const seconds = String(Math.max(1, Math.ceil(error.retryAfterMs / 1000)));
    return jsonError(503, 'upstream_busy', '服务繁忙，请稍后再试', undefined, { 'retry-after': seconds });
  }
  if (error instanceof UpstreamError) {
    moduleLogger('http').error({ event: 'upstream_failed', route, upstream: error.upstream, kind: error.kind, code: error.code, status: error.status }, 'upstream failed');
    const status = error.kind === 'timeout' ? 504 : 502;
    return jsonError(status, 'upstream_unavailable', `上游服务暂时不可用（${error.upstream === 'weidian' ? '微店' : '比价服务'}），请稍后再试`);
  }
  moduleLogger('http').error({ event: 'unexpected_error', route, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }, 'unexpected error');
  return jsonError(500, 'internal', '服务器开小差了，请稍后再试');
}
