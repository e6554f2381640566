/**
 * `npm run match:eval` — precision, recall and F1 of the matcher on data it was not fitted on: the valid
 * splits of the shared benchmarks (each with its own fitted configuration) and the committed Chinese set
 * tests/fixtures/matching/zh-pairs.jsonl (the app's zh configuration, fitted on the sandbox catalogue).
 *
 * Flags: --data DIR (or MATCH_DATA_DIR; default ../shared/datasets/product-matching), --markdown (the table
 * for docs/matching.md). Also prints the scoring speed (pairs per second, record analysis included).
 */
import { join, resolve } from 'node:path';
import { analyzeListing } from '../lib/match/listing';
import { loadScorer, type ModelName } from '../lib/match/configurations';
import { scoreDecisions } from '../lib/match/training';
import { dataDir, readAllPairs } from './lib/pairs';

const argv = process.argv.slice(2);
const dir = dataDir(argv);
const SETS: { label: string; file: string; model: ModelName }[] = [
  { label: 'Amazon-Google (valid)', file: join(dir, 'amazon-google.valid.jsonl'), model: 'amazon-google' },
  { label: 'Walmart-Amazon (valid)', file: join(dir, 'walmart-amazon.valid.jsonl'), model: 'walmart-amazon' },
  { label: 'Chinese listings (zh-pairs)', file: resolve('tests/fixtures/matching/zh-pairs.jsonl'), model: 'zh' },
];

const rows: string[][] = [];
for (const set of SETS) {
  const pairs = await readAllPairs(set.file);
  const scorer = await loadScorer(set.model);
  const started = process.hrtime.bigint();
  const decisions = pairs.map((p) => scorer.verdict(analyzeListing(p.left), analyzeListing(p.right)).matched);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const labels = pairs.map((p) => {
    if (p.match === undefined) throw new Error(`${set.file}:${p.line}: an evaluation pair needs a "match" label`);
    return p.match;
  });
  const m = scoreDecisions((i) => decisions[i]!, labels);
  const pct = (x: number) => (x * 100).toFixed(1);
  rows.push([set.label, String(pairs.length), String(labels.filter(Boolean).length), pct(m.precision), pct(m.recall), pct(m.f1), String(Math.round(pairs.length / seconds))]);
}

const header = ['data set', 'pairs', 'matches', 'precision', 'recall', 'F1', 'pairs/s'];
if (argv.includes('--markdown')) {
  console.log(`| ${header.join(' | ')} |`);
  console.log(`| ${header.map((_, i) => (i ? '---:' : '---')).join(' | ')} |`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
} else {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
}
