import { describe, expect, it } from 'vitest';
import { priceForPack, unitBasis, unitPrice } from '@/lib/compare/unit-price';
import type { PackSize } from '@/lib/types';

const pack = (count: number, piece: string | null, measure: PackSize['measure'] = null): PackSize => ({ count, piece, measure });

describe('unit prices', () => {
  it.each([
    ['ml when both say ml', pack(24, '盒', { amount: 250, unit: 'ml' }), pack(12, '盒', { amount: 250, unit: 'ml' }), 'ml'],
    ['g when both say g', pack(27, '卷', { amount: 180, unit: 'g' }), pack(10, '卷', { amount: 180, unit: 'g' }), 'g'],
    ['pieces when one is silent', pack(24, '盒', { amount: 250, unit: 'ml' }), pack(12, null), 'piece'],
    ['pieces when the units differ', pack(2, '支', { amount: 120, unit: 'g' }), pack(3, '支', { amount: 120, unit: 'ml' }), 'piece'],
  ] as const)('basis: %s', (_, a, b, basis) => {
    expect(unitBasis(a, b)).toBe(basis);
  });

  it.each([
    [3990, pack(12, '盒', { amount: 250, unit: 'ml' }), 'ml', { fen: 133, per: '100ml' }],
    [4590, pack(10, '卷', { amount: 180, unit: 'g' }), 'g', { fen: 255, per: '100g' }],
    [2990, pack(5, '双'), 'piece', { fen: 598, per: '双' }],
    [1000, pack(3, null), 'piece', { fen: 333, per: '件' }],
  ] as const)('%i fen for %o per %s', (fen, p, basis, expected) => {
    expect(unitPrice(fen, p, basis)).toEqual(expected);
  });

  it('scales a price to another pack by contents, in whole fen', () => {
    const ml = (count: number, amount = 250) => pack(count, '盒', { amount, unit: 'ml' });
    expect(priceForPack(3990, ml(12), ml(24))).toBe(7980);
    expect(priceForPack(2990, ml(10), ml(24))).toBe(7176);
    expect(priceForPack(9999, ml(3), ml(1))).toBe(3333);
    expect(priceForPack(3000, pack(12, '包'), pack(24, '包'))).toBe(6000);
    // Integer fen in, integer fen out, whatever the ratio.
    for (const [price, from, to] of [[1, 7, 3], [12345, 13, 17], [99, 24, 1]] as const) {
      expect(Number.isInteger(priceForPack(price, pack(from, null), pack(to, null)))).toBe(true);
    }
  });
});
