/**
 * Fitting a matcher configuration on labelled training pairs (used by scripts/match-train.ts and its
 * test). Pure and deterministic: folds are pair index mod k, the trees use no sampling.
 */
import { FEATURE_NAMES, Idf, pairFeatures, tokenStats } from './features';
import { DEFAULT_TRAIN_OPTIONS, compactTrees, predictProba, trainBoostedTrees, type TrainOptions } from './gbdt';
import type { Listing } from './listing';
import type { MatcherModel } from './model';
import { chance, pick, type Rng } from '../random';
import { specConflicts } from './specs';

export interface TrainingPair {
  a: Listing;
  b: Listing;
  label: boolean;
  /**
   * Whether this pair's out-of-fold decision counts when choosing the tree setting and the threshold
   * (default true). Pairs with `select: false` only add training signal (the zh model learns from the
   * English pairs but is tuned on the sandbox's, the app's own kind of listing).
   */
  select?: boolean;
}

/** The tree settings tried; the one with the best out-of-fold F1 is kept. */
export const TREE_GRID: readonly Partial<TrainOptions>[] = [
  { trees: 150, depth: 4, learningRate: 0.1, minLeaf: 8 },
  { trees: 150, depth: 5, learningRate: 0.1, minLeaf: 8 },
  { trees: 150, depth: 6, learningRate: 0.1, minLeaf: 16 },
];

export interface FitOptions {
  /** "always": conflicts veto (the app); "never"; "fit": whichever gives the better out-of-fold F1. */
  vetoes: 'always' | 'never' | 'fit';
  folds?: number;
  grid?: readonly Partial<TrainOptions>[];
}

/** Precision, recall and F1 of the decisions `decide(i)` against `labels`. */
export function scoreDecisions(decide: (i: number) => boolean, labels: readonly boolean[]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < labels.length; i++) {
    const yes = decide(i);
    if (yes && labels[i]) tp++;
    else if (yes) fp++;
    else if (labels[i]) fn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, tp, fp, fn };
}

const f1Of = (scores: ArrayLike<number>, vetoed: readonly boolean[], labels: readonly boolean[], threshold: number) =>
  scoreDecisions((i) => !vetoed[i] && scores[i]! >= threshold, labels);

/**
 * The threshold with the best F1 — the middle of the plateau of thresholds within 0.002 of the best, so a
 * flat optimum does not put the threshold at its noisy edge.
 */
export function bestThreshold(scores: ArrayLike<number>, vetoed: readonly boolean[], labels: readonly boolean[]) {
  const grid: { t: number; f1: number }[] = [];
  for (let k = 5; k <= 95; k++) grid.push({ t: k / 100, f1: f1Of(scores, vetoed, labels, k / 100).f1 });
  const top = Math.max(...grid.map((g) => g.f1));
  const plateau = grid.filter((g) => g.f1 >= top - 0.002);
  const threshold = plateau[Math.floor((plateau.length - 1) / 2)]!.t;
  return { threshold, ...f1Of(scores, vetoed, labels, threshold) };
}

const round4 = (x: number) => Math.round(x * 10000) / 10000;

export function fitMatcherModel(name: string, source: string, pairs: readonly TrainingPair[], options: FitOptions): MatcherModel {
  const k = options.folds ?? 5;
  const grid = options.grid ?? TREE_GRID;
  const listings = new Set<Listing>();
  for (const p of pairs) listings.add(p.a).add(p.b);
  const stats = tokenStats(listings);
  const idf = new Idf(stats);
  const rows = pairs.map((p) => pairFeatures(p.a, p.b, idf));
  const labels = pairs.map((p) => p.label);
  const y = labels.map((l) => (l ? 1 : 0));
  const conflicted = pairs.map((p) => specConflicts(p.a.specs, p.b.specs).length > 0);
  const never = pairs.map(() => false);
  // The decisions that choose setting and threshold: only the pairs marked for selection.
  const chosen = pairs.flatMap((p, i) => (p.select === false ? [] : [i]));
  const pick = <T>(xs: ArrayLike<T>) => chosen.map((i) => xs[i]!);
  const vetoChoices = options.vetoes === 'fit' ? [false, true] : [options.vetoes === 'always'];

  let best: { f1: number; precision: number; recall: number; threshold: number; vetoes: boolean; options: TrainOptions } | undefined;
  for (const setting of grid) {
    const trainOptions = { ...DEFAULT_TRAIN_OPTIONS, ...setting };
    const oof = new Float64Array(rows.length);
    for (let fold = 0; fold < k; fold++) {
      const trainRows = rows.filter((_, i) => i % k !== fold);
      const trainY = y.filter((_, i) => i % k !== fold);
      const model = trainBoostedTrees(trainRows, trainY, trainOptions);
      for (let i = fold; i < rows.length; i += k) oof[i] = predictProba(model, rows[i]!);
    }
    for (const vetoes of vetoChoices) {
      const t = bestThreshold(pick(oof), pick(vetoes ? conflicted : never), pick(labels));
      if (!best || t.f1 > best.f1) best = { ...t, vetoes, options: trainOptions };
    }
  }
  if (!best) throw new Error('no tree setting to try');
  return {
    name,
    features: [...FEATURE_NAMES],
    stats,
    // Cross-validation chose the setting and the threshold; the model itself is that setting fitted once on
    // every pair. The mean of the fold models scored the same within ±1 F1 point, but with k times the
    // trees, and scoring pairs is most of a cold comparison's time (bench/RESULTS.md, figure b).
    trees: compactTrees(trainBoostedTrees(rows, y, best.options)),
    threshold: best.threshold,
    vetoes: best.vetoes,
    training: {
      source,
      pairs: pairs.length,
      matches: labels.filter(Boolean).length,
      selectedOn: chosen.length,
      options: best.options,
      folds: k,
      oof: { precision: round4(best.precision), recall: round4(best.recall), f1: round4(best.f1) },
    },
  };
}

/** Words with no digit or Latin letter: descriptive, never a spec, a model or a quantity. */
const DESCRIPTIVE = /^[\u3400-\u9fff]{2,6}$/;

/**
 * Robustness augmentation, for a training set whose matches are near-identical rewrites of one title (the
 * sandbox's): a copy of a title that loses one descriptive word and/or gains one or two taken from other
 * listings of the set. Real listings of one product differ exactly like that (JD adds 支持移动联通电信, PDD
 * drops the product line's tagline); without such pairs the model learns that any difference in wording
 * means another product. Words with digits or Latin letters are never touched, so specs, models and
 * brands written in Latin stay as they were, and so does the label.
 */
export function augmentTitle(title: string, pool: readonly string[], rng: Rng): string {
  const words = title.split(/\s+/).filter(Boolean);
  const droppable = words.flatMap((w, i) => (DESCRIPTIVE.test(w) ? [i] : []));
  if (droppable.length && chance(rng, 0.6)) words.splice(pick(rng, droppable), 1);
  const extra = chance(rng, 0.5) ? 2 : 1;
  for (let k = 0; k < extra && pool.length; k++) words.splice(Math.floor(rng() * (words.length + 1)), 0, pick(rng, pool));
  return words.join(' ');
}

/** The descriptive words of a set of titles, sorted and distinct, for augmentTitle. */
export function descriptiveWords(titles: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const t of titles) for (const w of t.normalize('NFKC').split(/\s+/)) if (DESCRIPTIVE.test(w)) out.add(w);
  return [...out].sort();
}
