import 'server-only';

import { CATEGORIES } from '@/lib/types';

/** A Weidian category id, 1–8 (derived from the shared constant). */
export type CategoryId = (typeof CATEGORIES)[number]['id'];

/**
 * The sandbox's product universe, written by hand so that it looks like a real shop: product *lines* (one
 * model from one brand) with *variant axes* (capacity, colour, size, pack count, model, edition…). Every
 * combination of axis values is one SKU. Most SKUs are listed on Weidian; the rest only exist on the other
 * platforms, where they serve as "other variant" decoys. See catalogue.ts for how this becomes data.
 */

export interface Brand {
  /** How the brand is written in a canonical (Weidian) title, e.g. `Apple` or `兰蔻 LANCOME`. */
  title: string;
  /** Other spellings that listings elsewhere use, e.g. `苹果`, `Apple/苹果`. */
  aliases: readonly string[];
  /** Short Chinese name used to make shop names, e.g. `苹果` → `苹果京东自营旗舰店`. */
  shop: string;
  /** GS1 company prefix (for books: the ISBN-13 prefix incl. publisher) used to mint the SKUs' GTIN-13s. */
  gs1: string;
  /** Competitor brands that sell the same kind of product (for "look-alike" offers). */
  rivals?: readonly string[];
}

export type AxisKind = 'capacity' | 'colour' | 'size' | 'pack' | 'model' | 'flavour' | 'edition';

/** One value of a variant axis: its text in the canonical title and its price change (yuan) vs. the base. */
export type AxisValue = readonly [text: string, priceDelta: number] | string;

export interface Axis {
  kind: AxisKind;
  values: readonly AxisValue[];
}

export interface ProductLine {
  id: string;
  cid: CategoryId;
  brand: Brand;
  /** Short product name (no brand, no variant), e.g. `iPhone 16 Pro`; also printed on the sandbox image. */
  name: string;
  /**
   * Canonical title as chunks; each may contain `{brand}`, `{name}` and `{0}`/`{1}` (the value of that axis),
   * e.g. `{0}{1}` glues two axes together. Chunks are what the listing-title rewriter reorders and re-spaces.
   */
  title: readonly string[];
  axes: readonly Axis[];
  /** Price of the first value of every axis, in yuan; other SKUs add their values' deltas. */
  base: number;
  /** Extra look-alike titles (accessories, abridged editions…), same placeholders as `title`. */
  lookalikes?: readonly string[];
  /**
   * What competitors sell in this line's place, as [brand, product name], for "same spec, other brand"
   * look-alikes. When absent, the line's name is generic (纯牛奶, 抽纸…) and the brand's rivals sell a product
   * of the same name; an empty list means no such look-alikes (the name is a trademark, e.g. `Mate 70`).
   */
  rivals?: readonly (readonly [brand: string, name: string])[];
}

// ── Brands ──────────────────────────────────────────────────────────────────────────────────────────────
// GS1 prefixes are invented but follow the real country ranges (690–699 China, 45/49 Japan, 0 US/Canada,
// 30–37 France, 40–44 Germany, 880 Korea, 93 Australia, 76 Switzerland); book prefixes are 978-7-<publisher>.

const b = (
  title: string,
  shop: string,
  gs1: string,
  aliases: readonly string[] = [],
  rivals: readonly string[] = [],
): Brand => ({ title, shop, gs1, aliases, rivals });

const APPLE = b('Apple', '苹果', '0194253', ['苹果', 'Apple/苹果', 'APPLE'], []);
const XIAOMI = b('小米', '小米', '6934177', ['Xiaomi', '小米Xiaomi', 'MI'], ['vivo', 'OPPO']);
const REDMI = b('Redmi', '小米', '6941059', ['红米', '小米Redmi', 'REDMI'], ['荣耀 HONOR', 'realme']);
const HUAWEI = b('华为 HUAWEI', '华为', '6942103', ['HUAWEI', '华为', 'HUAWEI/华为', 'Huawei'], ['荣耀 HONOR']);
const ANKER = b('Anker安克', '安克', '6953156', ['Anker', '安克', 'ANKER'], ['罗马仕 ROMOSS', '倍思 Baseus']);
const SANDISK = b('SanDisk闪迪', '闪迪', '0619659', ['闪迪', 'SanDisk', 'SANDISK'], ['金士顿 Kingston', '爱国者 aigo']);
const LOGITECH = b('罗技 Logitech', '罗技', '0977845', ['Logitech', '罗技', 'logi'], ['雷柏 Rapoo']);
const BASEUS = b('倍思 Baseus', '倍思', '6932172', ['Baseus', '倍思'], ['绿联 UGREEN']);
const UGREEN = b('绿联 UGREEN', '绿联', '6957303', ['UGREEN', '绿联'], ['倍思 Baseus']);
const SAMSUNG = b('三星 SAMSUNG', '三星', '8806094', ['Samsung', '三星', 'SAMSUNG'], ['西部数据 WD']);

const LANCOME = b('兰蔻 LANCOME', '兰蔻', '3614272', ['LANCOME', '兰蔻', 'Lancome', '兰蔻Lancôme'], ['雅诗兰黛']);
const ESTEE = b('雅诗兰黛 Estee Lauder', '雅诗兰黛', '0887167', ['EsteeLauder', '雅诗兰黛', 'ESTEE LAUDER'], ['兰蔻']);
const PERFECT_DIARY = b('完美日记', '完美日记', '6970125', ['Perfect Diary', 'PERFECT DIARY', '完美日记PerfectDiary'], ['花西子', 'Colorkey珂拉琪']);
const MAC = b('MAC魅可', '魅可', '0773602', ['M·A·C', '魅可', 'MAC'], ['YSL圣罗兰', '3CE']);
const SK2 = b('SK-II', 'SK-II', '4979006', ['SKII', 'SK2', 'sk-ii'], ['雅诗兰黛']);
const LOREAL = b("欧莱雅 L'OREAL", '欧莱雅', '3600523', ["L'OREAL", '欧莱雅', "L'Oréal Paris"], ['玉兰油 OLAY']);
const PROYA = b('珀莱雅 PROYA', '珀莱雅', '6901294', ['PROYA', '珀莱雅'], ['薇诺娜']);
const WINONA = b('薇诺娜 WINONA', '薇诺娜', '6971366', ['WINONA', '薇诺娜'], ['理肤泉']);
const SHISEIDO = b('资生堂 SHISEIDO', '资生堂', '4514254', ['SHISEIDO', '资生堂'], ['兰蔻']);
const FLORASIS = b('花西子 Florasis', '花西子', '6973048', ['Florasis', '花西子'], ['完美日记']);
const LRP = b('理肤泉 La Roche-Posay', '理肤泉', '3337875', ['La Roche-Posay', '理肤泉', 'LRP'], ['薇诺娜']);
const ANESSA = b('安热沙 ANESSA', '安热沙', '4909978', ['ANESSA', '安热沙', '安耐晒'], ['碧柔 Biore']);
const CHANDO = b('自然堂 CHANDO', '自然堂', '6917246', ['CHANDO', '自然堂'], ['一叶子']);
const KIEHLS = b("科颜氏 Kiehl's", '科颜氏', '3605970', ["Kiehl's", '科颜氏', 'KIEHLS'], ['倩碧 Clinique']);
const DABAO = b('大宝', '大宝', '6902395', ['Dabao', 'DABAO'], ['百雀羚']);
const CLARINS = b('娇韵诗 CLARINS', '娇韵诗', '3666057', ['CLARINS', '娇韵诗'], ['雅诗兰黛']);

