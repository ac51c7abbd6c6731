import type { Database } from 'better-sqlite3';
import type { Confidence } from '../catalog/geodata.ts';
import type { TargetRecord } from '../catalog/records.ts';
import { toSourceRef } from './citations.ts';

interface TargetTable {
  id: string;
  indicator: string;
  indicator_key: string;
  scope: string;
  target_text: string | null;
  target_value: number | null;
  target_year: number | null;
  actual_text: string | null;
  actual_value: number | null;
  actual_date: string | null;
  title: string;
  ref: string;
  date_text: string;
  url: string | null;
  file_id: number | null;
  confidence: Confidence;
  note: string;
}

/** Province targets and reported totals, each with its source. */
export function targetQueries(db: Database) {
  const all = db.prepare(`SELECT t.*, s.title, s.ref, s.date_text, s.url, s.file_id FROM targets t JOIN sources s ON s.id = t.source_id ORDER BY t.id`);
  return {
    targets(): TargetRecord[] {
      return (all.all() as TargetTable[]).map((t) => ({
        id: t.id,
        indicator: t.indicator,
        indicatorKey: t.indicator_key,
        scope: t.scope,
        target: t.target_text,
        targetValue: t.target_value,
        targetYear: t.target_year,
        actual: t.actual_text,
        actualValue: t.actual_value,
        actualDate: t.actual_date,
        source: toSourceRef(t),
      }));
    },
  };
}
