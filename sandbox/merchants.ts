import 'server-only';

import { formatWeidianTime, getSandboxCatalogue, SANDBOX_SEED, type SandboxItem } from './catalogue';
import { formatYuan2, type Fen } from './prices';
import { chance, hashString, intBetween, pick, rngFor, shuffled, type Rng } from './random';

/**
 * The sandbox's demo merchants and their orders (docs/weidian-api.md, "Merchant APIs").
 *
 * Orders are a pure function of (shop, clock). Each shop has a fixed number of *historical* orders, created
 * between {@link ORDER_HISTORY_START} and {@link ORDER_BASE_DATE} (with a daily rhythm, weekends and a
 * 双11 peak), and after the base date *live* orders keep arriving, one every few minutes of clock time on
 * average (seeded gaps). Every order has a fixed life plan — created → paid → shipped → confirmed, or closed
 * unpaid, or refunded — and its status at time T is the last step at or before T; `update_time` is that
 * step's time. So "the orders of shop S at time T" is well defined, and a clock that moves produces churn:
 * new orders, and old ones whose status (and update_time) changes.
 *
 * Nothing here is served directly: trades.ts serves it through `trade/list`; tests use
 * {@link sandboxOrdersAt} and {@link SANDBOX_MERCHANTS}.
 */

const GMT8_MS = 8 * 3600_000;
const MINUTE = 60_000;
const HOUR = 3600_000;
const DAY = 86_400_000;

/** 2026-08-01 00:00:00 GMT+8: the first historical order is created at or after it. */
export const ORDER_HISTORY_START = Date.UTC(2026, 7, 1) - GMT8_MS;
/** 2026-12-01 00:00:00 GMT+8: historical orders end here; live orders arrive after it. */
export const ORDER_BASE_DATE = Date.UTC(2026, 11, 1) - GMT8_MS;

export const TRADE_STATUSES = [
  'WAIT_BUYER_PAY',
  'WAIT_SELLER_SEND_GOODS',
  'WAIT_BUYER_CONFIRM_GOODS',
  'TRADE_SUCCESS',
  'TRADE_CLOSED',
] as const;
export type SandboxTradeStatus = (typeof TRADE_STATUSES)[number];

/** One line of an order, as served. */
export interface SandboxTradeItem {
  item_id: string;
  title: string;
  price: string;
  quantity: number;
  sku_desc: string;
}

/** A trade exactly as `trade/list` serves it. */
export interface SandboxTrade {
  order_id: string;
  status: SandboxTradeStatus;
  created_time: string;
  update_time: string;
  pay_time: string;
  total_fee: string;
  post_fee: string;
  discount_fee: string;
  items: SandboxTradeItem[];
  buyer_name: string;
  buyer_phone: string;
  receiver_address: { province: string; city: string; district: string; detail: string };
}

export interface SandboxMerchant {
  /** Weidian shop id (digits), returned by the token endpoint as `shop_id`. */
  shopId: string;
  /** The shop's name; equal to the catalogue items' `shop_name`, so the shop sells those items. */
  shopName: string;
  /** The merchant's login phone number (shown masked on the consent page). */
  login: string;
  /** `138****0001`. */
  maskedLogin: string;
  /** Number of orders created before {@link ORDER_BASE_DATE}. */
  historicalOrders: number;
  /** Mean gap between live orders after the base date, at the busiest hour of the day (ms). */
  liveMeanGapMs: number;
  /** The last digit of every order id of this shop (keeps ids unique across shops). */
  orderIdDigit: number;
}

const maskLogin = (login: string): string => `${login.slice(0, 3)}****${login.slice(-4)}`;

function merchant(m: Omit<SandboxMerchant, 'maskedLogin'>): SandboxMerchant {
  return { ...m, maskedLogin: maskLogin(m.login) };
}

