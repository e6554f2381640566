import { describe, expect, it } from 'vitest';
import { compareListings, features, matchOffers, SIMILAR_THRESHOLD } from '@/lib/match/matcher';
import { zhScorer } from '@/lib/match/configurations';
import { analyzeTitle, normalizeTitle } from '@/lib/match/normalize';
import { extractSpecs } from '@/lib/match/specs';
import type { Offer, Product } from '@/lib/types';

const verdict = (a: string, b: string, barcodes: [string | null, string | null] = [null, null]) =>
  compareListings(features(a, barcodes[0]), features(b, barcodes[1]));

describe('normalizeTitle', () => {
  it('folds full-width, case, brackets, noise, brands and units', () => {
    const apple = analyzeTitle('【包邮】ＡＰＰＬＥ 苹果 iPhone１６ 官方旗舰店');
    expect(apple.text).toBe('iphone16');
    expect([...apple.brands]).toEqual(['apple']);
    expect([...analyzeTitle('太平鸟PEACEBIRDXL 卫衣').brands]).toEqual(['peacebird']);
    expect(normalizeTitle('小米 Xiaomi 15 16+512GB')).toBe('15 ram16 512gb');
    expect(normalizeTitle('伊利 纯牛奶 250毫升×24盒')).toBe('纯牛奶 250ml x24盒');
    expect(normalizeTitle('维达 1千克 0.5L 256G')).toBe('1000g 500ml 256gb');
  });
});

describe('extractSpecs', () => {
  it.each([
    ['农夫山泉 550ml x24瓶', { volume: ['550'], pack: ['24'] }],
    ['农夫山泉 0.55L×24', { volume: ['550'], pack: ['24'] }],
    ['三只松鼠 每日坚果 750g', { weight: ['750'] }],
    ['三只松鼠 每日坚果 0.75kg', { weight: ['750'] }],
    ['iPhone 16 Pro 256G 5G手机', { storage: ['256'] }],
    ['闪迪 U盘 1TB', { storage: ['1024'] }],
    ['Anker 充电宝 20000毫安', { battery: ['20000'] }],
    ['优衣库 T恤 XL 白色', { size: ['xl'], colour: ['白'] }],
    ['飞鹤 奶粉 900g 3段', { weight: ['900'], stage: ['3'] }],
    ['Redmi Note 14 Pro 8GB+256GB 暮光紫', { memory: ['8'], storage: ['256'], colour: ['紫'], edition: ['pro'], model: ['note14'] }],
    ['iPhone 16 Pro 1T 原色钛金属', { storage: ['1024'], colour: ['原'] }],
    ['南极人 四件套 1.8米床', { dimension: ['1800'] }],
    ['Anker 充电宝 2万毫安', { battery: ['20000'] }],
    ['维达 抽纸 3层100抽×24包', { ply: ['3'], sheets: ['100'], pack: ['24'] }],
    ['完美日记 口红 #08枫叶棕', { shade: ['8'] }],
    ['GarminForerunner 265GPS跑步手表', { model: ['forerunner265'] }],
  ])('%s', (title, expected) => {
    const { text, brands } = analyzeTitle(title);
    const specs = extractSpecs(text, brands);
    for (const [kind, values] of Object.entries(expected)) {
      expect([...(specs[kind as keyof typeof specs] ?? [])].sort(), kind).toEqual(values);
    }
  });

  it('does not read 5G as five grams', () => {
    expect(extractSpecs(normalizeTitle('华为 Mate 70 5G手机')).weight).toBeUndefined();
  });
});

