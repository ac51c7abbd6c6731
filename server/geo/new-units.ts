import type { Geometry } from 'geojson';
import type { IsoDate } from '../domain/dates.ts';
import { mergedHistory } from '../domain/merger.ts';
import type { NewUnitProperties } from '../catalog/properties.ts';
import type { CrosswalkRecord } from '../catalog/records.ts';
import { collection, feature } from './collection.ts';
import { communeCollection } from './communes.ts';
import { formerCodesOf, type LayerInput } from './layer-input.ts';

/**
 * The units of the 2025 reform with their own status and the history of their former communes.
 * @param lastOldDay the old units' last day: their record is read at most on it
 */
export function newUnitCollection(input2025: LayerInput, input2020: LayerInput, crosswalk: readonly CrosswalkRecord[], asOf: IsoDate, lastOldDay: IsoDate) {
  const formerOf = formerCodesOf(crosswalk);
  const historyAsOf = asOf < lastOldDay ? asOf : lastOldDay;
  const history = mergedHistory(formerOf, input2020.communes, input2020.recognitions, historyAsOf);
  const own = new Map(communeCollection(input2025, asOf).features.map((f) => [f.id, f.properties]));
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