/** The demo merchant accounts the consent page offers. */
export const SANDBOX_MERCHANTS: readonly SandboxMerchant[] = [
  merchant({
    shopId: '1656009841',
    shopName: '果粉数码旗舰店',
    login: '13800000001',
    historicalOrders: 1_264,
    liveMeanGapMs: 6 * MINUTE,
    orderIdDigit: 1,
  }),
  merchant({
    shopId: '1656013372',
    shopName: '社区团购优选',
    login: '13900000002',
    historicalOrders: 1_738,
    liveMeanGapMs: 4 * MINUTE,
    orderIdDigit: 2,
  }),
  merchant({
    shopId: '1656027705',
    shopName: '好物集家居',
    login: '13700000003',
    historicalOrders: 46,
    liveMeanGapMs: 150 * MINUTE,
    orderIdDigit: 3,
  }),
];

/**
 * A merchant with 10,000 historical orders, for the benchmark's order sync (bench/run.ts, figure h). Not one
 * of the demo accounts: the consent page offers it only when the sandbox is started with `benchMerchant`
 * (`SANDBOX_BENCH_MERCHANT=1 npm run sandbox`). It sells the goods of 社区团购优选 (the catalogue has no shop
 * of its own for it), under its own shop id and order-id digit.
 */
export const SANDBOX_BENCH_MERCHANT: SandboxMerchant = merchant({
  shopId: '1656090009',
  shopName: '社区团购优选',
  login: '13600000009',
  historicalOrders: 10_000,
  liveMeanGapMs: 600 * MINUTE,
  orderIdDigit: 9,
});

export function sandboxMerchant(shopId: string): SandboxMerchant | undefined {
  return SANDBOX_MERCHANTS.find((m) => m.shopId === shopId) ?? (shopId === SANDBOX_BENCH_MERCHANT.shopId ? SANDBOX_BENCH_MERCHANT : undefined);
}

// ── Time helpers (GMT+8 explicitly; never the process's zone) ────────────────────────────────────────────

const hourGmt8 = (ms: number): number => Math.floor((ms + GMT8_MS) / HOUR) % 24;
const dateDigitsGmt8 = (ms: number): string => formatWeidianTime(ms).slice(0, 10).replaceAll('-', '');
/** Start of the GMT+8 day containing `ms`. */
const dayStartGmt8 = (ms: number): number => Math.floor((ms + GMT8_MS) / DAY) * DAY - GMT8_MS;
const wholeSecond = (ms: number): number => Math.floor(ms / 1000) * 1000;

/** How busy each hour of the day (GMT+8) is, relative to the busiest. */
const HOUR_WEIGHTS = [
  0.35, 0.2, 0.12, 0.08, 0.06, 0.08, 0.15, 0.3, 0.55, 0.8, 0.95, 1.0, 1.1, 0.95, 0.9, 0.95, 1.0, 1.05, 1.0, 1.2, 1.45,
  1.6, 1.5, 0.9,
] as const;
const BUSIEST_HOUR = Math.max(...HOUR_WEIGHTS);

function dayWeight(dayStart: number): number {
  const date = formatWeidianTime(dayStart).slice(5, 10);
  const dow = new Date(dayStart + GMT8_MS).getUTCDay();
  const growth = 0.7 + 0.6 * ((dayStart - ORDER_HISTORY_START) / (ORDER_BASE_DATE - ORDER_HISTORY_START));
  let weight = growth * (dow === 0 || dow === 6 ? 1.15 : 1);
  if (date === '11-11') weight *= 4;
  else if (date === '11-10' || date === '11-12') weight *= 1.8;
  else if (date === '11-01' || date === '11-02') weight *= 1.4; // 双11 pre-sale
  return weight;
}

