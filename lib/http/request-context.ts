/**
 * A route handler run inside its request's log context: every line it (and everything it calls) writes
 * carries the request id the proxy gave it (lib/http/request-id.ts, lib/log.ts), and one `request` line per
 * answer says method, path, status and time. The path only — query strings can hold an OAuth code or state.
 */
import { moduleLogger, withRequestId } from '../log';
import { requestIdFrom } from './request-id';

export function inRequestContext<Args extends unknown[]>(
  handler: (request: Request, ...args: Args) => Response | Promise<Response>,
): (request: Request, ...args: Args) => Promise<Response> {
  return (request, ...args) =>
    withRequestId(requestIdFrom(request.headers), async () => {
      const started = performance.now();
      const response = await handler(request, ...args);
      moduleLogger('http').info(
        { event: 'request', method: request.method, path: new URL(request.url).pathname, status: response.status, ms: Math.round(performance.now() - started) },
        'request',
      );
      return response;
    });
}
