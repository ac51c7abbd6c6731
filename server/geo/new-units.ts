import type { Geometry } from 'geojson';
import type { IsoDate } from '../domain/dates.ts';
import { mergedHistory } from '../domain/merger.ts';
import type { NewUnitProperties } from '../catalog/properties.ts';
import type { CrosswalkRecord } from '../catalog/records.ts';
import { LAST_DAY_OF_OLD_UNITS } from '../domain/unit-sets.ts';
import { collection, feature } from './collection.ts';
import { communeCollection } from './communes.ts';
import { formerCodesOf, type LayerInput } from './layer-input.ts';

/** The 45 units of 1 July 2025 with their own status and the history of their former communes. */
export function newUnitCollection(input2025: LayerInput, input2020: LayerInput, crosswalk: readonly CrosswalkRecord[], asOf: IsoDate) {
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
      ntmYear: own.get(u.code)?.ntmYear ?? null,
      yearUnknown: own.get(u.code)?.yearUnknown ?? false,
      disputed: own.get(u.code)?.disputed ?? false,
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
