import type { UnitRecord } from '../../../server/catalog/records.ts';

/** Communes or districts as select options, "Name (district)" sorted the Vietnamese way. */
export function unitOptions(units: readonly UnitRecord[], districtName?: (code: string | null) => string | undefined) {
  return units
    .map((u) => ({ value: u.code, label: `${u.type} ${u.name}${districtName ? ` — ${districtName(u.districtCode) ?? ''}` : ''}` }))
    .sort((a, b) => a.label.localeCompare(b.label, 'vi'));
}
