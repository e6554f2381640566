import 'server-only';

/**
 * The placeholder product picture of a sandbox item: a self-contained SVG (no external references, system
 * fonts only) in the category's colour with brand, product name and variant as text.
 */

const CATEGORY_COLOURS: Record<number, readonly [string, string]> = {
  1: ['#1d4ed8', '#dbeafe'],
  2: ['#be185d', '#fce7f3'],
  3: ['#c2410c', '#ffedd5'],
  4: ['#0f766e', '#ccfbf1'],
  5: ['#b45309', '#fef3c7'],
  6: ['#6d28d9', '#ede9fe'],
  7: ['#15803d', '#dcfce7'],
  8: ['#78350f', '#fef3c7'],
};

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch] ?? ch);
}

/** Rough rendered width in em: CJK and full-width characters are square, Latin about half as wide. */
function emWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\uffef]/.test(ch) ? 1 : 0.56;
  return width;
}

/** Greedy wrap into at most `maxLines` lines of at most `maxEm` em; the last line is cut with "…". */
function wrap(text: string, maxEm: number, maxLines: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const ch of text) {
    if (emWidth(current + ch) > maxEm) {
      lines.push(current.trimEnd());
      current = ch === ' ' ? '' : ch;
    } else current += ch;
  }
  if (current.trim()) lines.push(current.trim());
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${[...(kept[maxLines - 1] ?? '')].slice(0, -1).join('')}…`;
    return kept;
  }
  return lines;
}

export interface ItemImageText {
  cid: number;
  category: string;
  brand: string;
  name: string;
  variant: string;
}

export function sandboxItemSvg({ cid, category, brand, name, variant }: ItemImageText): string {
  const [strong, pale] = CATEGORY_COLOURS[cid] ?? ['#334155', '#f1f5f9'];
  const font = `font-family="'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif"`;
  const text = (x: number, y: number, size: number, fill: string, content: string, weight = 400): string =>
    `<text x="${x}" y="${y}" font-size="${size}" font-weight="${weight}" fill="${fill}" text-anchor="middle" ${font}>${escapeXml(content)}</text>`;

  const nameLines = wrap(name, 10, 2);
  const variantLines = variant ? wrap(variant, 13, 2) : [];
  const parts = [
    `<rect width="240" height="240" rx="16" fill="${pale}"/>`,
    `<rect x="0" y="0" width="240" height="44" rx="16" fill="${strong}"/>`,
    `<rect x="0" y="28" width="240" height="16" fill="${strong}"/>`,
    text(120, 29, 17, '#ffffff', wrap(brand, 12, 1)[0] ?? '', 700),
    ...nameLines.map((line, i) => text(120, 100 + i * 28, 22, strong, line, 700)),
    ...variantLines.map((line, i) => text(120, 100 + nameLines.length * 28 + 14 + i * 22, 16, '#334155', line)),
    `<rect x="84" y="200" width="72" height="24" rx="12" fill="${strong}" opacity="0.12"/>`,
    text(120, 217, 13, strong, category),
  ];
  const label = escapeXml([brand, name, variant].filter(Boolean).join(' '));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240" viewBox="0 0 240 240" role="img" aria-label="${label}">\n  ${parts.join('\n  ')}\n</svg>\n`;
}
