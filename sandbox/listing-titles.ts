import 'server-only';

import {
  CATEGORY_FILLER_WORDS,
  COMMON_TITLE_PREFIXES,
  COMMON_TITLE_SUFFIXES,
  PLATFORM_TITLE_PREFIXES,
  type Platform,
} from './platforms';
import type { Brand } from './product-lines';
import { chance, intBetween, pick, shuffled, type Rng } from './random';

/**
 * Rewrites a product's canonical title the way other platforms' listings differ from it: brand aliases,
 * unit synonyms, reordering, spacing, full-width characters and promotional noise. The meaning (brand, model,
 * variant) is kept — deciding that two differently written titles are the same product is the matcher's job.
 */

export type ChunkKind = 'brand' | 'name' | 'variant' | 'colour' | 'word';

/** One unit of a title: the rewriter moves, respells and re-spaces whole chunks. */
export interface TitleChunk {
  kind: ChunkKind;
  text: string;
}

export function joinChunks(chunks: readonly TitleChunk[]): string {
  return chunks.map((chunk) => chunk.text).join(' ');
}

const trimNumber = (value: number): string => String(Math.round(value * 1000) / 1000);

/** Alternative spellings of one quantity, e.g. 500 ml → 500毫升 / 500ML / 0.5L. */
function quantitySpellings(value: number, unit: string): string[] {
  const n = trimNumber(value);
  switch (unit) {
    case 'GB':
      return [`${n}G`, `${n}gb`, `${n}G`];
    case 'TB':
      return [`${n}T`, `${n}tb`];
    case 'ml':
      return [`${n}毫升`, `${n}ML`, ...(value >= 500 && value % 250 === 0 ? [`${trimNumber(value / 1000)}L`] : [])];
    case 'L':
      return [`${n}升`, ...(value < 10 ? [`${trimNumber(value * 1000)}ml`, `${trimNumber(value * 1000)}毫升`] : [])];
    case 'g':
      return [`${n}克`, ...(value >= 1000 && value % 100 === 0 ? [`${trimNumber(value / 1000)}kg`] : [])];
    case 'kg':
      return [`${n}千克`, `${n}公斤`, `${trimNumber(value * 1000)}g`, `${n}KG`];
    case 'mAh':
      return [`${n}毫安`, ...(value % 10000 === 0 ? [`${trimNumber(value / 10000)}万毫安`] : [])];
    case 'mm':
      return [`${n}毫米`, `${n}MM`];
    case 'cm':
      return [`${n}厘米`, `${n}CM`];
    case 'W':
      return [`${n}w`, `${n}瓦`];
    default:
      return [`${n}${unit}`];
  }
}

/** `12GB+256GB` → `12+256GB`, `12G+256G`…; kept together because listings always write them as a pair. */
const MEMORY_PAIR = /(\d+)GB\+(\d+)(GB|TB)/g;
/** A number with a unit, not glued to other letters or digits (so shade codes like `1W1` are left alone). */
const QUANTITY = /(?<![A-Za-z0-9.])(\d+(?:\.\d+)?)(GB|TB|mAh|ml|L|kg|g|mm|cm|W)(?![A-Za-z0-9])/g;
/** `×24盒`: the multiplication sign of a pack count. */
const PACK_SIGN = /×(\d+)/g;

/** Respells the quantities inside a chunk, each independently, with probability `p`. */
export function respellQuantities(rng: Rng, text: string, p = 0.5): string {
  let out: string;
  if (/\d+GB\+\d+(GB|TB)/.test(text)) {
    out = text.replace(MEMORY_PAIR, (whole, ram: string, rom: string, unit: string) => {
      if (!chance(rng, p)) return whole;
      const short = unit === 'GB' ? 'G' : 'T';
      return pick(rng, [`${ram}+${rom}${unit}`, `${ram}G+${rom}${short}`, `${ram}+${rom}${short}`]);
    });
  } else {
    out = text.replace(QUANTITY, (whole, value: string, unit: string) =>
      chance(rng, p) ? pick(rng, quantitySpellings(Number(value), unit)) : whole,
    );
  }
  return out.replace(PACK_SIGN, (whole, count: string) =>
    chance(rng, p) ? pick(rng, [`*${count}`, `x${count}`, `X${count}`, `＊${count}`]) : whole,
  );
}

/** ASCII → full-width forms (ＡＢＣ１２３), space → ideographic space; NFKC undoes it. */
export function toFullWidth(text: string): string {
  return text.replace(/[!-~ ]/g, (ch) => (ch === ' ' ? '\u3000' : String.fromCharCode(ch.charCodeAt(0) + 0xfee0)));
}

