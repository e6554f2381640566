import { describe, expect, it } from 'vitest';
import {
  corsHeaders,
  createNonce,
  documentPolicy,
  preflightHeaders,
  RESOURCE_POLICY,
  responseHeaders,
  staticSecurityHeaders,
  type ResponseContext,
} from '@/lib/http/security-headers';

/** A policy as directive → sources. */
const parse = (policy: string) =>
  Object.fromEntries(
    policy.split(';').map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name!, sources];
    }),
  );

describe('createNonce', () => {
  it('is 128 random bits in base64, new every time', () => {
    const nonces = new Set(Array.from({ length: 1000 }, createNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe('documentPolicy', () => {
  const production = parse(documentPolicy({ nonce: 'abc123', development: false }));

  it('lets only scripts with the nonce run (and what they load), never inline ones or eval', () => {
    expect(production['script-src']).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(production['script-src']).not.toContain("'unsafe-inline'");
    expect(production['script-src']).not.toContain("'unsafe-eval'");
  });

  it('has no nonce in style-src, which would make browsers ignore its unsafe-inline (style attributes)', () => {
    expect(production['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('forbids plugins, <base>, framing and foreign form targets', () => {
    expect(production).toMatchObject({
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'frame-ancestors': ["'none'"],
      'form-action': ["'self'"],
      'default-src': ["'self'"],
    });
  });

  it("adds 'unsafe-eval' and the HMR websocket in development only", () => {
    const dev = parse(documentPolicy({ nonce: 'n', development: true }));
    expect(dev['script-src']).toContain("'unsafe-eval'");
    expect(dev['connect-src']).toContain('ws:');
    expect(production['connect-src']).toEqual(["'self'"]);
  });

  it('lets forms be redirected to the OAuth authorize origin when it is elsewhere', () => {
    const policy = parse(documentPolicy({ nonce: 'n', development: false, formActionOrigins: ['https://auth.weidian.com'] }));
    expect(policy['form-action']).toEqual(["'self'", 'https://auth.weidian.com']);
  });
});

describe('RESOURCE_POLICY (JSON, redirects, build assets)', () => {
  it('allows nothing and no framing', () => {
    expect(parse(RESOURCE_POLICY)).toEqual({ 'default-src': ["'none'"], 'base-uri': ["'none'"], 'form-action': ["'none'"], 'frame-ancestors': ["'none'"] });
  });
});

describe('staticSecurityHeaders', () => {
  it('sends nosniff, the referrer policy and a deny-all permissions policy; HSTS only in production', () => {
    const dev = staticSecurityHeaders({ production: false });
    expect(dev).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'strict-origin-when-cross-origin' });
    expect(dev['permissions-policy']).toMatch(/(^|, )camera=\(\)/);
    expect(dev['permissions-policy']).toMatch(/(^|, )geolocation=\(\)/);
    expect(dev['permissions-policy']).not.toMatch(/=\((?!\))/); // every feature allowed to nobody
    expect(dev).not.toHaveProperty('strict-transport-security');
    expect(staticSecurityHeaders({ production: true })['strict-transport-security']).toBe('max-age=31536000');
  });
});

describe('CORS', () => {
  const allowed = ['https://partner.example'];

  it('grants a listed origin exactly, and varies on Origin', () => {
    expect(corsHeaders('https://partner.example', allowed)).toEqual({ 'access-control-allow-origin': 'https://partner.example', vary: 'Origin' });
  });

  it.each([null, 'https://evil.example', 'https://partner.example.evil.example', 'http://partner.example', 'https://partner.example:444', 'null', '*'])(
    'grants nothing to %j, still varying on Origin',
    (origin) => {
      expect(corsHeaders(origin, allowed)).toEqual({ vary: 'Origin' });
      expect(preflightHeaders(origin, allowed)).not.toHaveProperty('access-control-allow-origin');
      expect(preflightHeaders(origin, allowed)).not.toHaveProperty('access-control-allow-methods');
    },
  );

  it('never allows credentials, and grants a preflight only reads', () => {
    const answer = preflightHeaders('https://partner.example', allowed);
    expect(answer).toMatchObject({ 'access-control-allow-origin': 'https://partner.example', 'access-control-allow-methods': 'GET, HEAD', 'access-control-max-age': '600' });
    expect(answer).not.toHaveProperty('access-control-allow-credentials');
  });

  it('grants nobody when no origin is configured', () => {
    expect(corsHeaders('https://partner.example', [])).toEqual({ vary: 'Origin' });
  });
});

describe('responseHeaders: which policy a path gets', () => {
  const ctx: ResponseContext = {
    pathname: '/',
    origin: null,
    nonce: 'n0nce',
    nodeEnv: 'production',
    corsAllowedOrigins: ['https://partner.example'],
    authorizeUrl: '/sandbox/weidian/oauth2',
    sandboxPolicy: "default-src 'none'; form-action 'self'",
  };
  const csp = (over: Partial<ResponseContext>) => responseHeaders({ ...ctx, ...over })['content-security-policy']!;

  it.each(['/', '/products/123', '/login', '/orders', '/no-such-page', '/icon.svg', '/sandbox/items/2000569327.svg', '/apix'])('%s: the document policy with the nonce', (pathname) => {
    expect(csp({ pathname })).toContain("'nonce-n0nce'");
  });

  it.each(['/api', '/api/products/compare', '/api/auth/login'])('%s: the resource policy and CORS', (pathname) => {
    const headers = responseHeaders({ ...ctx, pathname, origin: 'https://partner.example' });
    expect(headers['content-security-policy']).toBe(RESOURCE_POLICY);
    expect(headers['access-control-allow-origin']).toBe('https://partner.example');
  });

  it('grants CORS on /api only', () => {
    expect(responseHeaders({ ...ctx, pathname: '/', origin: 'https://partner.example' })).not.toHaveProperty('access-control-allow-origin');
  });

  it('keeps the sandbox endpoints on their own policy, without a referrer', () => {
    const headers = responseHeaders({ ...ctx, pathname: '/sandbox/weidian/oauth2' });
    expect(headers['content-security-policy']).toBe(ctx.sandboxPolicy);
    expect(headers['referrer-policy']).toBe('no-referrer');
  });

  it('lets forms be redirected to a real authorize origin, and sends HSTS in production only', () => {
    expect(csp({ authorizeUrl: 'https://auth.weidian.com/oauth2' })).toContain("form-action 'self' https://auth.weidian.com");
    expect(csp({})).toContain("form-action 'self';");
    expect(responseHeaders(ctx)).toHaveProperty('strict-transport-security');
    expect(responseHeaders({ ...ctx, nodeEnv: 'development' })).not.toHaveProperty('strict-transport-security');
    expect(csp({ nodeEnv: 'development' })).toContain("'unsafe-eval'");
    expect(csp({ nodeEnv: 'test' })).not.toContain("'unsafe-eval'");
  });
});
