/**
 * Server components' side of the request id (lib/log.ts): runs a page's data loading with the id the proxy
 * put on the request, so what the cache, the clients or the database log while a page loads names the
 * request like a route handler's lines do. (What React logs while it renders, after the loads, does not.)
 */
import 'server-only';
import { headers } from 'next/headers';
import { withRequestId } from '../log';
import { REQUEST_ID_HEADER } from './request-id';

export async function inPageRequest<T>(load: () => Promise<T>): Promise<T> {
  const id = (await headers()).get(REQUEST_ID_HEADER);
  return id ? withRequestId(id, load) : load();
}
