import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';

import {
  canonicalize,
  computeSignature,
  parseSignedQuery,
  percentEncode,
  verifySignature,
} from '@/sandbox/weidian/verify';

/** The worked examples of docs/signing.md; the `sign` literals are also written there. */
const SECRET = 'sandbox-secret';
const base = { method: 'item.list', app_key: 'sandbox-app', timestamp: '1700000000000' };
const VECTOR_1 = {
  params: { ...base, page: '1', page_size: '20' },
  canonical: 'app_key=sandbox-app&method=item.list&page=1&page_size=20&timestamp=1700000000000',
  sign: 'c35944aa0878c63146b18af9aa04661f5945a2578d0c90deefdbbd6ded3257ce',
};
const VECTOR_2 = {
  params: { ...base, q: "牛奶 250ml!'()*", category_id: '', note: 'a&b=c' },
  canonical:
    'app_key=sandbox-app&category_id=&method=item.list&note=a%26b%3Dc&q=%E7%89%9B%E5%A5%B6%20250ml%21%27%28%29%2A&timestamp=1700000000000',
  sign: '32b1f03671f885c90bf0fff1df567cf51306e3c027814e58d1cec95a4d39cec0',
};

const nodeHmac = (text: string): string => createHmac('sha256', SECRET).update(text, 'utf8').digest('hex');

describe('docs/signing.md worked examples', () => {
  it.each([
    ['1: a plain listing call', VECTOR_1],
    ["2: Chinese, a space, !'()*, an empty value, & and = inside a value", VECTOR_2],
  ])('vector %s', (_, vector) => {
    expect(canonicalize(vector.params)).toBe(vector.canonical);
    expect(nodeHmac(vector.canonical)).toBe(vector.sign);
    expect(computeSignature(vector.params, SECRET)).toBe(vector.sign);
    expect(verifySignature({ ...vector.params, sign: vector.sign }, SECRET)).toBe(true);
  });

  it('the literals in the test are the ones printed in docs/signing.md', async () => {
    const { readFile } = await import('node:fs/promises');
    const doc = await readFile(new URL('../../docs/signing.md', import.meta.url), 'utf8');
    expect(doc).toContain(VECTOR_1.canonical);
    expect(doc).toContain(VECTOR_2.canonical);
    expect(doc).toContain(`sign: \`${VECTOR_1.sign}\``);
    expect(doc).toContain(`sign: \`${VECTOR_2.sign}\``);
  });
});

describe('percentEncode (RFC 3986 over UTF-8)', () => {
  it.each([
    [' ', '%20'],
    ['+', '%2B'],
    ["!'()*", '%21%27%28%29%2A'],
    ['-._~AZaz09', '-._~AZaz09'],
    ['&=/?#%', '%26%3D%2F%3F%23%25'],
    ['中', '%E4%B8%AD'],
    ['😀', '%F0%9F%98%80'],
    ['ｉ', '%EF%BD%89'],
  ])('%j → %s', (input, encoded) => {
    expect(percentEncode(input)).toBe(encoded);
  });
});

describe('canonicalize', () => {
  it('never includes sign, keeps empty values, sorts by encoded key in byte order', () => {
    expect(canonicalize({ sign: 'x', b: '1', B: '2', a1: '3', a: '4', _: '5', q: '' })).toBe('B=2&_=5&a=4&a1=3&b=1&q=');
  });

  it('sorts by the *encoded* key (a key starting with %XX sorts before letters)', () => {
    expect(canonicalize({ a: '1', '中': '2', '~': '3' })).toBe('%E4%B8%AD=2&a=1&~=3');
  });

  it('gives different parameter sets different canonical strings', () => {
    const sets: Record<string, string>[] = [{ a: 'b&c=d' }, { a: 'b', c: 'd' }, { a: 'b=c' }, { 'a=b': 'c' }, { a: '' }, { a: ' ' }, { a: '+' }, { a: '%20' }];
    expect(new Set(sets.map((s) => canonicalize(s))).size).toBe(sets.length);
  });
});

describe('verifySignature', () => {
  const signed = { ...VECTOR_1.params, sign: VECTOR_1.sign };

  it('rejects a tampered parameter, an added parameter, the wrong secret', () => {
    expect(verifySignature({ ...signed, page: '2' }, SECRET)).toBe(false);
    expect(verifySignature({ ...signed, extra: '' }, SECRET)).toBe(false);
    expect(verifySignature(signed, 'another-secret')).toBe(false);
  });

  it('rejects upper-case hex, a truncated or missing sign', () => {
    expect(verifySignature({ ...signed, sign: VECTOR_1.sign.toUpperCase() }, SECRET)).toBe(false);
    expect(verifySignature({ ...signed, sign: VECTOR_1.sign.slice(0, 63) }, SECRET)).toBe(false);
    expect(verifySignature(VECTOR_1.params, SECRET)).toBe(false);
  });
});

describe('parseSignedQuery', () => {
  it('decodes percent-encoding and form-style + as a space', () => {
    const parsed = parseSignedQuery('?q=%E7%89%9B%E5%A5%B6+250ml%21&category_id=&note=a%26b%3Dc');
    expect(parsed).toEqual({ ok: true, params: { q: '牛奶 250ml!', category_id: '', note: 'a&b=c' } });
  });

  it('rejects a repeated key, even with the same value', () => {
    expect(parseSignedQuery('a=1&b=2&a=1')).toEqual({ ok: false, duplicateKey: 'a' });
  });

  it('treats __proto__ as an ordinary parameter', () => {
    const parsed = parseSignedQuery('__proto__=x&constructor=y');
    expect(parsed.ok && parsed.params.__proto__).toBe('x');
    expect(parsed.ok && Object.keys(parsed.params)).toEqual(['__proto__', 'constructor']);
  });
});
