import { type LegacyFont, legacyFontOf } from '../domain/legacy-fonts.ts';
import { importFileMessages as M } from '../messages/import-files.ts';
import { badFile } from './limits.ts';
import type { RowWarning } from './plan.ts';
import type { Cell } from './tables/cells.ts';

/** The values of one import as its plan reads them, and what was converted on the way. */
export interface UnicodeCells {
  /**
   * A cell or attribute as the plan is to read it. Vietnamese typed in TCVN3 or VNI (server/domain/legacy-fonts.ts)
   * is refused with 400 legacy_vietnamese_font — the text, how it reads in Unicode, how to convert the file — unless
   * the upload said its font: then it is converted, and a warning in the preview shows it before and after.
   * @param place a table's row (its number as the user sees it, the header being 1) or a map file's feature (from 1)
   */
  cell(value: Cell, place: 'row' | 'feature', n: number, column: string): Cell;
  /** One legacy_font_converted warning per value converted. */
  warnings(): RowWarning[];
}

/**
 * Every value a plan reads passes here: a table's row (server/imports/plans/row-reader.ts) and a map file's feature
 * (attributeReader), whatever the format; what no plan reads (an ignored column, a shapefile's other attributes) is not
 * looked at. Nothing is converted without the upload asking for it (`legacyFont`).
 * @param convert the font the upload says its old text is in; text in the other font is still refused
 */
export function unicodeCells(convert: LegacyFont | null): UnicodeCells {
  const converted = new Map<string, RowWarning>();
  return {
    cell(value, place, n, column) {
      if (typeof value !== 'string') return value;
      const reading = legacyFontOf(value);
      if (reading === null) return value;
      if (reading.font !== convert) {
        throw badFile(M.legacyFont(place, n, column, value.trim(), reading.font, reading.unicode.trim()), 'legacy_vietnamese_font');
      }
      const message = M.legacyFontConverted(reading.font, value.trim(), reading.unicode.trim());
      converted.set(`${n} ${column}`, { row: n, column, code: 'legacy_font_converted', message });
      return reading.unicode;
    },
    warnings: () => [...converted.values()],
  };
}
