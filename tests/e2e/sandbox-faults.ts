/**
 * The embedded sandbox's fault control (docs/sandbox-faults.md; the e2e server runs with SANDBOX_FAULTS=1),
 * shared by the specs that make an upstream fail. Not a spec: Playwright only runs files named *.spec.ts.
 */
import { expect, type APIRequestContext } from '@playwright/test';

export type FaultPlan = { errorRate?: number; malformedRate?: number; wrongSchemaRate?: number; hangRate?: number; latencyMs?: number };

/** The whole fault configuration (an upstream left out has none). */
export async function setFaults(request: APIRequestContext, plans: { weidian?: FaultPlan; price?: FaultPlan }) {
  const res = await request.post('/sandbox/__faults', { data: { ...plans, resetCounters: true } });
  expect(res.ok(), 'fault control is on (SANDBOX_FAULTS=1)').toBe(true);
}

/**
 * Until both upstreams answer again. A failing spell may have opened a circuit breaker (half-open after
 * 10 s); /api/health probes through the same clients, so its first success closes it. Only a round of
 * probes started after this call counts: /api/health answers from one round for 5 s, and an "ok" from
 * before the faults (which closes nothing) made the next request meet the open breaker (a flaky 503).
 */
export async function untilHealthy(request: APIRequestContext) {
  const since = Date.now(); // the server runs on this machine: one clock
  await expect
    .poll(
      async () => {
        const health = (await (await request.get('/api/health')).json()) as { status: string; checkedAt: string };
        return Date.parse(health.checkedAt) >= since ? health.status : `stale round (${health.status})`;
      },
      { timeout: 20_000, intervals: [250] },
    )
    .toBe('ok');
}
