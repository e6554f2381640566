/**
 * Specifications read from a normalised title. Two listings that both state a spec of the same kind with
 * different values are different products, whatever their titles share (iPhone 256GB ≠ iPhone 512GB).
 */

export type SpecKind =
  | 'brand' | 'volume' | 'weight' | 'storage' | 'memory' | 'battery' | 'screen' | 'power' | 'dimension' | 'pack'
  | 'colour' | 'size' | 'stage' | 'shade' | 'model' | 'edition' | 'version' | 'accessory' | 'ply' | 'sheets'
  | 'variety' | 'grade' | 'number';

export type Specs = Partial<Record<SpecKind, Set<string>>>;

export const SPEC_LABELS: Record<SpecKind, string> = {
  brand: '品牌',
  volume: '容量',
  weight: '重量',
  storage: '存储',
  memory: '内存',
  battery: '电池容量',
  screen: '屏幕尺寸',
  power: '功率',
  dimension: '尺寸',
  pack: '件数',
  colour: '颜色',
  size: '尺码',
  stage: '段数',
  shade: '色号',
  model: '型号',
  edition: '版本',
  version: '版本',
  accessory: '配件/非本品',
  ply: '层数',
  sheets: '抽数',
  variety: '口味/型号',
  grade: '品类（有机/无糖等）',
  number: '编号',
};

const BASE_COLOURS = '黑白红蓝绿紫灰银金粉黄橙青棕米';
const COLOUR_MODIFIERS = '冰川|月光|荧光|暮光|镜瓷|子夜|云杉|雅川|冰霜|午夜|深空|星光|远峰|象牙|珍珠|玫瑰|宝石|天空|海军|标准|经典|亮|深|浅|藏|墨|酒|雪|奶|冷调|暖调';
const CJK_COLOUR = new RegExp(`(?:${COLOUR_MODIFIERS})([${BASE_COLOURS}])|([${BASE_COLOURS}])色|(沙漠|原|卡其|咖啡|杏|驼|星光|午夜)色`, 'g');
/**
 * A colour name of three or four characters standing as a word of its own, ending in a base colour (曜石黑,
 * 雪域白, 长春花蓝): how phones and clothes name colours; or a base colour, one more character and 色 (黑镍色).
 * Not 粉/米/金, which end many non-colour words (蜜粉, 大米, 白金).
 */
const NAMED_COLOUR = /(?<![\u3400-\u9fff])[\u3400-\u9fff]{2,3}([黑白红蓝绿紫灰银黄橙青棕])(?![\u3400-\u9fff])|([黑白红蓝绿紫灰银黄橙青棕])[\u3400-\u9fff]色/g;
const LONE_COLOUR = new RegExp(`(?<![\\u3400-\\u9fff])([${BASE_COLOURS}])(?![\\u3400-\\u9fff])`, 'g');
const LATIN_COLOURS: [RegExp, string][] = [
  [/\bblack\b/, '黑'], [/\bwhite\b/, '白'], [/\bred\b/, '红'], [/\bblue\b|\bnavy\b/, '蓝'], [/\bgreen\b/, '绿'], [/\bpurple\b/, '紫'],
  [/\bgr[ae]y\b/, '灰'], [/\bsilver\b/, '银'], [/\bgold\b/, '金'], [/\bpink\b/, '粉'], [/\byellow\b/, '黄'], [/\borange\b/, '橙'],
];
/** What every colour pattern above needs: a base colour or 色. */
const ANY_CJK_COLOUR = new RegExp(`[${BASE_COLOURS}色]`);
const ANY_LATIN_COLOUR = new RegExp(LATIN_COLOURS.map(([re]) => re.source).join('|'));

/** Latin edition words: one side saying "Pro" and the other not is a different product. */
const EDITION_WORDS = new Set(['pro', 'max', 'plus', 'ultra', 'mini', 'lite', 'se']);
/**
 * Chinese edition markers: a conflict only when both sides state one. Besides the fixed words, any short
 * "…版" (柔光版, wifi版, lightning版) names an edition; 新版/正版/国行版 and the like say nothing.
 */
