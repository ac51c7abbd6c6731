import type { ProgressFact } from '../domain/candidates.ts';
import type { FactRecord } from '../catalog/records.ts';

/** Progress facts in the shape the candidate ranking takes. */
export function progressFacts(facts: readonly FactRecord[]): ProgressFact[] {
  return facts
    .filter((f): f is FactRecord & { kind: ProgressFact['kind'] } => f.unitSet === '2020' && (f.kind === 'criteria-progress' || f.kind === 'advanced-progress'))
    .map((f) => ({ code: f.code, year: f.year, criteriaText: f.criteriaText, kind: f.kind }));
}
