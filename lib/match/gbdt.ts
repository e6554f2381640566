/**
 * A small gradient-boosted decision-tree classifier (binary log-loss, histogram splits, depth-wise trees).
 * Pure and deterministic: no sampling, ties broken by feature then bin order, so the same rows always give
 * the same model.
 *
 * Why our own and not a package: the npm GBDT packages either wrap native code or WebAssembly (a build step
 * on every machine and the edge runtime), or are unmaintained; the ones in plain JS train slowly and
 * serialise models in their own shapes. Training here is ~7,000 rows × ~30 features, and prediction is a
 * few hundred comparisons per pair, which ~150 lines do well. The trained model is plain JSON
 * (lib/match/models/*.json), read by `predictProba` in the app, the CLI and the tests alike.
 */

/**
 * One tree, flattened in pre-order: node i's left child is node i + 1, its right child `right[i]`. Node i is
 * a leaf when `feature[i] < 0`; then `value[i]` is its output, else the split threshold (go left when
 * x[feature] <= value).
 */
export interface Tree {
  feature: number[];
  value: number[];
  right: number[];
}

export interface BoostedTrees {
  /** Log-odds every prediction starts from (the training prior). */
  base: number;
  trees: Tree[];
}

export interface TrainOptions {
  trees: number;
  depth: number;
  learningRate: number;
  /** Smallest number of rows a leaf may hold. */
  minLeaf: number;
  /** L2 penalty on leaf values. */
  lambda: number;
  /** Most candidate split points per feature (quantiles of the training values). */
  bins: number;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = { trees: 300, depth: 4, learningRate: 0.05, minLeaf: 8, lambda: 1, bins: 64 };

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function predictLogit(model: BoostedTrees, x: ArrayLike<number>): number {
  let z = model.base;
  for (const t of model.trees) {
    let i = 0;
    while (t.feature[i]! >= 0) i = x[t.feature[i]!]! <= t.value[i]! ? i + 1 : t.right[i]!;
    z += t.value[i]!;
  }
  return z;
}

export function predictProba(model: BoostedTrees, x: ArrayLike<number>): number {
  return sigmoid(predictLogit(model, x));
}

/** Candidate thresholds per feature: midpoints between distinct quantiles of the training values. */
function splitPoints(rows: readonly ArrayLike<number>[], f: number, bins: number): number[] {
  const values = Float64Array.from(rows, (r) => r[f]!).sort();
  const distinct: number[] = [];
  for (const v of values) if (distinct.length === 0 || distinct[distinct.length - 1] !== v) distinct.push(v);
  if (distinct.length <= 1) return [];
  const picks: number[] = [];
  if (distinct.length <= bins) for (let i = 0; i + 1 < distinct.length; i++) picks.push((distinct[i]! + distinct[i + 1]!) / 2);
  else {
    for (let b = 1; b < bins; b++) {
      const v = values[Math.floor((b * values.length) / bins)]!;
      const below = distinct[Math.max(0, lowerBound(distinct, v) - 1)]!;
      const t = (below + v) / 2;
      if (picks.length === 0 || picks[picks.length - 1]! < t) picks.push(t);
    }
  }
  return picks;
}

function lowerBound(sorted: number[], v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function trainBoostedTrees(rows: readonly ArrayLike<number>[], labels: readonly number[], options: Partial<TrainOptions> = {}): BoostedTrees {
  const o = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  const n = rows.length;
  const nf = n ? rows[0]!.length : 0;
  const positives = labels.reduce((s, y) => s + y, 0);
  const prior = Math.min(Math.max(positives / Math.max(n, 1), 1e-6), 1 - 1e-6);
  const base = Math.log(prior / (1 - prior));

  // Bin every value once: bin b holds values in (points[b-1], points[b]].
  const points = Array.from({ length: nf }, (_, f) => splitPoints(rows, f, o.bins));
  const binned = Array.from({ length: nf }, (_, f) => {
    const p = points[f]!;
    return Uint8Array.from(rows, (r) => lowerBound(p, r[f]!));
  });

  const logit = new Float64Array(n).fill(base);
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  const trees: Tree[] = [];

  for (let t = 0; t < o.trees; t++) {
    for (let i = 0; i < n; i++) {
      const p = sigmoid(logit[i]!);
      grad[i] = p - labels[i]!;
      hess[i] = Math.max(p * (1 - p), 1e-12);
    }
    const tree: Tree = { feature: [], value: [], right: [] };
    /** Bin index of each split node's threshold, for routing the training rows. */
    const splitBin: number[] = [];
    const grow = (members: Uint32Array, depth: number): void => {
      const id = tree.feature.length;
      let G = 0;
      let H = 0;
      for (const i of members) {
        G += grad[i]!;
        H += hess[i]!;
      }
      tree.feature.push(-1);
      tree.value.push((-G / (H + o.lambda)) * o.learningRate);
      tree.right.push(-1);
      splitBin.push(-1);
      if (depth >= o.depth || members.length < 2 * o.minLeaf) return;

      let best = { gain: 1e-9, f: -1, bin: -1 };
      const parentScore = (G * G) / (H + o.lambda);
      for (let f = 0; f < nf; f++) {
        const nb = points[f]!.length;
        if (nb === 0) continue;
        const gs = new Float64Array(nb + 1);
        const hs = new Float64Array(nb + 1);
        const cs = new Uint32Array(nb + 1);
        const bins = binned[f]!;
        for (const i of members) {
          const b = bins[i]!;
          gs[b]! += grad[i]!;
          hs[b]! += hess[i]!;
          cs[b]!++;
        }
        let gl = 0;
        let hl = 0;
        let cl = 0;
        for (let b = 0; b < nb; b++) {
          gl += gs[b]!;
          hl += hs[b]!;
          cl += cs[b]!;
          const cr = members.length - cl;
          if (cl < o.minLeaf || cr < o.minLeaf) continue;
          const gr = G - gl;
          const hr = H - hl;
          const gain = (gl * gl) / (hl + o.lambda) + (gr * gr) / (hr + o.lambda) - parentScore;
          if (gain > best.gain) best = { gain, f, bin: b };
        }
      }
      if (best.f < 0) return;
      const bins = binned[best.f]!;
      tree.feature[id] = best.f;
      tree.value[id] = points[best.f]![best.bin]!;
      splitBin[id] = best.bin;
      grow(members.filter((i) => bins[i]! <= best.bin), depth + 1);
      tree.right[id] = tree.feature.length;
      grow(members.filter((i) => bins[i]! > best.bin), depth + 1);
    };
    grow(Uint32Array.from({ length: n }, (_, i) => i), 0);
    for (let i = 0; i < n; i++) {
      let node = 0;
      while (tree.feature[node]! >= 0) node = binned[tree.feature[node]!]![i]! <= splitBin[node]! ? node + 1 : tree.right[node]!;
      logit[i]! += tree.value[node]!;
    }
    trees.push(tree);
  }
  return { base, trees };
}

/**
 * Rounds thresholds and leaf values (to `digits` significant digits) so the committed JSON stays small.
 * Leaves' `right` entries are dropped to 0 (unused).
 */
export function compactTrees(model: BoostedTrees, digits = 5): BoostedTrees {
  const r = (x: number) => Number(x.toPrecision(digits));
  return {
    base: r(model.base),
    trees: model.trees.map((t) => ({ feature: t.feature, value: t.value.map(r), right: t.right.map((x) => Math.max(x, 0)) })),
  };
}

/**
 * A model laid out for fast prediction: every tree's nodes in three flat typed arrays, so scoring a pair
 * walks contiguous memory and allocates nothing.
 */
export class CompiledTrees {
  private readonly base: number;
  private readonly roots: Int32Array;
  private readonly feature: Int32Array;
  private readonly value: Float64Array;
  private readonly right: Int32Array;

  constructor(model: BoostedTrees) {
    this.base = model.base;
    const size = model.trees.reduce((s, t) => s + t.feature.length, 0);
    this.roots = new Int32Array(model.trees.length);
    this.feature = new Int32Array(size);
    this.value = new Float64Array(size);
    this.right = new Int32Array(size);
    let at = 0;
    model.trees.forEach((t, k) => {
      this.roots[k] = at;
      for (let i = 0; i < t.feature.length; i++) {
        this.feature[at + i] = t.feature[i]!;
        this.value[at + i] = t.value[i]!;
        this.right[at + i] = at + t.right[i]!;
      }
      at += t.feature.length;
    });
  }

  logit(x: ArrayLike<number>): number {
    const { feature, value, right, roots } = this;
    let z = this.base;
    for (let k = 0; k < roots.length; k++) {
      let i = roots[k]!;
      let f = feature[i]!;
      while (f >= 0) {
        i = x[f]! <= value[i]! ? i + 1 : right[i]!;
        f = feature[i]!;
      }
      z += value[i]!;
    }
    return z;
  }

  proba(x: ArrayLike<number>): number {
    return sigmoid(this.logit(x));
  }
}