const VERSION_MARKERS = /(标准版|nfc版|青春版|至尊版|典藏版|精装|平装|礼盒装|wlan版|蜂窝版|gps款|蜂窝款|(?<![a-z0-9\-])[a-z][a-z0-9\-]{1,9}版|(?<=^|[^\u3400-\u9fff]|版)(?:(?!版)[\u3400-\u9fff]){2,3}版)/g;
/** Every version marker ends in one of these. */
const ANY_VERSION_MARKER = /[版装款]/;
const NOT_EDITIONS = new Set(['新版', '旧版', '正版', '国行版', '官方版', '升级版', '经典版', '白金版', '金装版', '同款版']);
/**
 * What makes a listing something other than the product itself: a part, a case, a dummy. "适用/兼容" only
 * at the start ("适用iPhone15 手机壳"); later in a title it states compatibility (充电器 … 适用苹果华为笔记本).
 */
const ACCESSORY_MARKERS = /(^(?:适用|兼容|适配)|配件|替换|刷头|手机壳|保护壳|保护套|钢化膜|贴膜|类纸膜|保护膜|镜头膜|表带|耳机套|奶嘴|模型机|展示机)/;

const add = (specs: Specs, kind: SpecKind, value: string) => {
  (specs[kind] ??= new Set()).add(value);
};

/** Numbers as canonical text without trailing zeros: "1.50" → "1.5". */
const num = (s: string, factor = 1) => String(Math.round(Number(s) * factor * 1000) / 1000);

/** "…味/香/型" that are claims, not a flavour or scent (持久留香, 口味 itself). */
const NOT_VARIETIES = new Set(['留香', '口味', '风味', '新型', '大型', '小型', '中型']);

/** Clothing and nappy sizes standing alone (or before 码 / a count of 片). */
const SIZE = /(?<![a-z0-9.])(xxs|xs|s|m|l|xl|xxl|xxxl|[2-5]xl)(?=$|[\s\u3400-\u9fff]|码|\d+片)/g;

/** A number with a unit, as left by analyzeTitle ("550ml", "256gb", "42mm"). */
const QUANTITY = /(\d+(?:\.\d+)?)(ml|gb|tb|g|mah|inch|w|mm|cm|m)(?![a-z])/g;

/** "×24", "x 12": a multiplication sign and a count (not "x 2ml", a quantity). */
const PACK_TIMES = /(?:^|[\s\d])x\s?(\d{1,3})(?![\d.]*(?:ml|g|gb|mm|cm))/g;
/** "24盒", "2瓶装", "12入": a count and what is counted. */
const PACK_UNITS = /(\d{1,3})\s?(瓶|盒|包|袋|罐|支|听|卷|片|条|双|件|提|箱|只)(?:装|入)?/g;

/** One pack count found in a normalised title: its value, what is counted (盒, 瓶 …, or null after "×"), where. */
export interface PackCount {
  value: string;
  unit: string | null;
  start: number;
  end: number;
}

