/**
 * Specifications read from a normalised title. Two listings that both state a spec of the same kind with
 * different values are different products, whatever their titles share (iPhone 256GB ≠ iPhone 512GB).
 */
import { STORAGE_SIZES } from './normalize';

export type SpecKind = 'volume' | 'weight' | 'storage' | 'battery' | 'screen' | 'power' | 'pack' | 'colour' | 'size' | 'stage' | 'model';

export type Specs = Partial<Record<SpecKind, Set<string>>>;

export const SPEC_LABELS: Record<SpecKind, string> = {
  volume: '容量',
  weight: '重量',
  storage: '存储',
  battery: '电池容量',
  screen: '尺寸',
  power: '功率',
  pack: '件数',
  colour: '颜色',
  size: '尺码',
  stage: '段数',
  model: '型号',
};

const COLOURS: [RegExp, string][] = [
  [/沙漠色|沙漠金|desert/, '沙漠'],
  [/原色钛|natural/, '原色'],
  [/深空黑|午夜色|曜石黑|黑色|black/, '黑'],
  [/星光色|白色|white|雪白|珍珠白/, '白'],
  [/深空灰|灰色|gray|grey/, '灰'],
  [/银色|silver/, '银'],
  [/金色|gold/, '金'],
  [/玫瑰金|rose\s*gold/, '玫瑰金'],
  [/蓝色|远峰蓝|天蓝|藏青|海军蓝|blue|navy/, '蓝'],
  [/绿色|墨绿|军绿|green/, '绿'],
  [/红色|酒红|正红|red/, '红'],
  [/粉色|粉红|pink/, '粉'],
  [/紫色|purple/, '紫'],
  [/黄色|yellow/, '黄'],
  [/橙色|orange/, '橙'],
  [/卡其色?|khaki/, '卡其'],
  [/米色|米白|beige/, '米'],
  [/棕色|咖啡色|brown/, '棕'],
];

const add = (specs: Specs, kind: SpecKind, value: string) => {
  (specs[kind] ??= new Set()).add(value);
};

/** Numbers as canonical text without trailing zeros: "1.50" → "1.5". */
const num = (s: string, factor = 1) => String(Math.round(Number(s) * factor * 1000) / 1000);


export function extractSpecs(normalized: string): Specs {
  const specs: Specs = {};
  const s = normalized;
  // "5g手机", "5g网络" is the network generation, not 5 grams.
  const t = s.replace(/\b5g(?=\s*(手机|网络|全网通|双模|智能))/g, ' ');

  for (const m of t.matchAll(/(\d+(?:\.\d+)?)(ml|l)\b/g)) add(specs, 'volume', num(m[1]!, m[2] === 'l' ? 1000 : 1));
  for (const m of t.matchAll(/(\d+(?:\.\d+)?)(tb|gb|g|kg)\b/g)) {
    const n = Number(m[1]);
    if (m[2] === 'tb') add(specs, 'storage', num(m[1]!, 1024));
    else if (m[2] === 'gb' || (m[2] === 'g' && STORAGE_SIZES.has(n))) add(specs, 'storage', num(m[1]!));
    else add(specs, 'weight', num(m[1]!, m[2] === 'kg' ? 1000 : 1));
  }
  for (const m of t.matchAll(/(\d+)mah\b/g)) add(specs, 'battery', m[1]!);
  for (const m of t.matchAll(/(\d+(?:\.\d+)?)inch\b/g)) add(specs, 'screen', num(m[1]!));
  for (const m of t.matchAll(/(\d+(?:\.\d+)?)w\b/g)) add(specs, 'power', num(m[1]!));
  for (const m of t.matchAll(/(?:^|[\s\d])x\s?(\d{1,3})(?![\d.]*(?:ml|l|g|kg|gb|mm|cm))/g)) add(specs, 'pack', m[1]!);
  for (const m of t.matchAll(/(\d{1,3})\s?(瓶|盒|包|袋|罐|支|听|卷|片|条|双|件|提|箱|只)(?:装|入)?/g)) {
    // "3件套" is one set; "100抽" / "3层" are not counts of items at all.
    if (m[2] === '件' && t.slice((m.index ?? 0) + m[0].length).startsWith('套')) continue;
    add(specs, 'pack', m[1]!);
  }
  for (const m of t.matchAll(/(\d)段/g)) add(specs, 'stage', m[1]!);
  for (const m of t.matchAll(/(?:^|\s)(xxs|xs|s|m|l|xl|xxl|xxxl|[2-5]xl)(?=\s|$|码)/g)) add(specs, 'size', m[1]!.replace(/^xxxl$/, '3xl').replace(/^xxl$/, '2xl'));
  for (const m of t.matchAll(/(\d{2,3}(?:\.5)?)码/g)) add(specs, 'size', m[1]!);
  for (const [re, key] of COLOURS) if (re.test(t)) add(specs, 'colour', key);
  // "iPhone 16" and "iPhone16" are one model name: join a word to the number right after it (not "x 24").
  const compact = t.replace(/\b(?!x\b)([a-z]+)\s+(\d+)\b/g, '$1$2');
  for (const m of compact.matchAll(/\b([a-z]+\d+[a-z0-9\-]*|\d+[a-z]+[a-z0-9\-]*)\b/g)) {
    const token = m[1]!;
    // Quantities with units and pack counts are specs of their own, not model numbers.
    if (/^\d+(?:\.\d+)?(ml|l|g|kg|gb|tb|mah|w|inch|mm|cm|m|x|p|hz|k)$/.test(token) || /^x\d+$/.test(token)) continue;
    add(specs, 'model', token.replace(/-/g, ''));
  }
  return specs;
}

export interface SpecConflict {
  kind: SpecKind;
  left: string[];
  right: string[];
}

/** Kinds stated on both sides whose values share nothing. */
export function specConflicts(a: Specs, b: Specs): SpecConflict[] {
  const out: SpecConflict[] = [];
  for (const kind of Object.keys(SPEC_LABELS) as SpecKind[]) {
    const x = a[kind];
    const y = b[kind];
    if (!x || !y) continue;
    if (kind === 'model' ? !modelsOverlap(x, y) : ![...x].some((v) => y.has(v))) out.push({ kind, left: [...x], right: [...y] });
  }
  return out;
}

/**
 * Model numbers are written with and without their series name ("mate70" vs "70"), so a model on one side
 * that contains one on the other counts as the same.
 */
function modelsOverlap(x: Set<string>, y: Set<string>): boolean {
  for (const a of x) for (const b of y) if (a === b || a.includes(b) || b.includes(a)) return true;
  return false;
}
