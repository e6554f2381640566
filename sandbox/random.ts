import 'server-only';

/**
 * Seeded pseudo-randomness for the sandbox. Everything the sandbox invents (catalogue, prices, ages) comes from
 * here so that two runs — and two machines — see exactly the same data. Never use Math.random in sandbox code.
 */

import { mulberry32, type Rng } from '../lib/random';

export { chance, mulberry32, pick, type Rng } from '../lib/random';

/**
 * A 32-bit FNV-1a hash of a string. Used to derive independent, stable sub-seeds ("seed for item X") so that
 * adding a product line does not reshuffle every other line's data.
 */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** An Rng seeded from a base seed and a label, e.g. `rngFor(SEED, 'offers:iphone16pro-256gb-black')`. */
export function rngFor(seed: number, label: string): Rng {
  return mulberry32(hashString(`${seed}:${label}`));
}

/** Integer in [min, max], both inclusive. */
export function intBetween(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}


/** A shuffled copy (Fisher–Yates). */
export function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** `count` digits as a string, the first one non-zero (so the value keeps its width). */
export function digits(rng: Rng, count: number): string {
  let out = String(intBetween(rng, 1, 9));
  for (let i = 1; i < count; i++) out += String(intBetween(rng, 0, 9));
  return out;
}
