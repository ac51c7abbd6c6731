import type { z } from 'zod';
import { issueText } from '../../messages/issues.ts';
import type { RowIssue } from '../plan.ts';

/**
 * The column to blame for a field path: the longest declared prefix ("decision.date" →
 * decisionDate, "certificates.0.stars" → stars), else the path's first segment.
 */
export function columnFor(fields: Record<string, string>, path: string): string {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const key = parts.slice(0, n).join('.');
    if (Object.hasOwn(fields, key)) return fields[key];
  }
  return parts[0] || '(row)';
}

/** A write schema's issues (of a parse with WRITE_PARSE) as row issues, one per column. */
export function schemaIssues(error: z.ZodError, rows: readonly number[], fields: Record<string, string>): RowIssue[] {
  const seen = new Set<string>();
  const out: RowIssue[] = [];
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    const column = columnFor(fields, path);
    if (seen.has(column)) continue;
    seen.add(column);
    out.push({ row: rows[0] ?? null, column, message: issueText(issue) });
  }
  return out;
}
