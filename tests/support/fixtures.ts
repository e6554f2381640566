/**
 * Deterministic fixture data in the domain shapes of lib/types.ts, for looking at pages and for tests that
 * need realistic ComparePage / ProductDetail values without the upstreams. Includes the awkward cases:
 * a title containing HTML, a `javascript:` offer URL, an unloadable image URL, Weidian already cheapest,
 * no offers at all, an out-of-stock match and rejected look-alikes.
 */
import {
  CATEGORIES,
  PLATFORMS,
  type ComparePage,
  type CompareQuery,
  type MatchedOffer,
  type Platform,
  type Product,
  type ProductComparison,
  type ProductSummary,
} from '@/lib/types';

export const FIXTURE_NOW_MS = Date.parse('2026-11-30T06:00:00.000Z');

const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

const TITLES: [title: string, categoryId: number, priceFen: number][] = [
  ['<b>Apple</b> iPhone 16 Pro 256GB 沙漠色钛金属 5G手机 <img src=x onerror=alert(1)>', 1, 899900],
  ['华为 Mate 70 Pro 12GB+512GB 雅川青 鸿蒙智能手机', 1, 699900],
  ['小米 Redmi K80 16GB+512GB 雪岩白 骁龙8 Gen3', 1, 269900],
  ['索尼 WH-1000XM5 头戴式无线降噪耳机 黑色', 1, 229900],
  ['兰蔻 小黑瓶精华肌底液 100ml 第二代', 2, 108000],
  ['雅诗兰黛 特润修护肌活精华露 50ml 小棕瓶', 2, 75000],
  ['珂润 润浸保湿洁颜泡沫 150ml 洗面奶', 2, 9900],
  ['三只松鼠 每日坚果 750g/30袋 混合果仁', 3, 12990],
  ['蒙牛 特仑苏 纯牛奶 250ml×16盒 礼盒装', 3, 6590],
  ['农夫山泉 饮用天然水 550ml×24瓶 整箱', 3, 2990],
  ['维达 抽纸 超韧 3层100抽×24包 家用实惠装', 4, 5990],
  ['苏泊尔 电饭煲 4L 球釜内胆 智能预约 SF40FC875', 4, 39900],
  ['宜家 KALLAX 卡莱克 搁架单元 白色 77x147厘米', 4, 49900],
  ['帮宝适 一级帮 纸尿裤 L码 52片 超薄透气', 5, 16900],
  ['爱他美 卓萃 婴儿配方奶粉 3段 900g', 5, 35800],
  ['优衣库 男装 摇粒绒拉链茄克 长袖 深灰 L', 6, 19900],
  ['李宁 男子 运动卫衣 连帽 宽松 黑色 XL', 6, 29900],
  ['耐克 Air Zoom Pegasus 41 男子公路跑步鞋 42码', 7, 89900],
  ['迪卡侬 瑜伽垫 加厚 10mm 防滑 183×61cm', 7, 9990],
  ['《三体》全集 刘慈欣 典藏版 套装3册', 8, 9300],
  ['《人类简史：从动物到上帝》 尤瓦尔·赫拉利 中信出版社', 8, 4590],
  ['一个标题非常非常长的商品，用来检查卡片在手机上的两行截断效果是否正常而且不会把页面撑宽AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 4, 1990],
];

/** Enough products for several pages (22 titles × 2 variants = 44). */
function buildProducts(): Product[] {
  const out: Product[] = [];
  for (let variant = 0; variant < 2; variant++) {
    TITLES.forEach(([title, categoryId, priceFen], i) => {
      const n = variant * TITLES.length + i + 1;
      const category = CATEGORIES.find((c) => c.id === categoryId)!;
      out.push({
        productId: String(2071450000 + n),
        title: variant === 0 ? title : `${title}（第二款）`,
        priceFen: priceFen + variant * 1000,
        stock: n % 9 === 0 ? 0 : 10 + n,
        imageUrl: n === 3 ? 'javascript:alert(1)' : '/placeholder-product.svg',
        categoryId,
        categoryName: category.name,
        barcode: n % 4 === 0 ? null : `69012345${String(10000 + n).slice(-5)}`,
        shopName: ['果粉数码旗舰店', '美妆小铺', '零食优选', '好家居生活馆', '宝贝母婴', '潮流服饰', '运动户外专营', '书香阁'][categoryId - 1]!,
        fetchedAt: iso(FIXTURE_NOW_MS - (n % 7) * MIN - 30_000),
      });
    });
  }
  return out;
}

function offer(p: Product, platform: Platform, deltaFen: number, extra: Partial<MatchedOffer> = {}): MatchedOffer {
  return {
    offerId: `${platform}-${p.productId}-${deltaFen}`,
    platform,
    shopName: `${p.shopName.slice(0, 2)}${platform === 'tmall' ? '天猫旗舰店' : platform === 'jd' ? '京东自营' : '官方店'}`,
    title: p.title.replace(/<[^>]*>/g, '').slice(0, 40),
    priceFen: Math.max(1, p.priceFen + deltaFen),
    url: `https://${platform}.example.com/item/${p.productId}`,
    inStock: true,
    barcode: p.barcode,
    fetchedAt: iso(FIXTURE_NOW_MS - ((Number(p.productId) + deltaFen) % 180) * MIN),
    verdict: p.barcode
      ? { match: true, score: 1, method: 'barcode', reason: '条码一致' }
      : { match: true, score: 0.86, method: 'title', reason: '标题高度相似：品牌、型号、规格一致' },
    ...extra,
  };
}

export function buildComparison(p: Product): ProductComparison {
  const n = Number(p.productId) - 2071450000;
  let matched: MatchedOffer[] = [];
  let similar: MatchedOffer[] = [];
  if (n % 11 === 5) {
    // nothing found elsewhere
  } else if (n % 5 === 2) {
    // Weidian is already the cheapest
    matched = [offer(p, 'jd', 1500), offer(p, 'tmall', 800)];
  } else {
    matched = [
      offer(p, 'taobao', -Math.round(p.priceFen * 0.06)),
      offer(p, 'jd', -Math.round(p.priceFen * 0.03)),
      offer(p, 'pdd', -Math.round(p.priceFen * 0.11), n === 1 ? { url: 'javascript:alert(document.cookie)' } : {}),
      offer(p, 'pdd', -Math.round(p.priceFen * 0.2), { inStock: false, offerId: `pdd-oos-${p.productId}` }),
      offer(p, 'vip', 500),
    ];
    similar = [
      offer(p, 'taobao', -Math.round(p.priceFen * 0.4), {
        offerId: `similar-${p.productId}`,
        title: `${p.title.replace(/<[^>]*>/g, '').slice(0, 20)} 小规格`,
        verdict: { match: false, score: 0.62, method: 'conflict', reason: '规格不同：256GB ≠ 128GB' },
      }),
      offer(p, 'suning', -Math.round(p.priceFen * 0.5), {
        offerId: `similar2-${p.productId}`,
        title: '<script>alert(1)</script> 相似商品 1L 装',
        verdict: { match: false, score: 0.4, method: 'dissimilar', reason: '容量不同：500ml ≠ 1L' },
      }),
    ];
  }
  const bestByPlatform: MatchedOffer[] = [];
  for (const platform of PLATFORMS) {
    const best = matched
      .filter((o) => o.platform === platform && o.inStock)
      .sort((a, b) => a.priceFen - b.priceFen)[0];
    if (best) bestByPlatform.push(best);
  }
  const cheapest = [...bestByPlatform].sort((a, b) => a.priceFen - b.priceFen)[0];
  const lowest =
    cheapest && cheapest.priceFen < p.priceFen
      ? { priceFen: cheapest.priceFen, platform: cheapest.platform, shopName: cheapest.shopName, fetchedAt: cheapest.fetchedAt, url: cheapest.url }
      : { priceFen: p.priceFen, platform: 'weidian' as const, shopName: p.shopName, fetchedAt: p.fetchedAt, url: null };
  return {
    product: p,
    bestByPlatform,
    lowest,
    savingFen: lowest.platform === 'weidian' ? 0 : p.priceFen - lowest.priceFen,
    matchedOffers: matched,
    similarOffers: similar,
  };
}

export const FIXTURE_PRODUCTS: Product[] = buildProducts();

/** A ComparePage for `query` over the fixture products: filtered, sorted and paged like the service. */
export function fixtureComparePage(query: CompareQuery, generatedAtMs = FIXTURE_NOW_MS - 90_000): ComparePage {
  const terms = (query.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  let items = FIXTURE_PRODUCTS.filter(
    (p) =>
      (query.categoryId == null || p.categoryId === query.categoryId) &&
      terms.every((t) => p.title.toLowerCase().includes(t)),
  ).map((p): ProductSummary => {
    const { product, bestByPlatform, lowest, savingFen } = buildComparison(p);
    return { product, bestByPlatform, lowest, savingFen };
  });
  if (query.sort === 'price_asc') items = items.sort((a, b) => a.product.priceFen - b.product.priceFen);
  if (query.sort === 'price_desc') items = items.sort((a, b) => b.product.priceFen - a.product.priceFen);
  if (query.sort === 'saving_desc') items = items.sort((a, b) => b.savingFen - a.savingFen);
  const start = (query.page - 1) * query.pageSize;
  return {
    query,
    items: items.slice(start, start + query.pageSize),
    total: items.length,
    page: query.page,
    pageSize: query.pageSize,
    degraded: [],
    hasNext: start + query.pageSize < items.length,
    generatedAt: iso(generatedAtMs),
  };
}

/** The detail of one fixture product, or null. */
export function fixtureProductDetail(productId: string, generatedAtMs = FIXTURE_NOW_MS - 90_000) {
  const p = FIXTURE_PRODUCTS.find((x) => x.productId === productId);
  return p ? { comparison: buildComparison(p), generatedAt: iso(generatedAtMs) } : null;
}
