/**
 * `npm run match:gen-zh` — writes tests/fixtures/matching/zh-pairs.jsonl: labelled pairs of Chinese listings
 * in the shared datasets' format ({id, left, right, match}), for `npm run match:eval`.
 *
 * An independent test of the matcher: its own products, spellings and promotional noise, written for this
 * set from how 微店 / 淘宝 / 天猫 / 京东 / 拼多多 listings read, and nothing imported from sandbox/ (whose
 * catalogue the app's matcher is fitted on). Deterministic: a fixed seed, so the file only changes when this
 * script does. Pairs:
 *   - same:    one SKU written twice, in two platforms' styles;
 *   - variant: the same line, one variant axis different (capacity, colour, size, pack count, model, stage,
 *              flavour, edition) — the hard negatives;
 *   - rival:   another brand's product of the same kind with the same spec;
 *   - other:   another product of the same category;
 *   - brand:   another product of the same brand (iPhone 15 vs iPhone 15 Pro Max);
 *   - part:    an accessory or part "for" the product (手机壳 适用 iPhone 15).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { chance, pick, mulberry32 as seededRng, type Rng } from '../lib/random';

/** One value of a variant axis: its spellings (the first is canonical) and the price it adds, in yuan. */
interface Value {
  spell: readonly string[];
  delta?: number;
}
interface Axis {
  kind: 'capacity' | 'colour' | 'size' | 'pack' | 'model' | 'stage' | 'flavour' | 'edition';
  values: readonly Value[];
}
interface Line {
  /** What kind of product, for "rival" pairs: lines of one kind with the same spec are look-alikes. */
  kind: string;
  cid: number;
  brand: readonly string[];
  names: readonly string[];
  /** Descriptive chunks; each a list of alternatives ('' = left out). */
  words: readonly (readonly string[])[];
  axes: readonly Axis[];
  price: number;
  /** Accessories listed "for" this product. */
  parts?: readonly string[];
}

const v = (...spell: string[]): Value => ({ spell });
const vp = (delta: number, ...spell: string[]): Value => ({ spell, delta });
const gb = (n: number, delta: number) => vp(delta, `${n}GB`, `${n}G`, `${n}gb`, `${n}g`);
const tb = (n: number, delta: number) => vp(delta, `${n}TB`, `${n}T`, `${n * 1024}GB`);
const ml = (n: number, delta: number) => vp(delta, `${n}ml`, `${n}mL`, `${n}毫升`, `${n}ML`, ...(n >= 500 && n % 100 === 0 ? [`${n / 1000}L`] : []));
const grams = (n: number, delta: number) =>
  vp(delta, `${n}g`, `${n}克`, ...(n >= 1000 ? [`${n / 1000}kg`, `${n / 1000}千克`, `${n / 1000}公斤`] : []), ...(n % 500 === 0 ? [`${n / 500}斤`] : []));
const kg = (n: number, delta: number) => vp(delta, `${n}kg`, `${n}KG`, `${n}千克`, `${n}公斤`, `${n * 2}斤`);
const litre = (n: number, delta: number) => vp(delta, `${n}L`, `${n}升`, `${n * 1000}ml`);
const pack = (n: number, unit: string, delta: number) => vp(delta, `${n}${unit}装`, `×${n}${unit}`, `*${n}`, `x${n}`, `${n}${unit}`, `整箱${n}${unit}`);
const ZH_NUM = ['零', '一', '两', '三', '四', '五', '六'];
const smallPack = (n: number, unit: string, delta: number) => vp(delta, `${n}${unit}装`, `${ZH_NUM[n]}${unit}装`, `×${n}`, `${n}${unit}`);
const colour = (delta: number, ...spell: string[]) => vp(delta, ...spell);