/** Creation times of a shop's historical orders, ascending. */
function historicalCreationTimes(m: SandboxMerchant): number[] {
  const rng = rngFor(SANDBOX_SEED, `orders:created:${m.shopId}`);
  const slots: number[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (let day = ORDER_HISTORY_START; day < ORDER_BASE_DATE; day += DAY) {
    const w = dayWeight(day);
    for (let h = 0; h < 24; h++) {
      total += w * HOUR_WEIGHTS[h]!;
      slots.push(day + h * HOUR);
      cumulative.push(total);
    }
  }
  const times: number[] = [];
  for (let i = 0; i < m.historicalOrders; i++) {
    const target = rng() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    times.push(slots[lo]! + intBetween(rng, 0, 3599) * 1000);
  }
  return times.sort((a, b) => a - b);
}

/**
 * When the live order after one created at `prev` arrives: a Poisson process whose rate follows the hour of
 * the day (seeded per order index). A unit exponential draw is spent hour by hour at that hour's rate.
 */
function nextLiveOrder(m: SandboxMerchant, index: number, prev: number): number {
  const rng = rngFor(SANDBOX_SEED, `orders:gap:${m.shopId}:${index}`);
  let remaining = -Math.log(1 - rng());
  let t = prev;
  for (;;) {
    const ratePerMs = HOUR_WEIGHTS[hourGmt8(t)]! / BUSIEST_HOUR / m.liveMeanGapMs;
    const hourEnd = Math.floor(t / HOUR) * HOUR + HOUR;
    const capacity = (hourEnd - t) * ratePerMs;
    if (remaining <= capacity) return Math.max(prev + 20_000, wholeSecond(t + remaining / ratePerMs));
    remaining -= capacity;
    t = hourEnd;
  }
}

// ── Buyers ──────────────────────────────────────────────────────────────────────────────────────────────

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '慕容', '令狐', '尉迟', '公孙', '司徒', '夏侯'];
/** Given names as people have them: mostly two characters, some one. */
const GIVEN_TWO = [
  '子涵', '梓轩', '一诺', '欣怡', '浩然', '宇轩', '思雨', '嘉怡', '俊杰', '雨桐', '志强', '建华', '秀英', '桂英', '丽娟',
  '晓明', '海燕', '文杰', '春梅', '国强', '婷婷', '明辉', '佳琪', '雪梅', '红霞', '丹丹', '晓东', '志伟', '美玲', '玉兰',
  '建国', '淑芬', '子豪', '诗涵', '梦琪', '雅婷', '家豪', '晨曦', '天宇', '若曦', '欣然', '静怡', '博文', '思远', '振华',
  '立新', '晓燕', '秀兰', '德明', '少华', '慧敏', '雨萱', '宏伟', '金凤', '凯文', '琳琳', '文静', '子墨', '可馨', '亦凡',
];
const GIVEN_ONE = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚鹏辉华玉萍红斌燕丹峰亮飞琪璐薇蕾慧'];

const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '157', '158', '159',
  '166', '173', '175', '176', '177', '178', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '195',
  '198', '199',
];

type PhoneFormat = (d: string) => string;
/** How buyers type their number. The first one is by far the most common. */
const PHONE_FORMATS: readonly PhoneFormat[] = [
  (d) => d,
  (d) => `+86 ${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}`,
  (d) => `86-${d}`,
  (d) => `0086 ${d}`,
  (d) => `${d.slice(0, 3)}-${d.slice(3, 7)}-${d.slice(7)}`,
  (d) => `${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}`,
  (d) => `+86${d}`,
];

function pickPhoneFormat(rng: Rng): PhoneFormat {
  return chance(rng, 0.55) ? PHONE_FORMATS[0]! : pick(rng, PHONE_FORMATS.slice(1));
}

