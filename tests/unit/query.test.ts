import { describe, expect, it } from 'vitest';
import { compareSearchString, parseCompareQuery } from '@/lib/compare/query';

const parse = (qs: string) => parseCompareQuery(new URLSearchParams(qs));
const fields = (qs: string) => {
  const r = parse(qs);
  return r.ok ? [] : r.issues.map((i) => i.field);
};

describe('parseCompareQuery', () => {
  it('gives defaults for an empty query', () => {
    expect(parse('')).toEqual({ ok: true, value: { q: null, categoryId: null, page: 1, pageSize: 20, sort: 'default' } });
  });

  it('treats empty values as absent: page= is page 1, not 0', () => {
    expect(parse('page=&page_size=&q=&sort=&category_id=')).toEqual(parse(''));
  });

  it('reads valid values', () => {
    expect(parse('q=%E7%89%9B%E5%A5%B6&category_id=3&page=2&page_size=50&sort=saving_desc')).toEqual({
      ok: true,
      value: { q: '牛奶', categoryId: 3, page: 2, pageSize: 50, sort: 'saving_desc' },
    });
  });

  it.each([
    ['page_size=0', 'page_size'],
    ['page_size=51', 'page_size'],
    ['page_size=1e9', 'page_size'],
    ['page_size=1000000000', 'page_size'],
    ['page=0', 'page'],
    ['page=-1', 'page'],
    ['page=1.5', 'page'],
    ['page=abc', 'page'],
    ['page=0x10', 'page'],
    ['sort=cheapest', 'sort'],
    ['category_id=99', 'category_id'],
    ['category_id=abc', 'category_id'],
    ['page=1&page=2', 'page'],
    [`q=${'x'.repeat(101)}`, 'q'],
  ])('%s is rejected, naming %s', (qs, field) => {
    expect(fields(qs)).toEqual([field]);
  });

  it('names every bad field at once', () => {
    expect(fields('page=0&page_size=0&sort=x').sort()).toEqual(['page', 'page_size', 'sort']);
  });

  it('ignores unknown parameters', () => {
    expect(parse('utm_source=x&page=2').ok).toBe(true);
  });

  it("accepts Next's searchParams objects, arrays meaning a repeated key", () => {
    expect(parseCompareQuery({ page: '2', q: undefined })).toMatchObject({ ok: true, value: { page: 2 } });
    expect(parseCompareQuery({ page: ['1', '2'] })).toMatchObject({ ok: false, issues: [{ field: 'page' }] });
  });
});

describe('compareSearchString', () => {
  it('omits defaults and round-trips through the parser', () => {
    const q = { q: '牛奶 250ml', categoryId: 3, page: 2, pageSize: 20, sort: 'price_asc' as const };
    const s = compareSearchString(q);
    expect(s).not.toContain('page_size');
    expect(parse(s.slice(1))).toEqual({ ok: true, value: q });
    expect(compareSearchString({ q: null, categoryId: null, page: 1, pageSize: 20, sort: 'default' })).toBe('');
  });
});
