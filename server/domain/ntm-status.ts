/**
 * NTM (nông thôn mới) statuses of a commune, in rank order. A commune keeps its
 * status until a higher one is recognised, so rank is all the as-of rule needs.
 */
export const NTM_STATUSES = ['none', 'basic', 'standard', 'advanced', 'model'] as const;
export type NtmStatus = (typeof NTM_STATUSES)[number];
/** A status that can be granted by a recognition decision. */
export type RecognisedStatus = Exclude<NtmStatus, 'none'>;

export const NTM_STATUS_LABELS: Record<NtmStatus, { vi: string; en: string }> = {
  // Our record is incomplete (23 of the 26 đạt chuẩn communes the province reports): no recognition
  // on record is not a known failure.
  none: { vi: 'Chưa có công nhận trong hồ sơ', en: 'No recognition on record' },
  basic: { vi: 'Cơ bản đạt chuẩn', en: 'Basically met' },
  standard: { vi: 'Đạt chuẩn', en: 'Met (NTM commune)' },
  advanced: { vi: 'Nâng cao', en: 'Advanced' },
  model: { vi: 'Kiểu mẫu', en: 'Model' },
};

export function statusRank(status: NtmStatus): number {
  return NTM_STATUSES.indexOf(status);
}

/** "An NTM commune" means đạt chuẩn or above. */
export function isNtmCommune(status: NtmStatus): boolean {
  return statusRank(status) >= statusRank('standard');
}

export function isNtmStatus(value: string): value is NtmStatus {
  return (NTM_STATUSES as readonly string[]).includes(value);
}
