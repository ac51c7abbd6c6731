import type { UnitSet } from '../../../server/domain/unit-sets.ts';
import type { Lang } from '../../lib/label.ts';
import { t } from '../i18n.ts';

/** Which units a collection's rows are, for captions and print subtitles. */
export function unitsLabel(set: UnitSet | null, lang: Lang): string {
  if (set === '2019') return t('unitsNote2019', lang);
  if (set === '2025') return t('unitsNote2025', lang);
  return t('unitsNote', lang);
}
