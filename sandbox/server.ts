import 'server-only';

import type { AddressInfo } from 'node:net';

import { createAdaptorServer, type Http2Bindings, type HttpBindings } from '@hono/node-server';

import { createFaultInjector, transportFaultKind, type FaultController } from './faults';
import { createSandboxHandler, type SandboxHandlerOptions } from './handler';

/**
 * The sandbox as a standalone HTTP server (for `npm run sandbox`, e2e tests and integration tests):
 * `{url}/weidian/router` and `{url}/price/v1/offers/{search,batch}`. It is a test double, so fault
 * injection is always available: `{url}/__faults` (docs/sandbox-faults.md) or the returned `faults`.
 */

export interface SandboxServerOptions extends Omit<SandboxHandlerOptions, 'faultControl'> {
  /** The fault controller to use (default: a fresh one); `false` for a server without fault injection. */
  faultControl?: FaultController | false;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

export interface RunningSandboxServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:4010`. */
  url: string;
  /** Fault plans and counters, the same ones `{url}/__faults` reads and writes (undefined with `faultControl: false`). */
  faults: FaultController | undefined;
  close(): Promise<void>;
}

export async function startSandboxServer(opts: SandboxServerOptions = {}): Promise<RunningSandboxServer> {
  const { port = 0, host = '127.0.0.1', faultControl = createFaultInjector(), ...handlerOptions } = opts;
  const handler = createSandboxHandler({ ...handlerOptions, faultControl });
  const fetchCallback = async (request: Request, env: HttpBindings | Http2Bindings): Promise<Response> => {
    try {
      return await handler(request);
    } catch (error) {
      const kind = transportFaultKind(error);
      if (!kind) throw error;
      if (kind === 'reset') {
        // A real reset: RST on the TCP connection, so the client sees ECONNRESET (or "socket hang up").
        const socket = env.incoming.socket;
        if ('resetAndDestroy' in socket && typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
        else socket.destroy();
      }
      // The connection is gone (reset, or the client hung up on a hang): this answer goes nowhere.
      return new Response(null, { status: 499 });
    }
  };
  const server = createAdaptorServer({ fetch: fetchCallback, hostname: host });

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
    faults: faultControl || undefined,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections would otherwise hold close() open until they time out.
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
