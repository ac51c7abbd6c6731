import type { z } from 'zod';
import { type changeView, type ImportPreviewResponse, type RowIssueResponse, sourceKey } from '../../../server/catalog/imports.ts';
import type { NtmStatus } from '../../../server/domain/ntm-status.ts';
import type { Lang } from '../../lib/label.ts';
import { type ChangedField, changedFields, type Names } from '../history/describe.ts';
import { statusLabel } from '../i18n.ts';

type Change = z.infer<typeof changeView>;

/** One line of the preview table: a row of the file with what happens to it and its problems. */
export interface PreviewRow {
  /** The row (table) or feature number; null for the whole file. */
  row: number | null;
  status: 'error' | 'create' | 'update' | 'unchanged' | 'warning';
  issues: RowIssueResponse[];
  changes: Change[];
}

const ORDER = { error: 0, warning: 1, create: 2, update: 3, unchanged: 4 } as const;

/**
 * The preview as rows, so each error sits beside its row: errors first (the file's own, then by
 * row), then what each row adds or changes, then rows that change nothing. Pure, for the import page.
 */
export function previewRows(p: ImportPreviewResponse): PreviewRow[] {
  const rows = new Map<string, PreviewRow>();
  const at = (row: number | null) => {
    const key = String(row);
    const found = rows.get(key);
    if (found) return found;
    const r: PreviewRow = { row, status: 'unchanged', issues: [], changes: [] };
    rows.set(key, r);
    return r;
  };
  for (const e of p.errors) {
    const r = at(e.row);
    r.issues.push(e);
    r.status = 'error';
  }
  for (const c of p.changes) {
    for (const row of c.rows.length ? c.rows : [null]) {
      const r = at(row);
      r.changes.push(c);
      if (r.status !== 'error') r.status = c.action === 'create' ? 'create' : 'update';
    }
  }
  for (const w of p.warnings) {
    const r = at(w.row);
    r.issues.push(w);
    if (r.status === 'unchanged' && !r.changes.length) r.status = 'warning';
  }
  for (const row of p.unchangedRows) at(row);
  return [...rows.values()].sort((a, b) => ORDER[a.status] - ORDER[b.status] || (a.row ?? -1) - (b.row ?? -1));
}

/** A value of a changed field, short enough for a table cell. */
export function shortValue(v: unknown): string {
  if (v === null || v === undefined) return '—';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

/** A change of the preview in words: what it is about and each field before → after, names in place of codes. */
export interface ChangeWords {
  title: string;
  fields: ChangedField[];
}

/**
 * A change as a person reads it: a recognition by its commune's name, status and year, other
 * records by their name; fields as the audit log words them, with the names the server gave
 * for the codes and ids (the code kept beside a unit's name). Fields of a record the audit log
 * does not describe are listed as the server gave them.
 */
export function changeWords(c: Change, l: Lang): ChangeWords {
  const names: Names = {
    unit: (code) => (c.names[code] ? `${c.names[code]} (${code})` : code),
    product: (id) => c.names[id] ?? id,
    source: (id) => c.names[sourceKey(id)] ?? null,
  };
  const record = (c.after ?? c.before) as Record<string, unknown> | null;
  const title =
    c.entity === 'recognition' && record && typeof record.communeCode === 'string'
      ? [names.unit(record.communeCode), record.status ? statusLabel(record.status as NtmStatus, l) : null, record.yearFor ?? null]
          .filter((x) => x !== null)
          .join(' · ')
      : c.label;
  const described = changedFields(c.entity, c.action === 'create' ? null : c.before, c.after, l, names);
  const fields = described.length
    ? described
    : c.fields.map((f) => ({ label: f.field, before: f.before === null ? null : shortValue(f.before), after: f.after === null ? null : shortValue(f.after) }));
  return { title, fields };
}
