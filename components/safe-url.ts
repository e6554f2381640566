/**
 * URLs from upstreams are data, not trusted markup. Outbound links are rendered only for plain https://
 * URLs (never `javascript:`, `data:`, protocol-relative `//…` or http://); images only from our own origin
 * (root-relative paths) or https://.
 */

// C0 controls, DEL and white space: browsers strip some of these inside URLs, which is how
// "java\tscript:" tricks work. Anything containing them is refused outright.
const UNSAFE_CHARS = /[\u0000-\u0020\u007f-\u009f]/;

/** The normalised URL when `url` is an absolute https:// URL with a host; otherwise null. */
export function safeHttpsUrl(url: unknown): string | null {
  if (typeof url !== 'string' || !/^https:\/\//i.test(url) || UNSAFE_CHARS.test(url)) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' || parsed.hostname === '' || parsed.username || parsed.password) return null;
    return parsed.href;
  } catch {
    return null;
  }
}

export const PLACEHOLDER_IMAGE = '/placeholder-product.svg';

export interface SafeImage {
  src: string;
  /** Skip the Image Optimization API: SVGs (never optimised) and remote hosts (not in images.remotePatterns). */
  unoptimized: boolean;
}

/** A src next/image can render for an upstream image URL; the placeholder when the URL is not acceptable. */
export function safeImage(url: unknown): SafeImage {
  if (typeof url === 'string' && !UNSAFE_CHARS.test(url) && !url.includes('\\')) {
    if (url.startsWith('/') && !url.startsWith('//')) {
      const path = url.split(/[?#]/, 1)[0] ?? url;
      const isSvg = path.toLowerCase().endsWith('.svg');
      const hasQuery = path.length !== url.length;
      return { src: url, unoptimized: isSvg || hasQuery };
    }
    const remote = safeHttpsUrl(url);
    if (remote) return { src: remote, unoptimized: true };
  }
  return { src: PLACEHOLDER_IMAGE, unoptimized: true };
}
