/**
 * A lexicon of brands seen on Chinese e-commerce platforms, each with the spellings listings use. Two
 * listings that name different brands are different products however alike the rest reads (伊利 纯牛奶 vs
 * 光明 纯牛奶), so brands are a conflict of their own, not just tokens.
 *
 * Keys are lower-case Latin ids; aliases are matched on NFKC-folded, lower-cased text. Latin aliases of four
 * letters or more match inside glued text (DysonV12, PEACEBIRDXL); shorter ones only as whole words.
 */
const LEXICON: Record<string, string[]> = {
  // 数码 / 家电
  apple: ['apple', '苹果'],
  xiaomi: ['xiaomi', '小米', 'mi', '米家', 'mijia'],
  redmi: ['redmi', '红米'],
  huawei: ['huawei', '华为'],
  honor: ['honor', '荣耀'],
  oppo: ['oppo'],
  vivo: ['vivo'],
  realme: ['realme', '真我'],
  samsung: ['samsung', '三星'],
  sony: ['sony', '索尼'],
  anker: ['anker', '安克'],
  romoss: ['romoss', '罗马仕'],
  baseus: ['baseus', '倍思'],
  ugreen: ['ugreen', '绿联'],
  sandisk: ['sandisk', '闪迪'],
  kingston: ['kingston', '金士顿'],
  aigo: ['aigo', '爱国者'],
  logitech: ['logitech', 'logi', '罗技'],
  rapoo: ['rapoo', '雷柏'],
  wd: ['western digital', '西部数据', 'wd'],
  garmin: ['garmin', '佳明'],
  coros: ['coros', '高驰'],
  dyson: ['dyson', '戴森'],
  dreame: ['dreame', '追觅'],
  roborock: ['roborock', '石头科技'],
  midea: ['midea', '美的'],
  joyoung: ['joyoung', '九阳'],
  supor: ['supor', '苏泊尔'],
  asd: ['asd', '爱仕达'],
  philips: ['philips', '飞利浦'],
  thermos: ['thermos', '膳魔师'],
  zojirushi: ['zojirushi', '象印'],
  tiger: ['tiger', '虎牌'],
  locklock: ['lock&lock', 'locknlock', '乐扣乐扣', '乐扣'],
  tupperware: ['tupperware', '特百惠'],
  lenovo: ['lenovo', '联想'],
  dell: ['dell', '戴尔'],
  // 美妆 / 个护
  lancome: ['lancome', 'lancôme', '兰蔻'],
  esteelauder: ['estee lauder', 'esteelauder', 'estée lauder', '雅诗兰黛'],
  perfectdiary: ['perfect diary', 'perfectdiary', '完美日记'],
  florasis: ['florasis', '花西子'],
  colorkey: ['colorkey', '珂拉琪'],
  mac: ['m·a·c', 'mac', '魅可'],
  ysl: ['ysl', '圣罗兰', 'yves saint laurent'],
  threece: ['3ce'],
  skii: ['sk-ii', 'skii', 'sk2', 'sk-2'],
  loreal: ["l'oreal", 'loreal', "l'oréal", 'l’oreal', '欧莱雅'],
  olay: ['olay', '玉兰油'],
  proya: ['proya', '珀莱雅'],
  winona: ['winona', '薇诺娜'],
  shiseido: ['shiseido', '资生堂'],
  larocheposay: ['la roche-posay', 'la roche posay', 'larocheposay', '理肤泉', 'lrp'],
  anessa: ['anessa', '安热沙', '安耐晒'],
  biore: ['biore', 'bioré', '碧柔'],
  chando: ['chando', '自然堂'],
  yiyezi: ['一叶子'],
  kiehls: ["kiehl's", 'kiehls', '科颜氏'],
  clinique: ['clinique', '倩碧'],
  dabao: ['dabao', '大宝'],
  pechoin: ['pechoin', '百雀羚'],
  clarins: ['clarins', '娇韵诗'],
  sensodyne: ['sensodyne', '舒适达'],
  colgate: ['colgate', '高露洁'],
  crest: ['crest', '佳洁士'],
  yunnanbaiyao: ['yunnan baiyao', '云南白药'],
  headshoulders: ['head&shoulders', 'head & shoulders', 'head and shoulders', '海飞丝'],
  clear: ['clear', '清扬'],
  // 食品
  yili: ['yili', '伊利'],
  mengniu: ['mengniu', '蒙牛'],
  bright: ['光明乳业', '光明'],
  nongfu: ['nongfu spring', 'nongfuspring', '农夫山泉'],
  cestbon: ['c’estbon', "c'estbon", '怡宝'],
  wahaha: ['wahaha', '娃哈哈'],
  ganten: ['ganten', '百岁山'],
  threesquirrels: ['three squirrels', 'threesquirrels', '三只松鼠'],
  bestore: ['bestore', '良品铺子'],
  laiyifen: ['laiyifen', '来伊份'],
  becheery: ['be&cheery', 'becheery', '百草味'],
  cocacola: ['coca-cola', 'cocacola', 'coca cola', '可口可乐'],
  pepsi: ['pepsi', '百事可乐', '百事'],
  genki: ['genki forest', 'genkiforest', '元气森林'],
  oreo: ['oreo', '奥利奥'],
  chipsahoy: ['chips ahoy', '趣多多'],
  arawana: ['arawana', '金龙鱼'],
  luhua: ['luhua', '鲁花'],
  fortune: ['福临门'],
  nestle: ['nestle', 'nestlé', 'nescafe', '雀巢'],
  maxwell: ['maxwell', '麦斯威尔'],
  chaihuo: ['chaihuodayuan', '柴火大院'],
  shiyuedaotian: ['十月稻田'],
  dove: ['dove', '德芙'],
  ferrero: ['ferrero', '费列罗'],
  hershey: ['hershey', "hershey's", '好时'],
  wantwant: ['want want', 'wantwant', '旺旺', '旺仔'],
  masterkong: ['master kong', 'masterkong', '康师傅'],
  uni: ['统一'],
  baixiang: ['白象'],
  haday: ['haday', '海天'],
  leekumkee: ['lee kum kee', '李锦记'],
  qianhe: ['千禾'],
  // 家居
  vinda: ['vinda', '维达'],
  breeze: ['breeze', '清风'],
  mind: ['心相印'],
  cs: ['c&s', '洁柔'],
  bluemoon: ['bluemoon', 'blue moon', '蓝月亮'],
  omo: ['omo', '奥妙'],
  liby: ['liby', '立白'],
  nanjiren: ['nanjiren', '南极人'],
  luolai: ['luolai', '罗莱'],
  mercury: ['水星家纺'],
  // 母婴
  merries: ['merries', '妙而舒', '花王', 'kao'],
  goon: ['goo.n', 'goon', '大王'],
  moony: ['moony', '尤妮佳'],
  pampers: ['pampers', '帮宝适'],
  huggies: ['huggies', '好奇'],
  firmus: ['firmus', '飞鹤'],
  junlebao: ['君乐宝'],
  a2: ['a2'],
  aptamil: ['aptamil', '爱他美'],
  enfamil: ['enfamil', 'meadjohnson', 'mead johnson', '美赞臣'],
  wyeth: ['wyeth', '惠氏'],
  pigeon: ['pigeon', '贝亲'],
  nuk: ['nuk'],
  hegen: ['hegen'],
  purcotton: ['purcotton', '全棉时代'],
  heinz: ['heinz', '亨氏'],
  gerber: ['gerber', '嘉宝'],
  babycare: ['babycare'],
  octmami: ['octmami', '十月结晶'],
  // 服饰 / 运动
  uniqlo: ['uniqlo', '优衣库'],
  gu: ['gu'],
  bosideng: ['bosideng', '波司登'],
  xuezhongfei: ['雪中飞'],
  yaya: ['鸭鸭'],
  peacebird: ['peacebird', '太平鸟'],
  semir: ['semir', '森马'],
  levis: ["levi's", 'levis', '李维斯'],
  lee: ['lee'],
  maoren: ['猫人'],
  langsha: ['浪莎'],
  hla: ['hla', '海澜之家'],
  youngor: ['youngor', '雅戈尔'],
  beneunder: ['beneunder', 'bananain', '蕉下'],
  ohsunny: ['ohsunny'],
  warrior: ['warrior', '回力'],
  feiyue: ['feiyue', '飞跃'],
  lining: ['li-ning', 'lining', 'li ning', '李宁'],
  anta: ['anta', '安踏'],
  xtep: ['xtep', '特步'],
  peak: ['peak', '匹克'],
  threesixone: ['361°', '361度'],
  nike: ['nike', '耐克'],
  adidas: ['adidas', '阿迪达斯'],
  decathlon: ['decathlon', '迪卡侬'],
  keep: ['keep'],
  spalding: ['spalding', '斯伯丁'],
  wilson: ['wilson', '威尔胜'],
  molten: ['molten', '摩腾'],
  yonex: ['yonex', '尤尼克斯'],
  victor: ['victor', '威克多'],
  dhs: ['dhs', '红双喜'],
  butterfly: ['butterfly', '蝴蝶牌'],
  underarmour: ['under armour', 'underarmour', '安德玛', 'ua'],
};

