import type { Database } from 'better-sqlite3';
import type { FactRecord, RecognitionRecord } from '../catalog/records.ts';
import type { NtmFactKind } from '../catalog/geodata.ts';
import type { RecognisedStatus } from '../domain/ntm-status.ts';
import type { UnitSet } from '../domain/unit-sets.ts';
import { citationsOf } from './citations.ts';

interface RecognitionTable {
  id: string;
  unit_set: UnitSet;
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

interface FactTable {
  id: string;
  kind: NtmFactKind;
  unit_set: UnitSet;
  code: string;
  village: string | null;
  year: number | null;
  criteria_text: string | null;
}

/** NTM recognition events and the other sourced NTM facts, each with its sources. */
export function ntmQueries(db: Database) {
  const recognitions = db.prepare('SELECT * FROM ntm_recognitions ORDER BY commune_code, counts_from, id');
  const facts = db.prepare('SELECT * FROM ntm_facts ORDER BY unit_set, code, year, id');
  return {
    recognitions(): RecognitionRecord[] {
      const cited = citationsOf(db, 'recognition');
      return (recognitions.all() as RecognitionTable[]).map((r) => ({
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
        recordedAs: r.recorded_as_code ? { unitSet: '2019', code: r.recorded_as_code, name: r.recorded_as ?? '' } : null,
        retracted: r.retracted_at ? { at: r.retracted_at, reason: r.retraction_reason ?? '' } : null,
        sources: cited.get(r.id) ?? [],
      }));
    },
    facts(): FactRecord[] {
      const cited = citationsOf(db, 'fact');
      return (facts.all() as FactTable[]).map((f) => ({
        id: f.id,
        kind: f.kind,
        unitSet: f.unit_set,
        code: f.code,
        village: f.village,
        year: f.year,
        criteriaText: f.criteria_text,
        sources: cited.get(f.id) ?? [],
      }));
    },
  };
}
