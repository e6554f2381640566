/**
 * `npm run match:train` — fits the matcher's configurations and writes lib/match/models/<name>.json:
 *
 *   amazon-google   on ../shared/datasets/product-matching/amazon-google.train.jsonl
 *   walmart-amazon  on …/walmart-amazon.train.jsonl
 *   zh              (the app's) on the sandbox catalogue: every Weidian item × price-API offer pair that
 *                   blocking proposes, labelled by the catalogue's hidden SKU ids
 *
 * Train splits only: the valid splits and tests/fixtures/matching/zh-pairs.jsonl are what `match:eval`
 * reports on and are never read here. For each configuration: token statistics (IDF) over the training
 * listings; 5-fold cross-validation (fold = pair index mod 5) of each candidate tree setting; the setting,
 * the veto rule (English sets only — the app always vetoes) and the threshold with the best out-of-fold F1
 * win; the model is that setting fitted once on all the training pairs (150 trees). No randomness anywhere: the same inputs give byte-identical files.
 *
 * Flags: --only NAME (one configuration), --data DIR (or MATCH_DATA_DIR), --out DIR (default
 * lib/match/models), --check (write nothing; exit 1 if a committed model differs from what training gives).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BlockingIndex } from '../lib/match/blocking';
import { FEATURE_NAMES } from '../lib/match/features';
import { analyzeListing, type Listing, type ListingRecord } from '../lib/match/listing';
import { titleSimilarity } from '../lib/match/matcher';
import { chance, mulberry32 as seededRng } from '../lib/random';
import { augmentTitle, descriptiveWords, fitMatcherModel, type TrainingPair } from '../lib/match/training';
import { allowServerOnlyOutsideNext } from '../sandbox/allow-server-only';
import { dataDir, readAllPairs } from './lib/pairs';

const argv = process.argv.slice(2);
const flag = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const only = flag('--only');
const outDir = resolve(flag('--out') ?? 'lib/match/models');
const check = argv.includes('--check');

/** One analysed listing per distinct record (records repeat across pairs). */
function listingCache() {
  const cache = new Map<string, Listing>();
  return (r: ListingRecord) => {
    const key = JSON.stringify(r);
    let l = cache.get(key);
    if (!l) cache.set(key, (l = analyzeListing(r)));
    return l;
  };
}

async function benchmarkPairs(name: string): Promise<{ pairs: TrainingPair[]; source: string }> {
  const file = join(dataDir(argv), `${name}.train.jsonl`);
  const listing = listingCache();
  const pairs = (await readAllPairs(file)).map((p) => {
    if (p.match === undefined) throw new Error(`${file}:${p.line}: a training pair needs a "match" label`);
    return { a: listing(p.left), b: listing(p.right), label: p.match };
  });
  return { pairs, source: `${name}.train.jsonl` };
}

async function sandboxPairs(): Promise<{ pairs: TrainingPair[]; source: string }> {
  allowServerOnlyOutsideNext();
  const { getSandboxCatalogue, FIXTURE_LINE_PREFIX } = await import('../sandbox/catalogue');
  // Without the hand-written test fixtures (an XSS title is no lesson about matching).
  const all = getSandboxCatalogue();
  const generated = (x: { skuId: string }) => !x.skuId.startsWith(FIXTURE_LINE_PREFIX);
  const catalogue = { items: all.items.filter(generated), offers: all.offers.filter(generated) };
  const record = (x: { title: string; barcode: string; priceFen: number }, title = x.title) => ({ title, barcode: x.barcode || undefined, price: x.priceFen / 100 });
  const items = catalogue.items.map((i) => analyzeListing(record(i)));
  const offers = catalogue.offers.map((o) => analyzeListing(record(o)));
  // More candidates per item than the app keeps (40): more hard non-matches to learn from.
  const index = new BlockingIndex(offers, { maxCandidates: 200 });
  const pairs: TrainingPair[] = [];
  // Augmented copies of the matches and of the hard non-matches (see augmentTitle), seeded.
  const rng = seededRng(20261201);
  const pool = descriptiveWords([...catalogue.items, ...catalogue.offers].map((x) => x.title));
  let augmented = 0;
  catalogue.items.forEach((item, i) => {
    for (const j of index.candidates(items[i]!)) {
      const offer = catalogue.offers[j]!;
      const label = offer.skuId === item.skuId;
      pairs.push({ a: items[i]!, b: offers[j]!, label });
      if (label || titleSimilarity(items[i]!.grams, offers[j]!.grams) >= 0.3) {
        // A third of the copies without prices, so a listing with no price scores on its words alone.
        const priced = chance(rng, 2 / 3);
        const copy = (x: typeof item | typeof offer) => {
          const r = record(x, augmentTitle(x.title.normalize('NFKC'), pool, rng));
          return analyzeListing(priced ? r : { ...r, price: undefined });
        };
        const a = copy(item);
        const b = copy(offer);
        pairs.push({ a, b, label });
        augmented++;
      }
    }
  });
  return { pairs, source: `sandbox catalogue (${catalogue.items.length} items × ${catalogue.offers.length} offers, blocked; ${augmented} augmented copies)` };
}

/**
 * The app's configuration learns from the sandbox and from both English training splits. The sandbox alone
 * is too uniform: its listings are rewrites of one canonical title, so every match there is very similar
 * and a model fitted on it alone refuses real listings that describe one product in different words. The
 * English pairs teach that; the setting and threshold are still chosen on the sandbox pairs only.
 */
async function zhPairs(): Promise<{ pairs: TrainingPair[]; source: string }> {
  const sandbox = await sandboxPairs();
  const english = [await benchmarkPairs('amazon-google'), await benchmarkPairs('walmart-amazon')];
  return {
    pairs: [...sandbox.pairs, ...english.flatMap((e) => e.pairs.map((p) => ({ ...p, select: false })))],
    source: `${sandbox.source}; ${english.map((e) => e.source).join(', ')} (training signal only)`,
  };
}

const CONFIGS = [
  { name: 'amazon-google', load: () => benchmarkPairs('amazon-google'), vetoes: 'fit' as const },
  { name: 'walmart-amazon', load: () => benchmarkPairs('walmart-amazon'), vetoes: 'fit' as const },
  { name: 'zh', load: zhPairs, vetoes: 'always' as const },
];

let stale = 0;
for (const config of CONFIGS) {
  if (only && config.name !== only) continue;
  const started = Date.now();
  const { pairs, source } = await config.load();
  const model = fitMatcherModel(config.name, source, pairs, { vetoes: config.vetoes });
  const text = `${JSON.stringify(model)}\n`;
  const file = join(outDir, `${config.name}.json`);
  const { f1, precision, recall } = model.training.oof;
  const summary = `${config.name}: ${pairs.length} pairs, ${FEATURE_NAMES.length} features, ${model.trees.trees.length} trees, threshold ${model.threshold}, vetoes ${model.vetoes}; out-of-fold P ${(precision * 100).toFixed(1)} R ${(recall * 100).toFixed(1)} F1 ${(f1 * 100).toFixed(1)} (${((Date.now() - started) / 1000).toFixed(1)} s)`;
  if (check) {
    let committed = '';
    try {
      committed = readFileSync(file, 'utf8');
    } catch {
      /* missing counts as different */
    }
    const same = committed === text;
    if (!same) stale++;
    console.log(`${same ? 'up to date' : 'DIFFERS'}  ${summary}`);
  } else {
    writeFileSync(file, text);
    console.log(`wrote ${file}  ${summary}`);
  }
}
if (stale) {
  console.error(`${stale} model file(s) differ from what training produces: run npm run match:train`);
  process.exit(1);
}
