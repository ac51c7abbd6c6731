import { UNIT_SETS, type UnitSet, type UnitSetPeriods } from '../domain/unit-sets.ts';
import { formatDate } from './format.ts';
import type { Lang } from './text.ts';

/**
 * A unit set named by its dates, which are the province's data: "01/01/2020 – 30/06/2025",
 * "until 31 Dec 2019", "from 1 Jul 2025". Shared by the map and the downloads' descriptions.
 */
export function unitSetPeriod(set: UnitSet, periods: UnitSetPeriods, lang: Lang): string {
  const { from, to } = periods[set];
  if (from && to) return `${formatDate(from, lang)} – ${formatDate(to, lang)}`;
  if (to) return `${lang === 'vi' ? 'đến' : 'until'} ${formatDate(to, lang)}`;
  return `${lang === 'vi' ? 'từ' : 'from'} ${formatDate(from!, lang)}`;
}

/** Every set by its code and dates: "2019 (until 31 Dec 2019), 2020 (1 Jan 2020 – 30 Jun 2025) or 2025 (from 1 Jul 2025)". */
export function unitSetCodes(periods: UnitSetPeriods, lang: Lang): string {
  const sets = UNIT_SETS.map((set) => `${set} (${unitSetPeriod(set, periods, lang)})`);
  return `${sets.slice(0, -1).join(', ')} ${lang === 'vi' ? 'hoặc' : 'or'} ${sets.at(-1)}`;
}

/** "đơn vị 01/01/2020 – 30/06/2025", "units until 31 Dec 2019". */
export function unitSetLabel(set: UnitSet, periods: UnitSetPeriods, lang: Lang): string {
  return `${lang === 'vi' ? 'đơn vị' : 'units'} ${unitSetPeriod(set, periods, lang)}`;
}

/**
 * A unit set with its counts, for captions and panel notes: "Đơn vị hành chính 01/01/2020 –
 * 30/06/2025 (10 huyện, 129 đơn vị cấp xã)": commune-level units, wards and townships included.
 */
export function unitSetNote(set: UnitSet, periods: UnitSetPeriods, counts: { districts: number; communes: number }, lang: Lang): string {
  const period = unitSetPeriod(set, periods, lang);
  const communes = lang === 'vi' ? `${counts.communes} đơn vị cấp xã` : `${counts.communes} commune-level units`;
  const units = counts.districts > 0 ? (lang === 'vi' ? `${counts.districts} huyện, ${communes}` : `${counts.districts} districts, ${communes}`) : communes;
  return lang === 'vi' ? `Đơn vị hành chính ${period} (${units})` : `Units ${period} (${units})`;
}