describe('compareListings', () => {
  it.each([
    ['Apple iPhone 16 Pro 256GB 沙漠色钛金属', '【官方正品】苹果 iPhone16Pro 256G 沙漠色 5G手机'],
    ['伊利 纯牛奶 250ml×24盒 整箱', '伊利纯牛奶250毫升*24盒 【包邮】'],
    ['农夫山泉 饮用天然水 550ml×24瓶', '农夫山泉天然水 0.55L x24 整箱 现货速发'],
    ['三只松鼠 每日坚果 750g 30袋', '三只松鼠每日坚果0.75kg 30袋 混合果仁'],
    ['ＳａｎＤｉｓｋ 闪迪 U盘 128GB', 'SanDisk 闪迪 128G U盘 高速'],
    ['佳明 GARMIN Forerunner 265 GPS跑步运动手表', 'GarminForerunner 265GPS跑步运动手表'],
    ['华为 HUAWEI FreeBuds Pro 4 冰霜银', '【以旧换新】华为HUAWEI冰霜银FreeBudsPro4'],
    ['小米 Xiaomi 15 16GB+512GB 亮银版', '小米 Xiaomi 15 16+512GB亮银版新品'],
  ])('matches %s ↔ %s', (a, b) => {
    const v = verdict(a, b);
    expect(v, v.reason).toMatchObject({ match: true });
    expect(v.score).toBeGreaterThan(0.6);
  });

  it.each([
    ['Apple iPhone 16 Pro 256GB 沙漠色', 'Apple iPhone 16 Pro 512GB 沙漠色', '存储'],
    ['Apple iPhone 16 Pro 256GB 沙漠色', 'Apple iPhone 16 Pro 256GB 黑色', '颜色'],
    ['Apple iPhone 16 256GB 黑色', 'Apple iPhone 15 256GB 黑色', '型号'],
    ['伊利 纯牛奶 250ml×24盒', '伊利 纯牛奶 250ml×12袋', '件数'],
    ['兰蔻 小黑瓶 精华 50ml', '兰蔻 小黑瓶 精华 30ml', '容量'],
    ['花王 纸尿裤 L 54片', '花王 纸尿裤 XL 54片', '尺码'],
    ['飞鹤 星飞帆 奶粉 900g 2段', '飞鹤 星飞帆 奶粉 900g 3段', '段数'],
    ['伊利 纯牛奶 250ml×24盒', '光明 纯牛奶 250ml×24盒', '品牌'],
    ['Redmi Note 14 Pro 8GB+256GB', 'Redmi Note 14 Pro 12GB+256GB', '内存'],
    ['Apple iPhone 16 256GB 黑色', 'Apple iPhone 16 Pro 256GB 黑色', '版本'],
    ['米家 声波电动牙刷 T501 白色', '适用米家 声波电动牙刷 T501 替换刷头', '配件'],
    ['维达 抽纸 4层80抽×24包', '维达 抽纸 3层100抽×24包', '层数'],
    ['海澜之家 衬衫 白色 41', '海澜之家 衬衫 白色42', '编号'],
    ['奥利奥 夹心饼干 388g 巧克力味', '奥利奥 夹心饼干 388g 原味', '口味'],
  ])('rejects the other variant %s ↔ %s (%s)', (a, b, label) => {
    const v = verdict(a, b);
    expect(v.match).toBe(false);
    expect(v.method).toBe('conflict');
    expect(v.reason).toContain(label);
  });

  it.each([
    ['伊利 纯牛奶 250ml×24盒', '伊利纯牛奶250毫升*12盒', { count: 24, piece: '盒', measure: { amount: 250, unit: 'ml' } }, { count: 12, piece: '盒', measure: { amount: 250, unit: 'ml' } }],
    ['维达 Vinda 抽纸 3层100抽×12包 超韧', 'Vinda抽纸3层100抽*24包超韧', { count: 12, piece: '包', measure: null }, { count: 24, piece: '包', measure: null }],
    ['南极人 男士纯棉中筒袜 10双装', '南极人男士纯棉中筒袜5双装', { count: 10, piece: '双', measure: null }, { count: 5, piece: '双', measure: null }],
    ['农夫山泉 饮用天然水 550ml×24瓶', '农夫山泉 天然水 550ml x12', { count: 24, piece: '瓶', measure: { amount: 550, unit: 'ml' } }, { count: 12, piece: null, measure: { amount: 550, unit: 'ml' } }],
  ])('compares %s ↔ %s as the same product in another pack', (a, b, productPack, offerPack) => {
    const v = verdict(a, b);
    expect(v, v.reason).toMatchObject({ match: true, method: 'pack', packs: { product: productPack, offer: offerPack } });
    expect(v.conflicts).toEqual([expect.objectContaining({ kind: 'pack' })]);
    expect(v.reason).toContain('同款不同件数');
  });

  it.each([
    ['伊利 纯牛奶 250ml×24盒', '伊利 纯牛奶 200ml×12盒', '容量'], // another conflict besides the pack
    ['伊利 纯牛奶 250ml×24盒', '伊利 纯牛奶 250ml×12袋', '件数'], // boxes against bags
    ['伊利 纯牛奶 250ml×24盒', '伊利 纯牛奶 250ml×2箱', '件数'], // cases: their contents are not stated
    ['伊利 纯牛奶 250ml×12盒×2提', '伊利 纯牛奶 250ml×12盒', '件数'], // two counts: which one is the pack?
    ['伊利 纯牛奶 250ml×24盒', '蒙牛 纯牛奶 250ml×12盒', '品牌'],
  ])('does not compare %s ↔ %s by unit price (%s)', (a, b, label) => {
    const v = verdict(a, b);
    expect(v.match).toBe(false);
    expect(v.reason).toContain(label);
  });

  it('keeps its reason through what stores and copies a verdict (JSON, spreads, structuredClone)', () => {
    // The reason is a getter, worked out when read: caches write verdicts as JSON and copy them.
    for (const v of [
      verdict('Apple iPhone 16 256GB 黑色', 'Apple iPhone 16 512GB 黑色'),
      verdict('Apple iPhone 16 256GB 黑色', '苹果 iPhone16 256G 黑色'),
      verdict('Apple iPhone 16 256GB 黑色', '维达 抽纸 3层100抽×24包'),
    ]) {
      expect(v.reason.length, v.method).toBeGreaterThan(3);
      expect((JSON.parse(JSON.stringify(v)) as { reason: string }).reason).toBe(v.reason);
      expect({ ...v }.reason).toBe(v.reason);
      expect(structuredClone(v).reason).toBe(v.reason);
    }
  });

  it('never compares by unit price across different barcodes', () => {
    expect(verdict('伊利 纯牛奶 250ml×24盒', '伊利 纯牛奶 250ml×12盒', ['6907992100010', '6907992100027'])).toMatchObject({ match: false, method: 'conflict' });
  });

  it('trusts an equal barcode and refuses a different one', () => {
    expect(verdict('三体 全集', '刘慈欣 三体 典藏版', ['9787536692930', '9787536692930'])).toMatchObject({ match: true, method: 'barcode' });
    expect(verdict('三体 全集', '三体 全集', ['9787536692930', '9787229030933'])).toMatchObject({ match: false, method: 'conflict' });
  });

  it('rejects unrelated products', () => {
    expect(verdict('伊利 纯牛奶 250ml×24盒', '维达 抽纸 3层100抽×24包').match).toBe(false);
  });
});

