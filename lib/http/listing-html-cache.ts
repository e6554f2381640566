/**
 * The shopper listing's HTML (`/`, any query), rendered once per result set and served again for a few
 * seconds, each time under a nonce of its own (docs/security.md, "Cached listing HTML"; bench/RESULTS.md,
 * figure f). React's server render of a page of cards costs ~10 ms of CPU; an anonymous visitor's listing is
 * the same for everyone until its data changes, so rendering it per request only made the page slow.
 *
 * Next cannot cache a page whose scripts carry a per-request CSP nonce, and the policy needs one. So the
 * proxy keeps the HTML itself: on a miss it has the page rendered by this very server (a loopback request,
 * {@link RENDER_NONCE_HEADER}) under a *placeholder* nonce, 128 random bits made for that render and known
 * to no one else; each answer from the copy replaces every occurrence of it with the answer's own fresh
 * nonce. Every response still carries a nonce new to it. Injected markup cannot carry the nonce: whatever the
 * upstream data holds was rendered before the placeholder could be known, and React escaped it.
 *
 * The render is asked of this deployment's own address, known from the process ({@link renderOrigin}),
 * never of one named by the request. Served only to browsers' document requests without cookies (a
 * logged-in merchant's header is theirs; client navigations fetch RSC payloads; bots get other HTML from
 * Next), for the query as the site spells it, from 200 renders. Keyed by the path and query (the HTML
 * embeds the URL) and the data's version (generatedAt, stale): a new result set is a new render. The copy
 * lives at most `maxAgeMs`, because the page says how long ago each price was found ("N 分钟前") from the
 * render's clock until the browser's takes over. One render per key at a time (lru-cache's fetch).
 */
import 'server-only';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { deadlineSignal } from '../upstream/http';
import { moduleLogger } from '../log';
import { compareSearchString } from '../compare/query';
import type { ComparePage } from '../types';
import { isDocumentRequest } from './document-request';
import { REQUEST_ID_HEADER } from './request-id';

/**
 * On the proxy's loopback render request: `<placeholder>.<HMAC of it>`. The proxy gives the render that
 * nonce only when the HMAC (keyed with the session secret) checks, so no one else can pick a page's nonce.
 */
export const RENDER_NONCE_HEADER = 'x-bijia-render-nonce';

/** The answer's headers that come from the render; the security headers are the proxy's, per answer. */
const KEPT_HEADERS = ['content-type', 'link'] as const;

/**
 * Set on every answer from the copy, whatever the render said: no shared cache may keep it (each carries
 * its own nonce), and it depends on the request having no cookie. `x-listing-html: copy` says where it came
 * from (the e2e specs and whoever reads a response check it).
 */
const COPY_HEADERS: [string, string][] = [
  ['cache-control', 'private, no-store'],
  ['vary', 'Cookie, RSC, Next-Router-State-Tree, Next-Router-Prefetch, Next-Router-Segment-Prefetch, Accept-Encoding'],
  ['x-listing-html', 'copy'],
];

/**
 * Crawlers that Next serves another HTML (metadata in the head, not streamed: `htmlLimitedBots`), and
 * anything else that calls itself a bot: rendered for themselves, never given the browsers' copy.
 */
const BOT = /bot|crawl|spider|slurp|archiver|facebookexternalhit|embedly|quora link preview|whatsapp|telegram|vkshare|sogou|baidu|yisou|bytespider|google-inspectiontool|lighthouse|preview/i;

/** A render larger than this is not kept (a page of 50 cards is ~300 kB). */
const MAX_RENDER_BYTES = 2 * 1024 * 1024;

/** Hex only: it cannot appear escaped in HTML or JSON, so one literal search finds every use of it. */
const placeholderNonce = () => randomBytes(16).toString('hex');

const sign = (secret: string, nonce: string) => createHmac('sha256', secret).update(`render-nonce:${nonce}`).digest('base64url');

export function renderNonceHeader(secret: string, nonce: string): string {
  return `${nonce}.${sign(secret, nonce)}`;
}

/** The placeholder nonce a loopback render asks for, or null when the header is absent or not ours. */
export function renderNonceFrom(headers: Headers, secret: string): string | null {
  const value = headers.get(RENDER_NONCE_HEADER);
  const m = value ? /^([0-9a-f]{32})\.([A-Za-z0-9_-]{43})$/.exec(value) : null;
  if (!m) return null;
  const expected = Buffer.from(sign(secret, m[1]!));
  const given = Buffer.from(m[2]!);
  return given.length === expected.length && timingSafeEqual(given, expected) ? m[1]! : null;
}