const REGIONS: readonly { province: string; city: string; districts: readonly string[]; roads: readonly string[] }[] = [
  { province: '浙江省', city: '杭州市', districts: ['西湖区', '拱墅区', '余杭区', '滨江区', '上城区'], roads: ['文三路', '文一西路', '莫干山路', '江南大道', '庆春路'] },
  { province: '浙江省', city: '宁波市', districts: ['鄞州区', '海曙区', '江北区'], roads: ['中山东路', '天童南路', '日丽中路'] },
  { province: '江苏省', city: '南京市', districts: ['鼓楼区', '玄武区', '江宁区', '建邺区'], roads: ['中山路', '汉中路', '江东中路', '双龙大道'] },
  { province: '江苏省', city: '苏州市', districts: ['姑苏区', '吴中区', '虎丘区'], roads: ['干将路', '人民路', '东吴北路'] },
  { province: '广东省', city: '广州市', districts: ['天河区', '越秀区', '海珠区', '番禺区'], roads: ['天河路', '中山五路', '新港中路', '市桥大道'] },
  { province: '广东省', city: '深圳市', districts: ['南山区', '福田区', '宝安区', '龙岗区'], roads: ['深南大道', '科技园路', '新安六路', '龙岗大道'] },
  { province: '北京市', city: '北京市', districts: ['朝阳区', '海淀区', '东城区', '丰台区'], roads: ['建国路', '中关村大街', '东直门内大街', '丰台北路'] },
  { province: '上海市', city: '上海市', districts: ['浦东新区', '徐汇区', '静安区', '闵行区'], roads: ['张杨路', '漕溪北路', '南京西路', '七莘路'] },
  { province: '天津市', city: '天津市', districts: ['和平区', '南开区', '河西区'], roads: ['南京路', '鞍山西道', '友谊路'] },
  { province: '重庆市', city: '重庆市', districts: ['渝中区', '江北区', '沙坪坝区'], roads: ['解放碑民族路', '北城天街', '三峡广场天陈路'] },
  { province: '四川省', city: '成都市', districts: ['武侯区', '锦江区', '青羊区', '成华区'], roads: ['人民南路', '春熙路', '青华路', '建设路'] },
  { province: '湖北省', city: '武汉市', districts: ['武昌区', '洪山区', '江汉区'], roads: ['中南路', '珞喻路', '解放大道'] },
  { province: '湖南省', city: '长沙市', districts: ['岳麓区', '天心区', '雨花区'], roads: ['麓山南路', '芙蓉中路', '韶山中路'] },
  { province: '陕西省', city: '西安市', districts: ['雁塔区', '碑林区', '未央区'], roads: ['小寨东路', '南大街', '凤城八路'] },
  { province: '山东省', city: '青岛市', districts: ['市南区', '崂山区', '黄岛区'], roads: ['香港中路', '海尔路', '长江中路'] },
  { province: '福建省', city: '厦门市', districts: ['思明区', '湖里区'], roads: ['鹭江道', '湖滨南路', '嘉禾路'] },
  { province: '河南省', city: '郑州市', districts: ['金水区', '二七区', '中原区'], roads: ['花园路', '大学路', '中原中路'] },
  { province: '安徽省', city: '合肥市', districts: ['蜀山区', '包河区', '庐阳区'], roads: ['长江西路', '马鞍山路', '阜阳路'] },
  { province: '辽宁省', city: '沈阳市', districts: ['和平区', '沈河区', '浑南区'], roads: ['南京南街', '青年大街', '创新路'] },
  { province: '广西壮族自治区', city: '南宁市', districts: ['青秀区', '西乡塘区'], roads: ['民族大道', '大学东路'] },
];
const ESTATES = ['阳光花园', '翠苑一区', '万科城', '碧桂园', '绿城桂花园', '金地名京', '保利香槟国际', '华润二十四城', '融创玖樘', '龙湖春江郦城', '世纪新城', '锦绣江南'];
const OFFICES = ['科技大厦', '创业园', '国际金融中心', '软件园', '财富广场'];

function addressDetail(rng: Rng, road: string): string {
  const no = intBetween(rng, 1, 999);
  const building = intBetween(rng, 1, 30);
  const room = `${intBetween(rng, 1, 32)}${String(intBetween(rng, 1, 4)).padStart(2, '0')}`;
  switch (intBetween(rng, 0, 5)) {
    case 0:
      return `${road}${no}号${building}幢${intBetween(rng, 1, 4)}单元${room}`;
    case 1:
      return `${road} ${no} 号 ${building} 幢 ${room}`;
    case 2:
      return `${road}${no}号${pick(rng, ESTATES)}${building}栋${room}室`;
    case 3:
      return `${pick(rng, ESTATES)}${building}-${intBetween(rng, 1, 4)}-${room}`;
    case 4:
      return `${road}${no}号${pick(rng, OFFICES)}${intBetween(rng, 2, 28)}楼（前台代收）`;
    default:
      return `${road}${no}弄${building}号${room}室`;
  }
}

interface Buyer {
  name: string;
  phoneDigits: string;
  phoneFormat: PhoneFormat;
  addresses: SandboxTrade['receiver_address'][];
}

const BUYER_POOL_SIZE = 2_400;
const buyerMemo = new Map<number, Buyer>();

