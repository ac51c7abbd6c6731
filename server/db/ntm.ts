import type { Database } from 'better-sqlite3';
import type { FactRecord, RecognitionRecord } from '../catalog/records.ts';
import type { NtmFactKind } from '../catalog/geodata.ts';
import type { UnitSet } from '../domain/unit-sets.ts';
import { citationsOf } from './citations.ts';
import { type RecognitionRow, recognitionOfRow } from './recognition-row.ts';

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
      return (recognitions.all() as RecognitionRow[]).map((r) => ({ ...recognitionOfRow(r), sources: cited.get(r.id) ?? [] }));
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
