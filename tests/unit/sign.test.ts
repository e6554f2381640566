import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalQuery, rfc3986, signParams } from '@/lib/weidian/sign';

const base = { method: 'item.list', app_key: 'sandbox-app', timestamp: 1700000000000 };

describe('canonicalQuery', () => {
  it('matches worked example 1 of docs/signing.md', () => {
    expect(canonicalQuery({ ...base, page: 1, page_size: 20 })).toBe(
      'app_key=sandbox-app&method=item.list&page=1&page_size=20&timestamp=1700000000000',
    );
  });

  it("matches worked example 2: Chinese, a space, !'()*, an empty value, & and = inside a value", () => {
    expect(canonicalQuery({ ...base, q: "牛奶 250ml!'()*", category_id: '', note: 'a&b=c' })).toBe(
      'app_key=sandbox-app&category_id=&method=item.list&note=a%26b%3Dc&q=%E7%89%9B%E5%A5%B6%20250ml%21%27%28%29%2A&timestamp=1700000000000',
    );
  });

  it('leaves out undefined and null, keeps an empty string, never signs sign', () => {
    expect(canonicalQuery({ b: undefined, a: null, q: '', sign: 'x' })).toBe('q=');
  });

  it('sorts by encoded key in byte order (upper case before lower case, digits first)', () => {
    expect(canonicalQuery({ b: 1, B: 2, a1: 3, a: 4, _: 5 })).toBe('B=2&_=5&a=4&a1=3&b=1');
  });

  it.each([
    [' ', '%20'],
    ['+', '%2B'],
    ["!'()*", '%21%27%28%29%2A'],
    ['-._~', '-._~'],
    ['中', '%E4%B8%AD'],
    ['😀', '%F0%9F%98%80'],
  ])('encodes %j as %s', (input, encoded) => {
    expect(rfc3986(input)).toBe(encoded);
  });

  it('never gives two different parameter sets the same canonical string', () => {
    const sets = [
      { a: 'b&c=d' },
      { a: 'b', c: 'd' },
      { a: 'b=c' },
      { 'a=b': 'c' },
      { a: '' },
      { a: ' ' },
      { a: '+' },
      { a: '%20' },
      { ab: '' },
      { a: 'b', ab: '' },
    ];
    const strings = sets.map((s) => canonicalQuery(s));
    expect(new Set(strings).size).toBe(sets.length);
  });
});

describe('signParams', () => {
  it('is the lower-case hex HMAC-SHA256 of the canonical string', () => {
    const params = { ...base, page: 1, page_size: 20 };
    const expected = createHmac('sha256', 'sandbox-secret').update(canonicalQuery(params)).digest('hex');
    expect(signParams(params, 'sandbox-secret')).toBe(expected);
    expect(signParams(params, 'sandbox-secret')).toBe('c35944aa0878c63146b18af9aa04661f5945a2578d0c90deefdbbd6ded3257ce');
  });

  it('changes with the secret and with any value', () => {
    const params = { ...base, q: '牛奶' };
    const sign = signParams(params, 's1');
    expect(sign).toMatch(/^[0-9a-f]{64}$/);
    expect(signParams(params, 's2')).not.toBe(sign);
    expect(signParams({ ...params, q: '牛奶 ' }, 's1')).not.toBe(sign);
  });
});

describe('lone surrogates (found by tests/integration/api-fuzz.test.ts)', () => {
  it('are signed as U+FFFD, the character a URL sends in their place, instead of throwing a URIError', () => {
    expect(canonicalQuery({ q: 'a\ud800b', k: '\udc00' })).toBe(canonicalQuery({ q: 'a\ufffdb', k: '\ufffd' }));
    expect(new URLSearchParams({ q: 'a\ud800b' }).get('q')).toBe('a\ufffdb');
    // A well-formed pair is one character, kept as it is.
    expect(canonicalQuery({ q: '𠮷' })).toBe('q=%F0%A0%AE%B7');
  });
});
