import type { Lang } from '../lib/label.ts';
import { localizeStated } from '../lib/stated-text.ts';
import { formatNumber, t } from './i18n.ts';

/**
 * A sourced figure's area in words: as its source states it ("~6,000", "khoảng 6.000") when the
 * research kept the wording, else the hectares an edit or import gave; null when it gives none.
 */
export function factAreaText(f: { areaHa: number | null; areaText: string | null }, l: Lang): string | null {
  if (f.areaText) return `${localizeStated(f.areaText, l)} ${t('hectares', l)}`;
  if (f.areaHa !== null) return `${formatNumber(f.areaHa, l)} ${t('hectares', l)}`;
  return null;
}