const LINES: readonly Line[] = [
  // 数码
  {
    kind: 'phone', cid: 1, brand: ['Apple', '苹果', 'Apple/苹果', 'APPLE'], names: ['iPhone 15', 'iPhone15', 'IPHONE 15'],
    words: [['5G手机', '手机', '智能手机', ''], ['双卡双待', '支持移动联通电信5G', ''], ['(A3092)', '']],
    axes: [
      { kind: 'capacity', values: [gb(128, 0), gb(256, 800), gb(512, 2600)] },
      { kind: 'colour', values: [colour(0, '黑色', '黑'), colour(0, '粉色', '粉'), colour(0, '蓝色', '蓝'), colour(0, '绿色')] },
    ],
    price: 5999, parts: ['手机壳', '钢化膜', '保护套'],
  },
  {
    kind: 'phone', cid: 1, brand: ['Apple', '苹果', 'Apple/苹果'], names: ['iPhone 15 Pro Max', 'iPhone15ProMax', 'iPhone 15 ProMax'],
    words: [['5G手机', '手机', ''], ['钛金属', '']],
    axes: [
      { kind: 'capacity', values: [gb(256, 0), gb(512, 2000), tb(1, 4000)] },
      { kind: 'colour', values: [colour(0, '原色钛金属', '原色'), colour(0, '黑色钛金属', '黑色'), colour(0, '白色钛金属', '白色')] },
    ],
    price: 9999, parts: ['手机壳', '镜头膜'],
  },
  {
    kind: 'phone', cid: 1, brand: ['华为', 'HUAWEI', '华为/HUAWEI', 'Huawei'], names: [''],
    words: [['鸿蒙智能手机', '手机', '旗舰手机', ''], ['超聚光XMAGE影像', '']],
    axes: [
      { kind: 'model', values: [v('Pura 70', 'Pura70', 'PURA 70'), vp(1500, 'Pura 70 Pro', 'Pura70 Pro', 'Pura70Pro'), vp(3000, 'Pura 70 Ultra', 'Pura70 Ultra')] },
      { kind: 'capacity', values: [vp(0, '12GB+256GB', '12+256GB', '12G+256G'), vp(500, '12GB+512GB', '12+512GB', '12G+512G')] },
      { kind: 'colour', values: [colour(0, '雪域白', '白色'), colour(0, '羽砂黑', '黑色'), colour(0, '冰晶蓝', '蓝色')] },
    ],
    price: 5499, parts: ['手机壳', '钢化膜'],
  },
  {
    kind: 'phone', cid: 1, brand: ['小米', 'Xiaomi', 'MI', '小米/MI'], names: ['小米14', 'Xiaomi 14', '小米 14'],
    words: [['徕卡光学', '徕卡影像', ''], ['骁龙8Gen3', ''], ['5G手机', '手机', '']],
    axes: [
      { kind: 'capacity', values: [vp(0, '12GB+256GB', '12+256G', '12G+256G'), vp(300, '16GB+512GB', '16+512G'), vp(800, '16GB+1TB', '16+1TB', '16G+1T')] },
      { kind: 'colour', values: [colour(0, '黑色'), colour(0, '白色'), colour(0, '岩石青', '青色')] },
    ],
    price: 3999, parts: ['手机壳', '钢化膜'],
  },
  {
    kind: 'phone', cid: 1, brand: ['vivo', 'VIVO', 'vivo/维沃'], names: [''],
    words: [['蔡司影像', ''], ['5G拍照手机', '手机', '']],
    axes: [
      { kind: 'model', values: [v('X100', 'X 100'), vp(1000, 'X100 Pro', 'X100Pro', 'X 100 Pro')] },
      { kind: 'capacity', values: [vp(0, '12GB+256GB', '12+256GB'), vp(400, '16GB+512GB', '16+512GB')] },
    ],
    price: 3999,
  },
  {
    kind: 'tablet', cid: 1, brand: ['华为', 'HUAWEI', '华为/HUAWEI'], names: ['MatePad 11.5', 'MatePad11.5'],
    words: [['平板电脑', '平板', ''], ['11.5英寸', '11.5寸', '11.5inch', ''], ['护眼全面屏', '']],
    axes: [
      { kind: 'capacity', values: [vp(0, '8GB+128GB', '8+128GB'), vp(300, '8GB+256GB', '8+256GB')] },
      { kind: 'edition', values: [v('WiFi版', 'WIFI版'), vp(500, '柔光版')] },
      { kind: 'colour', values: [colour(0, '深空灰', '灰色'), colour(0, '冰霜银', '银色')] },
    ],
    price: 1599, parts: ['保护套', '手写笔', '类纸膜'],
  },
  {
    kind: 'earbuds', cid: 1, brand: ['Apple', '苹果'], names: ['AirPods Pro 2', 'AirPods Pro(第二代)', 'AirPodsPro2'],
    words: [['主动降噪', ''], ['无线蓝牙耳机', '蓝牙耳机', ''], ['MagSafe充电盒', '']],
    axes: [{ kind: 'edition', values: [v('USB-C', 'Type-C版'), vp(-100, 'Lightning版')] }],
    price: 1899, parts: ['保护套', '耳机套'],
  },
  {
    kind: 'watch', cid: 1, brand: ['Apple', '苹果'], names: ['Apple Watch Series 9', 'Apple Watch S9', 'Watch S9'],
    words: [['智能手表', '手表', ''], ['运动型表带', '']],
    axes: [
      { kind: 'size', values: [vp(0, '41mm', '41毫米'), vp(300, '45mm', '45毫米')] },
      { kind: 'edition', values: [v('GPS款', 'GPS版'), vp(1000, '蜂窝款', 'GPS+蜂窝款')] },
      { kind: 'colour', values: [colour(0, '午夜色'), colour(0, '星光色'), colour(0, '粉色')] },
    ],
    price: 2999, parts: ['表带', '保护壳'],
  },
  {
    kind: 'powerbank', cid: 1, brand: ['Anker', '安克', 'ANKER'], names: ['充电宝', '移动电源'],
    words: [['22.5W', '22.5瓦', ''], ['快充', '超级快充', ''], ['便携', '小巧', '']],
    axes: [
      { kind: 'capacity', values: [vp(0, '10000mAh', '10000毫安', '1万毫安'), vp(60, '20000mAh', '20000毫安', '2万毫安')] },
      { kind: 'colour', values: [colour(0, '黑色'), colour(0, '白色')] },
    ],
    price: 129,
  },
  {
    kind: 'powerbank', cid: 1, brand: ['罗马仕', 'ROMOSS', 'romoss'], names: ['充电宝', '移动电源'],
    words: [['大容量', ''], ['22.5W快充', '']],
    axes: [{ kind: 'capacity', values: [vp(0, '10000mAh', '10000毫安', '1万毫安'), vp(40, '20000mAh', '20000毫安', '2万毫安')] }],
    price: 79,
  },
  {
    kind: 'charger', cid: 1, brand: ['绿联', 'UGREEN', 'Ugreen'], names: ['氮化镓充电器', 'GaN充电器', '氮化镓快充头'],
    words: [['多口', '三口', ''], ['适用苹果华为笔记本', '']],
    axes: [{ kind: 'capacity', values: [vp(0, '65W', '65w', '65瓦'), vp(40, '100W', '100w', '100瓦'), vp(-30, '30W', '30w')] }],
    price: 109,
  },
  {
    kind: 'ssd', cid: 1, brand: ['三星', 'SAMSUNG', 'Samsung'], names: ['T9 移动固态硬盘', 'T9移动硬盘', 'T9 PSSD'],
    words: [['USB3.2', ''], ['Type-C', ''], ['高速', '']],
    axes: [{ kind: 'capacity', values: [tb(1, 0), tb(2, 500), tb(4, 1500)] }],
    price: 899,
  },
  {
    kind: 'usb', cid: 1, brand: ['金士顿', 'Kingston', 'KINGSTON'], names: ['DTX U盘', 'DataTraveler Exodia U盘', 'U盘 DTX'],
    words: [['USB3.2', 'USB 3.2', ''], ['高速', '学生', '']],
    axes: [{ kind: 'capacity', values: [gb(64, 0), gb(128, 20), gb(256, 60)] }],
    price: 39,
  },
  {
    kind: 'usb', cid: 1, brand: ['闪迪', 'SanDisk', 'SANDISK'], names: ['酷豆 U盘', 'CZ410 U盘', 'U盘'],
    words: [['USB3.2', ''], ['车载', '']],
    axes: [{ kind: 'capacity', values: [gb(64, 0), gb(128, 25), gb(256, 70)] }],
    price: 35,
  },
  {
    kind: 'mouse', cid: 1, brand: ['罗技', 'Logitech', 'logi', '罗技/Logitech'], names: [''],
    words: [['有线游戏鼠标', '游戏鼠标', '电竞鼠标'], ['25600DPI', ''], ['RGB', '']],
    axes: [{ kind: 'model', values: [v('G502 HERO', 'G502HERO'), vp(400, 'G502 X PLUS', 'G502X PLUS')] }],
    price: 299,
  },
  {
    kind: 'hairdryer', cid: 4, brand: ['戴森', 'Dyson', 'DYSON'], names: ['HD15 吹风机', 'Supersonic HD15', 'HD15电吹风'],
    words: [['负离子', ''], ['高速', '家用', ''], ['新一代', '']],
    axes: [{ kind: 'colour', values: [colour(0, '紫红色'), colour(0, '长春花蓝', '蓝色'), colour(0, '黑镍色', '黑色')] }],
    price: 2999,
  },
  // 家电 / 家居
  {
    kind: 'ricecooker', cid: 4, brand: ['美的', 'Midea', 'midea'], names: ['电饭煲', '电饭锅'],
    words: [['MB-FB40', 'FB40', ''], ['家用多功能', '智能预约', ''], ['不粘内胆', '']],
    axes: [{ kind: 'capacity', values: [litre(3, -50), litre(4, 0), litre(5, 60)] }],
    price: 229,
  },
  {
    kind: 'ricecooker', cid: 4, brand: ['苏泊尔', 'SUPOR', 'Supor'], names: ['电饭煲', 'IH电饭锅'],
    words: [['球釜内胆', ''], ['家用', '']],
    axes: [{ kind: 'capacity', values: [litre(3, -40), litre(4, 0), litre(5, 50)] }],
    price: 259,
  },
  {
    kind: 'soymilk', cid: 4, brand: ['九阳', 'Joyoung', 'JOYOUNG'], names: ['破壁豆浆机', '豆浆机'],
    words: [['免滤', ''], ['家用全自动', '']],
    axes: [
      { kind: 'model', values: [v('D2520', 'D-2520'), vp(200, 'D5570', 'D-5570')] },
      { kind: 'capacity', values: [litre(1.2, 0), litre(1.5, 50)] },
    ],
    price: 399,
  },
  {
    kind: 'toothbrush', cid: 4, brand: ['飞利浦', 'PHILIPS', 'Philips'], names: ['电动牙刷', '声波电动牙刷'],
    words: [['成人', ''], ['充电式', '']],
    axes: [
      { kind: 'model', values: [v('HX6730'), vp(200, 'HX9911')] },
      { kind: 'colour', values: [colour(0, '白色'), colour(0, '粉色'), colour(0, '黑色')] },
    ],
    price: 399, parts: ['替换刷头', '刷头'],
  },
  {
    kind: 'tissue', cid: 4, brand: ['洁柔', 'C&S'], names: ['抽纸', '面巾纸'],
    words: [['Face系列', ''], ['家用实惠装', '']],
    axes: [
      { kind: 'capacity', values: [v('3层120抽', '3层 120抽'), vp(5, '4层100抽', '4层 100抽')] },
      { kind: 'pack', values: [pack(24, '包', 0), pack(18, '包', -10)] },
    ],
    price: 49.9,
  },
  {
    kind: 'tissue', cid: 4, brand: ['维达', 'Vinda'], names: ['抽纸', '纸巾'],
    words: [['超韧', ''], ['整箱', '']],
    axes: [
      { kind: 'capacity', values: [v('3层120抽', '3层 120抽'), vp(5, '4层100抽')] },
      { kind: 'pack', values: [pack(24, '包', 0), pack(18, '包', -10)] },
    ],
    price: 45.9,
  },
  {
    kind: 'detergent', cid: 4, brand: ['蓝月亮', 'Bluemoon'], names: ['洗衣液', '深层洁净洗衣液'],
    words: [['薰衣草香', ''], ['持久留香', '']],
    axes: [{ kind: 'capacity', values: [kg(3, 0), grams(1000, -25), kg(2, -12)] }],
    price: 59.9,
  },
  {
    kind: 'detergent', cid: 4, brand: ['立白', 'Liby'], names: ['洗衣液', '天然洗衣液'],
    words: [['除菌除螨', ''], ['家庭装', '']],
    axes: [{ kind: 'capacity', values: [kg(3, 0), kg(2, -12)] }],
    price: 45.9,
  },
  {
    kind: 'wok', cid: 4, brand: ['苏泊尔', 'SUPOR'], names: ['不粘炒锅', '炒锅'],
    words: [['麦饭石色', ''], ['电磁炉燃气灶通用', '']],
    axes: [{ kind: 'size', values: [vp(0, '32cm', '32厘米'), vp(-20, '30cm', '30厘米'), vp(20, '34cm', '34厘米')] }],
    price: 169,
  },
  // 美妆
  {
    kind: 'toner', cid: 2, brand: ['兰蔻', 'LANCOME', 'Lancome', '兰蔻/LANCOME'], names: ['清滢柔肤水', '粉水'],
    words: [['爽肤水', ''], ['补水保湿', ''], ['女', '']],
    axes: [{ kind: 'capacity', values: [ml(400, 0), ml(200, -180), ml(125, -250)] }],
    price: 650,
  },
  {
    kind: 'eyecream', cid: 2, brand: ['雅诗兰黛', 'Estee Lauder', 'ESTEE LAUDER'], names: ['小棕瓶眼霜', '特润眼霜'],
    words: [['抗蓝光', ''], ['淡化细纹', '']],
    axes: [{ kind: 'capacity', values: [ml(15, 0), ml(5, -300)] }],
    price: 520,
  },
  {
    kind: 'serum', cid: 2, brand: ['SK-II', 'SKII', 'SK2'], names: ['小灯泡精华', '光蕴臻采焕亮精华'],
    words: [['提亮', ''], ['淡斑', '']],
    axes: [{ kind: 'capacity', values: [ml(50, 0), ml(30, -400)] }],
    price: 1290,
  },
  {
    kind: 'cream', cid: 2, brand: ['珀莱雅', 'PROYA'], names: ['红宝石面霜', '红宝石面霜3.0'],
    words: [['抗皱紧致', ''], ['轻盈版', '']],
    axes: [{ kind: 'capacity', values: [grams(50, 0), grams(30, -80)] }],
    price: 299,
  },
  {
    kind: 'eyeshadow', cid: 2, brand: ['完美日记', 'Perfect Diary', 'PERFECT DIARY'], names: ['动物眼影盘', '十二色眼影'],
    words: [['哑光珠光', ''], ['大地色', '']],
    axes: [{ kind: 'model', values: [v('小猫盘', '#小猫'), vp(0, '小狗盘', '#小狗'), vp(0, '小鹿盘', '#小鹿')] }],
    price: 129,
  },
  {
    kind: 'sunscreen', cid: 2, brand: ['资生堂', 'SHISEIDO', 'Shiseido'], names: ['新艳阳夏防晒霜', '蓝胖子防晒'],
    words: [['SPF50+', ''], ['户外', '']],
    axes: [{ kind: 'capacity', values: [ml(50, 0), ml(90, 120)] }],
    price: 229,
  },
  // 食品
  {
    kind: 'milk', cid: 3, brand: ['蒙牛', 'MENGNIU'], names: ['纯牛奶', '全脂纯牛奶'],
    words: [['早餐奶', ''], ['整箱', '']],
    axes: [
      { kind: 'capacity', values: [ml(250, 0), ml(200, -5)] },
      { kind: 'pack', values: [pack(24, '盒', 0), pack(16, '盒', -15), pack(12, '盒', -25)] },
    ],
    price: 59.9,
  },
  {
    kind: 'milk', cid: 3, brand: ['伊利', 'YILI', 'yili'], names: ['纯牛奶', '全脂纯牛奶'],
    words: [['学生营养', ''], ['整箱', '']],
    axes: [
      { kind: 'capacity', values: [ml(250, 0), ml(200, -5)] },
      { kind: 'pack', values: [pack(24, '盒', 0), pack(16, '盒', -15), pack(12, '盒', -25)] },
    ],
    price: 62.9,
  },
  {
    kind: 'yogurt', cid: 3, brand: ['伊利', 'YILI'], names: ['安慕希', '安慕希希腊风味酸奶'],
    words: [['常温酸奶', ''], ['早餐奶', '']],
    axes: [
      { kind: 'flavour', values: [v('原味'), vp(3, '黄桃燕麦味'), vp(3, '蓝莓味')] },
      { kind: 'pack', values: [pack(12, '盒', 0), pack(10, '盒', -8)] },
    ],
    price: 59.9,
  },
  {
    kind: 'cola', cid: 3, brand: ['可口可乐', 'Coca-Cola', 'Coca Cola', '可口可乐Coca-Cola'], names: ['可乐', '碳酸饮料'],
    words: [['汽水', ''], ['罐装', '']],
    axes: [
      { kind: 'flavour', values: [v('经典原味', '原味'), vp(0, '零度无糖', '无糖零度'), vp(2, '香草味')] },
      { kind: 'capacity', values: [ml(330, 0), ml(200, -12)] },
      { kind: 'pack', values: [pack(24, '罐', 0), pack(12, '罐', -20)] },
    ],
    price: 49.9,
  },
  {
    kind: 'cola', cid: 3, brand: ['百事', 'Pepsi', 'PEPSI', '百事可乐'], names: ['可乐', '碳酸饮料'],
    words: [['汽水', ''], ['罐装', '']],
    axes: [
      { kind: 'flavour', values: [v('经典原味', '原味'), vp(0, '无糖', '零度无糖')] },
      { kind: 'capacity', values: [ml(330, 0)] },
      { kind: 'pack', values: [pack(24, '罐', 0), pack(12, '罐', -20)] },
    ],
    price: 45.9,
  },
  {
    kind: 'water', cid: 3, brand: ['百岁山', 'Ganten'], names: ['天然矿泉水', '矿泉水'],
    words: [['饮用水', ''], ['整箱', '']],
    axes: [
      { kind: 'capacity', values: [ml(570, 0), ml(348, -10), litre(1.5, 5)] },
      { kind: 'pack', values: [pack(24, '瓶', 0), pack(12, '瓶', -20)] },
    ],
    price: 45,
  },
  {
    kind: 'nuts', cid: 3, brand: ['三只松鼠', 'Three Squirrels'], names: ['夏威夷果', '奶油味夏威夷果'],
    words: [['坚果炒货', '坚果', ''], ['休闲零食', '']],
    axes: [
      { kind: 'capacity', values: [grams(265, 0), grams(160, -10), grams(500, 18)] },
      { kind: 'pack', values: [smallPack(2, '袋', 0), smallPack(3, '袋', 12), smallPack(1, '袋', -15)] },
    ],
    price: 39.9,
  },
  {
    kind: 'oil', cid: 3, brand: ['鲁花', 'luhua'], names: ['5S压榨一级花生油', '压榨花生油'],
    words: [['食用油', ''], ['家用', '']],
    axes: [{ kind: 'capacity', values: [litre(5, 0), litre(4, -25), litre(1.8, -70)] }],
    price: 169.9,
  },
  {
    kind: 'rice', cid: 3, brand: ['金龙鱼', 'Arawana'], names: ['东北大米', '长粒香大米'],
    words: [['粳米', ''], ['新米', '']],
    axes: [{ kind: 'capacity', values: [kg(5, 0), kg(10, 40), kg(2.5, -18)] }],
    price: 39.9,
  },
  {
    kind: 'oystersauce', cid: 3, brand: ['李锦记', 'Lee Kum Kee', 'LEE KUM KEE'], names: ['旧庄特级蚝油', '蚝油'],
    words: [['调味品', ''], ['家用', '']],
    axes: [
      { kind: 'capacity', values: [grams(510, 0), vp(15, '2.27kg', '2.27千克', '2270g')] },
      { kind: 'pack', values: [smallPack(1, '瓶', 0), smallPack(2, '瓶', 12)] },
    ],
    price: 22.9,
  },
  {
    kind: 'oystersauce', cid: 3, brand: ['海天', 'Haday', 'HADAY'], names: ['上等蚝油', '蚝油'],
    words: [['调味料', ''], ['炒菜提鲜', '']],
    axes: [
      { kind: 'capacity', values: [grams(510, 0), grams(700, 4)] },
      { kind: 'pack', values: [smallPack(1, '瓶', 0), smallPack(2, '瓶', 9)] },
    ],
    price: 12.9,
  },
  // 母婴
  {
    kind: 'pants', cid: 5, brand: ['帮宝适', 'Pampers'], names: ['黑金帮拉拉裤', '黑金帮 拉拉裤'],
    words: [['婴儿', '宝宝', ''], ['超薄透气', '']],
    axes: [
      { kind: 'size', values: [vp(0, 'L', 'L码'), vp(0, 'XL', 'XL码'), vp(0, 'XXL', 'XXL码')] },
      { kind: 'pack', values: [vp(0, '36片', '36片装'), vp(-30, '24片', '24片装')] },
    ],
    price: 179,
  },
  {
    kind: 'diapers', cid: 5, brand: ['好奇', 'Huggies', 'HUGGIES'], names: ['金装纸尿裤', '金装 纸尿裤'],
    words: [['婴儿尿不湿', '尿不湿', ''], ['超薄', '']],
    axes: [
      { kind: 'size', values: [vp(0, 'M', 'M码'), vp(0, 'L', 'L码'), vp(0, 'XL', 'XL码')] },
      { kind: 'pack', values: [vp(0, '62片', '62片装'), vp(-30, '42片', '42片装')] },
    ],
    price: 139,
  },
  {
    kind: 'formula', cid: 5, brand: ['爱他美', 'Aptamil'], names: ['白金版婴幼儿配方奶粉', '白金版奶粉'],
    words: [['德国进口', ''], ['原装', '']],
    axes: [
      { kind: 'stage', values: [v('1段', '1段(0-6个月)'), v('2段', '2段(6-12个月)'), v('3段', '3段(12-36个月)')] },
      { kind: 'capacity', values: [grams(800, 0), grams(380, -150)] },
    ],
    price: 299,
  },
  {
    kind: 'formula', cid: 5, brand: ['飞鹤', 'FIRMUS', 'Feihe'], names: ['臻稚有机婴幼儿配方奶粉', '臻稚有机奶粉'],
    words: [['国产', ''], ['有机奶源', '']],
    axes: [
      { kind: 'stage', values: [v('1段'), v('2段'), v('3段')] },
      { kind: 'capacity', values: [grams(800, 0), grams(300, -200)] },
    ],
    price: 389,
  },
  {
    kind: 'bottle', cid: 5, brand: ['贝亲', 'Pigeon', 'PIGEON'], names: ['宽口径玻璃奶瓶', '第三代宽口径奶瓶'],
    words: [['新生儿', '婴儿', ''], ['防胀气', '']],
    axes: [{ kind: 'capacity', values: [ml(160, 0), ml(240, 15)] }],
    price: 119, parts: ['奶嘴', '替换奶嘴'],
  },
  // 服饰 / 运动
  {
    kind: 'hoodie', cid: 6, brand: ['优衣库', 'UNIQLO', 'Uniqlo'], names: ['男装 摇粒绒卫衣', '摇粒绒 拉链卫衣'],
    words: [['长袖', ''], ['秋冬', '']],
    axes: [
      { kind: 'size', values: [v('M', 'M码'), v('L', 'L码'), v('XL', 'XL码')] },
      { kind: 'colour', values: [colour(0, '黑色', '09黑色'), colour(0, '灰色', '03灰色'), colour(0, '藏青色', '69藏青色')] },
    ],
    price: 199,
  },
  {
    kind: 'shoes', cid: 7, brand: ['李宁', 'LI-NING', 'LINING', '李宁LI-NING'], names: ['赤兔7 跑步鞋', '赤兔7代 跑鞋'],
    words: [['男款', '男', ''], ['轻量', '减震', '']],
    axes: [
      { kind: 'size', values: [v('41码', '41'), v('42码', '42'), v('43码', '43')] },
      { kind: 'colour', values: [colour(0, '标准白', '白色'), colour(0, '黑色')] },
    ],
    price: 329,
  },
  {
    kind: 'shoes', cid: 7, brand: ['耐克', 'Nike', 'NIKE'], names: ['Air Force 1 板鞋', 'AF1 空军一号'],
    words: [['男女同款', ''], ['低帮', '']],
    axes: [
      { kind: 'size', values: [v('40码', '40'), v('42码', '42'), v('44码', '44')] },
      { kind: 'colour', values: [colour(0, '白色', '纯白'), colour(0, '黑色', '全黑')] },
    ],
    price: 749,
  },
  {
    kind: 'ball', cid: 7, brand: ['斯伯丁', 'SPALDING', 'Spalding'], names: ['篮球', '室内外篮球'],
    words: [['PU材质', ''], ['耐磨', '']],
    axes: [{ kind: 'size', values: [v('7号', '7号球'), vp(-20, '6号', '6号球'), vp(-40, '5号', '5号球')] }],
    price: 229,
  },
  {
    kind: 'racket', cid: 7, brand: ['尤尼克斯', 'YONEX', 'Yonex'], names: ['天斧88D 羽毛球拍', 'ASTROX 88D'],
    words: [['全碳素', ''], ['进攻型', '']],
    axes: [{ kind: 'model', values: [v('4U', '4U5'), vp(0, '3U', '3U5')] }],
    price: 1180,
  },
];

