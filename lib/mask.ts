/**
 * Masking buyers' personal data (PII) before it is stored, rendered or sent. Pure.
 *
 * Phone numbers: a mainland mobile number (11 digits starting with 1, optionally after a +86 / 86 / 0086
 * country prefix, with spaces or dashes between groups) keeps its first 3 and last 4 digits: 138****5678.
 * The prefix and its separator are kept as written. A run of digits inside a longer number (an order id, a
 * tracking number) is not a phone number and is left alone.
 */

// Separators allowed inside a written phone number: a space or a dash between digit groups.
const SEP = '[ \\-]?';
/** A mobile number, possibly prefixed and grouped, not glued to other digits or letters on either side. */
const PHONE = new RegExp(
  `(?<![\\dA-Za-z+])` + // not inside a longer number / token
    `((?:\\+86|0086|86)[ \\-]?)?` + // optional country prefix, kept as written
    `(1\\d{2})${SEP}(\\d{4})${SEP}(\\d{4})` +
    `(?![\\dA-Za-z])`,
  'g',
);

/** Masks every mobile number found in `text`; everything else is left as it is. */
export function maskPhones(text: string): string {
  return text.replace(PHONE, (_whole, prefix: string | undefined, head: string, _mid: string, tail: string) => `${prefix ?? ''}${head}****${tail}`);
}

/** A phone field: masked if it is a mobile number; otherwise every digit but the last 4 is hidden. */
export function maskPhone(phone: string): string {
  const trimmed = phone.trim();
  if (trimmed === '') return '';
  const masked = maskPhones(trimmed);
  if (masked !== trimmed) return masked;
  // Landlines and anything unrecognised: keep nothing that identifies the line but the last 4 digits.
  const digits = trimmed.replace(/\D/g, '');
  return digits.length <= 4 ? '*'.repeat(digits.length) : `${'*'.repeat(Math.min(digits.length - 4, 8))}${digits.slice(-4)}`;
}

/** 张三丰 → 张**, 欧阳娜娜 → 欧阳**, Li Lei → L** — the family name (first character, or a compound surname). */
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '令狐', '夏侯', '轩辕', '端木', '独孤', '南宫', '西门'];
export function maskName(name: string): string {
  const n = name.trim();
  if (n === '') return '';
  const chars = [...n];
  const keep = COMPOUND_SURNAMES.some((s) => n.startsWith(s)) && chars.length > 2 ? 2 : 1;
  return chars.slice(0, keep).join('') + '**';
}

export interface Address {
  province: string;
  city: string;
  district: string;
  detail: string;
}

/** Keeps province and city; district and street detail become ***. Phones in free text are masked too. */
export function maskAddress(address: Address): Address {
  return {
    province: maskPhones(address.province.trim()),
    city: maskPhones(address.city.trim()),
    district: address.district.trim() ? '***' : '',
    detail: address.detail.trim() ? '***' : '',
  };
}

/** One line for display: 浙江省杭州市*** */
export function formatMaskedAddress(address: Address): string {
  const masked = maskAddress(address);
  return `${masked.province}${masked.city === masked.province ? '' : masked.city}${masked.district || masked.detail ? '***' : ''}`;
}
