import { describe, expect, it } from 'vitest';
import { requestIdFrom } from '@/lib/http/request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestIdFrom', () => {
  it.each([
    [{ 'x-request-id': 'abc-123-def-456' }, 'abc-123-def-456'],
    [{ 'x-vercel-id': 'hkg1::iad1::abcde-1700000000000-0123456789ab' }, 'hkg1::iad1::abcde-1700000000000-0123456789ab'],
    [{ 'x-request-id': 'abc-123-def-456', 'x-vercel-id': 'hkg1::other-id-000' }, 'abc-123-def-456'],
  ])('keeps a well-formed id from %o', (headers, expected) => {
    expect(requestIdFrom(new Headers(headers))).toBe(expected);
  });

  it.each([
    ['absent', {}],
    ['too short', { 'x-request-id': 'abc' }],
    ['with spaces or a newline', { 'x-request-id': 'abc def ghi jkl' }],
    ['with JSON in it', { 'x-request-id': '{"level":"fatal"}' }],
    ['10 kB long', { 'x-request-id': 'a'.repeat(10_000) }],
  ])('makes a fresh UUID when the given id is %s', (_, headers) => {
    const id = requestIdFrom(new Headers(headers as Record<string, string>));
    expect(id).toMatch(UUID);
    expect(requestIdFrom(new Headers(headers as Record<string, string>))).not.toBe(id);
  });
});
