import type { RecognitionInput } from '../../catalog/writes.ts';
import { editMessages as E } from '../../messages/edits.ts';
import { importMessages as I } from '../../messages/imports.ts';
import { warningMessages as W } from '../../messages/warnings.ts';
import { WRITE_PARSE } from '../../messages/issues.ts';
import type { Text } from '../../messages/text.ts';
import { NTM_STATUS_LABELS, statusInSentence } from '../../domain/ntm-status.ts';
import { sameYearRecognitions, sameYearWarning } from '../../domain/same-year.ts';
import { foldForSearch } from '../../domain/text.ts';
import { importReason, type Plan, type PlanContext, type PlanItem, type RowIssue, type RowWarning } from '../plan.ts';
import { SOURCE_FIELDS } from '../row-source.ts';
import { choice, code, date, int, text } from '../tables/cells.ts';
import type { ReadTable } from '../tables/read.ts';
import { columnFor, schemaIssues } from './issues.ts';
import { EXAMPLE_ROW_MESSAGE, readRow } from './row-reader.ts';
import { unitSetName } from '../../messages/unit-sets.ts';

const FIELDS: Record<string, string> = {
  ...SOURCE_FIELDS,
  unitSet: 'unitSet',
  communeCode: 'communeCode',
  status: 'status',
  yearFor: 'yearFor',
  decision: 'decisionRef',
  'decision.ref': 'decisionRef',
  'decision.date': 'decisionDate',
  criteriaMet: 'criteriaMet',
  criteriaText: 'criteriaText',
  reason: 'reason',
  id: 'id',
};

const STATUSES = {
  basic: [NTM_STATUS_LABELS.basic.vi, NTM_STATUS_LABELS.basic.en],
  standard: [NTM_STATUS_LABELS.standard.vi, 'đạt chuẩn NTM', 'NTM'],
  advanced: [NTM_STATUS_LABELS.advanced.vi, 'NTM nâng cao'],
  model: [NTM_STATUS_LABELS.model.vi, 'NTM kiểu mẫu'],
} as const;

/**
 * NTM recognitions from a table: each row records a recognition, or corrects one — the row's
 * `id`, or an existing recognition of the same commune, unit set, status and year. Rows are
 * checked with the editor's own schema (recognitionInput) and against the units of their set; a
 * row giving a commune a second recognition for a year is warned of, naming the one on record.
 */
export function planRecognitions(table: ReadTable, ctx: PlanContext): Plan {
  const errors: RowIssue[] = [];
  const warnings = ignored(table);
  const items: PlanItem[] = [];
  const claimed = new Map<string, number>();
  /** The first row of the file adding a recognition, for each commune and year. */
  const yearRows = new Map<string, number>();
  for (const tableRow of table.rows) {
    const { row } = tableRow;
    if (tableRow.example) {
      errors.push({ row, column: null, message: EXAMPLE_ROW_MESSAGE });
      continue;
    }
    const { errors: rowErrors, read, source } = readRow(tableRow, ctx.fileSource, ctx.cells);
    const decisionRef = read('decisionRef', text);
    const decisionDate = read('decisionDate', date);
    if (!decisionRef && decisionDate) rowErrors.push({ row, column: 'decisionRef', message: I.decisionRefMissing });
    const raw = {
      unitSet: read('unitSet', (v) => choice(v, { '2020': ['2020-2025'], '2025': ['2025+'] })),
      communeCode: read('communeCode', (v) => code(v, 5)),
      status: read('status', (v) => choice(v, STATUSES)),
      yearFor: read('yearFor', int),
      decision: decisionRef ? { ref: decisionRef, date: decisionDate ?? '' } : null,
      criteriaMet: read('criteriaMet', int),
      criteriaText: read('criteriaText', text) ?? '',
      source,
    };
    const id = read('id', text);
    const reason = read('reason', text) ?? importReason(ctx.fileName);
    const name = read('communeName', text);
    if (rowErrors.length) {
      errors.push(...rowErrors);
      continue;
    }
    const parsed = ctx.inputs.recognitionInput.safeParse(raw, WRITE_PARSE);
    if (!parsed.success) {
      errors.push(...schemaIssues(parsed.error, [row], FIELDS));
      continue;
    }
    const input = parsed.data;
    const unit = ctx.data.units[input.unitSet].communes.find((u) => u.code === input.communeCode);
    const setName = unitSetName(input.unitSet, ctx.data.province.unitSets);
    if (!unit) {
      errors.push({ row, column: 'communeCode', message: E.noCommune(input.communeCode, setName) });
      continue;
    }
    if (name && foldForSearch(name) !== foldForSearch(unit.name) && foldForSearch(name) !== foldForSearch(unit.fullName)) {
      errors.push({
        row,
        column: 'communeName',
        message: I.communeNameMismatch(unit.code, unit.fullName, setName, name),
      });
      continue;
    }
    const target = existing(ctx, input, id);
    if (typeof target === 'object' && target !== null && 'message' in target) {
      errors.push({ row, column: 'id', message: target.message });
      continue;
    }
    const key = target ?? `${input.unitSet}|${input.communeCode}|${input.status}|${input.yearFor}`;
    const earlier = claimed.get(key);
    if (earlier !== undefined) {
      errors.push({ row, column: target ? 'id' : 'communeCode', message: I.sameRecordTwice(earlier, 'recognition') });
      continue;
    }
    claimed.set(key, row);
    for (const other of sameYearRecognitions(ctx.data.recognitions, input, target)) warnings.push({ row, column: 'yearFor', ...sameYearWarning(other) });
    // Rows that add a recognition; one that corrects a record gives its commune no second one.
    if (target === null && input.yearFor !== null) {
      const yearKey = `${input.unitSet}|${input.communeCode}|${input.yearFor}`;
      const first = yearRows.get(yearKey);
      if (first === undefined) yearRows.set(yearKey, row);
      else warnings.push({ row, column: 'yearFor', code: 'same_year_in_file', message: W.sameYearInFile(first, input.yearFor) });
    }
    items.push(item(row, input, target, reason, { name: unit.fullName, code: unit.code, set: setName }));
  }
  return { items, errors, warnings, rows: table.rows.length };
}

/** The recognition a row corrects: by id, else by (unit set, commune, status, year); null for a new one. */
function existing(ctx: PlanContext, input: RecognitionInput, id: string | null): string | null | { message: Text } {
  const all = ctx.data.recognitions;
  if (id) {
    const r = all.find((x) => x.id === id);
    if (!r) return { message: I.noRecognition(id) };
    if (r.retracted) return { message: I.recognitionRetracted(id) };
    return r.id;
  }
  const same = all.find(
    (r) => !r.retracted && r.unitSet === input.unitSet && r.communeCode === input.communeCode && r.status === input.status && r.yearFor === input.yearFor,
  );
  return same?.id ?? null;
}

/** @param commune the commune as staff read it: name, code and unit set */
function item(row: number, input: RecognitionInput, id: string | null, reason: string, commune: { name: string; code: string; set: Text }): PlanItem {
  return {
    rows: [row],
    label: I.recognitionLabel(commune.name, commune.code, commune.set, statusInSentence(input.status), input.yearFor),
    run: (editor, req) => (id ? editor.ntm.correct(req, id, { ...input, reason }) : editor.ntm.record(req, input)),
    column: (field) => columnFor(FIELDS, field),
  };
}

/** Columns of the file that name nothing in the template: said once, not an error. */
export function ignored(table: ReadTable): RowWarning[] {
  return table.ignoredColumns.map((c) => ({ row: 1, column: c, code: 'ignored_column', message: I.ignoredColumn }));
}
