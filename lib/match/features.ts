/**
 * The numbers a classifier sees for one pair of listings. Pure; the same function serves the app's
 * Chinese listings and the English benchmarks. Each feature is documented where it is computed; "-1"
 * means "not known" (e.g. a price missing on one side), which the trees treat as a value of its own.
 */
import type { Listing } from './listing';
import { compareSpecs, type SpecComparison } from './specs';

/** Document frequencies of word tokens over a training corpus of listings. */
export interface TokenStats {
  /** Number of listings counted. */
  n: number;
  df: Record<string, number>;
}

/** Inverse document frequency, smoothed; a token never seen in training counts as the rarest. */
export class Idf {
  private readonly table = new Map<string, number>();
  private readonly unseen: number;
  constructor(stats: TokenStats) {
    this.unseen = Math.log(stats.n + 1) + 1;
    for (const [t, df] of Object.entries(stats.df)) this.table.set(t, Math.log((stats.n + 1) / (df + 1)) + 1);
  }
  of(token: string): number {
    return this.table.get(token) ?? this.unseen;
  }

  private readonly perListing = new WeakMap<Listing, ListingWeights>();

  /** The IDF of each of a listing's tokens and their sums, worked out once per listing rather than per pair. */
  weightsOf(listing: Listing): ListingWeights {
    let w = this.perListing.get(listing);
    if (!w) {
      const of = Float64Array.from(listing.tokens, (t) => this.of(t));
      let mass = 0;
      let sq = 0;
      for (const x of of) {
        mass += x;
        sq += x * x;
      }
      this.perListing.set(listing, (w = { of, mass, sq }));
    }
    return w;
  }
}

interface ListingWeights {
  /** IDF of tokens[i]. */
  of: Float64Array;
  mass: number;
  sq: number;
}