describe('matchOffers', () => {
  const product = (productId: string, title: string): Product => ({
    productId, title, priceFen: 10000, stock: 1, imageUrl: '/x.svg', categoryId: 1, categoryName: '数码', barcode: null, shopName: 's', fetchedAt: '2026-12-01T00:00:00.000Z',
  });
  const offer = (offerId: string, title: string): Offer => ({
    offerId, platform: 'jd', shopName: 'j', title, priceFen: 9000, url: 'https://item.jd.com/1.html', inStock: true, barcode: null, fetchedAt: '2026-12-01T00:00:00.000Z',
  });

  it('gives each offer to the variant it fits and lists the other variant as similar', () => {
    const products = [product('a', 'Apple iPhone 16 Pro 256GB 黑色'), product('b', 'Apple iPhone 16 Pro 512GB 黑色')];
    const offers = [offer('o1', '苹果 iPhone16 Pro 256G 黑色'), offer('o2', '苹果 iPhone16 Pro 512G 黑色'), offer('o3', '维达 抽纸')];
    const result = matchOffers(products, offers);
    expect(result.get('a')!.matched.map((o) => o.offerId)).toEqual(['o1']);
    expect(result.get('b')!.matched.map((o) => o.offerId)).toEqual(['o2']);
    expect(result.get('a')!.similar.map((o) => o.offerId)).toEqual(['o2']);
  });

  it('gives an offer to the item of its own pack size before one of another pack size', () => {
    const products = [product('p24', '伊利 纯牛奶 250ml×24盒'), product('p12', '伊利 纯牛奶 250ml×12盒')];
    const result = matchOffers(products, [offer('o12', '伊利纯牛奶 250毫升*12盒'), offer('o24', '伊利 纯牛奶250ml X24盒 整箱')]);
    expect(result.get('p24')!.matched.map((o) => [o.offerId, o.verdict.method])).toEqual([['o24', 'title']]);
    expect(result.get('p12')!.matched.map((o) => [o.offerId, o.verdict.method])).toEqual([['o12', 'title']]);
    // Alone, the ×12 item takes the ×24 offer too, by unit price.
    const alone = matchOffers([products[1]!], [offer('o24', '伊利 纯牛奶250ml X24盒 整箱')]);
    expect(alone.get('p12')!.matched.map((o) => o.verdict.method)).toEqual(['pack']);
  });
});

