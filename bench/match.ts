/**
 * Figure e: match + merge of n and 2n items (4 offers per item), and the matcher's pairs per second from raw
 * records (analysis included). Pure CPU in this process, one thread.
 *
 * The listings are the sandbox's generators run with other seeds: each seed is a fresh catalogue of the same
 * product lines (other shops, other rewrites of every title, other prices, other look-alikes), so n = 5,000
 * items is some fifteen Weidian shops selling overlapping goods, and their offers are realistic Chinese
 * listings with the catalogue's decoys (other variants, look-alikes) among them.
 */
import { resolve } from 'node:path';
import { mergeProduct } from '../lib/compare/merge';
import { forgetScoredPairs, matchOffers } from '../lib/match/matcher';
import { analyzeListing } from '../lib/match/listing';
import { zhScorer } from '../lib/match/configurations';
import { reshapeOffers } from '../lib/price-api/reshape';
import { reshapeItem } from '../lib/weidian/reshape';
import { rawItemSchema } from '../lib/weidian/schemas';
import type { Offer, Product } from '../lib/types';
import { buildSandboxCatalogue, SANDBOX_SEED, toWireItem, toWireOffer } from '../sandbox/catalogue';
import { readAllPairs } from '../scripts/lib/pairs';

const NOW = Date.parse('2026-12-01T04:00:00Z');
const OFFERS_PER_ITEM = 4;

/** `count` items and OFFERS_PER_ITEM × count offers from catalogues of successive seeds, ids made unique. */
export function listings(count: number): { products: Product[]; offers: Offer[] } {
  const products: Product[] = [];
  const offers: Offer[] = [];
  for (let k = 0; products.length < count || offers.length < count * OFFERS_PER_ITEM; k++) {
    const c = buildSandboxCatalogue(SANDBOX_SEED + 1 + k);
    if (products.length < count) {
      for (const i of c.items) products.push({ ...reshapeItem(rawItemSchema.parse(toWireItem(i, NOW)), new Date(NOW).toISOString()), productId: `${k}${i.num_iid}` });
    }
    if (offers.length < count * OFFERS_PER_ITEM) {
      for (const o of reshapeOffers(c.offers.map((x) => toWireOffer(x, NOW))).offers) offers.push({ ...o, offerId: `${k}-${o.offerId}` });
    }
  }
  return { products: products.slice(0, count), offers: offers.slice(0, count * OFFERS_PER_ITEM) };
}

function matchAndMerge(set: { products: Product[]; offers: Offer[] }): number {
  // From scratch each time: no analysed listing or scored pair kept from an earlier round.
  forgetScoredPairs();
  const started = performance.now();
  const matches = matchOffers(set.products, set.offers);
  let saving = 0;
  for (const p of set.products) saving += mergeProduct(p, matches.get(p.productId)!).savingFen;
  const ms = performance.now() - started;
  if (!Number.isFinite(saving)) throw new Error('merge produced no number');
  return ms;
}

export interface MatchFigures {
  n: number;
  msN: number;
  ms2N: number;
  ratio: number;
  usPerItemN: number;
  usPerItem2N: number;
  pairsPerSecond: number;
  pairs: number;
}

/** Best of `repeats` for each size (the least disturbed by the machine's other load). */
export async function measureMatching(n: number, repeats: number): Promise<MatchFigures> {
  const small = listings(n);
  const large = listings(2 * n);
  matchAndMerge(listings(Math.min(n, 400))); // warm up the JIT and the model
  let msN = Infinity;
  let ms2N = Infinity;
  for (let r = 0; r < repeats; r++) {
    // Side by side: n then 2n in each round, so a burst of background load hits both.
    msN = Math.min(msN, matchAndMerge(small));
    ms2N = Math.min(ms2N, matchAndMerge(large));
  }

  // The matcher's speed on raw records, as `npm run match` scores them: both records analysed, then scored.
  const pairs = await readAllPairs(resolve('tests/fixtures/matching/zh-pairs.jsonl'));
  const scorer = zhScorer();
  let scored = 0;
  const started = performance.now();
  do {
    for (const p of pairs) scorer.verdict(analyzeListing(p.left), analyzeListing(p.right));
    scored += pairs.length;
  } while (performance.now() - started < (repeats > 1 ? 3000 : 500));
  const seconds = (performance.now() - started) / 1000;

  return {
    n,
    msN,
    ms2N,
    ratio: ms2N / msN,
    usPerItemN: (msN * 1000) / n,
    usPerItem2N: (ms2N * 1000) / (2 * n),
    pairsPerSecond: scored / seconds,
    pairs: scored,
  };
}
