/**
 * Money as integer fen. Upstreams write yuan as text in many shapes ("12.50", "¥1,299.00", "1,299.5元",
 * "￥89.9", "1299"); we parse the digits exactly — never `parseFloat(x) * 100`, which turns "19.9" into
 * 1989.9999… and "0.07" into 7.000000000000001.
 */
import type { Fen } from './types';

export class MoneyParseError extends Error {
  readonly input: string;
  constructor(input: string, why: string) {
    super(`Cannot read "${input.slice(0, 40)}" as a yuan amount: ${why}`);
    this.name = 'MoneyParseError';
    this.input = input;
  }
}

// Digits with optional thousands groups (1,299 or 1299), then up to two decimals.
const YUAN = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/** Parses a non-negative yuan amount written as text into integer fen. Throws MoneyParseError. */
export function parseYuanToFen(input: string): Fen {
  if (typeof input !== 'string') throw new MoneyParseError(String(input), 'not text');
  // NFKC folds full-width digits, ￥ and ， into their ASCII forms.
  let s = input.normalize('NFKC').trim();
  s = s.replace(/^(?:¥|CNY|RMB)\s*/i, '').replace(/\s*(?:元|CNY|RMB)$/i, '');
  if (s === '') throw new MoneyParseError(input, 'empty');
  const m = YUAN.exec(s);
  if (!m) throw new MoneyParseError(input, 'not a decimal amount with at most two decimals');
  const yuan = m[1]!.replaceAll(',', '');
  const fraction = (m[2] ?? '').padEnd(2, '0');
  const fen = Number(yuan) * 100 + Number(fraction);
  if (!Number.isSafeInteger(fen)) throw new MoneyParseError(input, 'too large');
  return fen;
}

/** Like parseYuanToFen but answers null instead of throwing, for optional upstream fields. */
export function tryParseYuanToFen(input: string): Fen | null {
  try {
    return parseYuanToFen(input);
  } catch {
    return null;
  }
}

const GROUPED = new Intl.NumberFormat('zh-CN', { useGrouping: true, maximumFractionDigits: 0 });

/** 129900 → "¥1,299.00". The integer part is grouped by Intl; the fen are appended as text, no floats. */
export function formatFen(fen: Fen): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`fen must be a safe integer, got ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.trunc(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}¥${GROUPED.format(yuan)}.${cents}`;
}

/** Spoken form for screen readers: 129900 → "1299.00元". */
export function fenToSpokenYuan(fen: Fen): string {
  const abs = Math.abs(fen);
  return `${fen < 0 ? '负' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}元`;
}
