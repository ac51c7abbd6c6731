import type { RecognitionRecord } from '../../../server/catalog/records.ts';
import { recognitionCorrection, recognitionInput, retractionInput } from '../../../server/catalog/writes.ts';
import { sameYearRecognitions, sameYearWarning } from '../../../server/domain/same-year.ts';
import type { Text } from '../../../server/messages/text.ts';
import type { Lang } from '../../lib/label.ts';
import { emptySource, type SourceDraft, sourceBody } from './source-logic.ts';
import { numberOrNull, textOrNull, validate } from './validate.ts';

/** What the NTM form does: record a new recognition, correct one, or retract one. */
export type RecognitionMode = 'record' | 'correct' | 'retract';

/** The recognition form as typed. */
export interface RecognitionDraft {
  unitSet: '2020' | '2025';
  communeCode: string;
  status: string;
  yearFor: string;
  decisionRef: string;
  decisionDate: string;
  criteriaMet: string;
  criteriaText: string;
  reason: string;
  source: SourceDraft;
}

/** A fresh draft for a unit, or one filled from the recognition being corrected or retracted. */
export function recognitionDraft(unitSet: '2020' | '2025', communeCode: string, from?: RecognitionRecord): RecognitionDraft {
  return {
    unitSet,
    communeCode,
    status: from?.status ?? 'standard',
    yearFor: from?.yearFor != null ? String(from.yearFor) : '',
    decisionRef: from?.decision?.ref ?? '',
    decisionDate: from?.decision?.date ?? '',
    criteriaMet: from?.criteriaMet != null ? String(from.criteriaMet) : '',
    criteriaText: from?.criteriaText ?? '',
    reason: '',
    source: emptySource(),
  };
}

/** The body of POST /api/edits/recognitions (and, with the reason, of PUT). */
export function recognitionBody(d: RecognitionDraft) {
  const decision = d.decisionRef.trim() === '' && d.decisionDate.trim() === '' ? null : { ref: d.decisionRef, date: d.decisionDate };
  return {
    unitSet: d.unitSet,
    communeCode: d.communeCode,
    status: d.status,
    yearFor: numberOrNull(d.yearFor),
    decision,
    criteriaMet: numberOrNull(d.criteriaMet),
    criteriaText: textOrNull(d.criteriaText),
    source: sourceBody(d.source),
  };
}

/** Checks a new recognition with the server's own schema; gives the body to send or the field errors. */
export const checkRecord = (d: RecognitionDraft, lang: Lang) => validate(recognitionInput, recognitionBody(d), lang);

/** Checks a correction: the same fields, and a reason. */
export const checkCorrection = (d: RecognitionDraft, lang: Lang) => validate(recognitionCorrection, { ...recognitionBody(d), reason: d.reason }, lang);

/** Checks a retraction: a reason and a source. */
export const checkRetraction = (d: RecognitionDraft, lang: Lang) => validate(retractionInput, { reason: d.reason, source: sourceBody(d.source) }, lang);

/**
 * The warnings of a draft that gives its commune a second recognition for a year it has one for
 * (server/domain/same-year.ts), each naming the one on record; the recognition being corrected does not count.
 */
export function sameYearWarnings(d: RecognitionDraft, records: readonly RecognitionRecord[], correcting: string | null): Text[] {
  const candidate = { unitSet: d.unitSet, communeCode: d.communeCode, yearFor: numberOrNull(d.yearFor) };
  return sameYearRecognitions(records, candidate, correcting).map((r) => sameYearWarning(r).message);
}

/** A decision is usually issued the year after the one it is for: offer that year when the decision date is known. */
export function suggestedYearFor(decisionDate: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(decisionDate) ? String(Number(decisionDate.slice(0, 4)) - 1) : '';
}