const YILI = b('伊利', '伊利', '6907992', ['yili', 'YILI', '伊利Yili'], ['蒙牛', '光明']);
const MENGNIU = b('蒙牛', '蒙牛', '6923644', ['MENGNIU', '蒙牛Mengniu'], ['伊利', '光明']);
const NONGFU = b('农夫山泉', '农夫山泉', '6921168', ['NONGFU SPRING', '农夫山泉NongfuSpring'], ['怡宝', '娃哈哈', '百岁山']);
const SQUIRRELS = b('三只松鼠', '三只松鼠', '6971987', ['Three Squirrels', '三只松鼠ThreeSquirrels'], ['百草味', '良品铺子']);
const BESTORE = b('良品铺子', '良品铺子', '6970451', ['BESTORE', '良品铺子Bestore'], ['三只松鼠', '来伊份']);
const COKE = b('可口可乐 Coca-Cola', '可口可乐', '6954767', ['Coca-Cola', '可口可乐', 'CocaCola'], ['百事可乐 Pepsi']);
const GENKI = b('元气森林', '元气森林', '6975176', ['Genki Forest', '元气森林GenkiForest'], ['农夫山泉']);
const OREO = b('奥利奥 OREO', '奥利奥', '6901668', ['OREO', '奥利奥'], ['趣多多']);
const ARAWANA = b('金龙鱼', '金龙鱼', '6948195', ['Arawana', '金龙鱼Arawana'], ['鲁花', '福临门']);
const NESCAFE = b('雀巢 Nestle', '雀巢', '6917878', ['Nestle', '雀巢', 'Nescafe雀巢咖啡'], ['麦斯威尔 Maxwell']);
const CHAIHUO = b('柴火大院', '柴火大院', '6970312', ['CHAIHUODAYUAN'], ['十月稻田', '福临门']);
const DOVE = b('德芙 Dove', '德芙', '6914973', ['Dove', '德芙'], ['费列罗', '好时 Hershey']);
const BAICAO = b('百草味', '百草味', '6938888', ['BE&CHEERY', '百草味Be&Cheery'], ['三只松鼠']);
const WANGWANG = b('旺旺', '旺旺', '6920907', ['Want Want', '旺仔'], ['伊利']);
const MASTERKONG = b('康师傅', '康师傅', '6900873', ['Master Kong', '康师傅MasterKong'], ['统一', '白象']);
const HAITIAN = b('海天', '海天', '6902265', ['HADAY', '海天Haday'], ['李锦记', '千禾']);

const VINDA = b('维达 Vinda', '维达', '6901236', ['Vinda', '维达'], ['清风', '心相印']);
const BREEZE = b('清风 Breeze', '清风', '6922266', ['Breeze', '清风'], ['维达', '洁柔']);
const BLUEMOON = b('蓝月亮', '蓝月亮', '6902022', ['Bluemoon', '蓝月亮Bluemoon'], ['奥妙 OMO', '立白']);
const MIJIA = b('米家 MIJIA', '小米', '6934177', ['小米米家', 'MIJIA', '米家'], ['飞利浦 PHILIPS']);
const THERMOS = b('膳魔师 THERMOS', '膳魔师', '4562344', ['THERMOS', '膳魔师'], ['象印 ZOJIRUSHI', '虎牌 TIGER']);
const SUPOR = b('苏泊尔 SUPOR', '苏泊尔', '6922160', ['SUPOR', '苏泊尔'], ['爱仕达 ASD']);
const LOCKLOCK = b('乐扣乐扣 LOCK&LOCK', '乐扣乐扣', '8809187', ['LOCK&LOCK', '乐扣乐扣', 'locknlock'], ['特百惠 Tupperware']);
const SENSODYNE = b('舒适达 Sensodyne', '舒适达', '6901571', ['Sensodyne', '舒适达'], ['高露洁 Colgate']);
const YUNNAN = b('云南白药', '云南白药', '6901070', ['YUNNAN BAIYAO'], ['舒适达', '佳洁士 Crest']);
const NANJIREN = b('南极人 Nanjiren', '南极人', '6943205', ['Nanjiren', '南极人'], ['罗莱 LUOLAI', '水星家纺']);
const CS = b('洁柔 C&S', '洁柔', '6914068', ['C&S', '洁柔'], ['维达', '清风']);
const HS = b('海飞丝 Head&Shoulders', '海飞丝', '6903148', ['Head&Shoulders', '海飞丝', 'Head & Shoulders'], ['清扬 CLEAR']);
const DYSON = b('戴森 Dyson', '戴森', '5025155', ['Dyson', '戴森', 'DYSON'], ['追觅 Dreame', '石头 Roborock']);
const MIDEA = b('美的 Midea', '美的', '6901588', ['Midea', '美的'], ['九阳 Joyoung', '苏泊尔']);

const MERRIES = b('花王 Merries', '花王', '4901301', ['花王妙而舒', 'Merries', 'Kao花王', '妙而舒'], ['大王 GOO.N', '尤妮佳 moony']);
const PAMPERS = b('帮宝适 Pampers', '帮宝适', '4902430', ['Pampers', '帮宝适'], ['好奇 Huggies']);
const FEIHE = b('飞鹤', '飞鹤', '6945848', ['FIRMUS', '飞鹤Firmus'], ['君乐宝', '伊利金领冠']);
const A2 = b('a2', 'a2', '9421903', ['A2', 'a2紫白金', 'a2 Platinum'], ['爱他美 Aptamil']);
const ENFAMIL = b('美赞臣 Enfamil', '美赞臣', '6943631', ['Enfamil', '美赞臣', 'MeadJohnson'], ['惠氏 Wyeth']);
const PIGEON = b('贝亲 Pigeon', '贝亲', '4902508', ['Pigeon', '贝亲'], ['NUK', 'Hegen']);
const PURCOTTON = b('全棉时代 Purcotton', '全棉时代', '6953475', ['Purcotton', '全棉时代'], ['Babycare']);
const HUGGIES = b('好奇 Huggies', '好奇', '6901422', ['Huggies', '好奇'], ['帮宝适', '花王']);
const HEINZ = b('亨氏 Heinz', '亨氏', '6901845', ['Heinz', '亨氏'], ['嘉宝 Gerber']);
const BABYCARE = b('Babycare', 'Babycare', '6972512', ['babycare', 'BC babycare'], ['全棉时代']);
const OCTMAMI = b('十月结晶', '十月结晶', '6972213', ['Octmami', '十月结晶Octmami'], ['贝亲']);
const APTAMIL = b('爱他美 Aptamil', '爱他美', '4008976', ['Aptamil', '爱他美'], ['a2', '美赞臣']);

