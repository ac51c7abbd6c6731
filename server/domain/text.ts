/**
 * Text helpers for Vietnamese names. Pure: shared by the server, the data
 * pipeline and the client.
 */

/** Unicode NFC with collapsed whitespace: the one form every stored name takes. */
export function cleanName(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * Folds a string for diacritic- and case-insensitive matching:
 * "Mường Ảng" → "muong ang", "Điện Biên" → "dien bien".
 * đ/Đ is a separate letter in Unicode (no combining mark), so it is mapped by hand.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A stable ASCII identifier from a Vietnamese name: "Mật ong hoa ban" → "mat-ong-hoa-ban". */
export function slugify(text: string): string {
  return foldForSearch(text).replace(/ /g, '-');
}
