import 'server-only';

import { z } from 'zod';

import type { SandboxApi, SandboxFaultInjector } from './handler';
import { jsonResponse } from './http';
import { rngFor, type Rng } from './random';

/**
 * Fault injection for the sandbox (docs/sandbox-faults.md): latency, rate limiting, 5xx, hangs, connection
 * resets, malformed JSON and wrong-schema answers, planned per upstream and decided by a seeded PRNG, so a
 * test sees the same sequence of outcomes on every run. Test and sandbox mode only: nothing here is reachable
 * from a real upstream (the sandbox itself is 404 outside sandbox mode).
 */

const rate = z.number().min(0).max(1);

export const faultPlanSchema = z
  .object({
    /** Seed of this upstream's PRNG (default 1). Setting a plan restarts the sequence from it. */
    seed: z.number().int().optional(),
    /** Added before every answer (faulty or not), ms. */
    latencyMs: z.number().min(0).max(60_000).optional(),
    /** Up to this much more latency, uniformly drawn, ms. */
    jitterMs: z.number().min(0).max(60_000).optional(),
    /** Weidian 60001 (HTTP 200 envelope) / price API 429 rate_limited with Retry-After: 1. */
    rateLimitRate: rate.optional(),
    /** HTTP 503 in the endpoint's own error shape. */
    errorRate: rate.optional(),
    /** No answer until the client gives up (request.signal aborts). */
    hangRate: rate.optional(),
    /** Connection reset: the standalone server destroys the socket; in-process, fetch rejects with a TypeError. */
    resetRate: rate.optional(),
    /** HTTP 200, content-type JSON, body not JSON. */
    malformedRate: rate.optional(),
    /** HTTP 200, valid JSON of the wrong shape. */
    wrongSchemaRate: rate.optional(),
  })
  .strict()
  .refine((plan) => FAULT_KINDS.reduce((sum, kind) => sum + (plan[RATE_KEY[kind]] ?? 0), 0) <= 1 + 1e-9, {
    message: 'the fault rates must add up to at most 1',
  });

export type FaultPlan = z.input<typeof faultPlanSchema>;

export const controlBodySchema = z
  .object({
    weidian: faultPlanSchema.optional(),
    price: faultPlanSchema.optional(),
    /** Also zero the counters (DELETE does both). */
    resetCounters: z.boolean().optional(),
  })
  .strict();

export type FaultKind = 'rateLimited' | 'error' | 'hang' | 'reset' | 'malformed' | 'wrongSchema';
export type FaultOutcome = 'ok' | FaultKind;

/** Fixed order in which the rates are stacked on [0, 1): part of the determinism contract. */
const FAULT_KINDS: readonly FaultKind[] = ['rateLimited', 'error', 'hang', 'reset', 'malformed', 'wrongSchema'];
const RATE_KEY = {
  rateLimited: 'rateLimitRate',
  error: 'errorRate',
  hang: 'hangRate',
  reset: 'resetRate',
  malformed: 'malformedRate',
  wrongSchema: 'wrongSchemaRate',
} as const;

export type FaultCounts = { calls: number } & Record<FaultOutcome, number>;
export type FaultCounters = Record<SandboxApi, FaultCounts>;

export interface FaultController {
  /** Pass as the handler's fault injector (createSandboxHandler does so itself with `faultControl`). */
  injector: SandboxFaultInjector;
  /** Replaces one upstream's plan (validated; throws on a bad one) and restarts its PRNG from the plan's seed. */
  set(api: SandboxApi, plan: FaultPlan): void;
  /** No faults anywhere, counters back to zero. */
  clear(): void;
  /** Live counters: calls that reached the injector, by upstream and outcome. */
  readonly counters: FaultCounters;
  /** The plans in force. */
  plans(): Partial<Record<SandboxApi, FaultPlan>>;
  /** The control endpoint (`GET`/`POST`/`DELETE …/__faults`). */
  handleControl(request: Request): Promise<Response>;
}