const UNIQLO = b('优衣库 UNIQLO', '优衣库', '4549738', ['UNIQLO', '优衣库'], ['GU', '海澜之家']);
const BOSIDENG = b('波司登 BOSIDENG', '波司登', '6923857', ['BOSIDENG', '波司登'], ['雪中飞', '鸭鸭 YAYA']);
const PEACEBIRD = b('太平鸟 PEACEBIRD', '太平鸟', '6941753', ['PEACEBIRD', '太平鸟'], ['森马 Semir']);
const LEVIS = b("Levi's李维斯", '李维斯', '5400599', ["Levi's", '李维斯', 'LEVIS'], ['Lee']);
const NANJIREN_WEAR = b('南极人', '南极人', '6943206', ['Nanjiren', 'NanJiren南极人'], ['猫人', '浪莎']);
const HLA = b('海澜之家 HLA', '海澜之家', '6948392', ['HLA', '海澜之家'], ['雅戈尔 YOUNGOR']);
const BENEUNDER = b('蕉下 Beneunder', '蕉下', '6972340', ['Beneunder', '蕉下', 'BANANAIN'], ['OhSunny']);
const WARRIOR = b('回力 Warrior', '回力', '6926514', ['Warrior', '回力', 'WARRIOR'], ['飞跃 Feiyue']);

const LINING = b('李宁 LI-NING', '李宁', '6974382', ['LI-NING', '李宁', 'LINING'], ['安踏 ANTA', '特步 XTEP']);
const NIKE = b('耐克 Nike', '耐克', '0196153', ['Nike', '耐克', 'NIKE'], ['阿迪达斯 adidas']);
const DECATHLON = b('迪卡侬 DECATHLON', '迪卡侬', '3608419', ['DECATHLON', '迪卡侬'], ['Keep']);
const ANTA = b('安踏 ANTA', '安踏', '6956512', ['ANTA', '安踏'], ['李宁', '361°']);
const SPALDING = b('斯伯丁 SPALDING', '斯伯丁', '6925143', ['SPALDING', '斯伯丁'], ['威尔胜 Wilson', '摩腾 Molten']);
const YONEX = b('尤尼克斯 YONEX', '尤尼克斯', '4550086', ['YONEX', '尤尼克斯', 'YY'], ['李宁', '威克多 VICTOR']);
const DHS = b('红双喜 DHS', '红双喜', '6901957', ['DHS', '红双喜'], ['729', '蝴蝶 Butterfly']);
const KEEP = b('Keep', 'Keep', '6973613', ['KEEP', 'keep'], ['迪卡侬']);
const UA = b('安德玛 UNDER ARMOUR', '安德玛', '0195253', ['UNDER ARMOUR', '安德玛', 'UA'], ['耐克']);
const GARMIN = b('佳明 GARMIN', '佳明', '0753759', ['GARMIN', '佳明', 'Garmin'], ['高驰 COROS', '华为']);
const PEAK = b('匹克 PEAK', '匹克', '6958274', ['PEAK', '匹克'], ['特步', '安踏']);

// Publishers: the GS1 prefix is the ISBN-13 prefix 978-7-<publisher code>.
const CQPH = b('重庆出版社', '重庆出版社', '97875366', ['重庆出版集团']);
const ZUOJIA = b('作家出版社', '作家出版社', '97875063', ['作家社']);
const NANHAI = b('南海出版公司', '南海出版', '97875442', ['新经典 南海出版公司', '南海出版']);
const CITIC = b('中信出版社', '中信出版', '97875086', ['中信出版集团', 'CITIC']);
const ZJGJ = b('浙江人民出版社', '浙江人民出版社', '97872130', ['浙江人民']);
const RMWX = b('人民文学出版社', '人民文学出版社', '978702', ['人民文学', '人文社']);
const BJSY = b('北京十月文艺出版社', '十月文艺', '97875302', ['十月文艺出版社']);
const CMP = b('机械工业出版社', '机工社', '9787111', ['机械工业', '华章图书']);
const PTPRESS = b('人民邮电出版社', '人邮', '9787115', ['人民邮电', '图灵图书']);
const BJLH = b('北京联合出版公司', '北京联合', '97875596', ['北京联合出版']);

// ── Helpers to keep the table below readable ────────────────────────────────────────────────────────────

const axis = (kind: AxisKind, ...values: AxisValue[]): Axis => ({ kind, values });
const line = (
  id: string,
  cid: CategoryId,
  brand: Brand,
  name: string,
  title: readonly string[],
  base: number,
  axes: readonly Axis[],
  extras: Pick<ProductLine, 'lookalikes' | 'rivals'> = {},
): ProductLine => ({ id, cid, brand, name, title, base, axes, ...extras });

const PHONE_LOOKALIKES = ['适用{name}手机壳 {1} 透明防摔', '{name} 钢化膜 全屏覆盖 2片装', '{name} 模型机 {0} {1} 展示机'];

// ── The product lines ───────────────────────────────────────────────────────────────────────────────────