/** Noise other than the common one, deliberately beyond the matcher's own list (免息, 送礼, 领券 …). */
const PREFIXES = ['【官方旗舰店】', '【包邮】', '【正品保证】', '【限时秒杀】', '【京东自营】', '【天猫超市】', '【百亿补贴】', '【顺丰速发】', '[官方授权]', '【品牌直发】', '【领券立减】', '【2件9折】', '☆', ''];
const SUFFIXES = ['包邮', '正品', '官方旗舰店', '限时特惠', '24期免息', '分期免息', '送礼', '现货速发', '顺丰包邮', '新品上市', '假一赔十', '支持验货', ''];

/** ASCII → full-width letters and digits (ＡＢＣ１２３), as some listings are typed. */
const fullWidth = (s: string) => s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

type Sku = readonly number[];

function render(rng: Rng, line: Line, sku: Sku): string {
  const chunks: string[] = [];
  chunks.push(pick(rng, line.brand));
  const name = pick(rng, line.names);
  if (name) chunks.push(name);
  const variants = line.axes.map((axis, i) => pick(rng, axis.values[sku[i]!]!.spell));
  // Variants mostly after the name, sometimes shuffled or put at the end.
  if (chance(rng, 0.3)) variants.reverse();
  const words = line.words.map((alts) => pick(rng, alts)).filter(Boolean);
  if (chance(rng, 0.5)) chunks.push(...variants, ...words);
  else chunks.push(...words, ...variants);
  if (name && chance(rng, 0.12)) chunks.splice(0, 2, chunks[1]!, chunks[0]!);
  let title = chunks.reduce((acc, c) => (chance(rng, 0.25) && !/\d$/.test(acc) ? acc + c : `${acc} ${c}`));
  if (chance(rng, 0.08)) title = fullWidth(title);
  const pre = pick(rng, PREFIXES);
  const suf = pick(rng, SUFFIXES);
  return `${pre}${title}${suf ? (chance(rng, 0.6) ? ' ' : '') + suf : ''}`.trim();
}

