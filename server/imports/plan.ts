import { IMPORT_KIND_IDS } from '../catalog/imports.ts';
import type { SourceInput, WriteSchemas } from '../catalog/writes.ts';
import type { Snapshot } from '../db/snapshot.ts';
import type { Editor, EditRequest } from '../edits/index.ts';
import type { ShapeCheck } from '../geo/validate.ts';
import type { Warning } from '../catalog/warnings.ts';
import type { Text } from '../messages/text.ts';
import type { CrsDecision } from './crs-choice.ts';
import type { UnicodeCells } from './unicode-cells.ts';

/** What an import can bring in; each needs the editor role on its programme. */
export const IMPORT_KINDS = IMPORT_KIND_IDS;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** A problem with a row (a table's row number, header = 1) or a feature (1-based), and the column or attribute to fix. */
export interface RowIssue {
  row: number | null;
  column: string | null;
  /** In every language: the preview answers in the language of each request that reads it. */
  message: Text;
}

/** A warning about a row or feature: a row issue with the warning's stable code (server/catalog/warnings.ts). */
export type RowWarning = RowIssue & Warning;

/**
 * One record's edit: the rows it comes from, the editor call that makes it, and where the
 * editor's field errors belong in the file.
 */
export interface PlanItem {
  rows: number[];
  /** When one item writes many records (a boundary replacement), the rows a record comes from; else `rows`. */
  rowsOf?(entityId: string): number[] | undefined;
  /** A short name for the preview and a refusal, in both languages: a commune's recognition, "Mật ong Sen Thượng". */
  label: Text;
  run(editor: Editor, req: EditRequest): void;
  /** The file's column for an editor field path ("decision.date" → "decisionDate"). */
  column(field: string): string | null;
}

export interface Plan {
  items: PlanItem[];
  errors: RowIssue[];
  warnings: RowWarning[];
  /** The rows or features read. */
  rows: number;
  /** Per-unit area changes, for a boundary replacement. */
  boundaries?: BoundaryReport;
}

export interface BoundaryReport {
  unitSet: string;
  units: { code: string; name: string; areaBeforeKm2: number; areaAfterKm2: number; changeKm2: number; changePct: number }[];
  districts: { code: string; name: string; areaBeforeKm2: number; areaAfterKm2: number }[];
  zonesRederived: string[];
  licence: { title: string; url: string; redistributable: boolean };
}

/** The source given for the whole file, used by rows that name none. */
export type FileSource = SourceInput | null;

/** What every planner is given. */
export interface PlanContext {
  data: Snapshot;
  fileName: string;
  fileSource: FileSource;
  crs: CrsDecision | null;
  /** The file is a shapefile, whose attribute (DBF) names are cut to 10 characters. */
  dbfNames?: boolean;
  /**
   * Map files: each feature's shape checked over the communes (zones: the 2020–2025 set; boundaries: the
   * set replaced), by index; null for a feature without a polygon (server/imports/map-file.ts).
   */
  shapes?: readonly (ShapeCheck | null)[];
  /** The editor's write schemas, on the importer's clock: rows are checked with these. */
  inputs: WriteSchemas;
  /** Every value a plan reads, through its row's or feature's reader: legacy-font text refused or converted. */
  cells: UnicodeCells;
}

/** The reason recorded for updates a row gives no reason for. */
export const importReason = (fileName: string) => `Nhập từ tệp ${fileName} (imported from file)`;
