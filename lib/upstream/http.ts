/**
 * The one transport both upstream clients use: fetch with a timeout, and every failure normalised into an
 * UpstreamError so callers (and later the retry/breaker layer) reason about one error type.
 */
import type { z } from 'zod';
import { errorBrand } from '../brand';

export type UpstreamName = 'weidian' | 'price-api';
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export type UpstreamErrorKind =
  | 'timeout' // no answer within the budget
  | 'network' // connection refused / reset / DNS
  | 'http' // non-2xx status
  | 'malformed' // body is not JSON or not the documented shape
  | 'api' // a well-formed business error (e.g. Weidian status_code ≠ 0)
  | 'unavailable'; // not even tried: the circuit breaker is open

const upstreamErrorBrand = errorBrand('UpstreamError');

export class UpstreamError extends Error {
  /** By brand, not prototype: the upstream clients are shared by separately bundled code (lib/brand.ts). */
  static [Symbol.hasInstance](value: unknown): value is UpstreamError {
    return upstreamErrorBrand.test(value);
  }
  readonly upstream: UpstreamName;
  readonly kind: UpstreamErrorKind;
  readonly status: number | undefined;
  /** Upstream's own error code (Weidian status_code, price API error.code), when it gave one. */
  readonly code: string | undefined;
  /** The upstream's Retry-After, in ms, when it sent one. */
  readonly retryAfterMs: number | undefined;
  constructor(upstream: UpstreamName, kind: UpstreamErrorKind, message: string, opts: { status?: number; code?: string; cause?: unknown; retryAfterMs?: number } = {}) {
    super(`${upstream}: ${message}`, { cause: opts.cause });
    upstreamErrorBrand.mark(this);
    this.name = 'UpstreamError';
    this.upstream = upstream;
    this.kind = kind;
    this.status = opts.status;
    this.code = opts.code;
    this.retryAfterMs = opts.retryAfterMs;
  }
}

/** Retry-After as seconds or an HTTP date → ms from now; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export interface TransportOptions {
  upstream: UpstreamName;
  fetch: FetchLike;
  /** Per attempt. */
  timeoutMs: number;
  /** Aborts the attempt early (the resilience policy's overall deadline). */
  signal?: AbortSignal;
  /** Bodies larger than this are refused unread (default 8 MiB): a broken or hostile upstream cannot fill memory. */
  maxBodyBytes?: number;
}

export const DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024;

class BodyTooLargeError extends Error {}

/** Reads a body as UTF-8 text, giving up as soon as it passes `max` bytes. */
async function readCapped(response: Response, max: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) throw new BodyTooLargeError();
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError();
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/**
 * A signal that aborts after `ms` (a TimeoutError), or when `parent` does. Our own timer, not
 * `AbortSignal.any([parent, AbortSignal.timeout(ms)])`: on Node 20 the timeout signal is held only weakly
 * inside `any`, and a garbage collection before it fires loses it, so a hanging upstream was never timed
 * out (nodejs/node#57736; tests/unit/upstream-deadline.test.ts forces the collection). `done` clears the
 * timer once the answer is in.
 */
export function deadlineSignal(ms: number, parent?: AbortSignal): { signal: AbortSignal; done: () => void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException(`no answer within ${ms} ms`, 'TimeoutError')), ms);
  return { signal: parent ? AbortSignal.any([parent, controller.signal]) : controller.signal, done: () => clearTimeout(timer) };
}

/**
 * A fetch answered by an in-process handler (the embedded sandbox, tests), honouring the caller's abort.
 * The handler cannot be trusted to see it: undici's Request follows `init.signal` only weakly, and a
 * garbage collection loses the link (nodejs/undici#4068), so a handler waiting on `request.signal` (the
 * sandbox's hang fault) would wait for ever and the call with it. The caller's signal is raced here.
 */
export function inProcessFetch(handler: (request: Request) => Promise<Response>): FetchLike {
  return (input, init) => {
    const signal = init?.signal ?? undefined;
    if (signal?.aborted) return Promise.reject(signal.reason);
    const answer = handler(new Request(input, init));
    if (!signal) return answer;
    return new Promise<Response>((resolve, reject) => {
      const onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      answer.then(
        (response) => (signal.removeEventListener('abort', onAbort), resolve(response)),
        (error: unknown) => (signal.removeEventListener('abort', onAbort), reject(error)),
      );
    });
  };
}

/**
 * Sends one request and parses its JSON body with `schema`. Non-2xx answers are handed to `onHttpError`
 * first (to read the upstream's error envelope), then become an 'http' UpstreamError.
 */
export async function requestJson<S extends z.ZodType>(
  opts: TransportOptions,
  url: string,
  init: RequestInit,
  schema: S,
  onHttpError?: (status: number, body: unknown, retryAfterMs: number | undefined) => UpstreamError | undefined,
): Promise<z.output<S>> {
  const deadline = deadlineSignal(opts.timeoutMs, opts.signal);
  const { signal } = deadline;
  let response: Response;
  let text: string;
  try {
    response = await opts.fetch(url, { ...init, signal, cache: 'no-store' });
    text = await readCapped(response, opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
  } catch (cause) {
    if (cause instanceof BodyTooLargeError) throw new UpstreamError(opts.upstream, 'malformed', 'response body too large');
    const timedOut = signal.aborted || (cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError'));
    throw timedOut
      ? new UpstreamError(opts.upstream, 'timeout', `no answer within ${opts.timeoutMs} ms`, { cause })
      : new UpstreamError(opts.upstream, 'network', 'connection failed', { cause });
  } finally {
    deadline.done();
  }
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch (cause) {
    if (!response.ok) throw new UpstreamError(opts.upstream, 'http', `HTTP ${response.status}`, { status: response.status, cause });
    throw new UpstreamError(opts.upstream, 'malformed', 'response is not JSON', { status: response.status, cause });
  }
  if (!response.ok) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    throw onHttpError?.(response.status, body, retryAfterMs) ?? new UpstreamError(opts.upstream, 'http', `HTTP ${response.status}`, { status: response.status, retryAfterMs });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || '(root)';
    throw new UpstreamError(opts.upstream, 'malformed', `unexpected response shape at ${where}`, { status: response.status, cause: parsed.error });
  }
  return parsed.data;
}
