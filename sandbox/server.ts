import 'server-only';

import type { AddressInfo } from 'node:net';

import { createAdaptorServer } from '@hono/node-server';

import { createSandboxHandler, type SandboxHandlerOptions } from './handler';

/**
 * The sandbox as a standalone HTTP server (for `npm run sandbox`, e2e tests and integration tests):
 * `{url}/weidian/router` and `{url}/price/v1/offers/{search,batch}`.
 */

export interface SandboxServerOptions extends SandboxHandlerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

export interface RunningSandboxServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:4010`. */
  url: string;
  close(): Promise<void>;
}

export async function startSandboxServer(opts: SandboxServerOptions = {}): Promise<RunningSandboxServer> {
  const { port = 0, host = '127.0.0.1', ...handlerOptions } = opts;
  const handler = createSandboxHandler(handlerOptions);
  const server = createAdaptorServer({ fetch: (request: Request) => handler(request), hostname: host });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const { port: boundPort } = server.address() as AddressInfo;
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${hostInUrl}:${boundPort}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections would otherwise hold close() open until they time out.
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
