import { foldForSearch } from '../../domain/text.ts';
import { importMessages as I } from '../../messages/imports.ts';
import type { Text } from '../../messages/text.ts';

/**
 * Which record a row without an id edits, by its name. A name written with its diacritics is
 * taken as written (case aside): Pá Khoang and Pá Khoàng are two places, Mắc ca and Mác ca two
 * products. A name typed without them matches the record it folds to. When several fit, the row
 * must give the id.
 */
export function recordNamed(records: readonly { id: string; name: string }[], name: string, plural: 'products' | 'zones'): string | null | { message: Text } {
  const keyOf = keying(name);
  const key = keyOf(name);
  const same = records.filter((r) => keyOf(r.name) === key);
  if (same.length <= 1) return same[0]?.id ?? null;
  return {
    message: I.sameName(
      same.length,
      plural,
      name,
      same.map((r) => r.id),
    ),
  };
}

/** Rows adding records are the same new record when their names are: as written, or folded when typed without marks. */
export const newRecordKey = (name: string) => `new:${keying(name)(name)}`;

/** How names compare with this one: as written when it carries marks, else folded. */
const keying = (name: string) => (hasMarks(name) ? asWritten : foldForSearch);

/** Whether a name carries Vietnamese diacritics (or đ), so its letters say exactly which name it is. */
const hasMarks = (name: string) => /[\p{M}đĐ]/u.test(name.normalize('NFD'));

/** A name as written, only case aside. */
const asWritten = (name: string) => name.normalize('NFC').toLowerCase();
