import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // ioredis is a Node library with optional native bits; keep it out of the server bundle.
  serverExternalPackages: ['ioredis'],
};

export default nextConfig;
