/**
 * The fitted configurations (lib/match/models/*.json, written by `npm run match:train`), and which one a
 * pair of records is scored with when none is named.
 *
 * The app imports only `zh` (via matcher.ts); the English ones are for the benchmarks and the CLI, and
 * are loaded on first use so the app's server bundle does not carry them.
 */
import zh from './models/zh.json';
import { PairScorer, type MatcherModel } from './model';
import type { ListingRecord } from './listing';

export const MODEL_NAMES = ['zh', 'amazon-google', 'walmart-amazon'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];

const scorers = new Map<ModelName, PairScorer>();

export function zhScorer(): PairScorer {
  let s = scorers.get('zh');
  if (!s) scorers.set('zh', (s = new PairScorer(zh as MatcherModel)));
  return s;
}

/** Loads a configuration by name (the English ones with a dynamic import). */
export async function loadScorer(name: ModelName): Promise<PairScorer> {
  const cached = scorers.get(name);
  if (cached) return cached;
  const model =
    name === 'zh'
      ? (zh as MatcherModel)
      : name === 'amazon-google'
        ? ((await import('./models/amazon-google.json')).default as MatcherModel)
        : ((await import('./models/walmart-amazon.json')).default as MatcherModel);
  const scorer = new PairScorer(model);
  scorers.set(name, scorer);
  return scorer;
}

const CJK = /[\u3400-\u9fff]/;
const text = (r: ListingRecord, k: string) => (typeof r[k] === 'string' ? (r[k] as string) : '');

/**
 * The configuration for a pair when none is named: Chinese titles → zh (the app's); records with a
 * `manufacturer` field (the Amazon-Google schema) → amazon-google; any other English records →
 * walmart-amazon (fitted on the broader, brand-and-model-number kind of listing).
 */
export function modelFor(left: ListingRecord, right: ListingRecord): ModelName {
  const title = `${text(left, 'title')}${text(left, 'name')}${text(right, 'title')}${text(right, 'name')}`;
  if (CJK.test(title)) return 'zh';
  if ('manufacturer' in left || 'manufacturer' in right) return 'amazon-google';
  return 'walmart-amazon';
}
