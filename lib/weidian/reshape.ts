/** Raw Weidian shapes → Bijia domain types. */
import { parseYuanToFen } from '../money';
import type { Product } from '../types';
import type { RawItem } from './schemas';

const GTIN13 = /^\d{13}$/;

export function reshapeItem(raw: RawItem, fetchedAt: string): Product {
  return {
    productId: raw.num_iid,
    title: raw.title.trim(),
    priceFen: parseYuanToFen(raw.price),
    stock: raw.stock,
    imageUrl: raw.img,
    categoryId: raw.cid,
    categoryName: raw.cate_name,
    barcode: GTIN13.test(raw.barcode) ? raw.barcode : null,
    shopName: raw.shop_name,
    fetchedAt,
  };
}
