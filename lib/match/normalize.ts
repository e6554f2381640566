/**
 * Text normalisation for Chinese + Latin product listings. Pure. The same function is applied to both
 * sides of a comparison, so any reading it makes (e.g. "128G" as storage) is at least consistent.
 */

/** Promotional words that say nothing about which product it is. Longest first so 官方旗舰店 wins over 旗舰店. */
const NOISE = [
  '官方旗舰店', '京东自营', '天猫超市', '百亿补贴', '品牌直营', '正品保证', '正品行货', '限时特惠', '限时秒杀', '现货速发',
  '现货秒发', '官方正品', '顺丰包邮', '全国包邮', '国行正品', '新品上市', '热卖爆款', '官方', '旗舰店', '专卖店', '自营',
  '包邮', '正品', '限时', '特价', '秒杀', '爆款', '热卖', '新款', '现货', '国行', '直降', '促销', '推荐', '优惠', '官网',
  '2023新款', '2024新款', '2025新款', '2026新款',
].sort((a, b) => b.length - a.length);

/** Brand spellings folded to one key, so 苹果 and Apple compare equal. */
const BRAND_ALIASES: [RegExp, string][] = [
  [/苹果|apple/g, 'apple'],
  [/华为|huawei/g, 'huawei'],
  [/小米|xiaomi|\bmi\b/g, 'xiaomi'],
  [/红米|redmi/g, 'redmi'],
  [/三星|samsung/g, 'samsung'],
  [/索尼|sony/g, 'sony'],
  [/安克|anker/g, 'anker'],
  [/闪迪|sandisk/g, 'sandisk'],
  [/兰蔻|lancome|lancôme/g, 'lancome'],
  [/雅诗兰黛|estee\s*lauder|estée\s*lauder/g, 'esteelauder'],
  [/欧莱雅|l'?oreal|l’oreal/g, 'loreal'],
  [/耐克|nike/g, 'nike'],
  [/阿迪达斯|adidas/g, 'adidas'],
  [/李宁|li-?ning/g, 'lining'],
  [/优衣库|uniqlo/g, 'uniqlo'],
  [/迪卡侬|decathlon/g, 'decathlon'],
  [/花王|kao/g, 'kao'],
  [/戴森|dyson/g, 'dyson'],
  [/罗技|logitech/g, 'logitech'],
  [/飞利浦|philips/g, 'philips'],
  [/美的|midea/g, 'midea'],
];

/** Units folded to one spelling. Order matters: 千克 before 克, 毫升 before 升. */
const UNIT_FOLDS: [RegExp, string][] = [
  [/毫升/g, 'ml'],
  [/(\d)\s*升/g, '$1l'],
  [/千克|公斤/g, 'kg'],
  [/(\d)\s*克/g, '$1g'],
  [/英寸|吋/g, 'inch'],
  [/(\d)\s*寸/g, '$1inch'],
  [/毫安时?/g, 'mah'],
  [/(\d)\s*瓦/g, '$1w'],
];

/** Powers of two that, followed by a bare "G", are storage sizes (256G = 256GB) rather than grams. */
export const STORAGE_SIZES = new Set([8, 16, 32, 64, 128, 256, 512, 1024, 2048]);

const trimNumber = (n: number) => String(Math.round(n * 1000) / 1000);

/** NFKC (full-width → half-width), lower case, brackets and noise removed, brands and units folded. */
export function normalizeTitle(title: string): string {
  let s = title.normalize('NFKC').toLowerCase();
  s = s.replace(/[【】\[\]()（）「」『』<>《》{}]/g, ' ');
  for (const word of NOISE) s = s.replaceAll(word, ' ');
  for (const [re, to] of BRAND_ALIASES) s = s.replace(re, ` ${to} `);
  for (const [re, to] of UNIT_FOLDS) s = s.replace(re, to);
  // Separators between a number and its unit ("500 ml") and multiplication signs written many ways.
  s = s.replace(/(\d)\s+(ml|l|g|kg|gb|tb|mah|w|inch)(?![a-z])/g, '$1$2');
  s = s.replace(/\s*[×✕✖*]\s*/g, ' x');
  // One spelling per quantity, so "0.55L" and "550ml", "0.75kg" and "750g", "256G" and "256GB" share a token.
  s = s.replace(/(\d+(?:\.\d+)?)(l|kg)(?![a-z])/g, (_, n: string, unit: string) => `${trimNumber(Number(n) * 1000)}${unit === 'l' ? 'ml' : 'g'}`);
  s = s.replace(/(\d+)g(?![a-z])/g, (whole, n: string) => (STORAGE_SIZES.has(Number(n)) ? `${n}gb` : whole));
  s = s.replace(/[,，、;；:：!！?？|/\\~～·•+＋"'“”‘’#＃]/g, ' ');
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Tokens for similarity: Latin/digit runs as words, and Chinese text as character bigrams (Chinese has no
 * spaces, and bigrams are the standard cheap stand-in for word segmentation).
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
