/**
 * The benchmark's baseline for `/api/products/compare` (bench/run.ts, figure a): a constant JSON answer from
 * a route handler of the same server, so the ratio measures what our route adds over Next itself.
 * Prerendered at build time (`force-static`); it reads nothing and reveals nothing. Its body is about the
 * size of a page of compare cards (20 cards, ~30 kB, mostly Chinese text): with a tiny body the figure
 * measured moving 30 kB through Next and the socket, which any answer that size pays, not our route's work.
 */
export const runtime = 'nodejs';
export const dynamic = 'force-static';

/** Bytes of a default page of cards of the sandbox (bench/RESULTS.md prints both answers' sizes). */
const ITEMS = 20;
const TEXT = '比价基准页面示例商品标题与价格'.repeat(33); // ≈ 1.5 kB of UTF-8 per item

export function GET() {
  return Response.json({ ok: true, items: Array.from({ length: ITEMS }, (_, i) => ({ i, text: TEXT })) });
}
