import type { UnitSet } from '../../../server/domain/unit-sets.ts';
import type { Lang } from '../../lib/label.ts';
import { unitSetNote } from '../../../server/messages/unit-set-label.ts';
import { record } from '../../state/derived.ts';
import { theProvince } from '../../state/province.ts';

/** Which units a collection's rows are, with their dates and counts, for captions and print subtitles. */
export function unitsLabel(set: UnitSet | null, lang: Lang): string {
  const s = set ?? '2020';
  const units = record.value?.units[s];
  return unitSetNote(s, theProvince().unitSets, { districts: units?.districts.length ?? 0, communes: units?.communes.length ?? 0 }, lang);
}
