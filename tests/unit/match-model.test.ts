/**
 * The classifier and the committed models: training is deterministic, the committed configurations load
 * and score known pairs sensibly, and blocking keeps the comparisons far below n·m.
 */
import { describe, expect, it } from 'vitest';
import { BlockingIndex, MAX_POSTINGS, topByCount } from '@/lib/match/blocking';
import { FEATURE_NAMES } from '@/lib/match/features';
import { predictProba, trainBoostedTrees } from '@/lib/match/gbdt';
import { analyzeListing } from '@/lib/match/listing';
import { PairScorer, type MatcherModel } from '@/lib/match/model';
import { loadScorer, MODEL_NAMES, modelFor, zhScorer } from '@/lib/match/configurations';
import { mulberry32 as seededRng } from '@/lib/random';
import { augmentTitle, bestThreshold, fitMatcherModel, type TrainingPair } from '@/lib/match/training';
import zh from '@/lib/match/models/zh.json';

describe('boosted trees', () => {
  const rng = seededRng(7);
  const rows = Array.from({ length: 400 }, () => [rng(), rng(), rng()]);
  const labels = rows.map(([a, b]) => (a! + 0.5 * b! > 0.8 ? 1 : 0));

  it('learns a separable rule and is deterministic', () => {
    const m1 = trainBoostedTrees(rows, labels, { trees: 40, depth: 3 });
    const m2 = trainBoostedTrees(rows, labels, { trees: 40, depth: 3 });
    expect(m2).toEqual(m1);
    const correct = rows.filter((r, i) => (predictProba(m1, r) >= 0.5 ? 1 : 0) === labels[i]).length;
    expect(correct / rows.length).toBeGreaterThan(0.95);
    expect(predictProba(m1, [0.95, 0.9, 0.1])).toBeGreaterThan(0.8);
    expect(predictProba(m1, [0.05, 0.1, 0.9])).toBeLessThan(0.2);
  });

  it('picks the middle of the best-F1 plateau as the threshold', () => {
    const scores = [0.9, 0.8, 0.7, 0.2, 0.1];
    const labelsT = [true, true, true, false, false];
    const t = bestThreshold(scores, scores.map(() => false), labelsT);
    expect(t.f1).toBe(1);
    expect(t.threshold).toBeGreaterThan(0.2);
    expect(t.threshold).toBeLessThanOrEqual(0.7);
  });
});

describe('fitting a configuration', () => {
  const titles = ['伊利 纯牛奶 250ml×24盒', '蒙牛 纯牛奶 250ml×24盒', 'Apple iPhone 15 128GB 黑色', 'Apple iPhone 15 256GB 黑色', '维达 抽纸 3层120抽×24包'];
  const rng = seededRng(3);
  const pairs: TrainingPair[] = [];
  for (let k = 0; k < 60; k++) {
    const i = k % titles.length;
    const j = (k * 7 + 1) % titles.length;
    const a = analyzeListing({ title: titles[i]! });
    pairs.push({ a, b: analyzeListing({ title: `【包邮】${titles[i]!} 正品` }), label: true });
    pairs.push({ a, b: analyzeListing({ title: augmentTitle(titles[j]!, ['整箱', '现货'], rng) }), label: i === j });
  }

  it('is deterministic and produces a model the scorer accepts', () => {
    const grid = [{ trees: 20, depth: 3 }];
    const m1 = fitMatcherModel('t', 'test', pairs, { vetoes: 'always', grid });
    const m2 = fitMatcherModel('t', 'test', pairs, { vetoes: 'always', grid });
    expect(JSON.stringify(m2)).toBe(JSON.stringify(m1));
    expect(m1.features).toEqual([...FEATURE_NAMES]);
    const scorer = new PairScorer(m1);
    expect(scorer.verdict(pairs[0]!.a, pairs[0]!.b).matched).toBe(true);
  });

  it('refuses a model trained on other features', () => {
    const m = fitMatcherModel('t', 'test', pairs, { vetoes: 'never', grid: [{ trees: 2, depth: 1 }] });
    expect(() => new PairScorer({ ...m, features: m.features.slice(1) })).toThrow(/other features/);
  });
});

describe('the committed configurations', () => {
  it('were trained on the current features and say what they were fitted on', async () => {
    for (const name of MODEL_NAMES) {
      const scorer = await loadScorer(name);
      const model: MatcherModel = scorer.model;
      expect(model.name).toBe(name);
      expect(model.features).toEqual([...FEATURE_NAMES]);
      expect(model.threshold).toBeGreaterThan(0);
      expect(model.threshold).toBeLessThan(1);
      expect(model.training.source).toMatch(name === 'zh' ? /sandbox/ : new RegExp(`${name}\\.train\\.jsonl`));
      expect(model.training.source).not.toMatch(/valid|test/);
    }
    expect((zh as MatcherModel).vetoes).toBe(true);
  });

  it('score known pairs', async () => {
    const ag = await loadScorer('amazon-google');
    const same = ag.verdict(
      analyzeListing({ title: 'microsoft visio standard 2007 version upgrade', manufacturer: 'microsoft', price: '129.95' }),
      analyzeListing({ title: 'microsoft office visio standard 2007 upgrade ( pc )', manufacturer: '', price: '129.95' }),
    );
    const other = ag.verdict(
      analyzeListing({ title: 'microsoft visio standard 2007 version upgrade', manufacturer: 'microsoft', price: '129.95' }),
      analyzeListing({ title: 'adobe cs3 design standard upgrade', manufacturer: '', price: '413.99' }),
    );
    expect(same.matched).toBe(true);
    expect(other.matched).toBe(false);
    expect(same.score).toBeGreaterThan(other.score);

    const wa = await loadScorer('walmart-amazon');
    expect(
      wa.verdict(
        analyzeListing({ title: 'toshiba ph3100u-1e3s 1tb usb 3.0 desktop hard drive', brand: 'toshiba', modelno: 'ph3100u-1e3s', price: '89.0' }),
        analyzeListing({ title: 'toshiba 1 tb usb 3.0 external hard drive ph3100u-1e3s black silver', brand: 'toshiba', modelno: 'ph3100u-1e3s', price: '80.23' }),
      ),
    ).toMatchObject({ matched: true, reasons: expect.arrayContaining([{ kind: 'model', value: 'ph3100u1e3s' }]) });
  });

  it('choose the configuration from the records', () => {
    expect(modelFor({ title: '伊利 纯牛奶' }, { title: 'yili milk' })).toBe('zh');
    expect(modelFor({ title: 'word 2007', manufacturer: 'microsoft' }, { title: 'word' })).toBe('amazon-google');
    expect(modelFor({ title: 'lenovo backpack', modelno: 'x' }, { title: 'lenovo' })).toBe('walmart-amazon');
    expect(zhScorer().model.name).toBe('zh');
  });
});

