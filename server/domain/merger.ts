import type { StatusAsOf, Recognition } from './as-of.ts';
import type { FormerCommune } from '../catalog/properties.ts';
import type { IsoDate } from './dates.ts';
import { isNtmCommune, unitNtmStatus } from './ntm-status.ts';
import { countStatuses, statusesAsOf, type CommuneRecognition, type StatusCounts } from './ntm-summary.ts';

/**
 * History aggregated onto the units of the 2025 reform: each new unit is the union of whole old
 * communes, so what it "achieved before the merger" is what its former communes achieved. The
 * old communes' statuses stop changing on their last day (no merged commune holds NTM status).
 */

export interface MergedHistory {
  former: FormerCommune[];
  /** Former communes by status. */
  counts: StatusCounts;
  /** Former communes at đạt chuẩn or above. */
  ntmFormer: number;
  /** Share (0–1) of the area of the new unit's former communes (xã) that was at đạt chuẩn or above; null with none. */
  ntmAreaShare: number | null;
}

/**
 * @param formerOf the old (2020-set) communes of each new unit
 * @param date the date to read the old record at: at most the old units' last day (oldUnitsDate)
 */
export function mergedHistory<R extends CommuneRecognition>(
  formerOf: ReadonlyMap<string, readonly string[]>,
  oldCommunes: readonly { code: string; name: string; type: string; areaKm2: number }[],
  recognitions: readonly R[],
  date: IsoDate,
): Map<string, MergedHistory> {
  const statuses: Map<string, StatusAsOf<R & Recognition>> = statusesAsOf(recognitions, date);
  const byCode = new Map(oldCommunes.map((c) => [c.code, c]));
  const out = new Map<string, MergedHistory>();
  for (const [newCode, codes] of formerOf) {
    const former = codes.map((code) => {
      const c = byCode.get(code);
      if (!c) throw new Error(`mergedHistory: former commune ${code} of ${newCode} is not an old commune`);
      const s = statuses.get(code);
      const r = s?.recognition ?? null;
      return {
        code,
        name: c.name,
        type: c.type,
        areaKm2: c.areaKm2,
        status: unitNtmStatus(c.type, s?.status),
        year: r?.yearFor ?? null,
        yearUnknown: r !== null && r.yearFor === null,
      };
    });
    const counts = countStatuses(former, statuses);
    // Former wards and townships were never assessed: the share is of the former communes' (xã) area.
    const area = former.filter((f) => f.status !== 'urban').reduce((a, f) => a + f.areaKm2, 0);
    const ntm = former.filter((f) => isNtmCommune(f.status));
    const ntmArea = ntm.reduce((a, f) => a + f.areaKm2, 0);
    out.set(newCode, {
      former,
      counts,
      ntmFormer: ntm.length,
      ntmAreaShare: area > 0 ? Math.round((ntmArea / area) * 1000) / 1000 : null,
    });
  }
  return out;
}
