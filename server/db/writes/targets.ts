import type { Database } from 'better-sqlite3';
import type { Confidence } from '../../catalog/geodata.ts';
import type { StoredTarget } from '../../catalog/stored.ts';

interface TargetRow {
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
  source_id: number;
  confidence: Confidence;
  note: string;
  origin: string;
}

/** Province targets and reported totals as stored, whole: read, put (insert or replace) and remove. */
export function targetWriter(db: Database) {
  const one = db.prepare('SELECT * FROM targets WHERE id = ?');
  const upsert = db.prepare(`INSERT INTO targets (id, indicator, indicator_key, scope, target_text, target_value, target_year,
      actual_text, actual_value, actual_date, source_id, confidence, note, origin)
    VALUES (@id, @indicator, @indicator_key, @scope, @target_text, @target_value, @target_year, @actual_text, @actual_value,
      @actual_date, @source_id, @confidence, @note, @origin)
    ON CONFLICT (id) DO UPDATE SET indicator = excluded.indicator, indicator_key = excluded.indicator_key, scope = excluded.scope,
      target_text = excluded.target_text, target_value = excluded.target_value, target_year = excluded.target_year,
      actual_text = excluded.actual_text, actual_value = excluded.actual_value, actual_date = excluded.actual_date,
      source_id = excluded.source_id, confidence = excluded.confidence, note = excluded.note, origin = excluded.origin`);
  const remove = db.prepare('DELETE FROM targets WHERE id = ?');
  return {
    get(id: string): StoredTarget | null {
      const t = one.get(id) as TargetRow | undefined;
      if (!t) return null;
      return {
        id: t.id,
        indicator: t.indicator,
        indicatorKey: t.indicator_key,
        scope: t.scope,
        targetText: t.target_text,
        targetValue: t.target_value,
        targetYear: t.target_year,
        actualText: t.actual_text,
        actualValue: t.actual_value,
        actualDate: t.actual_date,
        citation: { sourceId: t.source_id, confidence: t.confidence, note: t.note, origin: t.origin },
      };
    },
    put(t: StoredTarget): void {
      upsert.run({
        id: t.id,
        indicator: t.indicator,
        indicator_key: t.indicatorKey,
        scope: t.scope,
        target_text: t.targetText,
        target_value: t.targetValue,
        target_year: t.targetYear,
        actual_text: t.actualText,
        actual_value: t.actualValue,
        actual_date: t.actualDate,
        source_id: t.citation.sourceId,
        confidence: t.citation.confidence,
        note: t.citation.note,
        origin: t.citation.origin,
      });
    },
    remove(id: string): void {
      remove.run(id);
    },
  };
}
