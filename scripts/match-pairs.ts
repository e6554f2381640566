/**
 * `npm run -s match -- --pairs FILE.jsonl [--model zh|amazon-google|walmart-amazon]` — scores pairs of
 * listings and prints one JSON line per pair, in input order: {"id": "...", "score": 0.87, "match": true}.
 *
 * Input: JSON Lines in the format of ../shared/datasets/README.md ({id, left, right, match?}; `match` may be
 * absent; "-" reads stdin). Streamed, so files of any size work. Without --model each pair is scored with
 * the configuration its records call for (lib/match/models.ts: Chinese → zh, a `manufacturer` field →
 * amazon-google, other English → walmart-amazon).
 *
 * A bad line (not JSON, not an object, `left`/`right` not objects, a non-boolean `match`) stops the run:
 * the pairs before it have been printed, the error names the file and line on stderr, exit status 1.
 * Usage errors exit with status 2.
 */
import { once } from 'node:events';
import { analyzeListing } from '../lib/match/listing';
import { loadScorer, MODEL_NAMES, modelFor, type ModelName } from '../lib/match/configurations';
import { PairsFileError, readPairs } from './lib/pairs';

const argv = process.argv.slice(2);
const arg = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const file = arg('--pairs');
const forced = arg('--model');
if (!file || (forced && !MODEL_NAMES.includes(forced as ModelName))) {
  console.error(`usage: npm run -s match -- --pairs FILE.jsonl [--model ${MODEL_NAMES.join('|')}]`);
  process.exit(2);
}

const out = process.stdout;
try {
  for await (const pair of readPairs(file)) {
    const scorer = await loadScorer((forced as ModelName | undefined) ?? modelFor(pair.left, pair.right));
    const v = scorer.verdict(analyzeListing(pair.left), analyzeListing(pair.right));
    if (!out.write(`${JSON.stringify({ id: pair.id, score: v.score, match: v.matched })}\n`)) await once(out, 'drain');
  }
} catch (e) {
  if (e instanceof PairsFileError) {
    console.error(`match: ${e.message}`);
    process.exitCode = 1;
  } else if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
    console.error(`match: cannot read ${file}: no such file`);
    process.exitCode = 1;
  } else throw e;
}
