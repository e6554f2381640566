/**
 * The body of the benchmark's baseline JSON routes (bench/run.ts, figures a and a2): about the size of a page
 * of compare cards (20 cards, ~30 kB, mostly Chinese text). With a tiny body the figure measured moving 30 kB
 * through Next and the socket, which any answer that size pays, not our route's work. Reads nothing and
 * reveals nothing.
 */
const ITEMS = 20;
const TEXT = '比价基准页面示例商品标题与价格'.repeat(33); // ≈ 1.5 kB of UTF-8 per item

export const baselineBody = () => ({ ok: true, items: Array.from({ length: ITEMS }, (_, i) => ({ i, text: TEXT })) });
