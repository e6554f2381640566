/**
 * Tables for the normaliser and the conflict rules: units, full-width, brand aliases, promotional noise,
 * pack counts, and every conflict kind with its explanation.
 */
import { describe, expect, it } from 'vitest';
import { compareListings, features } from '@/lib/match/matcher';
import { analyzeListing } from '@/lib/match/listing';
import { analyzeTitle } from '@/lib/match/normalize';
import { extractSpecs, type SpecKind } from '@/lib/match/specs';

const specsOf = (title: string) => {
  const { text, brands } = analyzeTitle(title);
  return extractSpecs(text, brands);
};
const spec = (title: string, kind: SpecKind) => [...(specsOf(title)[kind] ?? [])].sort();

describe('units fold to one spelling', () => {
  it.each([
    ['500ml', 'volume', ['500']], ['500mL', 'volume', ['500']], ['500毫升', 'volume', ['500']], ['500 ML', 'volume', ['500']],
    ['0.5L', 'volume', ['500']], ['1.5升', 'volume', ['1500']],
    ['750g', 'weight', ['750']], ['750克', 'weight', ['750']], ['0.75kg', 'weight', ['750']], ['2千克', 'weight', ['2000']],
    ['2公斤', 'weight', ['2000']], ['5斤', 'weight', ['2500']], ['3KG', 'weight', ['3000']],
    ['11英寸', 'screen', ['11']], ['11寸', 'screen', ['11']], ['11吋', 'screen', ['11']], ['11inch', 'screen', ['11']],
    ['256GB', 'storage', ['256']], ['256G', 'storage', ['256']], ['256gb', 'storage', ['256']], ['1TB', 'storage', ['1024']],
    ['1T', 'storage', ['1024']], ['1024GB', 'storage', ['1024']],
    ['65W', 'power', ['65']], ['65瓦', 'power', ['65']],
    ['10000mAh', 'battery', ['10000']], ['10000毫安', 'battery', ['10000']], ['1万毫安', 'battery', ['10000']],
    ['32cm', 'dimension', ['320']], ['32厘米', 'dimension', ['320']], ['320mm', 'dimension', ['320']],
  ] as const)('%s → %s %j', (text, kind, values) => {
    expect(spec(`某品牌 商品 ${text}`, kind)).toEqual(values);
  });

  it('does not read a chip name or the network generation as a quantity', () => {
    expect(spec('小米14 骁龙8Gen3 手机', 'storage')).toEqual([]);
    expect(spec('华为 Mate 70 5G手机', 'weight')).toEqual([]);
  });
});

describe('pack counts', () => {
  it.each([
    ['伊利 纯牛奶 250ml×24盒', ['24']], ['伊利 纯牛奶 250ml*24', ['24']], ['伊利 纯牛奶 250ml x24', ['24']],
    ['伊利 纯牛奶 24盒装 250ml', ['24']], ['李锦记 蚝油 2瓶装', ['2']], ['李锦记 蚝油 两瓶装', ['2']], ['海天 蚝油 三瓶', ['3']],
    ['南极人 3件套', []],
  ] as const)('%s → %j', (title, values) => {
    expect(spec(title, 'pack')).toEqual(values);
  });
});

describe('full-width, case, brackets and promotional noise', () => {
  it.each([
    ['ＡＰＰＬＥ ｉＰｈｏｎｅ１５ １２８ＧＢ', 'iphone15 128gb'],
    ['【官方旗舰店】苹果 iPhone 15 包邮', 'iphone 15'],
    ['【2件9折】Apple iPhone 15 128GB 24期免息', 'iphone 15 128gb'],
    ['☆华为 Pura 70 领券立减 分期免息', 'pura 70'],
    ['[官方授权]小米14 品牌直发 支持验货 送礼', '14'],
    ['包邮正品现货秒发纯牛奶官方旗舰店自营', '纯牛奶'], // words glued to each other, a longer one first
    ['2026新款新款 卫衣', '卫衣'],
  ])('%s → %s', (title, text) => {
    expect(analyzeTitle(title).text).toBe(text);
  });
});

describe('brand aliases', () => {
  it.each([
    ['苹果 iPhone 15', 'apple'], ['Apple iPhone 15', 'apple'], ['ＡＰＰＬＥ iPhone 15', 'apple'], ['Apple/苹果 iPhone 15', 'apple'],
    ['华为 Pura 70', 'huawei'], ['HUAWEI Pura 70', 'huawei'], ['华为/HUAWEI Pura 70', 'huawei'],
    ['SK-II 神仙水', 'skii'], ['SK2 神仙水', 'skii'], ['兰蔻 粉水', 'lancome'], ['LANCOME 粉水', 'lancome'],
  ])('%s → %s', (title, brand) => {
    expect([...analyzeTitle(title).brands]).toEqual([brand]);
  });

  it('uses the brand or manufacturer field of a record too', () => {
    expect([...analyzeListing({ title: '纯牛奶 250ml', brand: '伊利' }).brands]).toEqual(['yili']);
    expect([...analyzeListing({ title: 'iphone case', manufacturer: 'Apple' }).brands]).toEqual(['apple']);
  });
});

