import type { Geometry } from 'geojson';
import type { IsoDate } from '../domain/dates.ts';
import { unitNtmStatus } from '../domain/ntm-status.ts';
import { statusesAsOf } from '../domain/ntm-summary.ts';
import { countBy } from '../domain/group-by.ts';
import { ocopAsOf } from '../domain/ocop-as-of.ts';
import type { CommuneProperties } from '../catalog/properties.ts';
import { type ApiFeature, collection, feature } from './collection.ts';
import type { LayerInput } from './layer-input.ts';

/**
 * Each commune's last feature, by the snapshot's commune (forgotten with it), with what it was
 * made from: a date whose status and products for the commune are the same gets the same object,
 * so the features of dates between two recognitions are made once, and written once (json-body.ts
 * compares them by identity first). Features are never changed after they are made.
 */
const built = new WeakMap<
  object,
  { recognition: unknown; status: string | undefined; ocopProducts: number; districtName: string | null; feature: ApiFeature<CommuneProperties, Geometry> }
>();

/** The communes of one unit set with their NTM status as of a date. */
export function communeCollection(input: LayerInput, asOf: IsoDate, district?: string) {
  const statuses = statusesAsOf(input.recognitions, asOf);
  const districtName = new Map(input.districts.map((d) => [d.code, d.name]));
  const products = countBy(
    input.products.filter((p) => p.location === 'commune' && p.communeCode !== null && ocopAsOf(p, asOf).certified),
    (p) => p.communeCode!,
  );
  const features = input.communes
    .filter((c) => district === undefined || c.districtCode === district)
    .map((c) => {
      const s = statuses.get(c.code);
      const r = s?.recognition ?? null;
      const count = products.get(c.code) ?? 0;
      const communeDistrictName = c.districtCode ? (districtName.get(c.districtCode) ?? null) : null;
      const last = built.get(c);
      if (last && last.recognition === r && last.status === s?.status && last.ocopProducts === count && last.districtName === communeDistrictName)
        return last.feature;
      const properties: CommuneProperties = {
        code: c.code,
        unitSet: input.unitSet,
        name: c.name,
        type: c.type,
        fullName: c.fullName,
        districtCode: c.districtCode,
        districtName: communeDistrictName,
        areaKm2: c.areaKm2,
        labelPoint: c.labelPoint,
        ntmStatus: unitNtmStatus(c.type, s?.status),
        ntmYear: r?.yearFor ?? null,
        yearUnknown: r !== null && r.yearFor === null,
        since: r?.countsFrom ?? null,
        criteriaMet: r?.criteriaMet ?? null,
        criteriaText: r?.criteriaText ?? null,
        decision: r?.decision ?? null,
        disputed: r?.disputed ?? false,
        disputeNote: r?.disputeNote ?? null,
        ocopProducts: count,
        sources: r?.sources ?? [],
      };
      const f = feature<CommuneProperties, Geometry>(c.code, properties, c.geometry);
      built.set(c, { recognition: r, status: s?.status, ocopProducts: count, districtName: communeDistrictName, feature: f });
      return f;
    });
  return collection(features, { unitSet: input.unitSet, asOf });
}