describe('PairScorer.rejectsOutright (pairs matchOffers need not score)', () => {
  const scorer = zhScorer();
  const pair = (a: string, b: string) => [features(a), features(b)] as const;

  it('rejects a pair with a conflicting spec and a dissimilar title: its verdict is a conflict, dropped below 相似商品', () => {
    const [a, b] = pair('Apple iPhone 16 128GB 黑色', '苹果 平板电脑 iPad Air 11英寸 无线局域网 512GB 深空灰 教育优惠');
    expect(scorer.rejectsOutright(a, b, SIMILAR_THRESHOLD)).toBe(true);
    const v = compareListings(a, b, scorer);
    expect(v).toMatchObject({ match: false, method: 'conflict' });
    expect(v.similarity).toBeLessThan(SIMILAR_THRESHOLD);
  });

  it('keeps a pair similar enough to be listed as 相似商品, whose score orders the list', () => {
    const [a, b] = pair('Apple iPhone 16 128GB 黑色', 'Apple iPhone 16 256GB 黑色');
    expect(compareListings(a, b, scorer).similarity).toBeGreaterThanOrEqual(SIMILAR_THRESHOLD);
    expect(scorer.rejectsOutright(a, b, SIMILAR_THRESHOLD)).toBe(false);
  });

  it('keeps a pair whose only conflict is the pack count, however dissimilar: it may be the same product in another pack', () => {
    const [a, b] = pair('维达抽纸 ×24包', '维达 超韧系列 家用餐巾纸卫生纸面巾 柔软亲肤 ×12包');
    const v = compareListings(a, b, scorer);
    expect((v.conflicts ?? []).map((c) => c.spec)).toEqual(['pack']);
    expect(v.similarity).toBeLessThan(SIMILAR_THRESHOLD);
    expect(scorer.rejectsOutright(a, b, SIMILAR_THRESHOLD)).toBe(false);
  });

  it('keeps a pair with barcodes on both sides: an equal barcode matches whatever the specs say', () => {
    const a = features('Apple iPhone 16 128GB 黑色', '0194253000001');
    const b = features('苹果 平板电脑 iPad Air 11英寸 无线局域网 512GB 深空灰 教育优惠', '0194253000001');
    expect(scorer.rejectsOutright(a, b, SIMILAR_THRESHOLD)).toBe(false);
    expect(compareListings(a, b, scorer)).toMatchObject({ match: true, method: 'barcode' });
  });
});
