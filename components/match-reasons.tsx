import { formatFen } from '@/lib/money';
import { packLabel } from '@/lib/match/listing';
import { SPEC_LABELS } from '@/lib/match/specs';
import type { MatchedOffer, MatchVerdict } from '@/lib/types';

type Chip = { text: string; tone: 'good' | 'bad' | 'neutral' };

/** The verdict's evidence as short chips: what agreed (barcode, model, brand, title) and what did not. */
export function reasonChips(verdict: MatchVerdict): Chip[] | null {
  if (!verdict.reasons && !verdict.conflicts) return null; // cached before verdicts were structured
  const chips: Chip[] = [];
  for (const r of verdict.reasons ?? []) {
    if (r.kind === 'barcode') chips.push({ text: `条码一致 ${r.value}`, tone: 'good' });
    else if (r.kind === 'model') chips.push({ text: `型号一致 ${r.value.toUpperCase()}`, tone: 'good' });
    else if (r.kind === 'brand') chips.push({ text: '品牌一致', tone: 'good' });
    else chips.push({ text: `标题相似度 ${r.similarity.toFixed(2)}`, tone: 'neutral' });
  }
  if (verdict.method === 'pack' && verdict.packs) {
    chips.push({ text: `件数不同 ${packLabel(verdict.packs.product)} / ${packLabel(verdict.packs.offer)}，按单价比较`, tone: 'neutral' });
  } else {
    for (const c of verdict.conflicts ?? []) {
      const label = c.spec === 'barcode' ? '条码' : SPEC_LABELS[c.spec];
      chips.push({ text: `${label}不同 ${c.a} ≠ ${c.b}`, tone: 'bad' });
    }
  }
  if (verdict.method !== 'barcode' && !(verdict.method === 'conflict' && verdict.score === 0)) {
    chips.push({ text: `匹配分 ${verdict.score.toFixed(2)}`, tone: 'neutral' });
  }
  return chips;
}

const TONE: Record<Chip['tone'], string> = {
  good: 'bg-saving-soft text-saving ring-saving/20',
  bad: 'bg-price-soft text-price-strong ring-price/20',
  neutral: 'bg-ink-50 text-ink-600 ring-ink-200',
};

/**
 * Why the matcher decided as it did, beside each offer: the same facts as the sentence (verdict.reason), as
 * scannable chips. The sentence stays as the tooltip, and is shown instead for verdicts cached without them.
 */
export function MatchReasons({ verdict, testId }: { verdict: MatchVerdict; testId: string }) {
  const chips = reasonChips(verdict);
  if (!chips) {
    return (
      <span data-testid={testId} className="text-ink-600">
        {verdict.reason}
      </span>
    );
  }
  return (
    <span data-testid={testId} data-method={verdict.method} title={verdict.reason} className="flex flex-wrap gap-1">
      {chips.map((chip) => (
        <span key={chip.text} data-testid="reason-chip" className={`rounded px-1.5 py-0.5 text-xs whitespace-nowrap ring-1 ${TONE[chip.tone]}`}>
          {chip.text}
        </span>
      ))}
    </span>
  );
}

/**
 * "×12盒装 · 折合×24盒 ¥79.80 / 单价 ¥1.33/100ml": an offer of another pack size, priced for the item's pack,
 * under the price it is sold at. Null for an offer of the item's own pack.
 */
export function PackNote({ offer, testId }: { offer: MatchedOffer; testId?: string }) {
  const packs = offer.verdict.packs;
  if (!packs || !offer.unitPrice || offer.comparableFen === undefined) return null;
  return (
    <span
      data-testid={testId}
      data-comparable-fen={offer.comparableFen}
      data-offer-count={packs.offer.count}
      data-product-count={packs.product.count}
      className="block text-xs font-normal whitespace-nowrap text-ink-500"
    >
      {packLabel(packs.offer)}装 · 折合{packLabel(packs.product)} <span className="tabular">{formatFen(offer.comparableFen)}</span>
      <span className="block tabular">
        单价 {formatFen(offer.unitPrice.fen)}/{offer.unitPrice.per}
      </span>
    </span>
  );
}
