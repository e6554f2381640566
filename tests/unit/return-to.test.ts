import { describe, expect, it } from 'vitest';
import { safeReturnTo } from '@/lib/auth/return-to';

describe('safeReturnTo', () => {
  it.each([
    ['/orders', '/orders'],
    ['/orders?status=TRADE_SUCCESS&page=2', '/orders?status=TRADE_SUCCESS&page=2'],
    ['/orders/820261130000123#items', '/orders/820261130000123#items'],
    ['/', '/'],
  ])('keeps the same-origin path %j', (input, out) => {
    expect(safeReturnTo(input)).toBe(out);
  });

  it.each([
    '//evil.example',
    '//evil.example/orders',
    'https://evil.example',
    'http://evil.example/orders',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    'javascript:alert(1)',
    'orders',
    '',
    null,
    undefined,
    `/${'a'.repeat(3000)}`,
  ])('refuses %j', (input) => {
    expect(safeReturnTo(input)).toBe('/orders');
  });
});
