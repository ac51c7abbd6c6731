import { isIsoDate, readDayFirst } from '../../domain/dates.ts';
import { foldForSearch } from '../../domain/text.ts';
import { cellMessages as C } from '../../messages/import-files.ts';
import { TextError } from '../../messages/text.ts';

/** A cell as read from CSV (text) or XLSX (text, number, date, boolean), or empty. */
export type Cell = string | number | boolean | Date | null;

/** A value a cell could not be read as, with what was expected (in every language). */
export class CellError extends TextError {}

/** Text, trimmed and NFC; empty → null. */
export function text(v: Cell): string | null {
  if (v === null) return null;
  const s = (v instanceof Date ? isoOf(v) : String(v)).normalize('NFC').trim();
  return s === '' ? null : s;
}

const isoOf = (d: Date) => d.toISOString().slice(0, 10);

/** A date: an Excel date, YYYY-MM-DD, or DD/MM/YYYY (as Vietnamese documents write it). */
export function date(v: Cell): string | null {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) throw new CellError(C.notDate);
    return isoOf(v);
  }
  const s = text(v);
  if (s === null) return null;
  const iso = readDayFirst(s) ?? s;
  if (!isIsoDate(iso)) throw new CellError(C.notDateText(s));
  return iso;
}

/** A whole number; empty → null. */
export function int(v: Cell): number | null {
  const s = typeof v === 'number' ? v : text(v);
  if (s === null) return null;
  const n = typeof s === 'number' ? s : Number(s.replace(/\s/g, ''));
  if (!Number.isInteger(n)) throw new CellError(C.notWholeNumber(s));
  return n;
}

/** A decimal number (a comma or a point before the decimals); empty → null. */
export function num(v: Cell): number | null {
  const s = typeof v === 'number' ? v : text(v);
  if (s === null) return null;
  const n = typeof s === 'number' ? s : Number(s.replace(/\s/g, '').replace(',', '.'));
  if (!Number.isFinite(n)) throw new CellError(C.notNumber(s));
  return n;
}

/** A unit code: Excel drops leading zeros (03205 → 3205), so numbers are padded back to `digits`. */
export function code(v: Cell, digits: number): string | null {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return String(v).padStart(digits, '0');
  const s = text(v);
  return s !== null && /^\d+$/.test(s) && s.length < digits ? s.padStart(digits, '0') : s;
}

/**
 * One of a closed list of values, given by its key or by any of its labels, ignoring case and
 * diacritics ("dat chuan" = "Đạt chuẩn" = "standard"); empty → null.
 */
export function choice<K extends string>(v: Cell, options: Record<K, readonly string[]>): K | null {
  const s = text(v);
  if (s === null) return null;
  const folded = foldForSearch(s);
  for (const [key, labels] of Object.entries(options) as [K, readonly string[]][]) {
    if (foldForSearch(key) === folded || labels.some((l) => foldForSearch(l) === folded)) return key;
  }
  throw new CellError(
    C.notOneOf(
      s,
      Object.entries(options as Record<string, readonly string[]>)
        .map(([k, l]) => (l.length ? `${k} (${l[0]})` : k))
        .join(', '),
    ),
  );
}
