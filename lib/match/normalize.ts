/**
 * Text normalisation for Chinese + Latin product listings. Pure. The same function is applied to both
 * sides of a comparison, so any reading it makes (e.g. "128G" as storage) is at least consistent.
 */
import { extractBrands } from './brands';

/** Promotional words that say nothing about which product it is. Longest first so 官方旗舰店 wins over 旗舰店. */
const NOISE = [
  '七天无理由退换', '七天无理由', '官方旗舰店', '京东自营', '天猫超市', '百亿补贴', '品牌直营', '正品保证', '正品行货', '限时特惠',
  '限时秒杀', '现货速发', '现货秒发', '官方正品', '天猫正品', '顺丰包邮', '全国包邮', '国行正品', '新品上市', '热卖爆款', '假一赔十',
  '以旧换新', '官方标配', '官方旗舰', '苏宁自营', '唯品特卖', '淘宝心选', '当天发货', '居家必备', '万人团', '次日达', '官方', '旗舰店',
  '专卖店', '自营', '包邮', '正品', '限时', '特价', '秒杀', '爆款', '热卖', '新款', '新品', '现货', '国行', '直降', '促销', '推荐',
  '优惠', '官网', '2023新款', '2024新款', '2025新款', '2026新款', '分期免息', '领券立减', '官方授权', '品牌直发', '品牌直营', '顺丰速发',
  '顺丰速运', '支持验货', '送礼', '送男友', '送女友', '学生党', '赠品', '免运费', '拍下立减', '领券', '立减',
].sort((a, b) => b.length - a.length);
/**
 * The words as one pattern, longest first: one scan of the title instead of one per word (~0.5 µs against
 * ~5 µs a title, and every listing is read once). Where two words overlap the leftmost is cut, which the
 * word-by-word loop did not always do; both sides of a pair are read alike either way.
 */
