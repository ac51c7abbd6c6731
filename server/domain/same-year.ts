import type { RecognitionRecord } from '../catalog/records.ts';
import { warningMessages as W } from '../messages/warnings.ts';
import type { Warning } from '../catalog/warnings.ts';
import { statusInSentence } from './ntm-status.ts';

/** What is known of a recognition about to be recorded or corrected. */
type Candidate = Pick<RecognitionRecord, 'unitSet' | 'communeCode' | 'yearFor'>;

/**
 * The recognitions on record that give the same commune a status for the same year as a new or
 * corrected one (`correcting` is the record being corrected, which does not count): a second status
 * for one year is most likely a slip or a correction meant, so forms and imports warn; they do not
 * refuse, since sources do disagree. Retracted ones do not count, nor ones whose year is unknown.
 */
export function sameYearRecognitions(records: readonly RecognitionRecord[], r: Candidate, correcting: string | null = null): RecognitionRecord[] {
  if (r.yearFor === null) return [];
  return records.filter((x) => !x.retracted && x.id !== correcting && x.unitSet === r.unitSet && x.communeCode === r.communeCode && x.yearFor === r.yearFor);
}

/** The warning naming a recognition already on record for the year: its status, decision and sources. */
export function sameYearWarning(existing: RecognitionRecord): Warning {
  const sources = existing.sources.map((s) => s.title).join('; ');
  const message = W.sameYearRecognition(statusInSentence(existing.status), existing.yearFor!, existing.decision?.ref ?? null, sources);
  return { code: 'same_year_recognition', message };
}