/** Buyer `n` of the global pool (customers buy from more than one shop). */
function buyer(n: number): Buyer {
  const cached = buyerMemo.get(n);
  if (cached) return cached;
  const rng = rngFor(SANDBOX_SEED, `buyer:${n}`);
  const surname = chance(rng, 0.06) ? pick(rng, COMPOUND_SURNAMES) : pick(rng, SURNAMES);
  const given = chance(rng, 0.7) ? pick(rng, GIVEN_TWO) : pick(rng, GIVEN_ONE);
  const phoneDigits = `${pick(rng, MOBILE_PREFIXES)}${String(intBetween(rng, 0, 99_999_999)).padStart(8, '0')}`;
  const addresses = Array.from({ length: chance(rng, 0.25) ? 2 : 1 }, () => {
    const region = pick(rng, REGIONS);
    return {
      province: region.province,
      city: region.city,
      district: pick(rng, region.districts),
      detail: addressDetail(rng, pick(rng, region.roads)),
    };
  });
  const made: Buyer = { name: `${surname}${given}`, phoneDigits, phoneFormat: pickPhoneFormat(rng), addresses };
  buyerMemo.set(n, made);
  return made;
}

// ── Order plans ─────────────────────────────────────────────────────────────────────────────────────────

interface Step {
  at: number;
  status: SandboxTradeStatus;
}

/** Everything about an order except where it is in its life, fixed at creation. */
interface OrderPlan {
  orderId: string;
  created: number;
  /** Ascending; the first is the creation (WAIT_BUYER_PAY). */
  steps: Step[];
  /** When the buyer paid (if ever). */
  paid: number | null;
  createdText: string;
  payText: string;
  totalFee: string;
  postFee: string;
  discountFee: string;
  items: SandboxTradeItem[];
  buyerName: string;
  buyerPhone: string;
  address: SandboxTrade['receiver_address'];
}

/** The next moment in a shop's working hours (09:00–20:59 GMT+8) at or after `ms`. */
function inWorkingHours(rng: Rng, ms: number): number {
  const hour = hourGmt8(ms);
  if (hour >= 9 && hour < 21) return ms;
  const nextMorning = dayStartGmt8(ms) + (hour >= 21 ? DAY : 0) + 9 * HOUR;
  return nextMorning + intBetween(rng, 0, 150 * 60) * 1000;
}

function lifeSteps(rng: Rng, created: number): { steps: Step[]; paid: number | null } {
  const steps: Step[] = [{ at: created, status: 'WAIT_BUYER_PAY' }];
  const seconds = (min: number, max: number): number => intBetween(rng, min, max) * 1000;
  if (chance(rng, 0.07)) {
    // Never paid: cancelled by the buyer, or closed automatically after 24 hours.
    const closed = chance(rng, 0.5) ? created + seconds(5 * 60, 2 * 3600) : created + DAY;
    steps.push({ at: closed, status: 'TRADE_CLOSED' });
    return { steps, paid: null };
  }
  const r = rng();
  const paid = created + (r < 0.7 ? seconds(30, 10 * 60) : r < 0.95 ? seconds(10 * 60, 3 * 3600) : seconds(3 * 3600, 20 * 3600));
  steps.push({ at: paid, status: 'WAIT_SELLER_SEND_GOODS' });
  if (chance(rng, 0.03)) {
    // Refunded before shipping.
    steps.push({ at: paid + seconds(10 * 60, 30 * 3600), status: 'TRADE_CLOSED' });
    return { steps, paid };
  }
  const shipped = inWorkingHours(rng, paid + seconds(2 * 3600, 50 * 3600));
  steps.push({ at: shipped, status: 'WAIT_BUYER_CONFIRM_GOODS' });
  if (chance(rng, 0.03)) {
    // Returned and refunded.
    steps.push({ at: shipped + seconds(2 * 86_400, 6 * 86_400), status: 'TRADE_CLOSED' });
    return { steps, paid };
  }
  // Confirmed by the buyer, or automatically 10 days after shipping.
  const confirmed = chance(rng, 0.6) ? shipped + seconds(36 * 3600, 7 * 86_400) : shipped + 10 * DAY;
  steps.push({ at: confirmed, status: 'TRADE_SUCCESS' });
  return { steps, paid };
}

interface ShopGoods {
  /** Items the shop sells, most popular first (repeated by popularity for weighted picks). */
  weighted: SandboxItem[];
  distinct: number;
  /** Cheap everyday goods are bought several at a time. */
  bulky: boolean;
}