/* ---------- transport-level faults: errors the handler must let through instead of answering 500 ---------- */

const transportFaults = new WeakMap<object, 'reset' | 'aborted'>();

/** 'reset' for an injected connection reset, 'aborted' for a request its client gave up on; else undefined. */
export function transportFaultKind(error: unknown): 'reset' | 'aborted' | undefined {
  return typeof error === 'object' && error !== null ? transportFaults.get(error) : undefined;
}

function connectionReset(): TypeError {
  // What undici's fetch rejects with when the peer resets the connection.
  const cause = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', errno: -104, syscall: 'read' });
  const error = new TypeError('fetch failed', { cause });
  transportFaults.set(error, 'reset');
  return error;
}

function abortError(signal: AbortSignal): unknown {
  const reason: unknown = signal.reason;
  const error = typeof reason === 'object' && reason !== null ? reason : new DOMException('This operation was aborted', 'AbortError');
  transportFaults.set(error, 'aborted');
  return error;
}

/** Resolves after `ms`, or rejects (with an 'aborted' transport fault) as soon as `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortError(signal));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    const timer = ms === Infinity ? undefined : setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/* ---------- the faulty answers, in each endpoint's own shape ---------- */

type Endpoint = 'weidian-envelope' | 'weidian-token' | 'price';

function endpointOf(api: SandboxApi, pathname: string): Endpoint | undefined {
  if (api === 'price') return 'price';
  if (pathname.endsWith('/oauth2/token')) return 'weidian-token';
  // The consent pages are for a browser, not an API client: never faulted.
  if (pathname.endsWith('/oauth2') || pathname.endsWith('/oauth2/consent')) return undefined;
  return 'weidian-envelope';
}

function faultResponse(kind: Exclude<FaultKind, 'hang' | 'reset'>, endpoint: Endpoint): Response {
  const envelope = (code: number, reason: string) => ({ status: { status_code: code, status_reason: reason }, result: null });
  switch (kind) {
    case 'rateLimited':
      if (endpoint === 'weidian-envelope') return jsonResponse(envelope(60001, 'rate limit exceeded'));
      if (endpoint === 'weidian-token') {
        return jsonResponse({ error: 'temporarily_unavailable', error_description: 'rate limit exceeded' }, 429, { 'retry-after': '1', pragma: 'no-cache' });
      }
      return jsonResponse({ error: { code: 'rate_limited', message: 'rate limit exceeded' } }, 429, { 'retry-after': '1' });
    case 'error':
      if (endpoint === 'weidian-envelope') return jsonResponse(envelope(90001, 'service unavailable'), 503);
      if (endpoint === 'weidian-token') return jsonResponse({ error: 'temporarily_unavailable', error_description: 'service unavailable' }, 503);
      return jsonResponse({ error: { code: 'internal', message: 'service unavailable' } }, 503);
    case 'malformed':
      // A truncated body, as from a proxy that cut the answer short.
      return new Response(endpoint === 'price' ? '{"offers": [{"offer_id": "' : '{"status": {"status_code": 0, "status_re', {
        status: 200,
        headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
      });
    case 'wrongSchema':
      // Valid JSON, but another API's shape (as from a misrouted gateway).
      return jsonResponse(endpoint === 'price' ? { data: [{ id: 1 }], next: null, results: 'none' } : { code: 0, msg: 'ok', data: { list: [] } });
  }
}

/* ---------- the injector ---------- */

const emptyCounts = (): FaultCounts => ({ calls: 0, ok: 0, rateLimited: 0, error: 0, hang: 0, reset: 0, malformed: 0, wrongSchema: 0 });

interface Active {
  plan: z.output<typeof faultPlanSchema>;
  outcomes: Rng;
  jitter: Rng;
}

