/**
 * Seeded pseudo-randomness for deterministic data: the sandbox's catalogue and prices, the matcher's Chinese
 * test pairs and training augmentation. Two runs, and two machines, see the same numbers. Not for secrets.
 */

/** A source of uniformly distributed numbers in [0, 1). */
export type Rng = () => number;

/** mulberry32: tiny, fast, good enough for test data (not for cryptography). */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** True with probability `p`. */
export function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}

/** One element of a non-empty array. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick() from an empty array');
  return items[Math.floor(rng() * items.length)] as T;
}
