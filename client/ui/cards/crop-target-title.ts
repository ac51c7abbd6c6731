import type { TargetRecord } from '../../../server/catalog/records.ts';
import type { Lang } from '../../lib/label.ts';
import { localizeStated } from '../../lib/stated-text.ts';
import { t } from '../i18n.ts';

/** A crop-area target's heading: "Target 2030: 20,000 ha", or "Long-term target: 60,000 ha" when the source gives no year. Pure. */
export function cropTargetTitle(target: Pick<TargetRecord, 'targetYear' | 'target'>, l: Lang): string {
  const value = localizeStated(target.target, l) ?? '';
  return target.targetYear
    ? t('areaTarget', l).replace('{year}', String(target.targetYear)).replace('{value}', value)
    : t('areaTargetLongTerm', l).replace('{value}', value);
}