export const PRODUCT_LINES: readonly ProductLine[] = [
  // 数码 ─ digital
  line('iphone-16-pro', 1, APPLE, 'iPhone 16 Pro', ['{brand}', '{name}', '{0}', '{1}', '5G手机'], 7999, [
    axis('capacity', ['128GB', 0], ['256GB', 1000], ['512GB', 3000], ['1TB', 5000]),
    axis('colour', '黑色钛金属', '白色钛金属', '原色钛金属', '沙漠色钛金属'),
  ], { lookalikes: PHONE_LOOKALIKES }),
  line('iphone-16', 1, APPLE, 'iPhone 16', ['{brand}', '{name}', '{0}', '{1}', '5G手机'], 5999, [
    axis('capacity', ['128GB', 0], ['256GB', 1000], ['512GB', 3000]),
    axis('colour', '黑色', '白色', '群青色'),
  ], { lookalikes: PHONE_LOOKALIKES }),
  line('redmi-note-14-pro', 1, REDMI, 'Note 14 Pro', ['{brand}', '{name}', '{0}', '{1}', '5G手机'], 1399, [
    axis('capacity', ['8GB+128GB', 0], ['8GB+256GB', 200], ['12GB+256GB', 400], ['12GB+512GB', 600]),
    axis('colour', '子夜黑', '镜瓷白', '暮光紫'),
  ], { rivals: [['荣耀 HONOR', 'X60 GT'], ['realme真我', 'Neo7']], lookalikes: PHONE_LOOKALIKES }),
  line('huawei-mate-70', 1, HUAWEI, 'Mate 70', ['{brand}', '{name}', '{0}', '{1}', '鸿蒙AI', '旗舰手机'], 5499, [
    axis('capacity', ['12GB+256GB', 0], ['12GB+512GB', 500], ['12GB+1TB', 1500]),
    axis('colour', '雅川青', '曜石黑', '云杉绿', '雪域白'),
  ], { rivals: [['荣耀 HONOR', 'Magic7']], lookalikes: PHONE_LOOKALIKES }),
  line('xiaomi-15', 1, XIAOMI, 'Xiaomi 15', ['{brand}', '{name}', '{0}', '{1}', '徕卡影像', '5G手机'], 4499, [
    axis('capacity', ['12GB+256GB', 0], ['16GB+512GB', 500], ['16GB+1TB', 1300]),
    axis('colour', '黑色', '白色', '亮银版'),
  ], { rivals: [['vivo', 'X200'], ['OPPO', 'Find X8']], lookalikes: PHONE_LOOKALIKES }),
  line('airpods', 1, APPLE, 'AirPods', ['{brand}', '{0}', '无线蓝牙耳机'], 999, [
    axis('model', ['AirPods 4', 0], ['AirPods 4 主动降噪款', 400], ['AirPods Pro 2 USB-C', 800]),
  ], { lookalikes: ['{0} 保护套 硅胶 防摔', '{0} 同款 蓝牙耳机 平替 降噪'] }),
  line('ipad-air', 1, APPLE, 'iPad Air', ['{brand}', '{name}', '11英寸', 'M2芯片', '{0}', 'WLAN版', '{1}'], 4799, [
    axis('capacity', ['128GB', 0], ['256GB', 800]),
    axis('colour', '深空灰色', '星光色', '紫色', '蓝色'),
  ], { lookalikes: ['适用{name} 11英寸 保护壳 {1}', '{name} 类纸膜 11英寸'] }),
  line('apple-watch-s10', 1, APPLE, 'Apple Watch Series 10', ['{name}', 'GPS款', '{0}', '{1}', '运动型表带'], 2999, [
    axis('size', ['42mm', 0], ['46mm', 200]),
    axis('colour', '亮黑色铝金属', '银色铝金属'),
  ], { lookalikes: ['适用{name} 表带 {0} 硅胶'] }),
  line('anker-powerbank', 1, ANKER, '充电宝', ['{brand}', '{0}', '{name}', '22.5W快充', '{1}'], 129, [
    axis('capacity', ['10000mAh', 0], ['20000mAh', 70]),
    axis('colour', '黑色', '白色'),
  ]),
  line('sandisk-cz73', 1, SANDISK, 'CZ73 U盘', ['{brand}', '{0}', 'USB3.2', '{name}', '酷铄', '高速金属'], 39.9, [
    axis('capacity', ['64GB', 0], ['128GB', 20], ['256GB', 69.1], ['512GB', 189.1]),
  ], { rivals: [['金士顿 Kingston', 'DTX U盘'], ['爱国者 aigo', 'U330 U盘']] }),
  line('xiaomi-band-9', 1, XIAOMI, '小米手环9', ['{name}', '{0}', '{1}', '智能运动手环'], 249, [
    axis('model', ['标准版', 0], ['NFC版', 50]),
    axis('colour', '午夜黑', '冰川银'),
  ], { lookalikes: ['适用{name} 表带 {1} 替换腕带'] }),
  line('logitech-mx-master-3s', 1, LOGITECH, 'MX Master 3S', ['{brand}', '{name}', '无线蓝牙鼠标', '{0}'], 699, [
    axis('colour', '石墨黑', '珍珠白'),
  ], { rivals: [['雷柏 Rapoo', 'MT760']] }),
  line('baseus-gan-charger', 1, BASEUS, '氮化镓充电器', ['{brand}', '{0}', '{name}', '{1}'], 129, [
    axis('capacity', ['65W', 0], ['100W', 70]),
    axis('model', '2C1A', '3C1A'),
  ]),
  line('ugreen-usbc-cable', 1, UGREEN, 'USB-C数据线', ['{brand}', '{name}', '{0}', '{1}', '双头Type-C快充线'], 19.9, [
    axis('capacity', ['60W', 0], ['100W', 10]),
    axis('size', '1m', ['2m', 6]),
  ]),
  line('huawei-freebuds-pro-4', 1, HUAWEI, 'FreeBuds Pro 4', ['{brand}', '{name}', '{0}', '真无线降噪耳机'], 1299, [
    axis('colour', '冰霜银', '雅川青', '曜石黑'),
  ], { rivals: [['荣耀 HONOR', 'Earbuds X8']], lookalikes: ['适用{name} 保护套 {0}'] }),
  line('samsung-t7', 1, SAMSUNG, 'T7 移动固态硬盘', ['{brand}', '{name}', '{0}', 'USB3.2', '{1}'], 599, [
    axis('capacity', ['1TB', 0], ['2TB', 500]),
    axis('colour', '灰色', '蓝色'),
  ], { rivals: [['西部数据 WD', 'My Passport 移动固态硬盘']] }),

  // 美妆 ─ beauty
  line('lancome-genifique', 2, LANCOME, '小黑瓶精华', ['{brand}', '{name}', '精华肌底液', '{0}'], 760, [
    axis('capacity', ['30ml', 0], ['50ml', 320], ['100ml', 939]),
  ], { rivals: [], lookalikes: ['{brand} {name} 小样 7ml 体验装', '{name} 同款 精华液 {0} 平替'] }),
  line('estee-anr', 2, ESTEE, '小棕瓶精华', ['{brand}', '{name}', '特润修护肌活精华露', '{0}'], 680, [
    axis('capacity', ['30ml', 0], ['50ml', 280], ['100ml', 810]),
  ], { rivals: [], lookalikes: ['{brand} {name} 小样 7ml'] }),
  line('perfect-diary-lipstick', 2, PERFECT_DIARY, '小细跟口红', ['{brand}', '{name}', '{0}', '丝绒哑光', '3.5g'], 69.9, [
    axis('colour', '#01正红色', '#06番茄红', '#08枫叶棕', '#13豆沙色', '#17烂番茄'),
  ], { rivals: [['花西子', '雕花口红'], ['Colorkey珂拉琪', '空气唇釉']] }),
  line('mac-lipstick', 2, MAC, '子弹头口红', ['{brand}', '{name}', '{0}', '3g'], 230, [
    axis('colour', 'CHILI小辣椒', 'RUBY WOO', 'MARRAKESH', 'VELVET TEDDY'),
  ], { rivals: [['YSL圣罗兰', '小金条口红'], ['3CE', '丝绒口红']] }),
  line('sk2-essence', 2, SK2, '神仙水', ['{brand}', '{name}', '护肤精华露', '{0}'], 690, [
    axis('capacity', ['75ml', 0], ['160ml', 680], ['230ml', 1200]),
  ], { rivals: [], lookalikes: ['{brand} {name} 小样 30ml'] }),
  line('loreal-eye-cream', 2, LOREAL, '紫熨斗眼霜', ['{brand}', '第二代', '{name}', '{0}'], 199, [
    axis('capacity', ['7.5ml', 0], ['30ml', 400]),
  ], { rivals: [['玉兰油 OLAY', '超红瓶眼霜']] }),
  line('proya-serum', 2, PROYA, '双抗精华3.0', ['{brand}', '{name}', '抗氧化', '{0}'], 359, [
    axis('capacity', ['30ml', 0], ['50ml', 140]),
  ], { rivals: [['薇诺娜', '舒敏精华']] }),
  line('winona-cream', 2, WINONA, '舒敏保湿特护霜', ['{brand}', '{name}', '{0}', '敏感肌'], 99, [
    axis('capacity', ['15g', 0], ['50g', 169]),
  ], { rivals: [['玉泽', '皮肤屏障修护保湿霜']] }),
  line('shiseido-ultimune', 2, SHISEIDO, '红腰子精华', ['{brand}', '{name}', '红妍肌活精华露', '{0}'], 590, [
    axis('capacity', ['30ml', 0], ['50ml', 200], ['75ml', 490], ['100ml', 730]),
  ], { rivals: [['娇兰 Guerlain', '复原蜜']] }),
  line('florasis-powder', 2, FLORASIS, '空气蜜粉', ['{brand}', '{name}', '散粉', '{0}', '8g'], 169, [
    axis('colour', '01自然色', '02象牙白', '03亮肤色'),
  ], { rivals: [['完美日记', '小狮子散粉']] }),
  line('lrp-b5', 2, LRP, 'B5修复霜', ['{brand}', '{name}', '{0}', '舒缓修护'], 108, [
    axis('capacity', ['40ml', 0], ['100ml', 110]),
  ], { rivals: [['珂润 Curel', '润浸保湿霜']] }),
  line('anessa-sunscreen', 2, ANESSA, '小金瓶防晒乳', ['{brand}', '{name}', 'SPF50+', '{0}'], 258, [
    axis('capacity', ['60ml', 0], ['90ml', 80]),
  ], { rivals: [['碧柔 Biore', '水感防晒乳']] }),
  line('chando-mask', 2, CHANDO, '喜马拉雅面膜', ['{brand}', '{name}', '补水保湿', '{0}'], 79, [
    axis('pack', ['26ml×5片', 0], ['26ml×10片', 60], ['26ml×20片', 180]),
  ], { rivals: [['一叶子', '植物面膜']] }),
  line('estee-dw', 2, ESTEE, 'DW持妆粉底液', ['{brand}', '{name}', '{0}', '30ml'], 420, [
    axis('colour', '1W1象牙白', '1W2沙色', '2C0冷调米色'),
  ], { rivals: [['兰蔻', '持妆粉底液']] }),
  line('kiehls-cream', 2, KIEHLS, '高保湿面霜', ['{brand}', '{name}', '{0}'], 285, [
    axis('capacity', ['50ml', 0], ['125ml', 260]),
  ], { rivals: [['倩碧 Clinique', '黄油面霜']] }),
  line('dabao-sod', 2, DABAO, 'SOD蜜', ['{brand}', '{name}', '{0}', '补水保湿乳液'], 12.5, [
    axis('capacity', ['100ml', 0], ['200ml', 9.4]),
  ], { rivals: [['百雀羚', '水能量乳液']] }),
  line('lancome-absolu-lipstick', 2, LANCOME, '菁纯口红', ['{brand}', '{name}', '{0}', '3.4g'], 350, [
    axis('colour', '#196', '#274', '#888'),
  ], { rivals: [['YSL圣罗兰', '方管口红']] }),
  line('clarins-double-serum', 2, CLARINS, '双萃精华', ['{brand}', '{name}', '黄金双瓶', '{0}'], 690, [
    axis('capacity', ['50ml', 0], ['75ml', 290], ['100ml', 560]),
  ], { rivals: [['雅诗兰黛', '红石榴精华']] }),

  // 食品 ─ food
  line('yili-milk', 3, YILI, '纯牛奶', ['{brand}', '{name}', '{0}', '整箱'], 69.9, [
    axis('pack', ['250ml×24盒', 0], ['250ml×16盒', -22], ['250ml×12盒', -33]),
  ]),
  line('yili-satine', 3, YILI, '金典有机纯牛奶', ['{brand}', '{name}', '{0}', '礼盒装'], 59.9, [
    axis('pack', ['250ml×12盒', 0], ['250ml×24盒', 50]),
  ], { rivals: [['光明', '优倍有机纯牛奶']] }),
  line('mengniu-deluxe', 3, MENGNIU, '特仑苏纯牛奶', ['{brand}', '{name}', '{0}'], 59.9, [
    axis('pack', ['250ml×12盒', 0], ['250ml×16盒', 15]),
  ], { rivals: [['光明', '优倍纯牛奶']] }),
  line('nongfu-water', 3, NONGFU, '饮用天然水', ['{brand}', '{name}', '{0}', '整箱'], 29.9, [
    axis('pack', ['550ml×24瓶', 0], ['380ml×24瓶', -3], ['1.5L×12瓶', 6], ['4L×6桶', 10]),
  ]),
  line('squirrels-nuts', 3, SQUIRRELS, '每日坚果', ['{brand}', '{name}', '{0}', '混合果仁'], 139, [
    axis('pack', ['750g/30袋', 0], ['375g/15袋', -64]),
  ]),
  line('bestore-jerky', 3, BESTORE, '猪肉脯', ['{brand}', '{name}', '{1}', '{0}', '靖江特产'], 29.9, [
    axis('capacity', ['200g', 0], ['500g', 30]),
    axis('flavour', '原味', '黑椒味'),
  ]),
  line('coke', 3, COKE, '汽水', ['{brand}', '{0}', '{name}', '{1}', '整箱'], 49.9, [
    axis('pack', ['330ml×24罐', 0], ['500ml×24瓶', 10]),
    axis('model', '经典原味', '零度无糖'),
  ]),
  line('genki-soda', 3, GENKI, '苏打气泡水', ['{brand}', '{name}', '{0}', '480ml×15瓶'], 65, [
    axis('flavour', '白桃味', '青瓜味', '卡曼橘味'),
  ]),
  line('oreo', 3, OREO, '夹心饼干', ['{brand}', '{0}', '{name}', '{1}'], 19.9, [
    axis('capacity', ['388g', 0], ['696g', 14]),
    axis('flavour', '原味', '巧克力味'),
  ]),
  line('arawana-oil', 3, ARAWANA, '黄金比例食用调和油', ['{brand}', '{name}', '{0}'], 69.9, [
    axis('capacity', ['5L', 0], ['1.8L', -40]),
  ], { rivals: [['鲁花', '5S压榨一级花生油'], ['福临门', '黄金产地玉米油']] }),
  line('nescafe-12', 3, NESCAFE, '1+2原味速溶咖啡', ['{brand}', '{name}', '{0}'], 39.9, [
    axis('pack', ['15g×30条', 0], ['15g×100条', 69.1]),
  ], { rivals: [['麦斯威尔 Maxwell', '三合一原味速溶咖啡']] }),
  line('chaihuo-rice', 3, CHAIHUO, '五常大米', ['{brand}', '{name}', '稻花香', '{0}'], 69.9, [
    axis('capacity', ['5kg', 0], ['10kg', 59.1]),
  ]),
  line('dove-chocolate', 3, DOVE, '丝滑巧克力', ['{brand}', '{0}', '{name}', '252g', '碗装'], 39.9, [
    axis('flavour', '牛奶', '66%黑巧'),
  ]),
  line('baicao-mango', 3, BAICAO, '芒果干', ['{brand}', '{name}', '{0}', '办公室零食'], 12.9, [
    axis('capacity', ['120g', 0], ['500g', 26]),
  ]),
  line('wangzai-milk', 3, WANGWANG, '旺仔牛奶', ['{brand}', '{name}', '{0}', '原味'], 39.9, [
    axis('pack', ['245ml×12罐', 0], ['245ml×24罐', 36]),
  ], { rivals: [['伊利', 'QQ星儿童牛奶']] }),
  line('masterkong-noodles', 3, MASTERKONG, '红烧牛肉面', ['{brand}', '{name}', '{0}'], 14.9, [
    axis('pack', ['袋装×5包', 0], ['桶装×12桶', 35]),
  ]),
  line('haitian-soy', 3, HAITIAN, '味极鲜酱油', ['{brand}', '{name}', '{0}', '特级生抽'], 19.9, [
    axis('capacity', ['1.9L', 0], ['760ml', -10]),
  ]),
  line('nongfu-tea', 3, NONGFU, '东方树叶', ['{brand}', '{name}', '{0}', '500ml×15瓶', '无糖茶饮料'], 54, [
    axis('flavour', '茉莉花茶', '乌龙茶', '青柑普洱'),
  ], { rivals: [['康师傅', '无糖茶']] }),

  // 家居 ─ home
  line('vinda-tissue', 4, VINDA, '抽纸', ['{brand}', '{name}', '{0}{1}', '超韧', '整箱'], 45.9, [
    axis('capacity', '3层100抽', ['4层80抽', 4]),
    axis('pack', ['×24包', 0], ['×12包', -22]),
  ]),
  line('breeze-tissue', 4, BREEZE, '原木纯品抽纸', ['{brand}', '{name}', '{0}'], 39.9, [
    axis('pack', ['3层120抽×20包', 0], ['3层120抽×10包', -18]),
  ]),
  line('bluemoon-detergent', 4, BLUEMOON, '深层洁净洗衣液', ['{brand}', '{name}', '{0}', '{1}'], 49.9, [
    axis('capacity', ['3kg', 0], ['1kg', -30]),
    axis('flavour', '薰衣草香', '自然清香'),
  ]),
  line('mijia-toothbrush', 4, MIJIA, '声波电动牙刷', ['{brand}', '{name}', '{0}', '{1}'], 99, [
    axis('model', ['T301', 0], ['T501', 100]),
    axis('colour', '白色', '蓝色'),
  ], { lookalikes: ['适用{brand}{name} 替换刷头 4支装'] }),
  line('thermos-bottle', 4, THERMOS, '不锈钢保温杯', ['{brand}', '{name}', '{0}', '{1}'], 199, [
    axis('capacity', ['JNL-502 500ml', 0], ['JNL-352 350ml', -30]),
    axis('colour', '黑色', '白色'),
  ], { rivals: [['象印 ZOJIRUSHI', '不锈钢保温杯']] }),
  line('supor-wok', 4, SUPOR, '不粘炒锅', ['{brand}', '{name}', '{0}', '燃气电磁炉通用'], 199, [
    axis('size', ['28cm', 0], ['30cm', 30], ['32cm', 60]),
  ]),
  line('locklock-box', 4, LOCKLOCK, '玻璃保鲜盒', ['{brand}', '{name}', '{0}', '微波炉可用'], 89, [
    axis('pack', ['3件套', 0], ['5件套', 50]),
  ]),
  line('sensodyne', 4, SENSODYNE, '抗敏感牙膏', ['{brand}', '{name}', '{0}', '{1}'], 49.9, [
    axis('model', '多效护理', ['速效抗敏', 10]),
    axis('pack', ['120g×2支', 0], ['120g×3支', 24]),
  ]),
  line('yunnan-toothpaste', 4, YUNNAN, '牙膏', ['{brand}', '{name}', '{0}', '{1}'], 39.9, [
    axis('flavour', '留兰香型', '薄荷清爽型'),
    axis('capacity', ['180g', 0], ['120g', -10]),
  ]),
  line('nanjiren-bedding', 4, NANJIREN, '纯棉四件套', ['{brand}', '{name}', '{0}', '{1}', '全棉床单被套'], 199, [
    axis('size', ['1.5m床', 0], ['1.8m床', 30]),
    axis('colour', '灰色', '蓝色'),
  ]),
  line('cs-toilet-roll', 4, CS, '卷纸', ['{brand}', '{name}', '{0}', '家用卫生纸'], 49.9, [
    axis('pack', ['4层180g×27卷', 0], ['4层180g×10卷', -28]),
  ]),
  line('hs-shampoo', 4, HS, '去屑洗发水', ['{brand}', '{name}', '{1}', '{0}'], 59.9, [
    axis('capacity', ['400ml', 0], ['750ml', 30]),
    axis('flavour', '清爽去油型', '丝质柔滑型'),
  ]),
  line('dyson-vacuum', 4, DYSON, '无线吸尘器', ['{brand}', '{0}', '{name}', '家用手持'], 2490, [
    axis('model', ['V8 Slim', 0], ['V10 Digital Slim', 800], ['V12 Detect Slim', 2000]),
  ], { rivals: [], lookalikes: ['适用{brand}{0} 吸尘器 配件 滤网'] }),
  line('midea-rice-cooker', 4, MIDEA, '智能电饭煲', ['{brand}', '{name}', '{0}', '家用多功能'], 199, [
    axis('capacity', ['3L', 0], ['4L', 40], ['5L', 80]),
  ]),

  // 母婴 ─ baby
  line('merries-diapers', 5, MERRIES, '纸尿裤', ['{brand}', '{name}', '{0}'], 109, [
    axis('size', 'NB90片', 'M64片', 'L54片', 'XL44片'),
  ]),
  line('merries-pants', 5, MERRIES, '拉拉裤', ['{brand}', '{name}', '{0}'], 119, [
    axis('size', 'L44片', 'XL38片', 'XXL26片'),
  ]),
  line('pampers-diapers', 5, PAMPERS, '一级帮纸尿裤', ['{brand}', '{name}', '{0}'], 139, [
    axis('size', 'S76片', 'M62片', 'L52片', 'XL42片'),
  ], { rivals: [['好奇 Huggies', '铂金装纸尿裤']] }),
  line('feihe-formula', 5, FEIHE, '星飞帆婴幼儿配方奶粉', ['{brand}', '{name}', '{0}', '900g'], 328, [
    axis('edition', '1段', ['2段', -10], ['3段', -30]),
  ], { rivals: [['君乐宝', '至臻婴幼儿配方奶粉'], ['伊利金领冠', '珍护婴幼儿配方奶粉']] }),
  line('a2-formula', 5, A2, '紫白金婴幼儿配方奶粉', ['{brand}', '{name}', '{0}', '900g'], 368, [
    axis('edition', '1段', ['2段', -10], ['3段', -20]),
  ], { rivals: [['爱他美 Aptamil', '白金版婴幼儿配方奶粉']] }),
  line('enfamil-formula', 5, ENFAMIL, '蓝臻婴幼儿配方奶粉', ['{brand}', '{name}', '{0}', '820g'], 359, [
    axis('edition', '2段', ['3段', -20]),
  ], { rivals: [['惠氏 Wyeth', '启赋婴幼儿配方奶粉']] }),
  line('pigeon-bottle', 5, PIGEON, '宽口径PPSU奶瓶', ['{brand}', '{name}', '{0}'], 129, [
    axis('capacity', ['160ml', 0], ['240ml', 20], ['330ml', 40]),
  ]),
  line('purcotton-wipes', 5, PURCOTTON, '婴儿棉柔巾', ['{brand}', '{name}', '{0}'], 59.9, [
    axis('pack', ['100抽×6包', 0], ['100抽×12包', 50]),
  ]),
  line('huggies', 5, HUGGIES, '心钻装', ['{brand}', '{name}', '{0}', '{1}'], 129, [
    axis('model', '纸尿裤', ['拉拉裤', 10]),
    axis('size', 'L', 'XL'),
  ], { rivals: [['帮宝适', '黑金帮'], ['花王', '妙而舒 Mini']] }),
  line('heinz-rice-cereal', 5, HEINZ, '婴儿米粉', ['{brand}', '{name}', '{0}', '400g'], 45.9, [
    axis('flavour', '原味', '铁锌钙'),
  ]),
  line('babycare-wipes', 5, BABYCARE, '婴儿湿巾', ['{brand}', '{name}', '{0}', '手口可用'], 49.9, [
    axis('pack', ['80抽×10包', 0], ['80抽×5包', -22]),
  ]),
  line('octmami-milk-bags', 5, OCTMAMI, '储奶袋', ['{brand}', '{name}', '{0}', '母乳保鲜袋'], 39.9, [
    axis('pack', ['200ml×30片', 0], ['200ml×60片', 30]),
  ]),
  line('aptamil-formula', 5, APTAMIL, '卓萃婴幼儿配方奶粉', ['{brand}', '{name}', '{0}', '900g'], 398, [
    axis('edition', '1段', ['2段', -10], ['3段', -30]),
  ], { rivals: [['a2', '至初婴幼儿配方奶粉'], ['美赞臣', '铂睿婴幼儿配方奶粉']] }),

  // 服饰 ─ apparel
  line('uniqlo-u-tee', 6, UNIQLO, '男装 U系列圆领T恤', ['{brand}', '{name}', '短袖', '{1}', '{0}'], 79, [
    axis('size', 'S', 'M', 'L', 'XL'),
    axis('colour', '白色', '黑色', '藏青色'),
  ], { rivals: [['GU', '男装 重磅圆领T恤'], ['海澜之家', '男士纯棉圆领T恤']] }),
  line('uniqlo-airism-tee', 6, UNIQLO, '女装 AIRism棉质宽松T恤', ['{brand}', '{name}', '{1}', '{0}'], 99, [
    axis('size', 'S', 'M', 'L'),
    axis('colour', '白色', '米色'),
  ], { rivals: [['GU', '女装 凉感宽松T恤']] }),
  line('bosideng-down', 6, BOSIDENG, '男士短款羽绒服', ['{brand}', '2026冬季', '{name}', '{1}', '{0}'], 1299, [
    axis('size', '170/88A', '175/92A', '180/96A', '185/100A'),
    axis('colour', '黑色', '藏青'),
  ]),
  line('peacebird-hoodie', 6, PEACEBIRD, '男士连帽卫衣', ['{brand}', '{name}', '{1}', '{0}'], 299, [
    axis('size', 'M', 'L', 'XL'),
    axis('colour', '灰色', '黑色'),
  ]),
  line('levis-501', 6, LEVIS, '501经典直筒牛仔裤', ['{brand}', '{name}', '男', '{0}', '深蓝色'], 599, [
    axis('size', 'W30 L32', 'W32 L32', 'W34 L32'),
  ], { rivals: [['Lee', '经典直筒牛仔裤']] }),
  line('nanjiren-socks', 6, NANJIREN_WEAR, '男士纯棉中筒袜', ['{brand}', '{name}', '{0}', '黑色'], 29.9, [
    axis('pack', ['10双装', 0], ['5双装', -12]),
  ]),
  line('hla-shirt', 6, HLA, '男士长袖商务衬衫', ['{brand}', '{name}', '免烫', '{1}', '{0}'], 198, [
    axis('size', '39', '40', '41', '42'),
    axis('colour', '白色', '浅蓝色'),
  ]),
  line('beneunder-sun-jacket', 6, BENEUNDER, '防晒衣', ['{brand}', '{name}', 'UPF50+', '女款', '{1}', '{0}'], 199, [
    axis('size', 'S', 'M', 'L'),
    axis('colour', '冰川蓝', '月光白'),
  ]),
  line('warrior-canvas', 6, WARRIOR, '经典帆布鞋', ['{brand}', '{name}', '小白鞋', '{0}'], 89, [
    axis('size', '37码', '38码', '39码', '40码', '41码', '42码'),
  ]),

  // 运动 ─ sports
  line('lining-chitu-7', 7, LINING, '赤兔7 跑鞋', ['{brand}', '{name}', '男款', '{1}', '{0}'], 399, [
    axis('size', '40码', '41码', '42码', '43码', '44码'),
    axis('colour', '标准白/黑色', '荧光绿'),
  ], { rivals: [['特步 XTEP', '160X 6.0 跑鞋'], ['安踏 ANTA', '马赫5 跑鞋']] }),
  line('lining-chitu-7-women', 7, LINING, '赤兔7 女款跑鞋', ['{brand}', '{name}', '{0}', '樱花粉'], 399, [
    axis('size', '36码', '37码', '38码'),
  ], { rivals: [['特步 XTEP', '160X 女款跑鞋']] }),
  line('nike-pegasus-41', 7, NIKE, 'Air Zoom Pegasus 41', ['{brand}', '{name}', '男子公路跑鞋', '{0}'], 899, [
    axis('size', '40码', '41码', '42码', '43码'),
  ], { rivals: [['阿迪达斯 adidas', 'Adizero SL2']] }),
  line('decathlon-yoga-mat', 7, DECATHLON, '瑜伽垫', ['{brand}', '{name}', '{0}', '{1}', '加厚防滑'], 99, [
    axis('size', ['6mm', 0], ['10mm', 30]),
    axis('colour', '紫色', '灰色'),
  ]),
  line('anta-kt9', 7, ANTA, 'KT9 篮球鞋', ['{brand}', '{name}', '{0}', '实战缓震'], 799, [
    axis('size', '41码', '42码', '43码'),
  ], { rivals: [['李宁', '韦德之道11 篮球鞋']] }),
  line('spalding-basketball', 7, SPALDING, '篮球', ['{brand}', '{0}', '{name}', '室内外通用PU'], 199, [
    axis('size', ['7号', 0], ['6号', -10]),
  ]),
  line('yonex-shuttlecock', 7, YONEX, '羽毛球', ['{brand}', '{0}', '{name}', '12只装'], 89, [
    axis('model', ['AS-05', 0], ['AS-9', 30]),
  ], { rivals: [] }),
  line('dhs-racket', 7, DHS, '乒乓球拍', ['{brand}', '{0}', '{name}', '成品拍'], 168, [
    axis('model', ['四星', 0], ['六星', 100]),
  ]),
  line('keep-dumbbell', 7, KEEP, '可调节哑铃', ['{brand}', '{name}', '{0}', '单只'], 399, [
    axis('capacity', ['10kg', 0], ['20kg', 300]),
  ]),
  line('decathlon-backpack', 7, DECATHLON, '户外登山双肩包', ['{brand}', '{name}', '{0}', 'NH100'], 79.9, [
    axis('capacity', ['20L', 0], ['30L', 40]),
  ], { rivals: [] }),
  line('ua-tee', 7, UA, '男子速干运动T恤', ['{brand}', '{name}', 'Tech 2.0', '黑色', '{0}'], 199, [
    axis('size', 'M', 'L', 'XL'),
  ], { rivals: [] }),
  line('garmin-forerunner', 7, GARMIN, 'Forerunner', ['{brand}', '{0}', 'GPS跑步运动手表'], 2980, [
    axis('model', ['Forerunner 265', 0], ['Forerunner 965', 1700]),
  ], { rivals: [], lookalikes: ['适用{brand}{0} 表带 硅胶'] }),
  line('peak-taichi', 7, PEAK, '态极 跑鞋', ['{brand}', '{name}', '3.0', '{0}', '轻便缓震'], 329, [
    axis('size', '40码', '41码', '42码', '43码'),
  ], { rivals: [['特步', '动力巢 跑鞋'], ['安踏', '氢跑 跑鞋']] }),

  // 图书 ─ books (the brand is the publisher; ISBN-13s are the barcodes)
  line('three-body', 8, CQPH, '三体', ['{name}', '{0}', '刘慈欣', '科幻小说', '{brand}'], 93, [
    axis('edition', '全三册套装', ['第一部 单本', -70], ['典藏版 精装', 75]),
  ], { lookalikes: ['{name} 漫画版 第1册', '{name} 导读 解析'] }),
  line('to-live', 8, ZUOJIA, '活着', ['{name}', '余华', '{0}', '{brand}'], 45, [
    axis('edition', '平装', ['精装', 14]),
  ]),
  line('solitude', 8, NANHAI, '百年孤独', ['{name}', '加西亚·马尔克斯', '{0}', '{brand}'], 55, [
    axis('edition', '平装', ['精装 50周年纪念版', 24]),
  ]),
  line('sapiens', 8, CITIC, '人类简史', ['{name}', '从动物到上帝', '尤瓦尔·赫拉利', '{0}', '{brand}'], 68, [
    axis('edition', '平装', ['简史三部曲套装', 120]),
  ]),
  line('ming-dynasty', 8, ZJGJ, '明朝那些事儿', ['{name}', '当年明月', '{0}', '{brand}'], 258, [
    axis('edition', '全集7册', ['第1部', -226]),
  ]),
  line('harry-potter', 8, RMWX, '哈利·波特', ['{name}', 'Harry Potter', '{0}', 'J.K.罗琳', '{brand}'], 398, [
    axis('edition', '全集1-7册 中文版', ['典藏版 精装', 300]),
  ], { lookalikes: ['{name} 魔法手册 周边'] }),
  line('ordinary-world', 8, BJSY, '平凡的世界', ['{name}', '路遥', '{0}', '{brand}'], 108, [
    axis('edition', '全三册 普及本', ['全三册 典藏版', 60]),
  ]),
  line('little-prince', 8, RMWX, '小王子', ['{name}', '圣埃克苏佩里', '{0}', '{brand}'], 25, [
    axis('edition', '中文版', ['中英双语版', 10]),
  ]),
  line('csapp', 8, CMP, '深入理解计算机系统', ['{name}', 'CSAPP', '{0}', '{brand}'], 139, [
    axis('edition', '原书第3版', ['原书第3版 英文版', 60]),
  ]),
  line('clrs', 8, CMP, '算法导论', ['{name}', '{0}', '{brand}'], 128, [
    axis('edition', '原书第3版', ['原书第4版', 31]),
  ]),
  line('python-crash-course', 8, PTPRESS, 'Python编程 从入门到实践', ['{name}', '{0}', '{brand}'], 109.8, [
    axis('edition', '第3版', ['第2版', -20]),
  ]),
  line('rmwx-classics', 8, RMWX, '中国古典文学读本丛书', ['{0}', '{name}', '{brand}'], 49, [
    axis('edition', '三国演义', '水浒传', '西游记', ['红楼梦', 10]),
  ]),
  line('higashino', 8, NANHAI, '东野圭吾', ['{0}', '{name}', '{brand}'], 39.5, [
    axis('edition', '解忧杂货店', ['白夜行', 20], ['嫌疑人X的献身', 0]),
  ]),
  line('fortress-besieged', 8, RMWX, '围城', ['{name}', '钱锺书', '{0}', '{brand}'], 39, [
    axis('edition', '平装', ['精装 纪念版', 20]),
  ]),
  line('yan-hua-du', 8, BJLH, '额尔古纳河右岸', ['{name}', '迟子建', '{0}', '茅盾文学奖', '{brand}'], 45, [
    axis('edition', '平装', ['精装', 13]),
  ]),
];
