/**
 * Weidian router request signing, exactly as docs/signing.md states it. Pure and synchronous so it can be
 * tested with vectors; node:crypto's HMAC is the only dependency.
 */
import { createHmac } from 'node:crypto';

export type SignableValue = string | number | boolean | null | undefined;
export type SignableParams = Record<string, SignableValue>;

/** A lone UTF-16 surrogate: not a character, so UTF-8 cannot carry it. */
const LONE_SURROGATE = /\p{Surrogate}/gu;

/**
 * RFC 3986 percent-encoding over UTF-8: only unreserved characters (A–Z a–z 0–9 - . _ ~) stay as they are.
 * A lone surrogate is encoded as U+FFFD, which is what a URL (URLSearchParams, fetch) puts on the wire in its
 * place: the signature then covers what is sent, and encodeURIComponent does not throw a URIError on it.
 */
export function rfc3986(value: string): string {
  // encodeURIComponent leaves !'()* unencoded; RFC 3986 reserves them, so encode those too.
  return encodeURIComponent(value.replace(LONE_SURROGATE, '\ufffd')).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The parameters that are sent and signed: every defined, non-null one except `sign`, as strings. */
export function presentParams(params: SignableParams): [string, string][] {
  return Object.entries(params)
    .filter((entry): entry is [string, string | number | boolean] => entry[0] !== 'sign' && entry[1] !== undefined && entry[1] !== null)
    .map(([k, v]) => [k, String(v)]);
}

/** `k=v&…` over encoded keys and values, sorted by encoded key in byte order. */
export function canonicalQuery(params: SignableParams): string {
  return presentParams(params)
    .map(([k, v]) => [rfc3986(k), rfc3986(v)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

/** Lower-case hex HMAC-SHA256 of the canonical query, keyed with the App Secret. */
export function signParams(params: SignableParams, secret: string): string {
  return createHmac('sha256', secret).update(canonicalQuery(params), 'utf8').digest('hex');
}
