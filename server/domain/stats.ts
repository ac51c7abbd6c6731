import type { IsoDate } from './dates.ts';
import { countStatuses, ntmCount, statusesAsOf, type CommuneRecognition, type StatusCounts } from './ntm-summary.ts';
import { groupBy } from './group-by.ts';
import { ocopAsOf, type CertificateRecord } from './ocop-as-of.ts';

export interface ProvinceStats<T> {
  asOf: IsoDate;
  unitSet: '2020';
  communes: StatusCounts;
  districtsWithoutNtm: { code: string; name: string }[];
  ocop: { total: number; byStars: { '3': number; '4': number; '5': number }; unrated: number };
  targets: readonly T[];
}

/** Province totals as of a date, computed from the commune-level record (not the reported totals). */
export function provinceStats<T>(
  input: {
    districts: readonly { code: string; name: string }[];
    communes: readonly { code: string; type: string; districtCode: string | null }[];
    recognitions: readonly CommuneRecognition[];
    products: readonly CertificateRecord[];
    targets: readonly T[];
  },
  asOf: IsoDate,
): ProvinceStats<T> {
  const statuses = statusesAsOf(input.recognitions, asOf);
  const byDistrict = groupBy(input.communes, (c) => c.districtCode);
  const districtsWithoutNtm = input.districts
    .filter((d) => ntmCount(countStatuses(byDistrict.get(d.code) ?? [], statuses)) === 0)
    .map(({ code, name }) => ({ code, name }));
  const byStars = { '3': 0, '4': 0, '5': 0 };
  let total = 0;
  let unrated = 0;
  for (const p of input.products) {
    const s = ocopAsOf(p, asOf);
    if (!s.certified) continue;
    total++;
    if (s.stars) byStars[s.stars]++;
    else unrated++;
  }
  return {
    asOf,
    unitSet: '2020',
    communes: countStatuses(input.communes, statuses),
    districtsWithoutNtm,
    ocop: { total, byStars, unrated },
    targets: input.targets,
  };
}
