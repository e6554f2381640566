/** The pages' data loading logs under the request id the proxy put on the request (lib/http/page-context.ts). */
import { describe, expect, it, vi } from 'vitest';
import { captureLogs } from '../support/capture-logs';
import { moduleLogger } from '@/lib/log';

let requestHeaders = new Headers();
vi.mock('next/headers', () => ({ headers: async () => requestHeaders }));

describe('inPageRequest', () => {
  it('runs the load with the request id, and without one when the proxy gave none', async () => {
    const { inPageRequest } = await import('@/lib/http/page-context');
    const logs = captureLogs();
    try {
      requestHeaders = new Headers({ 'x-request-id': 'page-req-0001' });
      const value = await inPageRequest(async () => {
        await new Promise((r) => setTimeout(r, 1));
        moduleLogger('cache').warn('inside');
        return 42;
      });
      expect(value).toBe(42);
      requestHeaders = new Headers();
      await inPageRequest(async () => moduleLogger('cache').warn('no id'));
      expect(logs.lines.map((l) => [l.msg, l.requestId])).toEqual([
        ['inside', 'page-req-0001'],
        ['no id', undefined],
      ]);
    } finally {
      logs.restore();
    }
  });
});
