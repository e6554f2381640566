/** The committed Chinese evaluation set is exactly what its generator writes, and has the pairs it promises. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateZhPairs } from '@/scripts/gen-zh-pairs';
import { parsePairLine } from '@/scripts/lib/pairs';

const file = resolve(__dirname, '../fixtures/matching/zh-pairs.jsonl');

describe('tests/fixtures/matching/zh-pairs.jsonl', () => {
  const text = readFileSync(file, 'utf8');

  it('is what scripts/gen-zh-pairs.ts generates (run npm run match:gen-zh after changing it)', () => {
    expect(text).toBe(`${generateZhPairs().map((p) => JSON.stringify(p)).join('\n')}\n`);
  });

  it('has ≥ 300 labelled pairs in the datasets format, with hard negatives of every variant kind', () => {
    const pairs = text.trimEnd().split('\n').map((l, i) => ({ ...parsePairLine(l, i + 1), kind: (JSON.parse(l) as { kind: string }).kind }));
    expect(pairs.length).toBeGreaterThanOrEqual(300);
    expect(new Set(pairs.map((p) => p.id)).size).toBe(pairs.length);
    expect(pairs.every((p) => typeof p.match === 'boolean' && typeof p.left.title === 'string')).toBe(true);
    const positives = pairs.filter((p) => p.match).length;
    expect(positives / pairs.length).toBeGreaterThan(0.3);
    expect(positives / pairs.length).toBeLessThan(0.7);
    const variantKinds = new Set(pairs.filter((p) => p.kind.startsWith('variant:')).map((p) => p.kind));
    for (const k of ['capacity', 'colour', 'size', 'pack', 'model', 'stage', 'flavour', 'edition']) expect(variantKinds).toContain(`variant:${k}`);
    for (const k of ['rival', 'brand', 'part']) expect(pairs.some((p) => p.kind === k)).toBe(true);
  });
});
