import { legacyFontOf } from '../domain/legacy-fonts.ts';
import { importFileMessages as M } from '../messages/import-files.ts';
import { badFile } from './limits.ts';
import type { Cell } from './tables/cells.ts';

/**
 * A cell or attribute as an import reads it, refused with 400 legacy_vietnamese_font when its text is Vietnamese
 * typed in TCVN3 or VNI (server/domain/legacy-fonts.ts): the message shows the text, how it reads in Unicode and how
 * to convert the file — never converted without a word. Every value a plan reads passes here: a table's row
 * (server/imports/plans/row-reader.ts) and a map file's feature (attributeReader), whatever the format; what no plan
 * reads (an ignored column, a shapefile's other attributes) is not looked at.
 * @param place a table's row (its number as the user sees it, the header being 1) or a map file's feature (from 1)
 */
export function unicodeCell(value: Cell, place: 'row' | 'feature', n: number, column: string): Cell {
  if (typeof value !== 'string') return value;
  const reading = legacyFontOf(value);
  if (reading === null) return value;
  throw badFile(M.legacyFont(place, n, column, value.trim(), reading.font, reading.unicode.trim()), 'legacy_vietnamese_font');
}
