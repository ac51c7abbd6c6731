import type { z } from 'zod';
import type { changeView, ImportPreviewResponse, RowIssueResponse } from '../../../server/catalog/imports.ts';

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