function shopGoods(m: SandboxMerchant): ShopGoods {
  const own = getSandboxCatalogue().items.filter((item) => item.shop_name === m.shopName);
  if (own.length === 0) throw new Error(`sandbox merchant ${m.shopName} sells nothing in the catalogue`);
  const ranked = shuffled(rngFor(SANDBOX_SEED, `orders:popularity:${m.shopId}`), own);
  const weighted = ranked.flatMap((item, rank) => Array<SandboxItem>(Math.max(1, Math.round(12 / (rank + 1)))).fill(item));
  const medianFen = [...own].sort((a, b) => a.priceFen - b.priceFen)[Math.floor(own.length / 2)]!.priceFen;
  return { weighted, distinct: own.length, bulky: medianFen < 10_000 };
}

function orderLines(rng: Rng, goods: ShopGoods): { items: SandboxTradeItem[]; itemsFen: Fen } {
  const r = rng();
  const wanted = Math.min(goods.distinct, r < 0.74 ? 1 : r < 0.94 ? 2 : 3);
  const chosen: SandboxItem[] = [];
  while (chosen.length < wanted) {
    const item = pick(rng, goods.weighted);
    if (!chosen.includes(item)) chosen.push(item);
  }
  let itemsFen = 0;
  const items = chosen.map((item) => {
    const q = rng();
    const quantity = goods.bulky ? (q < 0.45 ? 1 : q < 0.75 ? 2 : q < 0.9 ? 3 : intBetween(rng, 4, 6)) : q < 0.93 ? 1 : 2;
    itemsFen += item.priceFen * quantity;
    return { item_id: item.num_iid, title: item.title, price: item.price, quantity, sku_desc: item.variant };
  });
  return { items, itemsFen };
}

function fees(rng: Rng, itemsFen: Fen): { postFen: Fen; discountFen: Fen } {
  const postFen = itemsFen >= 9_900 || chance(rng, 0.15) ? 0 : pick(rng, [500, 600, 800, 1000, 1200]);
  let discountFen = 0;
  if (chance(rng, 0.3)) {
    if (chance(rng, 0.2)) discountFen = Math.round(itemsFen * 0.05); // 会员 95 折: odd fen amounts
    else if (itemsFen >= 500_000) discountFen = pick(rng, [10_000, 20_000, 30_000]);
    else if (itemsFen >= 100_000) discountFen = pick(rng, [5_000, 10_000]);
    else if (itemsFen >= 20_000) discountFen = pick(rng, [1_000, 2_000, 3_000]);
    else if (itemsFen >= 5_000) discountFen = pick(rng, [300, 500, 1_000]);
  }
  return { postFen, discountFen: Math.min(discountFen, itemsFen + postFen - 1) };
}

function planOrder(m: SandboxMerchant, goods: ShopGoods, index: number, created: number, orderId: string): OrderPlan {
  const rng = rngFor(SANDBOX_SEED, `order:${m.shopId}:${index}`);
  const { items, itemsFen } = orderLines(rng, goods);
  const { postFen, discountFen } = fees(rng, itemsFen);
  // Returning customers: a skewed pick from the shop's customers, mapped into the global pool.
  const customer = Math.floor(Math.max(40, m.historicalOrders * 0.6) * rng() ** 1.6);
  const who = buyer(hashString(`${m.shopId}:customer:${customer}`) % BUYER_POOL_SIZE);
  const phoneFormat = chance(rng, 0.8) ? who.phoneFormat : pickPhoneFormat(rng);
  const address = who.addresses.length > 1 && chance(rng, 0.3) ? who.addresses[1]! : who.addresses[0]!;
  const { steps, paid } = lifeSteps(rng, created);
  return {
    orderId,
    created,
    steps,
    paid,
    createdText: formatWeidianTime(created),
    payText: paid === null ? '' : formatWeidianTime(paid),
    totalFee: formatYuan2(itemsFen + postFen - discountFen),
    postFee: formatYuan2(postFen),
    discountFee: formatYuan2(discountFen),
    items,
    buyerName: who.name,
    buyerPhone: phoneFormat(who.phoneDigits),
    address,
  };
}