interface BrandPattern {
  regex: RegExp;
  keyOf: Map<string, string>;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function buildPattern(): BrandPattern {
  const keyOf = new Map<string, string>();
  for (const [key, aliases] of Object.entries(LEXICON)) for (const a of aliases) keyOf.set(a.normalize('NFKC').toLowerCase(), key);
  const aliases = [...keyOf.keys()].sort((a, b) => b.length - a.length);
  const alternatives = aliases.map((a) => {
    const e = escape(a);
    // Short Latin aliases (mi, ua, gu, a2 …) only as whole words; long ones and Chinese anywhere.
    return /^[a-z0-9&'·\- .]{1,3}$/.test(a) ? `(?<![a-z0-9])${e}(?![a-z0-9])` : e;
  });
  return { regex: new RegExp(alternatives.join('|'), 'g'), keyOf };
}

let pattern: BrandPattern | undefined;

/**
 * Finds the brands a folded title names and removes them from the text (replaced by a space, which also
 * un-glues "peacebirdxl" into "xl"). Returns the brand keys and the remaining text.
 */
export function extractBrands(folded: string): { brands: Set<string>; rest: string } {
  pattern ??= buildPattern();
  const brands = new Set<string>();
  const { regex, keyOf } = pattern;
  const rest = folded.replace(regex, (m) => {
    brands.add(keyOf.get(m)!);
    return ' ';
  });
  return { brands, rest };
}
