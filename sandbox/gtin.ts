import 'server-only';

/** GTIN-13 / EAN-13 (and ISBN-13, which is the same scheme) check digits. */

/** The check digit for the first 12 digits of a GTIN-13: weights 1,3,1,3… from the left, mod 10. */
export function gtin13CheckDigit(first12: string): number {
  if (!/^\d{12}$/.test(first12)) throw new Error(`gtin13CheckDigit needs 12 digits, got "${first12}"`);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

/** A full GTIN-13 from a GS1 company prefix and an item reference, padded to 12 digits before the check. */
export function makeGtin13(prefix: string, itemReference: number): string {
  const width = 12 - prefix.length;
  const reference = String(itemReference).padStart(width, '0');
  if (reference.length !== width) throw new Error(`item reference ${itemReference} does not fit after ${prefix}`);
  const first12 = prefix + reference;
  return first12 + String(gtin13CheckDigit(first12));
}

/** True for a 13-digit string whose last digit is the correct check digit. */
export function isValidGtin13(code: string): boolean {
  return /^\d{13}$/.test(code) && gtin13CheckDigit(code.slice(0, 12)) === Number(code[12]);
}
