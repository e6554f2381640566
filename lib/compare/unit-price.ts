/**
 * Unit prices, for comparing one product sold in different pack sizes (250ml×24盒 against 250ml×12盒).
 * Pure. Amounts stay integers: a pack's size is counted in pieces, or in ml / g when both packs say how much
 * a piece holds; fen are rounded once, at the end.
 */
import type { Fen, PackSize, UnitPrice } from '../types';

/** What two packs are compared by: their contents in ml or g when both state them in the same unit, else pieces. */
export type UnitBasis = 'ml' | 'g' | 'piece';

export function unitBasis(a: PackSize, b: PackSize): UnitBasis {
  return a.measure && b.measure && a.measure.unit === b.measure.unit ? a.measure.unit : 'piece';
}

/** The pack's size in the basis: pieces, or total ml / g. */
export function packAmount(pack: PackSize, basis: UnitBasis): number {
  return basis === 'piece' || !pack.measure ? pack.count : pack.count * pack.measure.amount;
}

/** An offer's price scaled to the item's pack: ¥40 for ×12 is ¥80 for ×24. Rounded to whole fen. */
export function priceForPack(priceFen: Fen, from: PackSize, to: PackSize): Fen {
  const basis = unitBasis(from, to);
  return Math.round((priceFen * packAmount(to, basis)) / packAmount(from, basis));
}

/** Price per 100 ml, per 100 g, or per piece (named by the title's word for it: 盒, 瓶 … else 件). */
export function unitPrice(priceFen: Fen, pack: PackSize, basis: UnitBasis): UnitPrice {
  if (basis === 'piece') return { fen: Math.round(priceFen / pack.count), per: pack.piece ?? '件' };
  return { fen: Math.round((priceFen * 100) / packAmount(pack, basis)), per: `100${basis}` };
}