interface RenderedListing {
  /** The HTML split at the placeholder nonce: an answer is these parts joined by its own nonce. */
  parts: Buffer[];
  headers: [string, string][];
}



interface FillContext {
  url: string;
  requestId: string;
}

export type RenderFetch = (url: string, init: RequestInit) => Promise<Response>;

export interface ListingHtmlCacheOptions {
  /** How long a render is served (ms); it also bounds how old the page's "N 分钟前" can be at first paint. */
  maxAgeMs: number;
  /** Signs the loopback render's nonce header. */
  secret: string;
  /**
   * Where this very deployment answers (see {@link renderOrigin}). Never taken from the request: its Host
   * header is the client's to write, and a render fetched from elsewhere would be served to everyone.
   */
  origin: string;
  /** Extra headers for the render request (Vercel's protection bypass). */
  renderHeaders?: Record<string, string>;
  fetch?: RenderFetch;
  /** Gives up on a render after this long (ms) and lets the request render by itself (default 3 s). */
  renderTimeoutMs?: number;
  now?: () => number;
}

/**
 * Kept for a listing whose render came back unusable (an error page, a redirect, no placeholder): it
 * renders per request for the max age, without a loopback first each time. Other listings are not held back.
 */
const NO_RENDER: RenderedListing = { parts: [], headers: [] };

/** Answers that mean this deployment does not let its own render through: every listing would get them. */
const REFUSED = new Set([401, 403, 407, 429]);

/** Roughly 60 listings of ~120 kB each. */
const MAX_BYTES = 8 * 1024 * 1024;

export class ListingHtmlCache {
  private readonly renders: LRUCache<string, RenderedListing, FillContext>;
  /**
   * After a render could not be had at all, none is asked for until then, for any listing: what makes one
   * fail that way (an address that does not answer, Vercel's Deployment Protection answering 401) makes
   * them all fail, and every request would otherwise wait for a loopback that fails before rendering.
   */
  private offUntil = 0;

  constructor(private readonly options: ListingHtmlCacheOptions) {
    this.renders = new LRUCache<string, RenderedListing, FillContext>({
      maxSize: MAX_BYTES,
      sizeCalculation: (r) => r.parts.reduce((n, p) => n + p.length, 0) || 1,
      ttl: options.maxAgeMs,
      // One clock for the copies' age and for offUntil (a test's own, too); read at every check.
      perf: { now: () => this.now() },
      ttlResolution: 0,
      fetchMethod: (_key, _stale, { context }) => this.render(context),
      ignoreFetchAbort: true,
    });
  }

