import type { NextConfig } from 'next';
import { RESOURCE_POLICY, staticSecurityHeaders } from './lib/http/security-headers';

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Node libraries loaded from node_modules rather than bundled: ioredis (optional native bits), and the two
  // database drivers (PGlite loads its WASM from its package directory). Externals are also one module
  // instance shared by the proxy's bundle and the pages'.
  serverExternalPackages: ['ioredis', 'pg', '@electric-sql/pglite'],
  // The build assets never reach the proxy (proxy.ts's matcher), which sets these headers on everything else.
  // Computed by `next build` (NODE_ENV=production: HSTS is sent) and by `next dev` (no HSTS); docs/security.md.
  async headers() {
    const headers = { ...staticSecurityHeaders({ production: process.env.NODE_ENV === 'production' }), 'content-security-policy': RESOURCE_POLICY };
    const list = Object.entries(headers).map(([key, value]) => ({ key, value }));
    return [
      { source: '/_next/static/:path*', headers: list },
      { source: '/_next/image', headers: list },
    ];
  },
};

export default nextConfig;
