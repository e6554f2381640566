/** Every key Bijia writes to Redis starts with this, so one deployment's keys are easy to find and to drop. */

/** Bump when a cached shape changes, so old entries are never read as new ones. */
export const CACHE_VERSION = 'v1';
export const cacheKey = (...parts: string[]) => `bijia:${CACHE_VERSION}:${parts.join(':')}`;