  /**
   * The listing's HTML for this request under `nonce`, or null when it is not to be served from a copy (a
   * cookie, a client navigation) or no render could be had: the page then renders as usual.
   */
  async answer(request: Request, page: Pick<ComparePage, 'query' | 'generatedAt' | 'stale'>, nonce: string, requestId: string): Promise<Response | null> {
    if (!this.cacheable(request) || this.now() < this.offUntil) return null;
    const url = new URL(request.url);
    // Only the query's own spelling (the one every link of the site uses): junk or tracking parameters
    // (?utm_source=…) would each make a copy of their own, and push the real ones out.
    if (url.search !== compareSearchString(page.query)) return null;
    const key = JSON.stringify([url.pathname, url.search, page.generatedAt, page.stale]);
    const rendered = await this.renders.fetch(key, { context: { url: `${this.options.origin}${url.pathname}${url.search}`, requestId } });
    if (!rendered || rendered === NO_RENDER) return null;
    const nonceBytes = Buffer.from(nonce);
    const chunks: Buffer[] = [];
    rendered.parts.forEach((part, i) => (i > 0 && chunks.push(nonceBytes), chunks.push(part)));
    const body = request.method === 'HEAD' ? null : Buffer.concat(chunks);
    return new Response(body, { status: 200, headers: [...rendered.headers, ...COPY_HEADERS] });
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private cacheable(request: Request): boolean {
    const h = request.headers;
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    if (h.has('cookie') || h.has(RENDER_NONCE_HEADER)) return false;
    // RSC requests (client navigations, prefetches) are answered by Next with the flight payload.
    if (h.has('rsc') || h.has('next-router-prefetch') || h.has('next-router-state-tree')) return false;
    if (BOT.test(h.get('user-agent') ?? '')) return false;
    return isDocumentRequest(h);
  }

  private async render({ url, requestId }: FillContext): Promise<RenderedListing | undefined> {
    // (undefined: nothing kept, and no render for any listing for the max age; NO_RENDER: this one only.)
    const placeholder = placeholderNonce();
    const { signal, done } = deadlineSignal(this.options.renderTimeoutMs ?? 3000);
    try {
      const response = await (this.options.fetch ?? fetch)(url, {
        headers: {
          ...this.options.renderHeaders,
          [RENDER_NONCE_HEADER]: renderNonceHeader(this.options.secret, placeholder),
          [REQUEST_ID_HEADER]: requestId,
          accept: 'text/html',
          'sec-fetch-dest': 'document',
        },
        redirect: 'manual',
        cache: 'no-store',
        signal,
      });
      const html = Buffer.from(await response.arrayBuffer());
      // Only a page rendered under our placeholder, with nothing but a 200 to say: an error page, a redirect
      // or a render that did not take the nonce (a bug) renders per request as before.
      const type = response.headers.get('content-type') ?? '';
      if (response.status !== 200 || !type.startsWith('text/html') || html.length > MAX_RENDER_BYTES || !html.includes(`nonce="${placeholder}"`)) {
        moduleLogger('listing-html').warn({ event: 'listing_render_unusable', status: response.status, bytes: html.length }, 'loopback render not kept');
        return REFUSED.has(response.status) ? this.failed() : NO_RENDER;
      }
      const headers: [string, string][] = [];
      for (const name of KEPT_HEADERS) {
        const value = response.headers.get(name);
        if (value !== null) headers.push([name, value]);
      }
      return { parts: split(html, Buffer.from(placeholder)), headers };
    } catch (error) {
      moduleLogger('listing-html').warn({ event: 'listing_render_failed', reason: error instanceof Error ? error.name : 'unknown' }, 'loopback render failed');
      return this.failed();
    } finally {
      done();
    }
  }

  /** Nothing kept; no render asked for, for any listing, for the max age. */
  private failed(): undefined {
    this.offUntil = this.now() + this.options.maxAgeMs;
    return undefined;
  }
}

function split(buffer: Buffer, separator: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = buffer.indexOf(separator); at !== -1; at = buffer.indexOf(separator, from)) {
    parts.push(buffer.subarray(from, at));
    from = at + separator.length;
  }
  parts.push(buffer.subarray(from));
  return parts;
}

const singleton = globalThis as typeof globalThis & { __bijiaListingHtml?: ListingHtmlCache | null };

/**
 * This deployment's own address, from the process, never from a request: under `next start` (and the
 * standalone server) the address Next listens on, which it records in __NEXT_PRIVATE_ORIGIN; on Vercel
 * this deployment's own URL (VERCEL_URL: a public domain could route to another deployment during a
 * rollout, whose HTML names other build assets). Null when neither is known: the cache is then off.
 */
export function renderOrigin(env: Readonly<Record<string, string | undefined>>): string | null {
  if (env.__NEXT_PRIVATE_ORIGIN) return env.__NEXT_PRIVATE_ORIGIN.replace(/\/+$/, '');
  if (env.VERCEL === '1' && env.VERCEL_URL) return `https://${env.VERCEL_URL}`;
  return null;
}

/**
 * The process's cache, or null when it is off: LISTING_HTML_CACHE_SECONDS=0, `next dev` (whose pages
 * change with every edit), or no known address of this deployment ({@link renderOrigin}). On Vercel with
 * Deployment Protection, VERCEL_AUTOMATION_BYPASS_SECRET lets the render request through.
 */
export function listingHtmlCache(env: { nodeEnv: string; listingHtmlCacheSeconds: number; sessionSecret: string }): ListingHtmlCache | null {
  if (singleton.__bijiaListingHtml !== undefined) return singleton.__bijiaListingHtml;
  const origin = renderOrigin(process.env);
  const bypass = process.env.VERCEL_AUTOMATION_BYPASS_SECRET;
  const on = env.nodeEnv === 'production' && env.listingHtmlCacheSeconds > 0 && origin !== null;
  return (singleton.__bijiaListingHtml = on
    ? new ListingHtmlCache({
        maxAgeMs: env.listingHtmlCacheSeconds * 1000,
        secret: env.sessionSecret,
        origin,
        ...(bypass ? { renderHeaders: { 'x-vercel-protection-bypass': bypass } } : {}),
      })
    : null);
}
