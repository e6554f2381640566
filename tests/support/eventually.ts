/**
 * Reads until `done(value)` holds or `timeoutMs` passes, and returns the last value read (for the test's
 * own assertion to judge). For state that follows an answer rather than precedes it: the request that
 * computes a cache entry answers before the entry's write to Redis is done (lib/cache/cache.ts).
 */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 2000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > end) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
