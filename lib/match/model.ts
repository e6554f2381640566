/**
 * A fitted matcher configuration and the verdict it gives one pair of listings. Pure.
 *
 * One pipeline for every data set: analyzeListing → pairFeatures → boosted trees → threshold, plus the spec
 * conflicts of specs.ts. What differs per data set is only what `scripts/match-train.ts` fits on that set's
 * training pairs (token statistics, trees, threshold) and whether conflicts veto (the app's configuration:
 * a shopper must never see another variant's price) or are only features (the English benchmarks, whose
 * labels do not follow a variant rule). The models live in lib/match/models/*.json.
 */
import { FEATURE_COUNT, FEATURE_NAMES, Idf, pairFeatures, setSimilarity, sharedModel, type KnownOfPair, type TokenStats } from './features';
import { compareSpecs } from './specs';
import { CompiledTrees, type BoostedTrees, type TrainOptions } from './gbdt';
import type { Listing } from './listing';
import type { ConflictKind, MatchConflict, MatchReason } from '../types';
import type { SpecComparison, SpecConflict, SpecKind } from './specs';

export interface MatcherModel {
  /** Which configuration: "zh" (the app), "amazon-google", "walmart-amazon". */
  name: string;
  /** FEATURE_NAMES when the model was trained; a model for other features is refused. */
  features: readonly string[];
  stats: TokenStats;
  trees: BoostedTrees;
  /** A pair scoring at or above this (and without a vetoing conflict) is a match. */
  threshold: number;
  /** Spec conflicts forbid a match whatever the score. */
  vetoes: boolean;
  /** What the model was fitted on and how it did there (out-of-fold), for docs/matching.md. */
  training: {
    source: string;
    pairs: number;
    matches: number;
    /** How many of the pairs chose the tree setting and threshold (the rest only trained). */
    selectedOn: number;
    options: TrainOptions;
    folds: number;
    oof: { precision: number; recall: number; f1: number };
  };
}

export interface PairVerdict {
  matched: boolean;
  /** Probability-like score in [0, 1] (1 for an equal barcode, 0 for a different one). */
  score: number;
  /** Character-bigram title similarity in [0, 1], rounded to 2 places (used for 相似商品). */
  similarity: number;
  reasons: MatchReason[];
  conflicts: MatchConflict[];
}

const CONFLICT_KIND: Record<SpecKind, ConflictKind> = {
  brand: 'brand',
  volume: 'capacity',
  weight: 'capacity',
  storage: 'capacity',
  memory: 'capacity',
  battery: 'capacity',
  power: 'capacity',
  sheets: 'capacity',
  ply: 'capacity',
  screen: 'size',
  dimension: 'size',
  size: 'size',
  pack: 'pack',
  colour: 'colour',
  shade: 'colour',
  stage: 'stage',
  model: 'model',
  number: 'model',
  edition: 'edition',
  version: 'edition',
  variety: 'variety',
  grade: 'grade',
  accessory: 'accessory',
};

const UNIT: Partial<Record<SpecKind, (v: string) => string>> = {
  volume: (v) => `${v}ml`,
  weight: (v) => `${v}g`,
  storage: (v) => (Number(v) >= 1024 && Number(v) % 1024 === 0 ? `${Number(v) / 1024}TB` : `${v}GB`),
  memory: (v) => `${v}GB`,
  battery: (v) => `${v}mAh`,
  power: (v) => `${v}W`,
  screen: (v) => `${v}英寸`,
  dimension: (v) => `${v}mm`,
  pack: (v) => `×${v}`,
  stage: (v) => `${v}段`,
  ply: (v) => `${v}层`,
  sheets: (v) => `${v}抽`,
  shade: (v) => `#${v}`,
  colour: (v) => (v.length === 1 ? `${v}色` : v),
  accessory: (v) => (v === 'yes' ? '配件' : '本品'),
};

/** One side of a conflict as text: "256GB", "pro/max", "未标注" for a kind stated on one side only. */
function sideText(kind: SpecKind, values: string[]): string {
  if (values.length === 0) return '未标注';
  const unit = UNIT[kind];
  return values.map((v) => (unit ? unit(v) : v)).join('/');
}