export function packCounts(t: string): PackCount[] {
  const out: PackCount[] = [];
  for (const m of t.matchAll(PACK_TIMES)) {
    const start = m.index + m[0].indexOf('x');
    out.push({ value: m[1]!, unit: null, start, end: m.index + m[0].length });
  }
  for (const m of t.matchAll(PACK_UNITS)) {
    // "3件套" is one set; "100抽" / "3层" are not counts of items at all.
    if (m[2] === '件' && t.slice(m.index + m[0].length).startsWith('套')) continue;
    out.push({ value: m[1]!, unit: m[2]!, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * The normalised title with its pack counts cut out ("250ml x24盒" → "250ml"): what the listing says about
 * one piece. Used to ask whether two listings that differ only in pack count are otherwise the same product.
 */
export function withoutPackCounts(normalized: string): string {
  // The two patterns can overlap ("x24盒"), so mark characters rather than cutting span by span.
  const cut = new Array<boolean>(normalized.length).fill(false);
  for (const { start, end } of packCounts(normalized)) cut.fill(true, start, end);
  return normalized.split('').map((ch, i) => (cut[i] ? ' ' : ch)).join('').replace(/\s+/g, ' ').trim();
}

export function extractSpecs(normalized: string, brands: Set<string> = new Set()): Specs {
  const specs: Specs = {};
  if (brands.size) specs.brand = new Set(brands);
  // "5g手机", "5g网络" is the network generation, not 5 grams.
  const t = normalized.replace(/(?<![\d.])5g(?=\s*(手机|网络|全网通|双模|智能)|$|\s)/g, ' ');

  for (const m of t.matchAll(QUANTITY)) {
    const [, n, unit] = m as unknown as [string, string, string];
    if (unit === 'ml') add(specs, 'volume', num(n));
    else if (unit === 'gb') add(specs, 'storage', num(n));
    else if (unit === 'tb') add(specs, 'storage', num(n, 1024));
    else if (unit === 'g') add(specs, 'weight', num(n));
    else if (unit === 'mah') add(specs, 'battery', num(n));
    else if (unit === 'inch') add(specs, 'screen', num(n));
    else if (unit === 'w') add(specs, 'power', num(n));
    else add(specs, 'dimension', num(n, unit === 'm' ? 1000 : unit === 'cm' ? 10 : 1));
  }
  for (const m of t.matchAll(/\bram(\d+)\b/g)) add(specs, 'memory', m[1]!);
  for (const count of packCounts(t)) add(specs, 'pack', count.value);
  // The patterns below that need a character most titles lack are tried only when it is there: this runs
  // once for every listing of a comparison, and a scan that cannot match costs as much as one that does.
  if (t.includes('段')) for (const m of t.matchAll(/(\d)段/g)) add(specs, 'stage', m[1]!);
  if (t.includes('层')) for (const m of t.matchAll(/(\d+)层/g)) add(specs, 'ply', m[1]!);
  if (t.includes('抽')) for (const m of t.matchAll(/(\d+)抽/g)) add(specs, 'sheets', m[1]!);
  // Flavour, scent or type: 巧克力味 / 原味, 自然清香 / 薰衣草香, 清爽去油型 / 丝质柔滑型 (the last character
  // before the marker is enough to tell them apart and is stable however the words before it are spaced).
  if (/[味香型]/.test(t)) {
    for (const m of t.matchAll(/([\u3400-\u9fff])(味|香|型)(?!号)/g)) {
      if (!NOT_VARIETIES.has(m[1]! + m[2]!)) add(specs, 'variety', m[1]! + m[2]!);
    }
  }
  // Grades a listing always states when they apply (有机 milk, 无糖 cola): one side saying it is enough.
  specs.grade = new Set(t.match(/有机|无糖|低糖|零糖|减糖|脱脂|低脂/g) ?? []);
  if (t.includes('#')) {
    for (const m of t.matchAll(/#(\d{1,3})/g)) add(specs, 'shade', String(Number(m[1])));
    // Named shades and palettes: #小猫, #枫叶 (a digit after # is the numbered shade above).
    for (const m of t.matchAll(/#([\u3400-\u9fff]{1,4})/g)) add(specs, 'shade', m[1]!);
  }
  for (const m of t.matchAll(SIZE)) {
    add(specs, 'size', m[1]!.replace(/^xxxl$/, '3xl').replace(/^xxl$/, '2xl'));
  }
  if (t.includes('码')) for (const m of t.matchAll(/(\d{2,3}(?:\.5)?)码/g)) add(specs, 'size', m[1]!);
  if (ANY_CJK_COLOUR.test(t)) {
    for (const m of t.matchAll(CJK_COLOUR)) add(specs, 'colour', m[1] ?? m[2] ?? m[3]!);
    for (const m of t.matchAll(NAMED_COLOUR)) add(specs, 'colour', m[1] ?? m[2]!);
    // A base colour standing alone ("128gb 蓝"), as short listings write it.
    for (const m of t.matchAll(LONE_COLOUR)) add(specs, 'colour', m[1]!);
  }
  if (ANY_LATIN_COLOUR.test(t)) for (const [re, key] of LATIN_COLOURS) if (re.test(t)) add(specs, 'colour', key);
  if (ANY_VERSION_MARKER.test(t)) {
    for (const m of t.replace(/gps\s*\+\s*蜂窝/g, '蜂窝').matchAll(VERSION_MARKERS)) {
      const marker = m[1]!.replace(/^gps版$/, 'gps款');
      if (!NOT_EDITIONS.has(marker)) add(specs, 'version', marker);
    }
  }
  if (ACCESSORY_MARKERS.test(t)) add(specs, 'accessory', 'yes');
  else specs.accessory = new Set(['no']);

  // Model numbers, read with the quantities taken out so "11inch" or "256gb" never look like models; a word
  // and the number after it are one model ("Mate 70" = "Mate70").
  const rest = t.replace(QUANTITY, ' ').replace(/\b(?!x\b)([a-z]+)\s+(\d)/g, '$1$2');
  specs.edition = new Set();
  for (const w of rest.match(/[a-z]+/g) ?? []) {
    // Whole words, or glued at the end of one ("freebudspro", "16pro" → "pro").
    // Glued editions come off the end one by one: "15promax" → max, pro.
    let word = w;
    for (let found = true; found; ) {
      found = false;
      for (const e of EDITION_WORDS) {
        if (word === e || (e.length >= 3 && word.endsWith(e))) {
          specs.edition.add(e);
          word = word.slice(0, -e.length);
          found = word.length > 0;
          break;
        }
      }
    }
  }
  // Bare numbers (衬衫 41, 手环9, 第1部): numbers that are neither quantities, counts nor part of a model.
  for (const m of rest.matchAll(/(?<![a-z0-9.#\-])(\d{1,4})(?![a-z0-9.]|段|层|抽|瓶|盒|包|袋|罐|支|听|卷|片|条|双|件|提|箱|只|码)/g)) {
    const n = Number(m[1]);
    if (n >= 2000 && n <= 2100) continue; // a year (2026冬季), not a variant
    add(specs, 'number', String(n));
  }
  for (const m of rest.matchAll(/[a-z0-9\-]*[a-z][a-z0-9\-]*/g)) {
    const run = m[0].replace(/-/g, '');
    if (!/\d/.test(run) || /^(x|ram)\d+$/.test(run)) continue;
    // "forerunner265gps" → "forerunner265": a model is letters and the number right after them.
    const model = /^[a-z]+\d+/.exec(run)?.[0] ?? run;
    add(specs, 'model', model);
  }
  return specs;
}

export interface SpecConflict {
  kind: SpecKind;
  left: string[];
  right: string[];
}

const SPEC_KINDS = Object.keys(SPEC_LABELS) as SpecKind[];

/**
 * Kinds compared as "must be equal" rather than "must share a value". Pack counts too: ×12盒×2提 is 24
 * boxes, not the ×12 it shares a number with.
 */
const EXACT: ReadonlySet<SpecKind> = new Set(['edition', 'accessory', 'grade', 'pack']);

export interface SpecComparison {
  /** Kinds stated on both sides whose values do not agree. */
  conflicts: SpecConflict[];
  /** Kinds both sides state (with a value) and agree on: evidence for a match. */
  agreeing: number;
  /** Kinds only one side states. */
  oneSided: number;
}

const KIND_ORDER = new Map(SPEC_KINDS.map((k, i) => [k, i]));
const stated = (kind: SpecKind, values: Set<string> | undefined) => !!values && values.size > 0 && !(kind === 'accessory' && values.has('no'));

/**
 * Compares two listings' specs kind by kind, conflicts in SPEC_KINDS order. Only the kinds either side
 * has are visited (a listing states a few of the 23): this runs for every blocked pair.
 */
export function compareSpecs(a: Specs, b: Specs): SpecComparison {
  const conflicts: SpecConflict[] = [];
  let agreeing = 0;
  let oneSided = 0;
  for (const key in a) {
    const kind = key as SpecKind;
    const x = a[kind];
    const y = b[kind];
    const statedX = stated(kind, x);
    const statedY = stated(kind, y);
    if (statedX !== statedY) oneSided++;
    if (!x || !y) continue;
    let agree: boolean;
    if (EXACT.has(kind)) agree = x.size === y.size && isSubset(x, y);
    else if (x.size === 0 || y.size === 0) agree = true;
    else if (kind === 'model') agree = modelsOverlap(x, y);
    else agree = intersects(x, y);
    if (!agree) conflicts.push({ kind, left: [...x], right: [...y] });
    else if (statedX && statedY) agreeing++;
  }
  for (const key in b) {
    const kind = key as SpecKind;
    if (a[kind] === undefined && stated(kind, b[kind])) oneSided++;
  }
  if (conflicts.length > 1) conflicts.sort((p, q) => KIND_ORDER.get(p.kind)! - KIND_ORDER.get(q.kind)!);
  return { conflicts, agreeing, oneSided };
}

function isSubset(x: Set<string>, y: Set<string>): boolean {
  for (const v of x) if (!y.has(v)) return false;
  return true;
}

function intersects(x: Set<string>, y: Set<string>): boolean {
  for (const v of x) if (y.has(v)) return true;
  return false;
}

/** Kinds stated on both sides whose values do not agree. */
export function specConflicts(a: Specs, b: Specs): SpecConflict[] {
  return compareSpecs(a, b).conflicts;
}

/** "mate70" and "70", "iphone16" and "iphone16" … a model on one side that contains one on the other agrees. */
function modelsOverlap(x: Set<string>, y: Set<string>): boolean {
  for (const a of x) for (const b of y) if (a === b || a.includes(b) || b.includes(a)) return true;
  return false;
}
