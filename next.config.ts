import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Node libraries loaded from node_modules rather than bundled: ioredis (optional native bits), and the two
  // database drivers (PGlite loads its WASM from its package directory). Externals are also one module
  // instance shared by the proxy's bundle and the pages'.
  serverExternalPackages: ['ioredis', 'pg', '@electric-sql/pglite'],
};

export default nextConfig;
