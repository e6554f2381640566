import { describe, expect, it } from 'vitest';
import {
  beijingDayStart,
  EMPTY_ORDER_QUERY,
  hasOrderFilter,
  isCalendarDay,
  orderDateRange,
  orderSearchString,
  ordersHref,
  parseOrderQuery,
} from '@/lib/orders/order-query';

const parse = (qs: string) => parseOrderQuery(new URLSearchParams(qs));
const fields = (qs: string) => {
  const r = parse(qs);
  return r.ok ? [] : r.issues.map((i) => i.field);
};

describe('parseOrderQuery', () => {
  it('gives defaults for an empty query', () => {
    expect(parse('')).toEqual({ ok: true, value: { status: null, from: null, to: null, q: null, page: 1 } });
  });

  it('treats empty values as absent', () => {
    expect(parse('status=&from=&to=&q=&page=')).toEqual(parse(''));
    expect(parse('q=%20%20&page=%20')).toEqual(parse(''));
  });

  it('reads valid values', () => {
    expect(parse('status=WAIT_SELLER_SEND_GOODS&from=2026-11-01&to=2026-11-30&q=820261130000123&page=3')).toEqual({
      ok: true,
      value: { status: 'WAIT_SELLER_SEND_GOODS', from: '2026-11-01', to: '2026-11-30', q: '820261130000123', page: 3 },
    });
  });

  it('trims an order id pasted with spaces around it', () => {
    expect(parse('q=%20820261130000123%20')).toMatchObject({ ok: true, value: { q: '820261130000123' } });
  });

  it('accepts a one-day range (from = to)', () => {
    expect(parse('from=2026-11-30&to=2026-11-30').ok).toBe(true);
  });

  it.each([
    ['status=PAID', 'status'],
    ['status=trade_success', 'status'],
    ['from=2026-2-1', 'from'],
    ['from=2026/11/30', 'from'],
    ['from=20261130', 'from'],
    ['from=2026-02-30', 'from'],
    ['from=2026-13-01', 'from'],
    ['from=1999-12-31', 'from'],
    ['to=2026-11-31', 'to'],
    ['to=tomorrow', 'to'],
    ['from=2026-11-30&to=2026-11-01', 'to'],
    ['q=abc', 'q'],
    ['q=8202-6113', 'q'],
    ['q=-1', 'q'],
    [`q=${'1'.repeat(33)}`, 'q'],
    [`q=${'x'.repeat(40)}`, 'q'],
    ['page=0', 'page'],
    ['page=-1', 'page'],
    ['page=1.5', 'page'],
    ['page=1e3', 'page'],
    ['page=1001', 'page'],
    ['page=abc', 'page'],
    ['page=1&page=2', 'page'],
    ['status=TRADE_SUCCESS&status=TRADE_CLOSED', 'status'],
  ])('%s is rejected, naming %s', (qs, field) => {
    expect(fields(qs)).toEqual([field]);
  });

  it('names every bad field at once', () => {
    expect(fields('status=x&from=x&q=x&page=0').sort()).toEqual(['from', 'page', 'q', 'status']);
  });

  it('gives zh-CN messages', () => {
    const r = parse('q=abc');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.message).toBe('只能包含数字');
  });

  it('ignores unknown parameters', () => {
    expect(parse('utm_source=x&page=2')).toMatchObject({ ok: true, value: { page: 2 } });
  });

  it("accepts Next's searchParams objects, arrays meaning a repeated key", () => {
    expect(parseOrderQuery({ page: '2', q: undefined })).toMatchObject({ ok: true, value: { page: 2, q: null } });
    expect(parseOrderQuery({ q: ['1', '2'] })).toMatchObject({ ok: false, issues: [{ field: 'q' }] });
  });
});

describe('isCalendarDay', () => {
  it('knows leap years', () => {
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2026-02-29')).toBe(false);
  });
});

describe('Beijing days', () => {
  it('starts a day at 00:00 GMT+8, whatever the process zone', () => {
    expect(beijingDayStart('2026-11-30').toISOString()).toBe('2026-11-29T16:00:00.000Z');
    expect(beijingDayStart('2026-01-01').toISOString()).toBe('2025-12-31T16:00:00.000Z');
  });

  it('covers whole days: from the first to the last millisecond', () => {
    const r = orderDateRange({ from: '2026-11-01', to: '2026-11-30' });
    expect(r.from?.toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(r.to?.toISOString()).toBe('2026-11-30T15:59:59.999Z');
  });

  it('leaves open ends open', () => {
    expect(orderDateRange({ from: null, to: null })).toEqual({});
    expect(Object.keys(orderDateRange({ from: '2026-11-01', to: null }))).toEqual(['from']);
  });
});

describe('orderSearchString', () => {
  it('omits defaults', () => {
    expect(orderSearchString(EMPTY_ORDER_QUERY)).toBe('');
    expect(ordersHref(EMPTY_ORDER_QUERY)).toBe('/orders');
  });

  it('round-trips through the parser', () => {
    const q = { status: 'TRADE_CLOSED' as const, from: '2026-11-01', to: '2026-11-02', q: '123', page: 4 };
    const r = parse(orderSearchString(q).slice(1));
    expect(r).toEqual({ ok: true, value: q });
  });

  it('applies overrides (a new filter goes back to page 1)', () => {
    const q = { ...EMPTY_ORDER_QUERY, status: 'TRADE_SUCCESS' as const, page: 5 };
    expect(ordersHref(q, { status: null, page: 1 })).toBe('/orders');
    expect(ordersHref(q, { page: 6 })).toBe('/orders?status=TRADE_SUCCESS&page=6');
  });

  it('tells filters from paging', () => {
    expect(hasOrderFilter({ ...EMPTY_ORDER_QUERY, page: 3 })).toBe(false);
    expect(hasOrderFilter({ ...EMPTY_ORDER_QUERY, q: '1' })).toBe(true);
  });
});