export function describeConflict(c: SpecConflict): MatchConflict {
  return { kind: CONFLICT_KIND[c.kind], spec: c.kind, a: sideText(c.kind, c.left), b: sideText(c.kind, c.right) };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export class PairScorer {
  readonly model: MatcherModel;
  private readonly idf: Idf;
  private readonly trees: CompiledTrees;
  private readonly buffer = new Float64Array(FEATURE_COUNT);
  private readonly specs: SpecComparison = { conflicts: [], agreeing: 0, oneSided: 0 };

  constructor(model: MatcherModel) {
    if (model.features.length !== FEATURE_COUNT || model.features.some((f, i) => f !== FEATURE_NAMES[i])) {
      throw new Error(`Matcher model "${model.name}" was trained on other features; run npm run match:train`);
    }
    this.model = model;
    this.idf = new Idf(model.stats);
    this.trees = new CompiledTrees(model.trees);
  }

  get threshold(): number {
    return this.model.threshold;
  }

  /** The model's score alone (no barcode or veto rules): for training checks and benchmarks. */
  probability(a: Listing, b: Listing, known?: KnownOfPair): number {
    return this.trees.proba(pairFeatures(a, b, this.idf, this.buffer, this.specs, known));
  }

  /**
   * True when the pair is certainly no match and its title similarity is below `minSimilarity`, decided
   * without features or trees: a vetoing spec conflict other than the pack count (a pack-only conflict may
   * still be the same product in another pack, lib/match/matcher.ts), and no pair of barcodes (an equal one
   * would match whatever the specs). The verdict of such a pair would be a 'conflict' whatever its score,
   * so a caller that drops such pairs anyway (matchOffers, below the 相似商品 threshold) need not score it.
   */
  rejectsOutright(a: Listing, b: Listing, minSimilarity: number): boolean {
    if (!this.model.vetoes || (a.barcode && b.barcode)) return false;
    if (similarityOf(setSimilarity(a.grams, b.grams)) >= minSimilarity) return false;
    return compareSpecs(a.specs, b.specs).conflicts.some((c) => c.kind !== 'pack');
  }

  verdict(a: Listing, b: Listing): PairVerdict {
    return this.judge(a, b, setSimilarity(a.grams, b.grams), undefined);
  }

  /**
   * verdict(a, b), or null when rejectsOutright(a, b, minSimilarity): the title similarity and the spec
   * comparison that decide the rejection are the ones the features then use, worked out once.
   */
  verdictUnlessRejected(a: Listing, b: Listing, minSimilarity: number): PairVerdict | null {
    const grams = setSimilarity(a.grams, b.grams);
    if (!this.model.vetoes || (a.barcode && b.barcode) || similarityOf(grams) >= minSimilarity) return this.judge(a, b, grams, undefined);
    const specs = compareSpecs(a.specs, b.specs);
    return specs.conflicts.some((c) => c.kind !== 'pack') ? null : this.judge(a, b, grams, specs);
  }

  private judge(a: Listing, b: Listing, grams: { dice: number; overlap: number }, specs: SpecComparison | undefined): PairVerdict {
    const similarity = similarityOf(grams);
    if (a.barcode && b.barcode) {
      if (a.barcode === b.barcode) return { matched: true, score: 1, similarity, reasons: [{ kind: 'barcode', value: a.barcode }], conflicts: [] };
      return { matched: false, score: 0, similarity, reasons: [], conflicts: [{ kind: 'barcode', spec: 'barcode', a: a.barcode, b: b.barcode }] };
    }
    const score = round4(this.probability(a, b, { grams, specs }));
    const conflicts = this.specs.conflicts.map(describeConflict);
    const reasons: MatchReason[] = [];
    const model = sharedModel(a, b);
    if (model) reasons.push({ kind: 'model', value: model });
    for (const k of a.brands) {
      if (!b.brands.has(k)) continue;
      reasons.push({ kind: 'brand', value: k });
      break;
    }
    reasons.push({ kind: 'title', similarity });
    const vetoed = this.model.vetoes && conflicts.length > 0;
    return { matched: !vetoed && score >= this.model.threshold, score, similarity, reasons, conflicts };
  }
}

const round4 = (x: number) => Math.round(x * 10000) / 10000;

/** Character-bigram title similarity, rounded to 2 places: PairVerdict.similarity. */
const similarityOf = (grams: { dice: number; overlap: number }) => round2((grams.dice + grams.overlap) / 2);
