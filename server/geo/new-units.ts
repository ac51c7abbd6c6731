import type { Geometry } from 'geojson';
import type { IsoDate } from '../domain/dates.ts';
import { type FormerCommune, mergedHistory } from '../domain/merger.ts';
import type { NtmStatus } from '../domain/ntm-status.ts';
import type { StatusCounts } from '../domain/ntm-summary.ts';
import { LAST_DAY_OF_OLD_UNITS } from '../domain/unit-sets.ts';
import { collection, feature } from './collection.ts';
import { communeCollection } from './communes.ts';
import { formerCodesOf, type LayerInput, type Record3 } from './layer-input.ts';

export interface NewUnitProperties {
  code: string;
  unitSet: '2025';
  name: string;
  type: string;
  fullName: string;
  areaKm2: number;
  labelPoint: [number, number];
  validFrom: string | null;
  /** Its own NTM status: none from 1 July 2025 unless a recognition on the new unit is recorded. */
  ntmStatus: NtmStatus;
  /** The old (2020–2025) communes merged whole into it. */
  formerCodes: string[];
  /** Each former commune's status as of the date (at most 30 June 2025, when the old record closed). */
  former: FormerCommune[];
  formerCounts: StatusCounts;
  /** Former communes at đạt chuẩn or above. */
  formerNtm: number;
  /** Share (0–1) of its area whose former commune was at đạt chuẩn or above. */
  formerNtmShare: number;
  /** The date the former communes' statuses are read at. */
  historyAsOf: IsoDate;
  ocopProducts: number;
}

/** The 45 units of 1 July 2025 with their own status and the history of their former communes. */
export function newUnitCollection(input2025: LayerInput, input2020: LayerInput, crosswalk: Record3['crosswalk'], asOf: IsoDate) {
  const formerOf = formerCodesOf(crosswalk);
  const history = mergedHistory(formerOf, input2020.communes, input2020.recognitions, asOf);
  const own = new Map(communeCollection(input2025, asOf).features.map((f) => [f.id, f.properties]));
  const historyAsOf = asOf < LAST_DAY_OF_OLD_UNITS ? asOf : LAST_DAY_OF_OLD_UNITS;
  const features = input2025.communes.map((u) => {
    const h = history.get(u.code)!;
    const properties: NewUnitProperties = {
      code: u.code,
      unitSet: '2025',
      name: u.name,
      type: u.type,
      fullName: u.fullName,
      areaKm2: u.areaKm2,
      labelPoint: u.labelPoint,
      validFrom: u.validFrom,
      ntmStatus: own.get(u.code)?.ntmStatus ?? 'none',
      formerCodes: formerOf.get(u.code) ?? [],
      former: h.former,
      formerCounts: h.counts,
      formerNtm: h.ntmFormer,
      formerNtmShare: h.ntmAreaShare,
      historyAsOf,
      ocopProducts: own.get(u.code)?.ocopProducts ?? 0,
    };
    return feature<NewUnitProperties, Geometry>(u.code, properties, u.geometry);
  });
  return collection(features, { unitSet: '2025' as const, asOf });
}