export function createFaultInjector(): FaultController {
  const active: Partial<Record<SandboxApi, Active>> = {};
  const counters: FaultCounters = { weidian: emptyCounts(), price: emptyCounts() };

  const set = (api: SandboxApi, plan: FaultPlan): void => {
    const parsed = faultPlanSchema.parse(plan);
    const seed = parsed.seed ?? 1;
    active[api] = { plan: parsed, outcomes: rngFor(seed, `faults:${api}:outcome`), jitter: rngFor(seed, `faults:${api}:jitter`) };
  };
  const clearPlans = (): void => {
    delete active.weidian;
    delete active.price;
  };
  const resetCounters = (): void => {
    Object.assign(counters.weidian, emptyCounts());
    Object.assign(counters.price, emptyCounts());
  };

  const decide = (a: Active): FaultOutcome => {
    // Exactly one draw per call, whatever the outcome, so the sequence depends on the seed and call index only.
    const u = a.outcomes();
    let edge = 0;
    for (const kind of FAULT_KINDS) {
      edge += a.plan[RATE_KEY[kind]] ?? 0;
      if (u < edge) return kind;
    }
    return 'ok';
  };

  const injector: SandboxFaultInjector = async ({ api, request }) => {
    const endpoint = endpointOf(api, new URL(request.url).pathname);
    if (!endpoint) return undefined;
    const a = active[api];
    const outcome = a ? decide(a) : 'ok';
    const counts = counters[api];
    counts.calls++;
    counts[outcome]++;
    if (!a) return undefined;

    const delay = (a.plan.latencyMs ?? 0) + (a.plan.jitterMs ? a.jitter() * a.plan.jitterMs : 0);
    if (delay > 0) await sleep(delay, request.signal);
    switch (outcome) {
      case 'ok':
        return undefined;
      case 'hang':
        await sleep(Infinity, request.signal);
        return undefined; // unreachable: sleep(Infinity) only ever rejects
      case 'reset':
        throw connectionReset();
      default:
        return faultResponse(outcome, endpoint);
    }
  };

  const snapshot = () => ({ plans: plans(), counters });
  const plans = () => ({
    ...(active.weidian ? { weidian: active.weidian.plan } : {}),
    ...(active.price ? { price: active.price.plan } : {}),
  });

  const handleControl = async (request: Request): Promise<Response> => {
    if (request.method === 'GET') return jsonResponse(snapshot());
    if (request.method === 'DELETE') {
      clearPlans();
      resetCounters();
      return jsonResponse(snapshot());
    }
    if (request.method !== 'POST') {
      return jsonResponse({ error: { code: 'method_not_allowed', message: 'use GET, POST or DELETE' } }, 405, { allow: 'GET, POST, DELETE' });
    }
    let body: unknown;
    try {
      body = JSON.parse(await request.text());
    } catch {
      return jsonResponse({ error: { code: 'invalid_request', message: 'body must be JSON' } }, 400);
    }
    const parsed = controlBodySchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return jsonResponse({ error: { code: 'invalid_request', message: `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` } }, 400);
    }
    // The body is the whole configuration: an upstream it leaves out has no faults.
    clearPlans();
    if (parsed.data.weidian) set('weidian', parsed.data.weidian);
    if (parsed.data.price) set('price', parsed.data.price);
    if (parsed.data.resetCounters) resetCounters();
    return jsonResponse(snapshot());
  };

  return {
    injector,
    set,
    clear: () => {
      clearPlans();
      resetCounters();
    },
    counters,
    plans,
    handleControl,
  };
}

/**
 * Whether the embedded sandbox exposes the control endpoint: outside production, or with SANDBOX_FAULTS=1.
 * (The embedded sandbox exists in sandbox mode only; the standalone server always has it.)
 */
export function faultControlEnabledByEnv(env: Record<string, string | undefined> = process.env): boolean {
  return env.NODE_ENV !== 'production' || env.SANDBOX_FAULTS === '1';
}