describe('records of any shape', () => {
  it.each([
    [{}],
    [{ title: 123, brand: null, price: { amount: 1 } }],
    [{ name: 'lenovo backpack', modelno: '41U-5254', price: '0.0' }],
    [{ description: 'a long description '.repeat(50) }],
  ])('%j', (record) => {
    const l = analyzeListing(record);
    expect(Array.isArray(l.tokens)).toBe(true);
    expect(l.price === null || l.price > 0).toBe(true);
  });

  it('reads the model number field compactly and the price when positive', () => {
    const l = analyzeListing({ name: 'lenovo backpack', modelno: '41U-5254', price: '31.51' });
    expect(l.modelno).toBe('41u5254');
    expect(l.models).toContain('41u5254');
    expect(l.price).toBe(31.51);
    expect(analyzeListing({ title: 'x', price: '0.0' }).price).toBeNull();
  });
});

const verdict = (a: string, b: string) => compareListings(features(a), features(b));

describe('every conflict kind forbids a match and is explained', () => {
  it.each([
    ['capacity', 'storage', 'Apple iPhone 15 128GB 黑色', 'Apple iPhone 15 256GB 黑色', '128GB', '256GB'],
    ['capacity', 'volume', '兰蔻 粉水 400ml', '兰蔻 粉水 200毫升', '400ml', '200ml'],
    ['capacity', 'weight', '金龙鱼 东北大米 5kg', '金龙鱼 东北大米 20斤', '5000g', '10000g'],
    ['size', 'size', '帮宝适 拉拉裤 L码 36片', '帮宝适 拉拉裤 XL码 36片', 'l', 'xl'],
    ['size', 'screen', '华为 MatePad 11.5英寸', '华为 MatePad 12.6寸', '11.5英寸', '12.6英寸'],
    ['model', 'model', '飞利浦 电动牙刷 HX6730 白色', '飞利浦 电动牙刷 HX9911 白色', 'hx6730', 'hx9911'],
    // Same pieces in another count are compared by unit price (matcher.test.ts); boxes against bags are not.
    ['pack', 'pack', '伊利 纯牛奶 250ml×24盒', '伊利 纯牛奶 250ml×12袋', '×24', '×12'],
    ['colour', 'colour', '戴森 HD15 吹风机 黑镍色', '戴森 HD15 吹风机 长春花蓝', '黑色', '蓝色'],
    ['colour', 'colour', '华为 Pura 70 雪域白 12+256GB', '华为 Pura 70 羽砂黑 12+256GB', '白色', '黑色'],
    ['stage', 'stage', '爱他美 奶粉 800g 2段', '爱他美 奶粉 800g 3段', '2段', '3段'],
    ['brand', 'brand', '伊利 纯牛奶 250ml×24盒', '蒙牛 纯牛奶 250ml×24盒', 'yili', 'mengniu'],
    ['edition', 'version', '华为 MatePad 11.5 WiFi版', '华为 MatePad 11.5 柔光版', 'wifi版', '柔光版'],
    ['accessory', 'accessory', '适用 Apple iPhone 15 手机壳', 'Apple iPhone 15 128GB', '配件', '本品'],
  ] as const)('%s (%s): %s ↔ %s', (kind, specKind, a, b, va, vb) => {
    const v = verdict(a, b);
    expect(v.match).toBe(false);
    expect(v.method).toBe('conflict');
    expect(v.conflicts).toContainEqual({ kind, spec: specKind, a: va, b: vb });
  });

  it('refuses a different barcode whatever the titles, and trusts an equal one', () => {
    const same = compareListings(features('三体 全集', '9787536692930'), features('刘慈欣 三体', '9787536692930'));
    expect(same).toMatchObject({ match: true, method: 'barcode', score: 1, reasons: [{ kind: 'barcode', value: '9787536692930' }] });
    const other = compareListings(features('三体 全集', '9787536692930'), features('三体 全集', '9787229030933'));
    expect(other).toMatchObject({ match: false, score: 0, conflicts: [{ kind: 'barcode', a: '9787536692930', b: '9787229030933' }] });
  });
});

describe('explanations of a match', () => {
  it('names the agreeing model number, the brand and the title similarity', () => {
    const v = verdict('飞利浦 声波电动牙刷 HX6730 白色 成人', '【包邮】PHILIPS 电动牙刷 充电式 HX6730 白色');
    expect(v.match).toBe(true);
    expect(v.method).toBe('model');
    expect(v.reasons).toContainEqual({ kind: 'model', value: 'hx6730' });
    expect(v.reasons).toContainEqual({ kind: 'brand', value: 'philips' });
    const title = v.reasons!.find((r) => r.kind === 'title');
    expect(title && 'similarity' in title && title.similarity).toBeGreaterThan(0.3);
    expect(v.reason).toContain('型号一致 HX6730');
    expect(v.conflicts).toEqual([]);
  });
});
