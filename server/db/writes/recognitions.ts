import type { Database } from 'better-sqlite3';
import type { Citation } from '../../catalog/geodata.ts';
import type { StoredRecognition } from '../../catalog/stored.ts';
import { type RecognitionRow, recognitionOfRow } from '../recognition-row.ts';

/** NTM recognitions as stored, whole: read, put (insert or replace) and remove, with their citations. */
export function recognitionWriter(db: Database) {
  const one = db.prepare('SELECT * FROM ntm_recognitions WHERE id = ?');
  const citations = db.prepare('SELECT source_id AS sourceId, confidence, note, origin FROM ntm_recognition_sources WHERE recognition_id = ? ORDER BY rowid');
  const upsert = db.prepare(`INSERT INTO ntm_recognitions (id, unit_set, commune_code, status, year_for, counts_from, decision_ref,
      decision_date, criteria_met, criteria_text, disputed, dispute_note, recorded_as_code, recorded_as, retracted_at, retraction_reason)
    VALUES (@id, @unit_set, @commune_code, @status, @year_for, @counts_from, @decision_ref, @decision_date, @criteria_met,
      @criteria_text, @disputed, @dispute_note, @recorded_as_code, @recorded_as, @retracted_at, @retraction_reason)
    ON CONFLICT (id) DO UPDATE SET unit_set = excluded.unit_set, commune_code = excluded.commune_code, status = excluded.status,
      year_for = excluded.year_for, counts_from = excluded.counts_from, decision_ref = excluded.decision_ref,
      decision_date = excluded.decision_date, criteria_met = excluded.criteria_met, criteria_text = excluded.criteria_text,
      disputed = excluded.disputed, dispute_note = excluded.dispute_note, recorded_as_code = excluded.recorded_as_code,
      recorded_as = excluded.recorded_as, retracted_at = excluded.retracted_at, retraction_reason = excluded.retraction_reason`);
  const clearCitations = db.prepare('DELETE FROM ntm_recognition_sources WHERE recognition_id = ?');
  const cite = db.prepare('INSERT INTO ntm_recognition_sources (recognition_id, source_id, confidence, note, origin) VALUES (?, ?, ?, ?, ?)');
  const remove = db.prepare('DELETE FROM ntm_recognitions WHERE id = ?');
  return {
    get(id: string): StoredRecognition | null {
      const r = one.get(id) as RecognitionRow | undefined;
      if (!r) return null;
      return { ...recognitionOfRow(r), yearUnknown: r.year_for === null, citations: citations.all(id) as Citation[] };
    },
    put(r: StoredRecognition): void {
      upsert.run({
        id: r.id,
        unit_set: r.unitSet,
        commune_code: r.communeCode,
        status: r.status,
        year_for: r.yearFor,
        counts_from: r.countsFrom,
        decision_ref: r.decision?.ref ?? null,
        decision_date: r.decision?.date ?? null,
        criteria_met: r.criteriaMet,
        criteria_text: r.criteriaText,
        disputed: Number(r.disputed),
        dispute_note: r.disputeNote,
        recorded_as_code: r.recordedAs?.code ?? null,
        recorded_as: r.recordedAs?.name ?? null,
        retracted_at: r.retracted?.at ?? null,
        retraction_reason: r.retracted?.reason ?? null,
      });
      clearCitations.run(r.id);
      const seen = new Set<number>();
      for (const c of r.citations) if (!seen.has(c.sourceId) && seen.add(c.sourceId)) cite.run(r.id, c.sourceId, c.confidence, c.note, c.origin);
    },
    remove(id: string): void {
      remove.run(id);
    },
  };
}
