import { statusAsOf, type Recognition, type StatusAsOf } from './as-of.ts';
import type { IsoDate } from './dates.ts';
import { isNtmCommune, NTM_STATUSES, type NtmStatus, ntmApplies } from './ntm-status.ts';

export type CommuneRecognition = Recognition & { communeCode: string };

/** Each commune's status as of a date; communes with no recognition are absent (status "none"). */
export function statusesAsOf<R extends CommuneRecognition>(recognitions: readonly R[], asOf: IsoDate): Map<string, StatusAsOf<R>> {
  const byCommune = new Map<string, R[]>();
  for (const r of recognitions) byCommune.set(r.communeCode, [...(byCommune.get(r.communeCode) ?? []), r]);
  const out = new Map<string, StatusAsOf<R>>();
  for (const [code, list] of byCommune) {
    const s = statusAsOf(list, asOf);
    if (s.recognition) out.set(code, s);
  }
  return out;
}

/** Units by NTM status: `total` is the communes (xã) the programme assesses, `urban` the wards and townships left out. */
export type StatusCounts = Record<NtmStatus, number> & { total: number; urban: number };

/** How many of the given commune-level units hold each status; wards and townships are counted apart (ntmApplies). */
export function countStatuses(units: readonly { code: string; type: string }[], statuses: Map<string, { status: NtmStatus }>): StatusCounts {
  // Runs at every step of the timeline for the province and each district: one object, no copies.
  const counts: StatusCounts = { total: 0, urban: 0, none: 0, basic: 0, standard: 0, advanced: 0, model: 0 };
  for (const u of units) {
    if (ntmApplies(u.type)) counts[statuses.get(u.code)?.status ?? 'none']++;
    else counts.urban++;
  }
  counts.total = units.length - counts.urban;
  return counts;
}

/** Communes at đạt chuẩn or above: "NTM communes". */
export function ntmCount(counts: StatusCounts): number {
  return NTM_STATUSES.filter(isNtmCommune).reduce((n, s) => n + counts[s], 0);
}
