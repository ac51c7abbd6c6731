import { statusAsOf, type Recognition, type StatusAsOf } from './as-of.ts';
import type { IsoDate } from './dates.ts';
import { isNtmCommune, NTM_STATUSES, type NtmStatus } from './ntm-status.ts';

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

export type StatusCounts = Record<NtmStatus, number> & { total: number };

/** How many of the given communes hold each status. */
export function countStatuses(communeCodes: readonly string[], statuses: Map<string, { status: NtmStatus }>): StatusCounts {
  const counts = Object.fromEntries(NTM_STATUSES.map((s) => [s, 0])) as Record<NtmStatus, number>;
  for (const code of communeCodes) counts[statuses.get(code)?.status ?? 'none']++;
  return { total: communeCodes.length, ...counts };
}

/** Communes at đạt chuẩn or above: "NTM communes". */
export function ntmCount(counts: StatusCounts): number {
  return NTM_STATUSES.filter(isNtmCommune).reduce((n, s) => n + counts[s], 0);
}