const NOISE_WORDS = new RegExp(NOISE.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');

/** Promotions with numbers in them (24期免息, 2件9折, 满199减20), which would otherwise read as specs. */
const NOISE_PATTERNS = [/\d+\s*期\s*免息/g, /\d+\s*件\s*\d+(?:\.\d+)?\s*折/g, /满\d+减\d+/g, /[☆★◆●■▲♥❤]/g];

/** Chinese numerals in pack counts (两瓶装, 三件套): the count, as digits. */
const ZH_DIGITS: Record<string, string> = { 一: '1', 二: '2', 两: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9', 十: '10' };
const ZH_COUNT = /([一二两三四五六七八九十])(?=(?:瓶|盒|包|袋|罐|支|听|卷|片|条|双|件|提|箱|只)(?:装|入|套)?)/g;

/** Units folded to one spelling. Order matters: 千克 before 克, 毫升 before 升. */
const UNIT_FOLDS: [RegExp, string | ((...m: string[]) => string)][] = [
  [/(\d+(?:\.\d+)?)\s*万毫安时?/g, (_, n) => `${trimNumber(Number(n) * 10000)}mah`],
  [/毫升/g, 'ml'],
  [/(\d)\s*升/g, '$1l'],
  [/千克|公斤/g, 'kg'],
  // 1 斤 = 500 g, the everyday weight of rice, detergent, fruit.
  [/(\d+(?:\.\d+)?)\s*斤/g, (_, n) => `${trimNumber(Number(n) * 500)}g`],
  [/(\d)\s*克/g, '$1g'],
  [/英寸|吋/g, 'inch'],
  [/(\d)\s*寸/g, '$1inch'],
  [/毫安时?/g, 'mah'],
  [/(\d)\s*瓦/g, '$1w'],
  [/毫米/g, 'mm'],
  [/厘米/g, 'cm'],
  [/(\d)\s*米/g, '$1m'],
];

/** A character every pattern of UNIT_FOLDS needs: most titles have none, and then none is tried. */
const UNIT_WORD = /[万毫升千公斤克英吋寸瓦厘米]/;

/** Powers of two that, followed by a bare "G", are storage sizes (256G = 256GB) rather than grams. */
export const STORAGE_SIZES = new Set([8, 16, 32, 64, 128, 256, 512, 1024, 2048]);

const trimNumber = (n: number) => String(Math.round(n * 1000) / 1000);

export interface AnalysedTitle {
  /** Folded text without brand names or noise; quantities in one spelling each ("550ml", "256gb"). */
  text: string;
  /** Brand keys named anywhere in the title (see brands.ts). */
  brands: Set<string>;
}

/** NFKC (full-width → half-width), lower case, brackets and noise removed, brands pulled out, units folded. */
export function analyzeTitle(title: string): AnalysedTitle {
  return analyzeFoldedTitle(foldText(title));
}

/** NFKC (full-width → half-width) and lower case: the first step of every reading of a listing's text. */
export const foldText = (s: string) => s.normalize('NFKC').toLowerCase();

/** {@link analyzeTitle} of a title already folded by {@link foldText} (a listing folds its title once). */
export function analyzeFoldedTitle(folded: string): AnalysedTitle {
  let s = folded.replace(/[【】\[\]()（）「」『』<>《》{}]/g, ' ');
  for (const re of NOISE_PATTERNS) s = s.replace(re, ' ');
  s = s.replace(NOISE_WORDS, ' ');
  s = s.replace(ZH_COUNT, (d) => ZH_DIGITS[d]!);
  const { brands, rest } = extractBrands(s);
  s = rest;
  if (UNIT_WORD.test(s)) for (const [re, to] of UNIT_FOLDS) s = s.replace(re, to as string);
  // "8GB+256GB", "8+256G", "12G+256G": memory + storage.
  s = s.replace(/(\d+)\s*(?:gb|g)?\s*\+\s*(\d+)\s*(gb|g|tb|t)(?![a-z])/g, ' ram$1 $2$3 ');
  // Separators between a number and its unit ("500 ml"); not "2.0 L", which is as likely a size L.
  s = s.replace(/(\d)\s+(ml|kg|gb|tb|mah|inch|mm|cm|g)(?![a-z])/g, '$1$2');
  s = s.replace(/\s*[×✕✖*]\s*/g, ' x');
  // One spelling per quantity, so "0.55L" and "550ml", "0.75kg" and "750g", "256G" and "256GB" share a token.
  s = s.replace(/(\d+(?:\.\d+)?)(l|kg)(?![a-z])/g, (_, n: string, unit: string) => `${trimNumber(Number(n) * 1000)}${unit === 'l' ? 'ml' : 'g'}`);
  // "gb" even glued ("128gbusb"); a bare "g" only before a non-letter ("8gen3" is a chip, not 8 GB).
  s = s.replace(/(\d+)(?:gb|g(?![a-z]))/g, (whole, n: string) => (STORAGE_SIZES.has(Number(n)) ? `${n}gb ` : whole));
  s = s.replace(/(\d+)t(?:b)?(?![a-z])/g, '$1tb ');
  // Un-glue a quantity from what follows ("60w2m", "128gbusb").
  s = s.replace(/(\d(?:ml|gb|tb|mah|mm|cm|w|inch))(?=[a-z0-9])/g, '$1 ');
  s = s.replace(/[,，、;；:：!！?？|/\\~～·•+＋"'“”‘’]/g, ' ');
  return { text: s.replace(/\s+/g, ' ').trim(), brands };
}

/** The folded text only (brands removed). */
export function normalizeTitle(title: string): string {
  return analyzeTitle(title).text;
}

/**
 * Word tokens for blocking: Latin words, numbers (with their unit) and Chinese character bigrams (Chinese
 * has no spaces; bigrams are the standard cheap stand-in for word segmentation).
 */
export function tokenize(normalized: string): string[] {
  const tokens: string[] = [];
  for (const run of normalized.match(/[a-z0-9.\-]+|[\u3400-\u9fff]+/g) ?? []) {
    if (/^[\u3400-\u9fff]/.test(run)) {
      if (run.length === 1) tokens.push(run);
      for (let i = 0; i + 1 < run.length; i++) tokens.push(run.slice(i, i + 2));
    } else {
      // "iphone16pro" and "iPhone 16 Pro" give the same tokens; a number with its unit ("256gb") stays whole.
      for (const part of run.match(/\d+(?:\.\d+)?(?:ml|g|gb|tb|mah|w|inch|mm|cm)(?![a-z])|\d+(?:\.\d+)?|[a-z]+/g) ?? []) tokens.push(part);
    }
  }
  return tokens;
}

/** Character bigrams of the text with white space removed: robust to spacing, gluing and word order. */
export function charBigrams(normalized: string): Set<string> {
  const compact = normalized.replace(/[\s#]/g, '');
  const grams = new Set<string>();
  for (let i = 0; i + 1 < compact.length; i++) grams.add(compact.slice(i, i + 2));
  if (compact.length === 1) grams.add(compact);
  return grams;
}
