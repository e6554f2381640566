/**
 * One listing read once into everything the pair features need: folded text, word tokens, character
 * bigrams, brands, model codes, specs, price. Pure. Works on any record of string fields — the app's
 * products and offers (title + barcode) and the benchmarks' records (title or name, brand or manufacturer,
 * modelno, category, description, price) alike; missing, empty or non-string fields are simply absent.
 */
import { analyzeFoldedTitle, charBigrams, foldText, tokenize } from './normalize';
import { extractSpecs, packCounts, withoutPackCounts, type Specs } from './specs';
import type { PackSize } from '../types';

/** A listing as found in a pairs file or built from a Product/Offer: fields of any type, strings used. */
export type ListingRecord = Readonly<Record<string, unknown>>;

export interface Listing {
  /** Folded title without brand names or noise (see analyzeTitle). */
  text: string;
  /** Distinct word tokens of the title, plus `brand:<key>` for every brand the lexicon recognises. */
  tokens: string[];
  tokenSet: Set<string>;
  /** Character bigrams of the folded title (and brand keys). */
  grams: Set<string>;
  /** Lexicon brand keys named by the title or the brand field. */
  brands: Set<string>;
  /** The brand / manufacturer field, folded ("" when absent). */
  brandField: string;
  /** Model codes: alphanumeric runs of the title with letters and digits, and the modelno field; compact. */
  models: string[];
  /** The modelno field, compact ("" when absent). */
  modelno: string;
  /** The title, brand and modelno with every non-alphanumeric character removed, for finding codes. */
  compact: string;
  /** Numeric tokens (with a glued unit when there is one: "256gb", "2.0", "2007"). */
  numbers: string[];
  specs: Specs;
  /** Price in the record's currency, when positive. */
  price: number | null;
  /** Character trigrams of the title with spaces removed ("print shop" = "printshop"). */
  trigrams: Set<string>;
  /** Word tokens of the category field. */
  category: Set<string>;
  barcode: string | null;
}

/** The first of `names` that holds a non-empty string (numbers are accepted as their decimal text). */
export function field(record: ListingRecord, ...names: string[]): string {
  for (const name of names) {
    const v = record[name];
    if (typeof v === 'string' && v.trim()) return v.trim();
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  }
  return '';
}

const fold = foldText;
const compactOf = (s: string) => s.replace(/[^a-z0-9\u3400-\u9fff]/g, '');

/** Quantities, not models: 256gb, 15.4in, 500ml, 2pk, 1080p, 64bit … */
const QUANTITY_CODE = /^\d+(?:\.\d+)?(?:gb|tb|mb|kb|ghz|mhz|hz|ml|l|mm|cm|m|in|inch|ft|oz|lb|lbs|w|v|mah|g|kg|pk|pack|ct|x|p|k|bit|d|th|st|nd|rd|s|pc|pcs|yr|year|mp|gbps|mbps)$/;
/** Codes that name a product line or an OS rather than a model ("x64", "win7") are kept: they still tell. */
function modelCodes(folded: string, modelno: string): string[] {
  const out = new Set<string>();
  if (modelno.length >= 2) out.add(modelno);
  for (const m of folded.matchAll(/[a-z0-9][a-z0-9\-/.]*[a-z0-9]|[a-z0-9]/g)) {
    const run = m[0];
    const code = run.replace(/[-/.]/g, '');
    if (code.length < 4 || QUANTITY_CODE.test(run) || QUANTITY_CODE.test(code)) continue;
    const hasDigit = /\d/.test(code);
    const hasLetter = /[a-z]/.test(code);
    if ((hasDigit && hasLetter) || (hasDigit && code.length >= 5)) out.add(code);
  }
  return [...out];
}

function charTrigrams(text: string): Set<string> {
  const compact = text.replace(/[^a-z0-9\u3400-\u9fff]/g, '');
  const grams = new Set<string>();
  for (let i = 0; i + 2 < compact.length; i++) grams.add(compact.slice(i, i + 3));
  return grams;
}

function parsePrice(s: string): number | null {
  const n = Number(s.replace(/[^0-9.]/g, ''));
  return Number.isFinite(n) && n > 0 ? n : null;
}

export function analyzeListing(record: ListingRecord): Listing {
  const title = field(record, 'title', 'name') || field(record, 'description').slice(0, 200);
  const brandField = fold(field(record, 'brand', 'manufacturer'));
  const modelno = compactOf(fold(field(record, 'modelno', 'model')));
  const barcode = field(record, 'barcode', 'gtin', 'ean', 'upc') || null;
  const folded = fold(title);
  const { text, brands } = analyzeFoldedTitle(folded);
  if (brandField) for (const b of analyzeFoldedTitle(brandField).brands) brands.add(b);
  return {
    ...textParts(text, brands),
    brands,
    brandField,
    models: modelCodes(folded, modelno),
    modelno,
    compact: compactOf(`${folded} ${brandField} ${modelno}`),
    price: parsePrice(field(record, 'price')),
    category: new Set(tokenize(fold(field(record, 'category')))),
    barcode,
  };
}

/** Everything read from the folded title text (and the brands, which take part as tokens). */
function textParts(text: string, brands: Set<string>) {
  const brandTokens = [...brands].map((b) => `brand:${b}`);
  // "2.0" and "2", "v 11" and "11" are one version number.
  const tokenSet = new Set([...tokenize(text).map((t) => t.replace(/^(\d+)\.0+$/, '$1')), ...brandTokens]);
  return {
    text,
    tokens: [...tokenSet],
    tokenSet,
    grams: new Set([...charBigrams(text), ...brandTokens]),
    // "4g"/"5g" is the network (5G手机), not a quantity that tells variants apart.
    numbers: [...tokenSet].filter((t) => /^\d/.test(t) && !/^[45]g$/.test(t)),
    specs: extractSpecs(text, brands),
    trigrams: charTrigrams(text),
  };
}

/** A pack as a shopper reads it: "×24盒", or "×12" when the title does not name the piece. */
export const packLabel = (p: PackSize) => `×${p.count}${p.piece ?? ''}`;

/** Counts of containers whose contents the title does not say: ×2箱 of what? Not a size to compare by. */
const CONTAINERS = new Set(['箱', '提']);

const single = (values: Set<string> | undefined): string | null => (values && values.size === 1 ? [...values][0]! : null);

/**
 * The pack size a listing states ("250ml×24盒" → 24 盒 of 250 ml), when it states exactly one count of
 * pieces; null when it states none, several (×12 …×2箱) or a count of cases.
 */
export function packSizeOf(listing: Listing): PackSize | null {
  const value = single(listing.specs.pack);
  const count = Number(value);
  if (value === null || !Number.isInteger(count) || count < 1) return null;
  const words = new Set(packCounts(listing.text).map((p) => p.unit).filter((u): u is string => u !== null));
  if ([...words].some((w) => CONTAINERS.has(w)) || words.size > 1) return null;
  const volume = single(listing.specs.volume);
  const weight = single(listing.specs.weight);
  const measure =
    volume !== null ? { amount: Number(volume), unit: 'ml' as const } : weight !== null ? { amount: Number(weight), unit: 'g' as const } : null;
  return { count, piece: single(words), measure };
}

/**
 * The listing as one piece of its pack: pack counts cut from the title and the price divided by the count.
 * Two listings that differ only in pack count are the same product when their pieces match.
 */
export function onePiece(listing: Listing, count: number): Listing {
  return {
    ...listing,
    ...textParts(withoutPackCounts(listing.text), listing.brands),
    price: listing.price === null ? null : listing.price / count,
  };
}
