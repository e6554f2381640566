import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import './globals.css';

export const metadata: Metadata = {
  title: {
    default: '比价 · 微店商品全网比价',
    template: '%s · 比价',
  },
  description: '微店商品与淘宝、天猫、京东、拼多多、苏宁、唯品会同款商品的价格对比，一眼看到全网最低价。',
  applicationName: '比价',
  icons: { icon: '/icon.svg' },
  formatDetection: { telephone: false },
};

export const viewport: Viewport = {
  themeColor: '#f94d16',
  width: 'device-width',
  initialScale: 1,
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request, even those that read nothing of it (the 404 page): the proxy's CSP
  // carries a new nonce each time, and Next can only put it on the scripts of a page it renders now. A page
  // prerendered at build time would have scripts without a nonce, which the policy blocks (docs/security.md).
  await connection();
  return (
    <html lang="zh-CN">
      <body className="flex min-h-dvh flex-col">
        <a
          href="#main"
          className="sr-only focus-visible:not-sr-only focus-visible:fixed focus-visible:top-2 focus-visible:left-2 focus-visible:z-50 focus-visible:rounded-lg focus-visible:bg-white focus-visible:px-4 focus-visible:py-3 focus-visible:shadow-card-hover"
        >
          跳到主要内容
        </a>
        <SiteHeader />
        <main id="main" className="mx-auto w-full max-w-page flex-1 px-4 pt-4 sm:px-6 sm:pt-6">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