/**
 * A shop's order plans, in creation order, generated on demand up to the latest clock asked for. Caching
 * does not break purity: plan k only depends on (shop, k).
 */
class ShopOrders {
  readonly plans: OrderPlan[] = [];
  private readonly goods: ShopGoods;
  private day = '';
  private sequence = 0;

  constructor(private readonly merchant: SandboxMerchant) {
    this.goods = shopGoods(merchant);
    for (const created of historicalCreationTimes(merchant)) this.add(created);
  }

  /** Makes sure every order created at or before `nowMs` is planned (live ones follow the base date). */
  extendTo(nowMs: number): void {
    for (;;) {
      const index = this.plans.length;
      const from = index === this.merchant.historicalOrders ? ORDER_BASE_DATE : this.plans[index - 1]!.created;
      if (from > nowMs) return;
      this.add(nextLiveOrder(this.merchant, index, from));
    }
  }

  private add(created: number): void {
    const index = this.plans.length;
    const day = dateDigitsGmt8(created);
    const rng = rngFor(SANDBOX_SEED, `order-id:${this.merchant.shopId}:${index}`);
    // A platform-wide counter per day: other shops' orders take the numbers in between.
    if (day !== this.day) {
      this.day = day;
      this.sequence = intBetween(rng, 1, 40);
    } else {
      this.sequence += intBetween(rng, 1, 9);
    }
    if (this.sequence > 99_999) throw new Error('sandbox order sequence overflow');
    const orderId = `8${day}${String(this.sequence).padStart(5, '0')}${this.merchant.orderIdDigit}`;
    this.plans.push(planOrder(this.merchant, this.goods, index, created, orderId));
  }
}

const shops = new Map<string, ShopOrders>();

function shopOrders(m: SandboxMerchant): ShopOrders {
  let orders = shops.get(m.shopId);
  if (!orders) {
    orders = new ShopOrders(m);
    shops.set(m.shopId, orders);
  }
  return orders;
}

/** An order as it stands at one moment; `toWire()` renders it. */
export interface SandboxOrderState {
  orderId: string;
  status: SandboxTradeStatus;
  /** update_time in ms (whole seconds). */
  updated: number;
  toWire(): SandboxTrade;
}

function stateAt(plan: OrderPlan, nowMs: number): SandboxOrderState {
  let step = plan.steps[0]!;
  for (const s of plan.steps) if (s.at <= nowMs) step = s;
  const paid = plan.paid !== null && plan.paid <= nowMs;
  return {
    orderId: plan.orderId,
    status: step.status,
    updated: step.at,
    toWire: () => ({
      order_id: plan.orderId,
      status: step.status,
      created_time: plan.createdText,
      update_time: formatWeidianTime(step.at),
      pay_time: paid ? plan.payText : '',
      total_fee: plan.totalFee,
      post_fee: plan.postFee,
      discount_fee: plan.discountFee,
      items: plan.items.map((item) => ({ ...item })),
      buyer_name: plan.buyerName,
      buyer_phone: plan.buyerPhone,
      receiver_address: { ...plan.address },
    }),
  };
}

/** `trade/list` order: update_time ascending, then order_id ascending (ids all have 15 digits). */
export function compareOrderStates(a: SandboxOrderState, b: SandboxOrderState): number {
  if (a.updated !== b.updated) return a.updated - b.updated;
  return a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0;
}

/** The shop's orders that exist at `nowMs` (created at or before it), in `trade/list` order; [] for an unknown shop. */
export function sandboxOrderStatesAt(shopId: string, nowMs: number): SandboxOrderState[] {
  const m = sandboxMerchant(shopId);
  if (!m) return [];
  const orders = shopOrders(m);
  orders.extendTo(nowMs);
  const states: SandboxOrderState[] = [];
  for (const plan of orders.plans) {
    if (plan.created > nowMs) break;
    states.push(stateAt(plan, nowMs));
  }
  return states.sort(compareOrderStates);
}

/** For tests: the full wire set of a shop's orders at `nowMs`, in `trade/list` order. */
export function sandboxOrdersAt(shopId: string, nowMs: number): SandboxTrade[] {
  return sandboxOrderStatesAt(shopId, nowMs).map((state) => state.toWire());
}
