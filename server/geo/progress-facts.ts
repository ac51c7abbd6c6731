import type { ProgressFact } from '../domain/candidates.ts';
import type { FactRow } from '../db/ntm.ts';

/** Progress facts in the shape the candidate ranking takes. */
export function progressFacts(facts: readonly FactRow[]): ProgressFact[] {
  return facts
    .filter((f): f is FactRow & { kind: ProgressFact['kind'] } => f.unitSet === '2020' && (f.kind === 'criteria-progress' || f.kind === 'advanced-progress'))
    .map((f) => ({ code: f.code, year: f.year, criteriaText: f.criteriaText, kind: f.kind }));
}
