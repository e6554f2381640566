import 'server-only';

import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The sandbox's own implementation of docs/signing.md. It deliberately shares no code with lib/weidian (the
 * client): two independent implementations of one written spec catch each other's mistakes.
 */

const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/** RFC 3986 percent-encoding over UTF-8 bytes: only A–Z a–z 0–9 - . _ ~ stay; upper-case hex. */
export function percentEncode(text: string): string {
  let out = '';
  for (const ch of text) {
    if (UNRESERVED.test(ch)) {
      out += ch;
      continue;
    }
    for (const byte of new TextEncoder().encode(ch)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** The canonical string: every parameter except `sign`, encoded, sorted by encoded key, `k=v` joined by `&`. */
export function canonicalize(params: Readonly<Record<string, string>>): string {
  const pairs = Object.keys(params)
    .filter((key) => key !== 'sign')
    .map((key) => [percentEncode(key), percentEncode(params[key] ?? '')] as const);
  // Encoded keys are ASCII, so comparing UTF-16 code units is comparing bytes.
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return pairs.map(([key, value]) => `${key}=${value}`).join('&');
}

/** Lower-case hex HMAC-SHA256 of the canonical string, keyed with the secret. */
export function computeSignature(params: Readonly<Record<string, string>>, secret: string): string {
  return createHmac('sha256', Buffer.from(secret, 'utf8')).update(Buffer.from(canonicalize(params), 'utf8')).digest('hex');
}

/**
 * Whether `params.sign` is the correct signature of the other params. Constant-time in the signature's
 * content (only its length can leak, and the correct length is public anyway).
 */
export function verifySignature(params: Readonly<Record<string, string>>, secret: string): boolean {
  const given = Buffer.from(params.sign ?? '', 'utf8');
  const expected = Buffer.from(computeSignature(params, secret), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export type ParsedQuery = { ok: true; params: Record<string, string> } | { ok: false; duplicateKey: string };

/**
 * Decodes a received query string (with or without the leading `?`) the way the router does: standard
 * URL decoding, and a key that appears twice is an error rather than "last one wins".
 */
export function parseSignedQuery(search: string): ParsedQuery {
  const params: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [key, value] of new URLSearchParams(search)) {
    if (Object.hasOwn(params, key)) return { ok: false, duplicateKey: key };
    params[key] = value;
  }
  return { ok: true, params };
}
