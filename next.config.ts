import type { NextConfig } from 'next';
import { RESOURCE_POLICY, staticSecurityHeaders } from './lib/http/security-headers';

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `next dev` serves its HMR socket and dev chunks only to localhost by default; opened as 127.0.0.1 (as the
  // tests and the sandbox's OAuth redirect do) the page would never hydrate. Development only.
  allowedDevOrigins: ['127.0.0.1'],
  // Node libraries loaded from node_modules rather than bundled: ioredis (optional native bits), and the two
  // database drivers (PGlite loads its WASM from its package directory). Externals are also one module
  // instance shared by the proxy's bundle and the pages'.
  serverExternalPackages: ['ioredis', 'pg', '@electric-sql/pglite'],
  // Self-hosting: BUILD_STANDALONE=1 writes .next/standalone (docs/deploy.md). Not by default: Vercel does
  // not need it, and `next start` (the e2e server) warns on a standalone build.
  ...(process.env.BUILD_STANDALONE === '1' ? { output: 'standalone' as const } : {}),
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