function priceOf(rng: Rng, line: Line, sku: Sku): string {
  const base = line.price + line.axes.reduce((s, axis, i) => s + (axis.values[sku[i]!]!.delta ?? 0), 0);
  return (Math.round(base * (0.86 + rng() * 0.22) * 10) / 10).toFixed(1);
}

function record(rng: Rng, line: Line, sku: Sku): Record<string, string> {
  const r: Record<string, string> = { title: render(rng, line, sku), price: priceOf(rng, line, sku) };
  if (chance(rng, 0.2)) r.brand = line.brand[0]!;
  return r;
}

const randomSku = (rng: Rng, line: Line): Sku => line.axes.map((a) => Math.floor(rng() * a.values.length));

interface Pair {
  id: string;
  left: Record<string, string>;
  right: Record<string, string>;
  match: boolean;
  kind: string;
}

export function generateZhPairs(seed = 20261201): Pair[] {
  const rng = seededRng(seed);
  const pairs: Omit<Pair, 'id'>[] = [];
  for (const [index, line] of LINES.entries()) {
    // Same product, two listings.
    for (let k = 0; k < 4; k++) {
      const sku = randomSku(rng, line);
      pairs.push({ left: record(rng, line, sku), right: record(rng, line, sku), match: true, kind: 'same' });
    }
    // Other variant: one axis changed.
    const axes = line.axes.map((a, i) => [a, i] as const).filter(([a]) => a.values.length > 1);
    for (let k = 0; k < 3 && axes.length; k++) {
      const sku = randomSku(rng, line);
      const [axis, i] = axes[k % axes.length]!;
      const other = [...sku];
      other[i] = (sku[i]! + 1 + Math.floor(rng() * (axis.values.length - 1))) % axis.values.length;
      pairs.push({ left: record(rng, line, sku), right: record(rng, line, other), match: false, kind: `variant:${axis.kind}` });
    }
    // A rival brand's product of the same kind (same spec where the axes line up), else another product.
    const rivals = LINES.filter((l, j) => j !== index && l.kind === line.kind);
    if (rivals.length) {
      const rival = pick(rng, rivals);
      const sku = randomSku(rng, line);
      const rivalSku = rival.axes.map((a, i) => Math.min(sku[i] ?? 0, a.values.length - 1));
      pairs.push({ left: record(rng, line, sku), right: record(rng, rival, rivalSku), match: false, kind: 'rival' });
    } else {
      const sameCategory = LINES.filter((l, j) => j !== index && l.cid === line.cid);
      const other = pick(rng, sameCategory.length ? sameCategory : LINES.filter((_, j) => j !== index));
      pairs.push({ left: record(rng, line, randomSku(rng, line)), right: record(rng, other, randomSku(rng, other)), match: false, kind: 'other' });
    }
    // Another product of the same brand (iPhone 15 vs iPhone 15 Pro Max, 伊利 纯牛奶 vs 安慕希).
    const sameBrand = LINES.filter((l, j) => j !== index && l.brand[0] === line.brand[0]);
    if (sameBrand.length) {
      const other = pick(rng, sameBrand);
      pairs.push({ left: record(rng, line, randomSku(rng, line)), right: record(rng, other, randomSku(rng, other)), match: false, kind: 'brand' });
    }
    // A part or accessory for it.
    if (line.parts) {
      const sku = randomSku(rng, line);
      const part = pick(rng, line.parts);
      const partTitle = `${pick(rng, ['适用', '适用于', '兼容'])}${pick(rng, line.brand)} ${pick(rng, line.names) || line.axes[0]!.values[0]!.spell[0]} ${part} ${pick(rng, ['', '高清', '防摔', '原装品质'])}`.trim();
      pairs.push({ left: record(rng, line, sku), right: { title: partTitle, price: (5 + Math.floor(rng() * 60)).toFixed(1) }, match: false, kind: 'part' });
    }
  }
  // Left and right swapped at random, so neither side is always the "canonical" one.
  return pairs.map((p, i) => {
    const swap = chance(rng, 0.5);
    return { id: `zh-${i}`, left: swap ? p.right : p.left, right: swap ? p.left : p.right, match: p.match, kind: p.kind };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = resolve(process.argv[2] ?? 'tests/fixtures/matching/zh-pairs.jsonl');
  const pairs = generateZhPairs();
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, pairs.map((p) => JSON.stringify(p)).join('\n') + '\n');
  const positives = pairs.filter((p) => p.match).length;
  console.log(`${out}: ${pairs.length} pairs, ${positives} matches, ${pairs.filter((p) => p.kind.startsWith('variant')).length} other-variant negatives`);
}
