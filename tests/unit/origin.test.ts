/** Our origin from the request's Host / X-Forwarded-Host, which any client can set off Vercel. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isSameOrigin, ownUrl, requestOrigin } from '@/lib/http/origin';
import { setEnv } from '../support/process-singletons';

let restore: () => void;
beforeEach(() => (restore = setEnv({ APP_URL: undefined })));
afterEach(() => restore());

const request = (headers: Record<string, string>) => new Request('http://127.0.0.1:3000/api/auth/login', { headers });

describe('requestOrigin', () => {
  it('uses X-Forwarded-Host, then Host, with X-Forwarded-Proto', () => {
    expect(requestOrigin(request({ 'x-forwarded-host': 'shop.example, proxy.internal', 'x-forwarded-proto': 'https', host: 'ignored' }))).toBe('https://shop.example');
    expect(requestOrigin(request({ host: 'localhost:3300' }))).toBe('http://localhost:3300');
    expect(requestOrigin(request({}))).toBe('http://127.0.0.1:3000');
    // Normalised the way browsers send Origin, so the same-origin check still matches.
    expect(requestOrigin(request({ host: 'LOCALHOST:80' }))).toBe('http://localhost');
  });

  // Regression (found by tests/integration/api-fuzz.test.ts): these made ownUrl() throw, so login, callback
  // and logout answered 500.
  it.each(['a b', '\u0080', '[::1', 'a:99999', 'a/b', 'a@b', 'a?b', 'a#b', 'a\\b'])('ignores a Host that is not a host: %j', (junk) => {
    const variants: Record<string, string>[] = [{ 'x-forwarded-host': junk }, { host: junk }, { 'x-forwarded-host': junk, host: junk }];
    for (const headers of variants) {
      expect(requestOrigin(request(headers))).toBe('http://127.0.0.1:3000');
      expect(ownUrl(request(headers), '/login?error=expired').href).toBe('http://127.0.0.1:3000/login?error=expired');
    }
    expect(requestOrigin(request({ 'x-forwarded-host': junk, host: 'localhost:3300' }))).toBe('http://localhost:3300');
  });

  it('APP_URL wins over any header', () => {
    restore();
    restore = setEnv({ APP_URL: 'https://bijia.example.com' });
    expect(requestOrigin(request({ 'x-forwarded-host': 'a b', host: 'evil.example' }))).toBe('https://bijia.example.com');
  });
});

describe('isSameOrigin', () => {
  it('compares Origin with our origin, else trusts only Sec-Fetch-Site: same-origin', () => {
    expect(isSameOrigin(request({ host: 'localhost:3300', origin: 'http://localhost:3300' }))).toBe(true);
    expect(isSameOrigin(request({ host: 'localhost:3300', origin: 'http://evil.example' }))).toBe(false);
    expect(isSameOrigin(request({ 'x-forwarded-host': 'a b', origin: 'http://127.0.0.1:3000' }))).toBe(true);
    expect(isSameOrigin(request({ 'sec-fetch-site': 'same-origin' }))).toBe(true);
    expect(isSameOrigin(request({ 'sec-fetch-site': 'cross-site' }))).toBe(false);
  });
});