describe('blocking', () => {
  it('proposes the right offers and far fewer than all of them', () => {
    const lines = ['伊利 纯牛奶', '蒙牛 特仑苏', '维达 抽纸', 'Apple iPhone 15', '华为 Pura 70', '农夫山泉 天然水', '李宁 跑鞋', '飞利浦 电动牙刷 HX6730'];
    const specs = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'];
    const right = lines.flatMap((l) => specs.map((s) => analyzeListing({ title: `${l} 款${s}` })));
    const index = new BlockingIndex(right, { maxPostings: 12 });
    const left = analyzeListing({ title: '【包邮】飞利浦 电动牙刷 HX6730 款C' });
    const got = index.candidates(left);
    expect(got.length).toBeLessThan(right.length / 4);
    expect(got.map((i) => right[i]!.text)).toContain('电动牙刷 hx6730 款c');
  });

  it('ignores a token in more than MAX_POSTINGS listings, however many there are (no n × m work on big sets)', () => {
    // 6,000 listings, 600 of them (10 %) sharing 泡泡糖: under 10 % of m it would block; above the cap it does not.
    const right = Array.from({ length: 6000 }, (_, i) => analyzeListing({ title: i % 10 === 0 ? `泡泡糖 z${i}q` : `x${i}y` }));
    expect(new BlockingIndex(right).candidates(analyzeListing({ title: '泡泡糖' }))).toEqual([]);
    expect(new BlockingIndex(right.slice(0, MAX_POSTINGS * 10)).candidates(analyzeListing({ title: '泡泡糖' })).length).toBe(40);
  });

  it('always keeps barcode and model-number hits', () => {
    const right = [analyzeListing({ title: 'something else', barcode: '6901234567892' }), analyzeListing({ title: 'other ph3100u-1e3s' })];
    const index = new BlockingIndex(right, { maxPostings: 0 });
    expect(index.candidates(analyzeListing({ title: 'x', barcode: '6901234567892' }))).toEqual([0]);
    expect(index.candidates(analyzeListing({ title: 'toshiba ph3100u-1e3s drive' }))).toEqual([1]);
  });

  it('keeps every barcode hit, and of a model code in many listings the maxCandidates sharing the most tokens', () => {
    // 60 shops sell the same model; 10 of them name the colour too. One barcode listing more.
    const right = [
      ...Array.from({ length: 50 }, () => analyzeListing({ title: 'mate70 phone' })),
      ...Array.from({ length: 10 }, () => analyzeListing({ title: 'mate70 phone 雅川青 12+512' })),
      ...Array.from({ length: 3 }, (_, i) => analyzeListing({ title: `barcode only ${i}`, barcode: '6901234567892' })),
    ];
    const index = new BlockingIndex(right, { maxPostings: 100, maxCandidates: 12 });
    const got = index.candidates(analyzeListing({ title: 'huawei mate70 雅川青 12+512', barcode: '6901234567892' }));
    // The 10 with the colour, then the lowest-indexed 2 of the rest; the 3 barcode hits on top of the 12.
    expect(got).toEqual([0, 1, ...Array.from({ length: 10 }, (_, i) => 50 + i), 60, 61, 62]);
    expect(new BlockingIndex(right, { maxPostings: 0 }).candidates(analyzeListing({ title: 'mate70' })).length).toBe(40);
  });

  it('selects the k with the most shared tokens, ties to the lower index, as sorting them all would', () => {
    const rng = seededRng(7);
    for (let round = 0; round < 500; round++) {
      const m = 1 + Math.floor(rng() * 300);
      const counts = new Int32Array(m);
      // Small counts with many ties, sometimes on top of the model-code base (1 << 20).
      const base = rng() < 0.3 ? 1 << 20 : 0;
      for (let i = 0; i < m; i++) counts[i] = base + 1 + Math.floor(rng() * (1 + rng() * 8));
      const xs = Array.from({ length: m }, (_, i) => i).sort(() => rng() - 0.5);
      const k = 1 + Math.floor(rng() * 60);
      const bySort = [...xs].sort((x, y) => counts[y]! - counts[x]! || x - y).slice(0, k);
      expect([...topByCount([...xs], counts, k)].sort((x, y) => x - y), `m ${m}, k ${k}`).toEqual(bySort.sort((x, y) => x - y));
    }
  });
});
