/**
 * Retries, one total deadline and a circuit breaker per upstream, from cockatiel (a kept library) rather than
 * a hand-written loop. The one part written here is the backoff: exponential with *full* jitter (a uniformly
 * random wait in [0, min(cap, base·2^attempt)], so many clients retrying at once spread out instead of
 * arriving in waves) that honours an upstream's Retry-After; cockatiel ships only decorrelated jitter.
 *
 * What is retried: timeouts, connection errors, HTTP 5xx and 429, and Weidian's 60001 — never a signature
 * error or any other 4xx, and never a malformed answer (asking again would not fix it). Callers use this for
 * reads only (item.list/item.get, trade/list, offer search/batch); the OAuth token endpoint is never retried,
 * because spending a code or a rotating refresh token twice is not idempotent.
 */
import {
  BrokenCircuitError,
  circuitBreaker,
  ConsecutiveBreaker,
  handleWhen,
  retry,
  TaskCancelledError,
  timeout,
  TimeoutStrategy,
  wrap,
  type IBackoff,
  type IBackoffFactory,
  type IRetryBackoffContext,
} from 'cockatiel';
import { UpstreamError, type UpstreamName } from './http';

export interface ResilienceOptions {
  upstream: UpstreamName;
  /** Attempts in all, the first included (default 6: at 30 % independent rate limiting a read still fails only 0.07 % of the time; the deadline bounds the total). */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** One deadline for the whole call, retries and waits included. */
  deadlineMs: number;
  /** Consecutive failed calls (timeouts, connection errors, 5xx, after their retries) that open the breaker. */
  breakerThreshold?: number;
  /** How long an open breaker fails fast before letting one probe through (half-open). */
  halfOpenAfterMs?: number;
  random?: () => number;
}

export const RESILIENCE_DEFAULTS = { maxAttempts: 6, baseDelayMs: 100, maxDelayMs: 2000, breakerThreshold: 5, halfOpenAfterMs: 10_000 } as const;

/** Worth asking again: the upstream was slow, unreachable, overloaded or rate-limiting us. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof UpstreamError)) return false;
  if (error.kind === 'timeout' || error.kind === 'network') return true;
  if (error.kind === 'http') return error.status === 429 || (error.status !== undefined && error.status >= 500);
  return error.kind === 'api' && error.code === '60001';
}

/** Counts against the breaker: the upstream is failing (not: we sent something it refused). */
function isOutage(error: Error): boolean {
  return error instanceof UpstreamError && (error.kind === 'timeout' || error.kind === 'network' || (error.kind === 'http' && (error.status ?? 0) >= 500));
}

class FullJitterBackoff implements IBackoffFactory<IRetryBackoffContext<unknown>> {
  constructor(
    private readonly base: number,
    private readonly cap: number,
    private readonly random: () => number,
    private readonly attempt = 0,
  ) {}

  next(context: IRetryBackoffContext<unknown>): IBackoff<IRetryBackoffContext<unknown>> {
    const error = 'error' in context.result ? context.result.error : undefined;
    const retryAfter = error instanceof UpstreamError ? error.retryAfterMs : undefined;
    const ceiling = Math.min(this.cap, this.base * 2 ** this.attempt);
    // Retry-After is the upstream telling us when; otherwise a random point below the growing ceiling.
    const duration = retryAfter !== undefined ? Math.min(retryAfter, this.cap) : Math.floor(this.random() * ceiling);
    const following = new FullJitterBackoff(this.base, this.cap, this.random, this.attempt + 1);
    return { duration, next: (ctx) => following.next(ctx) };
  }
}

export interface UpstreamPolicy {
  /** Runs `attempt` under retry + breaker + deadline; `signal` aborts when the deadline passes. */
  execute<T>(attempt: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** 'closed' | 'open' | 'half-open' | 'isolated', for /api/health. */
  readonly state: string;
}

export function createUpstreamPolicy(options: ResilienceOptions): UpstreamPolicy {
  const o = { ...RESILIENCE_DEFAULTS, random: Math.random, ...options };
  const retries = retry(handleWhen(isRetryable), { maxAttempts: o.maxAttempts - 1, backoff: new FullJitterBackoff(o.baseDelayMs, o.maxDelayMs, o.random) });
  const breaker = circuitBreaker(handleWhen(isOutage), { halfOpenAfter: o.halfOpenAfterMs, breaker: new ConsecutiveBreaker(o.breakerThreshold) });
  const deadline = timeout(o.deadlineMs, TimeoutStrategy.Aggressive);
  // Outermost first: the deadline covers every attempt and wait; the breaker sees a whole call (after its
  // retries) as one success or failure, so an open breaker fails the next call at once and a call's own
  // retries never run into it.
  const policy = wrap(deadline, breaker, retries);
  const stateNames = ['closed', 'open', 'half-open', 'isolated'];

  return {
    get state() {
      return stateNames[breaker.state] ?? String(breaker.state);
    },
    async execute(attempt) {
      try {
        return await policy.execute(({ signal }) => attempt(signal));
      } catch (error) {
        if (error instanceof BrokenCircuitError) {
          throw new UpstreamError(o.upstream, 'unavailable', 'circuit open: failing fast', { cause: error });
        }
        if (error instanceof TaskCancelledError) {
          throw new UpstreamError(o.upstream, 'timeout', `no answer within the ${o.deadlineMs} ms deadline`, { cause: error });
        }
        throw error;
      }
    },
  };
}
