import type { RecognisedStatus } from '../domain/ntm-status.ts';

/** A row of ntm_recognitions as SQLite returns it. */
export interface RecognitionRow {
  id: string;
  unit_set: '2020' | '2025';
  commune_code: string;
  status: RecognisedStatus;
  year_for: number | null;
  counts_from: string | null;
  decision_ref: string | null;
  decision_date: string | null;
  criteria_met: number | null;
  criteria_text: string | null;
  disputed: 0 | 1;
  dispute_note: string | null;
  recorded_as_code: string | null;
  recorded_as: string | null;
  retracted_at: string | null;
  retraction_reason: string | null;
}

/** A row as a recognition, but for its sources: read the same way for the public record (db/ntm.ts) and for edits (writes/recognitions.ts). */
export function recognitionOfRow(r: RecognitionRow) {
  return {
    id: r.id,
    unitSet: r.unit_set,
    communeCode: r.commune_code,
    status: r.status,
    yearFor: r.year_for,
    countsFrom: r.counts_from,
    decision: r.decision_ref ? { ref: r.decision_ref, date: r.decision_date } : null,
    criteriaMet: r.criteria_met,
    criteriaText: r.criteria_text,
    disputed: r.disputed === 1,
    disputeNote: r.dispute_note,
    recordedAs: r.recorded_as_code ? { unitSet: '2019' as const, code: r.recorded_as_code, name: r.recorded_as ?? '' } : null,
    retracted: r.retracted_at ? { at: r.retracted_at, reason: r.retraction_reason ?? '' } : null,
  };
}