/**
 * Joins two pieces without a space — unless that would run two numbers together ("iPhone 16" + "512GB" →
 * "iPhone16512GB"), which no real listing does because no reader could split it again.
 */
function glue(left: string, right: string): string {
  return /\d$/.test(left.normalize('NFKC')) && /^\d/.test(right.normalize('NFKC')) ? `${left} ${right}` : left + right;
}

/** Removes the spaces inside a chunk, with the same exception as {@link glue}. */
const squeeze = (text: string): string => text.split(/\s+/).reduce(glue);

export interface RewriteContext {
  platform: Platform;
  cid: number;
  brand: Brand;
}

/** A listing title for the product whose canonical chunks are given. */
export function rewriteListingTitle(rng: Rng, canonical: readonly TitleChunk[], context: RewriteContext): string {
  let chunks = canonical.map((chunk) => ({ ...chunk }));

  // Brand: another spelling, or (for books, where the "brand" is the publisher) often left out.
  const brandIndex = chunks.findIndex((chunk) => chunk.kind === 'brand');
  if (brandIndex >= 0) {
    const brandChunk = chunks[brandIndex] as TitleChunk;
    if (context.cid === 8 && chance(rng, 0.4)) chunks.splice(brandIndex, 1);
    else if (context.brand.aliases.length > 0 && chance(rng, 0.55)) brandChunk.text = pick(rng, context.brand.aliases);
  }

  // Units and pack signs.
  for (const chunk of chunks) if (chunk.kind !== 'brand') chunk.text = respellQuantities(rng, chunk.text);

  // Word order: colour to the end or the front, brand after the name, two variant chunks swapped.
  const colour = chunks.findIndex((chunk) => chunk.kind === 'colour');
  if (colour >= 0 && chance(rng, 0.35)) {
    const [moved] = chunks.splice(colour, 1) as [TitleChunk];
    if (chance(rng, 0.6)) chunks.push(moved);
    else chunks.splice(Math.min(1, chunks.length), 0, moved);
  }
  const brandAt = chunks.findIndex((chunk) => chunk.kind === 'brand');
  if (brandAt >= 0 && brandAt + 1 < chunks.length && chance(rng, 0.2)) {
    const [moved] = chunks.splice(brandAt, 1) as [TitleChunk];
    chunks.splice(brandAt + 1, 0, moved);
  }
  const variants = chunks.flatMap((chunk, index) => (chunk.kind === 'variant' || chunk.kind === 'colour' ? [index] : []));
  if (variants.length >= 2 && chance(rng, 0.25)) {
    const [i, j] = shuffled(rng, variants) as [number, number];
    [chunks[i], chunks[j]] = [chunks[j] as TitleChunk, chunks[i] as TitleChunk];
  }

  // Descriptive words: some dropped, a generic one added.
  chunks = chunks.filter((chunk) => chunk.kind !== 'word' || !chance(rng, 0.2));
  const fillers = CATEGORY_FILLER_WORDS[context.cid] ?? [];
  if (fillers.length > 0 && chance(rng, 0.3)) {
    chunks.splice(intBetween(rng, Math.min(2, chunks.length), chunks.length), 0, { kind: 'word', text: pick(rng, fillers) });
  }

  // A model name in full-width letters now and then (ｉＰｈｏｎｅ　１６).
  const name = chunks.find((chunk) => chunk.kind === 'name');
  if (name && chance(rng, 0.1)) name.text = toFullWidth(name.text);

  if (chunks.length === 0) return '';

  // Spacing: spaced out, run together, or a mix; sometimes a stray double space.
  const style = rng();
  let title: string;
  if (style < 0.45) {
    title = chunks.map((chunk) => chunk.text).join(chance(rng, 0.15) ? '  ' : ' ');
  } else if (style < 0.7) {
    title = chunks.map((chunk) => squeeze(chunk.text)).reduce(glue);
  } else {
    title = chunks.map((chunk) => chunk.text).reduce((acc, text) => (chance(rng, 0.5) ? `${acc} ${text}` : glue(acc, text)));
  }

  if (chance(rng, 0.08)) title = toFullWidth(title);

  // Promotional noise.
  if (chance(rng, 0.45)) {
    const prefixes = [...COMMON_TITLE_PREFIXES, ...PLATFORM_TITLE_PREFIXES[context.platform]];
    title = pick(rng, prefixes) + title;
  }
  if (chance(rng, 0.45)) title = `${title}${chance(rng, 0.5) ? ' ' : ''}${pick(rng, COMMON_TITLE_SUFFIXES)}`;
  return title;
}
