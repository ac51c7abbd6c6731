/**
 * NTM (nông thôn mới) statuses of a commune, in rank order. A commune keeps its
 * status until a higher one is recognised, so rank is all the as-of rule needs.
 */
export const NTM_STATUSES = ['none', 'basic', 'standard', 'advanced', 'model'] as const;
export type NtmStatus = (typeof NTM_STATUSES)[number];
/** A status that can be granted by a recognition decision. */
export type RecognisedStatus = Exclude<NtmStatus, 'none'>;
export const RECOGNISED_STATUSES = NTM_STATUSES.filter((s): s is RecognisedStatus => s !== 'none');

export const NTM_STATUS_LABELS: Record<NtmStatus, { vi: string; en: string }> = {
  // Our record is incomplete (23 of the 26 đạt chuẩn communes the province reports): no recognition
  // on record is not a known failure.
  none: { vi: 'Chưa có công nhận trong hồ sơ', en: 'No recognition on record' },
  basic: { vi: 'Cơ bản đạt chuẩn', en: 'Basically met' },
  standard: { vi: 'Đạt chuẩn', en: 'Met (NTM commune)' },
  advanced: { vi: 'Nâng cao', en: 'Advanced' },
  model: { vi: 'Kiểu mẫu', en: 'Model' },
};

/** A status's rank; -1 for a unit the programme does not assess (`urban`). */
const RANKS = new Map<UnitNtmStatus, number>(NTM_STATUSES.map((s, i) => [s, i]));

export function statusRank(status: UnitNtmStatus): number {
  return RANKS.get(status) ?? -1;
}

/** A status as a sentence names it: lower case in Vietnamese (công nhận “đạt chuẩn”), the label as it is in English. */
export function statusInSentence(status: NtmStatus): { vi: string; en: string } {
  const { vi, en } = NTM_STATUS_LABELS[status];
  return { vi: vi.toLocaleLowerCase('vi'), en };
}

/** "An NTM commune" means đạt chuẩn or above. */
export function isNtmCommune(status: UnitNtmStatus): boolean {
  return statusRank(status) >= statusRank('standard');
}

/**
 * The national NTM programme began in 2010 (Quyết định 800/QĐ-TTg of 4 June 2010): no recognition or
 * target is for an earlier year, whatever the province.
 */
export const PROGRAMME_FIRST_YEAR = 2010;

/**
 * The NTM programme assesses rural communes (xã). Wards (phường) and townships (thị trấn) are
 * urban and never assessed: they are not "without recognition", and counts and shares leave them out.
 */
export function ntmApplies(unitType: string): boolean {
  const known = appliesByType.get(unitType);
  if (known !== undefined) return known;
  const applies = unitType.normalize('NFC').toLocaleLowerCase('vi') === 'xã';
  appliesByType.set(unitType, applies);
  return applies;
}
/** A handful of type names, asked for every unit at every date (layers, counts): each is normalised once. */
const appliesByType = new Map<string, boolean>();

/** What a unit of this type shows for NTM, given its recognised status (none without one). */
export function unitNtmStatus(unitType: string, status: NtmStatus | undefined): UnitNtmStatus {
  return ntmApplies(unitType) ? (status ?? 'none') : 'urban';
}

/** What a commune-level unit shows for NTM: its status, or `urban` where the programme does not apply. */
export const UNIT_NTM_STATUSES = ['urban', ...NTM_STATUSES] as const;
export type UnitNtmStatus = (typeof UNIT_NTM_STATUSES)[number];

export const UNIT_NTM_STATUS_LABELS: Record<UnitNtmStatus, { vi: string; en: string }> = {
  urban: { vi: 'Phường, thị trấn (không xét NTM)', en: 'Ward or township (not in the NTM programme)' },
  ...NTM_STATUS_LABELS,
};
