import { importMessages as I } from '../../messages/imports.ts';
import type { FileSource, RowIssue } from '../plan.ts';
import { rowSource } from '../row-source.ts';
import { type Cell, CellError } from '../tables/cells.ts';
import type { TableRow } from '../tables/read.ts';
import type { UnicodeCells } from '../unicode-cells.ts';

/** What the template's example row, left in a file, is told: an example is never imported as a fact. */
export const EXAMPLE_ROW_MESSAGE = I.exampleRow;

/**
 * Reads one table row cell by cell: a cell that does not parse becomes an issue on its row and
 * column, and reading goes on, so the preview lists every bad cell of a row at once; text in a
 * legacy Vietnamese font refuses the file, or is converted (UnicodeCells). The row's source comes from its own
 * source columns, else the one given for the whole file.
 */
export function readRow({ row, cells }: TableRow, fileSource: FileSource, unicode: UnicodeCells) {
  const errors: RowIssue[] = [];
  const cell = (column: string) => unicode.cell(cells[column] ?? null, 'row', row, column);
  const read = <T>(column: string, fn: (v: Cell) => T): T | null => {
    try {
      return fn(cell(column));
    } catch (e) {
      if (!(e instanceof CellError)) throw e;
      errors.push({ row, column, message: e.text });
      return null;
    }
  };
  const found = rowSource(cell, fileSource);
  if ('message' in found) errors.push({ row, ...found });
  return { errors, read, source: 'source' in found ? found.source : undefined };
}
