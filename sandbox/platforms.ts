import 'server-only';

import { PLATFORMS } from '@/lib/types';

import type { Brand } from './product-lines';
import { chance, digits, pick, type Rng } from './random';

/**
 * What a listing looks like on each platform the price API crawls: typical shop names, listing URLs and the
 * promotional words their titles carry. Only data — the sandbox never fetches these URLs.
 */

/** A price-API platform slug (derived from the shared constant; the sandbox imports no other lib/ code). */
export type Platform = (typeof PLATFORMS)[number];

/** Category word used in shop names ("华为数码专营店"), by Weidian category id. */
const CATEGORY_SHOP_WORD: Record<number, string> = {
  1: '数码',
  2: '美妆',
  3: '食品',
  4: '家居',
  5: '母婴',
  6: '服饰',
  7: '运动',
  8: '图书',
};

const CITY = ['杭州', '深圳', '广州', '上海', '北京', '成都', '武汉', '苏州', '义乌', '南京'];
const TAOBAO_SHOP_STEMS = ['小鹿', '阿狸', '优品', '星辰', '锦鲤', '青柠', '橙子', '木木', '皇冠', '老王'];
const TAOBAO_SHOP_ENDINGS = ['小铺', '优选', '生活馆', '精品店', '折扣店', '正品店'];
const SUPERMARKET_CATEGORIES = new Set([3, 4, 5]);

export function shopNameFor(rng: Rng, platform: Platform, brand: Brand, cid: number): string {
  const word = CATEGORY_SHOP_WORD[cid] ?? '';
  switch (platform) {
    case 'jd':
      if (SUPERMARKET_CATEGORIES.has(cid) && chance(rng, 0.3)) return '京东超市';
      return pick(rng, [`${brand.shop}京东自营旗舰店`, '京东自营', `${brand.shop}${word}京东自营专区`, `${pick(rng, CITY)}${word}专营店`]);
    case 'tmall':
      if (SUPERMARKET_CATEGORIES.has(cid) && chance(rng, 0.3)) return '天猫超市';
      return pick(rng, [`${brand.shop}官方旗舰店`, `${brand.shop}${word}旗舰店`, `${brand.shop}${pick(rng, CITY)}专卖店`]);
    case 'taobao':
      return `${pick(rng, TAOBAO_SHOP_STEMS)}${word}${pick(rng, TAOBAO_SHOP_ENDINGS)}`;
    case 'pdd':
      return pick(rng, [
        `${brand.shop}官方旗舰店`,
        `百亿补贴·${brand.shop}${word}专营店`,
        `${pick(rng, CITY)}${word}百亿补贴店`,
        `${pick(rng, TAOBAO_SHOP_STEMS)}${word}专营店`,
      ]);
    case 'suning':
      return pick(rng, ['苏宁易购自营', `${brand.shop}苏宁自营旗舰店`, `${brand.shop}苏宁官方旗舰店`]);
    case 'vip':
      return pick(rng, ['唯品会自营', `${brand.shop}唯品会官方旗舰店`, `${brand.shop}${word}特卖`]);
  }
}

export function listingUrlFor(rng: Rng, platform: Platform): string {
  switch (platform) {
    case 'jd':
      return `https://item.jd.com/${digits(rng, 12)}.html`;
    case 'tmall':
      return `https://detail.tmall.com/item.htm?id=${digits(rng, 12)}`;
    case 'taobao':
      return `https://item.taobao.com/item.htm?id=${digits(rng, 12)}`;
    case 'pdd':
      return `https://mobile.yangkeduo.com/goods.html?goods_id=${digits(rng, 12)}`;
    case 'suning':
      return `https://product.suning.com/${digits(rng, 10)}/${digits(rng, 11)}.html`;
    case 'vip':
      return `https://detail.vip.com/detail-${digits(rng, 7)}-${digits(rng, 10)}.html`;
  }
}

/** Which platforms carry which categories, as relative weights (唯品会 is mostly apparel and beauty). */
export function platformWeights(cid: number): Record<Platform, number> {
  const weights: Record<Platform, number> = { taobao: 3, tmall: 3, jd: 3, pdd: 3, suning: 1, vip: 0.3 };
  if (cid === 1 || cid === 4) weights.suning = 2;
  if (cid === 2 || cid === 6) weights.vip = 2.5;
  if (cid === 5) weights.vip = 1;
  if (cid === 8) {
    weights.pdd = 1.5;
    weights.vip = 0;
    weights.suning = 0.5;
  }
  return weights;
}

/** Typical pricing of each platform relative to a reference price (pdd undercuts, tmall/jd at list). */
export const PLATFORM_PRICE_BIAS: Record<Platform, number> = {
  taobao: -0.03,
  tmall: 0.01,
  jd: 0,
  pdd: -0.07,
  suning: 0,
  vip: -0.04,
};

export const COMMON_TITLE_PREFIXES = ['【包邮】', '【官方正品】', '【限时特惠】', '【现货速发】', '【顺丰包邮】', '[正品保证]'];
export const COMMON_TITLE_SUFFIXES = ['官方旗舰店', '正品保证', '限时特惠', '2026新款', '现货速发', '假一赔十', '七天无理由退换'];

export const PLATFORM_TITLE_PREFIXES: Record<Platform, readonly string[]> = {
  taobao: ['【淘宝心选】', '【爆款】'],
  tmall: ['【天猫正品】', '【官方旗舰】'],
  jd: ['【京东自营】', '【次日达】'],
  pdd: ['【百亿补贴】', '【官方补贴】', '【万人团】'],
  suning: ['【苏宁自营】', '【以旧换新】'],
  vip: ['【唯品特卖】', '【品牌特卖】'],
};

/** Generic words listings add, by Weidian category id. */
export const CATEGORY_FILLER_WORDS: Record<number, readonly string[]> = {
  1: ['全网通', '国行正品', '官方标配', '新品'],
  2: ['正品', '女士', '护肤品', '保湿'],
  3: ['整箱装', '营养早餐', '休闲零食', '新日期'],
  4: ['家用', '实惠装', '居家必备'],
  5: ['婴儿', '宝宝', '新生儿', '母婴'],
  6: ['男女同款', '春秋款', '百搭'],
  7: ['运动', '专业', '健身'],
  8: ['正版现货', '书籍', '畅销书'],
};
