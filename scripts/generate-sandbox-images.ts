/**
 * Writes one small SVG per sandbox item to public/sandbox/items/{num_iid}.svg — a coloured card with the
 * brand, product name and variant — so the sandbox's `img` URLs resolve without any outside request.
 * Re-run after changing sandbox/product-lines.ts: `npx tsx scripts/generate-sandbox-images.ts`.
 */
import { mkdir, readdir, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { allowServerOnlyOutsideNext } from '../sandbox/allow-server-only';

allowServerOnlyOutsideNext();

const { getSandboxCatalogue, FIXTURE_LINE_PREFIX } = await import('../sandbox/catalogue');
const { PRODUCT_LINES } = await import('../sandbox/product-lines');
const { sandboxItemSvg } = await import('../sandbox/item-image');

const outDir = path.join(process.cwd(), 'public/sandbox/items');
await mkdir(outDir, { recursive: true });
for (const file of await readdir(outDir)) if (file.endsWith('.svg')) await unlink(path.join(outDir, file));

const lines = new Map(PRODUCT_LINES.map((line) => [line.id, line]));
// The hand-written fixtures use the shared placeholder picture.
const items = getSandboxCatalogue().items.filter((item) => !item.lineId.startsWith(FIXTURE_LINE_PREFIX));
for (const item of items) {
  const line = lines.get(item.lineId);
  if (!line) throw new Error(`item ${item.num_iid} has unknown line ${item.lineId}`);
  const svg = sandboxItemSvg({ cid: item.cid, category: item.cate_name, brand: line.brand.title, name: line.name, variant: item.variant });
  await writeFile(path.join(outDir, `${item.num_iid}.svg`), svg, 'utf8');
}
console.log(`wrote ${items.length} images to ${path.relative(process.cwd(), outDir)}/`);
