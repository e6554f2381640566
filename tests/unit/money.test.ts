import { describe, expect, it } from 'vitest';
import { formatFen, MoneyParseError, parseYuanToFen, tryParseYuanToFen } from '@/lib/money';

describe('parseYuanToFen', () => {
  it.each([
    ['19.9', 1990],
    ['1,000.00', 100000],
    ['¥1,299.00', 129900],
    ['1,299.5元', 129950],
    ['1299', 129900],
    ['￥89.9', 8990],
    ['89.90', 8990],
    ['0.07', 7],
    ['0.1', 10],
    ['12.50', 1250],
    ['  ¥ 3.00 ', 300],
    ['１２.５', 1250], // full-width digits
    ['0', 0],
    ['1,234,567.89', 123456789],
  ])('%j → %i fen', (input, fen) => {
    expect(parseYuanToFen(input)).toBe(fen);
  });

  it.each(['abc', '', '   ', '¥', '1.234', '-5', '1,29.00', '12,34', '1e3', 'NaN', '1.2.3', '0x10', '9'.repeat(20)])(
    '%j is a MoneyParseError, not NaN',
    (input) => {
      expect(() => parseYuanToFen(input)).toThrow(MoneyParseError);
      expect(tryParseYuanToFen(input)).toBeNull();
    },
  );

  it('is exact where float arithmetic is not', () => {
    // parseFloat('19.9') * 100 === 1989.9999999999998
    for (let fen = 0; fen < 10000; fen += 7) {
      const text = `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
      expect(parseYuanToFen(text)).toBe(fen);
    }
  });
});

describe('formatFen', () => {
  it.each([
    [129900, '¥1,299.00'],
    [5, '¥0.05'],
    [0, '¥0.00'],
    [100000000, '¥1,000,000.00'],
    [-1250, '-¥12.50'],
  ])('%i → %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it('round-trips with parseYuanToFen', () => {
    for (const fen of [1, 99, 100, 123456, 99999999]) expect(parseYuanToFen(formatFen(fen))).toBe(fen);
  });

  it('rejects non-integers', () => {
    expect(() => formatFen(12.5)).toThrow(RangeError);
  });
});