export function tokenStats(listings: Iterable<Listing>, minDf = 1): TokenStats {
  let n = 0;
  const df: Record<string, number> = {};
  for (const l of listings) {
    n++;
    for (const t of l.tokens) df[t] = (df[t] ?? 0) + 1;
  }
  for (const t of Object.keys(df)) if (df[t]! < minDf) delete df[t];
  return { n, df: Object.fromEntries(Object.entries(df).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
}

export const FEATURE_NAMES = [
  'tfidf_cosine', // cosine of binary TF-IDF word vectors
  'idf_overlap_min', // IDF mass of shared tokens / IDF mass of the smaller side
  'idf_overlap_max', // … / of the larger side
  'jaccard', // plain token Jaccard
  'bigram_dice', // character-bigram Dice
  'bigram_overlap', // character-bigram overlap coefficient
  'unshared_idf_max', // largest IDF of a token only one side has
  'unshared_idf_sum_a', // IDF mass only on the left
  'unshared_idf_sum_b', // IDF mass only on the right
  'model_hit', // length of the longest model code of one side found in the other's compact text (0: none)
  'model_state', // 1 a code agrees; -1 both state codes and none agrees; 0 otherwise
  'modelno_equal', // 1 both modelno fields equal, -1 both present and different, 0 otherwise
  'brand_state', // 1 brand fields agree, -1 differ, 0.5 one's brand appears in the other's title, 0 unknown
  'price_log_ratio', // |ln(pa/pb)|, -1 when a price is missing
  'numbers_shared',
  'numbers_only_a',
  'numbers_only_b',
  'spec_conflicts', // number of spec kinds both sides state with different values
  'tokens_a',
  'tokens_b',
  'category_jaccard', // -1 when a side has no category
  'first_token_equal',
  'trigram_jaccard', // character trigrams of the compact titles
  'numbers_conflict', // 1 both state numbers and share none
  'variant_one_sided', // variant-word groups (upgrade, academic, language, tier …) named by one side only
  'variant_conflict', // groups named by both sides with different words (deluxe ≠ premium)
  'platform_conflict', // one side for Mac only, the other for Windows only
  'specs_agreeing', // spec kinds both sides state and agree on (same brand, capacity, colour …)
  'specs_one_sided', // spec kinds only one side states
] as const;

/**
 * Words that tell editions of one product apart, grouped; written from the training splits' errors and
 * general knowledge of listings (software editions, languages, licences), with the Chinese equivalents.
 */
const VARIANT_GROUPS: readonly (readonly string[])[] = [
  ['upgrade', 'upg', 'update', 'upsell', 'upgrd', '升级'],
  ['academic', 'education', 'educational', 'edu', 'student', 'students', 'teacher', 'school', '教育', '学生'],
  ['spanish', 'french', 'german', 'italian', 'japanese', 'chinese', 'english', '英文', '中文', '日版', '港版', '美版'],
  ['deluxe', 'premium', 'professional', 'standard', 'home', 'business', 'basic', 'ultimate', 'enterprise', 'platinum', 'express', 'suite'],
  ['expansion', 'addon', 'bundle', 'kit', 'refill', 'replacement', '套装', '替换'],
  ['license', 'licence', 'subscription', 'renewal', 'oem'],
];
const VARIANT_GROUP_OF = new Map<string, number>(VARIANT_GROUPS.flatMap((g, i) => g.map((w) => [w, i] as [string, number])));
const MAC = new Set(['mac', 'macintosh', 'osx', 'brand:mac']);
const WINDOWS = new Set(['win', 'windows', 'pc']);

/** Per group, the bit mask of its words a listing names (groups have ≤ 31 words). */
function variantWords(tokens: string[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const t of tokens) {
    const g = VARIANT_GROUP_OF.get(t);
    if (g !== undefined) out.set(g, (out.get(g) ?? 0) | (1 << VARIANT_GROUPS[g]!.indexOf(t)));
  }
  return out;
}

function platformOf(tokens: string[]): number {
  let mac = 0;
  let win = 0;
  for (const t of tokens) {
    if (MAC.has(t)) mac = 1;
    else if (WINDOWS.has(t)) win = 2;
  }
  return mac | win;
}

/** What the features read of one listing alone, worked out once per listing rather than per pair. */
const ownFeatures = new WeakMap<Listing, { variants: Map<number, number>; platform: number }>();
function ownOf(l: Listing) {
  let own = ownFeatures.get(l);
  if (!own) ownFeatures.set(l, (own = { variants: variantWords(l.tokens), platform: platformOf(l.tokens) }));
  return own;
}

export type FeatureName = (typeof FEATURE_NAMES)[number];
export const FEATURE_COUNT = FEATURE_NAMES.length;

/** Dice and overlap coefficients of two sets, in one pass. */
export function setSimilarity(a: Set<string>, b: Set<string>): { dice: number; overlap: number; common: number } {
  if (a.size === 0 || b.size === 0) return { dice: 0, overlap: 0, common: 0 };
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const t of small) if (large.has(t)) common++;
  return { dice: (2 * common) / (a.size + b.size), overlap: common / small.size, common };
}

/** The longest model code of one listing that the other one contains (codes of 4+ characters). */
export function sharedModel(a: Listing, b: Listing): string | null {
  let best: string | null = null;
  const consider = (codes: string[], compact: string) => {
    for (const c of codes) if ((!best || c.length > best.length) && compact.includes(c)) best = c;
  };
  consider(a.models, b.compact);
  consider(b.models, a.compact);
  return best;
}

function brandState(a: Listing, b: Listing): number {
  if (a.brandField && b.brandField) {
    if (a.brandField === b.brandField) return 1;
    const fa = a.brandField.split(/[\s\-,.]+/)[0]!;
    const fb = b.brandField.split(/[\s\-,.]+/)[0]!;
    if (fa && fa === fb) return 1;
  }
  // Brands the lexicon knows, from the title or the field: 苹果 = Apple.
  if (a.brands.size && b.brands.size) {
    for (const k of a.brands) if (b.brands.has(k)) return 1;
    return -1;
  }
  if (a.brandField && b.brandField) return -1;
  const one = a.brandField || b.brandField;
  if (!one) return 0;
  const other = a.brandField ? b : a;
  const first = one.split(/[\s\-,.]+/)[0]!.replace(/[^a-z0-9\u3400-\u9fff]/g, '');
  return first.length >= 2 && other.compact.includes(first) ? 0.5 : 0;
}

/** What a caller has already worked out for the pair, so the features do not work it out again. */
export interface KnownOfPair {
  /** setSimilarity(a.grams, b.grams) */
  grams?: { dice: number; overlap: number };
  /** compareSpecs(a.specs, b.specs) */
  specs?: SpecComparison;
}

/**
 * Fills `out` (length FEATURE_COUNT) with the pair's features and returns it; the spec comparison made on
 * the way is left in `specsOut` when given (the verdict reports its conflicts without comparing again).
 */
export function pairFeatures(
  a: Listing,
  b: Listing,
  idf: Idf,
  out: Float64Array = new Float64Array(FEATURE_COUNT),
  specsOut?: SpecComparison,
  known: KnownOfPair = {},
): Float64Array {
  const wa = idf.weightsOf(a);
  const wb = idf.weightsOf(b);
  const massA = wa.mass;
  const massB = wb.mass;
  const sqA = wa.sq;
  const sqB = wb.sq;
  let shared = 0;
  let sq = 0;
  let unsharedMax = 0;
  let common = 0;
  for (let k = 0; k < a.tokens.length; k++) {
    const w = wa.of[k]!;
    if (b.tokenSet.has(a.tokens[k]!)) {
      shared += w;
      sq += w * w;
      common++;
    } else if (w > unsharedMax) unsharedMax = w;
  }
  for (let k = 0; k < b.tokens.length; k++) {
    const w = wb.of[k]!;
    if (w > unsharedMax && !a.tokenSet.has(b.tokens[k]!)) unsharedMax = w;
  }
  const grams = known.grams ?? setSimilarity(a.grams, b.grams);
  const model = sharedModel(a, b);
  let numbersShared = 0;
  for (const n of a.numbers) if (b.tokenSet.has(n)) numbersShared++;
  let categoryCommon = 0;
  for (const c of a.category) if (b.category.has(c)) categoryCommon++;
  const union = a.tokens.length + b.tokens.length - common;

  let i = 0;
  out[i++] = sqA && sqB ? sq / Math.sqrt(sqA * sqB) : 0;
  out[i++] = massA && massB ? shared / Math.min(massA, massB) : 0;
  out[i++] = massA && massB ? shared / Math.max(massA, massB) : 0;
  out[i++] = union ? common / union : 0;
  out[i++] = grams.dice;
  out[i++] = grams.overlap;
  out[i++] = unsharedMax;
  out[i++] = massA - shared;
  out[i++] = massB - shared;
  out[i++] = model ? model.length : 0;
  out[i++] = model ? 1 : a.models.length && b.models.length ? -1 : 0;
  out[i++] = a.modelno && b.modelno ? (a.modelno === b.modelno ? 1 : -1) : 0;
  out[i++] = brandState(a, b);
  out[i++] = a.price && b.price ? Math.abs(Math.log(a.price / b.price)) : -1;
  out[i++] = numbersShared;
  out[i++] = a.numbers.length - numbersShared;
  out[i++] = b.numbers.length - numbersShared;
  const specs = known.specs ?? compareSpecs(a.specs, b.specs);
  if (specsOut) Object.assign(specsOut, specs);
  out[i++] = specs.conflicts.length;
  out[i++] = a.tokens.length;
  out[i++] = b.tokens.length;
  out[i++] = a.category.size && b.category.size ? categoryCommon / (a.category.size + b.category.size - categoryCommon) : -1;
  out[i++] = a.tokens.length && a.tokens[0] === b.tokens[0] ? 1 : 0;
  const tri = setSimilarity(a.trigrams, b.trigrams);
  out[i++] = tri.common ? tri.common / (a.trigrams.size + b.trigrams.size - tri.common) : 0;
  out[i++] = a.numbers.length && b.numbers.length && numbersShared === 0 ? 1 : 0;
  const ownA = ownOf(a);
  const ownB = ownOf(b);
  const va = ownA.variants;
  const vb = ownB.variants;
  let oneSided = 0;
  let differ = 0;
  for (const [g, mask] of va) {
    const other = vb.get(g);
    if (other === undefined) oneSided++;
    else if ((mask & other) === 0) differ++;
  }
  for (const g of vb.keys()) if (!va.has(g)) oneSided++;
  out[i++] = oneSided;
  out[i++] = differ;
  const pa = ownA.platform;
  const pb = ownB.platform;
  out[i++] = (pa === 1 && pb === 2) || (pa === 2 && pb === 1) ? 1 : 0;
  out[i++] = specs.agreeing;
  out[i++] = specs.oneSided;
  return out;
}
