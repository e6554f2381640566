/**
 * `returnTo` after login: only a path on our own origin. Anything that a browser could resolve to another
 * origin — `//evil.example`, `/\evil.example`, `https://evil.example`, `javascript:` — falls back to the default.
 */
export function safeReturnTo(input: string | null | undefined, fallback = '/orders'): string {
  if (!input || input.length > 2048) return fallback;
  // Browsers treat "\" like "/" and ignore tabs/newlines in URLs: normalise before judging.
  const s = input.replace(/[\t\n\r]/g, '');
  if (!s.startsWith('/') || s.startsWith('//') || s.startsWith('/\\') || s.includes('\\')) return fallback;
  try {
    const url = new URL(s, 'https://bijia.internal');
    if (url.origin !== 'https://bijia.internal') return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
