import 'server-only';

/** Text folding of docs/price-api.md ("Text folding"), used by both search and batch. */

/** NFKC, lower case, and the unit words 毫升→ml, 千克/公斤→kg, 克→g (千克 before 克). */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replaceAll('毫升', 'ml')
    .replaceAll('千克', 'kg')
    .replaceAll('公斤', 'kg')
    .replaceAll('克', 'g');
}

/** A title folded for containment tests: {@link foldText} and every white-space character removed. */
export function foldTitle(title: string): string {
  return foldText(title).replace(/\s+/gu, '');
}

/** A keyword's terms: folded, split on white space, empty pieces dropped. */
export function keywordTerms(keyword: string): string[] {
  return foldText(keyword)
    .split(/\s+/u)
    .filter((term) => term.length > 0);
}
