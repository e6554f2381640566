/**
 * Structured logs: one JSON object per line (pino) on stdout, which Vercel and any log drain read as is.
 *
 * Lines written while a request is handled carry its `requestId` (see withRequestId): the id comes from the
 * proxy (`x-request-id`, set on every request, lib/http/request-id.ts), is kept in an AsyncLocalStorage for
 * the call tree of the proxy's work, of each route handler (lib/http/request-context.ts) and of the pages'
 * data loading (lib/http/page-context.ts), and is added to each line by pino's `mixin`, so library code
 * (cache, quotas, clients) logs without passing it around.
 *
 * No PII, no secrets: callers log ids and counts, never buyers' data; as a second line of defence the keys
 * below are redacted wherever they appear in a logged object.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type DestinationStream, type Logger } from 'pino';

type RequestContext = { requestId: string };

/** Key names whose values never reach a log line (buyers' data, credentials), at any depth up to two. */
export const REDACTED_KEYS = [
  'phone', 'mobile', 'buyerPhone', 'buyerName', 'address', 'receiverAddress', 'receiverName', 'receiverPhone',
  'accessToken', 'refreshToken', 'access_token', 'refresh_token', 'token', 'secret', 'appSecret', 'password',
  'authorization', 'cookie', 'sign',
] as const;

const REDACTED = new Set<string>(REDACTED_KEYS);
const CENSOR = '[redacted]';

/**
 * The logged object with the value of every REDACTED key, at depth 0 to 2, replaced; the caller's object is
 * never changed (copies are made only where a key is censored). Our own rather than pino's `redact`: with
 * the wildcard paths this needs (`*.phone`, `*.*.phone`) that cost ~55 µs a line, more than the rest of a
 * warm API answer (bench/RESULTS.md, figure a); this costs about 1 µs.
 */
export function redactKeys<T>(value: T, depth = 2): T {
  if (value === null || typeof value !== 'object' || value instanceof Error) return value;
  if (Array.isArray(value)) {
    if (depth === 0) return value;
    let copy: unknown[] | undefined;
    value.forEach((v, i) => {
      const next = redactKeys(v, depth - 1);
      if (next !== v) (copy ??= [...value])[i] = next;
    });
    return (copy ?? value) as T;
  }
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(value)) {
    const next = REDACTED.has(k) ? CENSOR : depth > 0 ? redactKeys(v, depth - 1) : v;
    if (next !== v) (out ??= { ...(value as Record<string, unknown>) })[k] = next;
  }
  return (out ?? value) as T;
}

function defaultLevel(env: NodeJS.ProcessEnv): string {
  if (env.LOG_LEVEL) return env.LOG_LEVEL;
  return env.VITEST ? 'silent' : 'info';
}

type Globals = { __bijiaLogContext?: AsyncLocalStorage<RequestContext>; __bijiaLogger?: Logger };
const g = globalThis as Globals;

/**
 * One context store and one logger per process, kept on globalThis: the proxy's bundle and the pages' share
 * them, and hot reload does not stack loggers.
 */
const context = (g.__bijiaLogContext ??= new AsyncLocalStorage<RequestContext>());

/**
 * Where the process's lines go: stdout, written asynchronously off Vercel. A synchronous write per line
 * held the thread for every request line (bench/RESULTS.md, figure a); written asynchronously (sonic-boom),
 * lines are sent as soon as the previous write is done, those logged meanwhile together. Pino flushes
 * them when the process exits. On Vercel a function may be frozen right after its answer, with lines still
 * in the buffer, so there each line is written as it comes (pino's default).
 */
export function defaultDestination(env: Readonly<Record<string, string | undefined>> = process.env): DestinationStream | undefined {
  if (env.VERCEL === '1') return undefined;
  return pino.destination({ dest: 1, sync: false, minLength: 0 });
}

/** A logger with Bijia's format, redaction and request ids, writing to `destination` (stdout by default). */
export function createLogger(destination: DestinationStream | undefined = defaultDestination(), level: string = defaultLevel(process.env)): Logger {
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }), log: (object) => redactKeys(object) },
      mixin: () => {
        const c = context.getStore();
        return c ? { requestId: c.requestId } : {};
      },
    },
    destination,
  );
}

/** The process's logger. `log.child({ module: 'cache' })` for a module's own lines. */
export function getLogger(): Logger {
  return (g.__bijiaLogger ??= createLogger());
}

const children = new Map<string, { parent: Logger; child: Logger }>();

/**
 * A module's logger: every line says which part of the app wrote it. Made once per module (a pino child
 * copies its bindings and redaction set-up, too dear for every request line: bench/RESULTS.md, figure a).
 */
export function moduleLogger(module: string): Logger {
  const parent = getLogger();
  const known = children.get(module);
  if (known?.parent === parent) return known.child;
  const child = parent.child({ module });
  children.set(module, { parent, child });
  return child;
}

/** Runs `fn` with `requestId` on every log line it (and everything it calls) writes. */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return context.run({ requestId }, fn);
}

/** The id of the request being handled, when there is one. */
export function currentRequestId(): string | undefined {
  return context.getStore()?.requestId;
}
