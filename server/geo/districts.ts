import type { Geometry } from 'geojson';
import type { IsoDate } from '../domain/dates.ts';
import { countStatuses, ntmCount, statusesAsOf } from '../domain/ntm-summary.ts';
import { ocopAsOf } from '../domain/ocop-as-of.ts';
import type { DistrictProperties } from '../catalog/properties.ts';
import type { LayerInput } from './layer-input.ts';
import { collection, feature } from './collection.ts';
import { progressFacts } from './progress-facts.ts';
import { countBy, groupBy } from '../domain/group-by.ts';
import { rankCandidates } from '../domain/candidates.ts';
import { ntmApplies, statusRank } from '../domain/ntm-status.ts';

/** The 10 districts of one unit set (2019 or 2020–2025) with their NTM progress as of a date. */
export function districtCollection(input: LayerInput, asOf: IsoDate) {
  const statuses = statusesAsOf(input.recognitions, asOf);
  const products = countBy(
    input.products.filter((p) => p.districtCode !== null && ocopAsOf(p, asOf).certified),
    (p) => p.districtCode!,
  );
  const facts = progressFacts(input.facts);
  const membersOf = groupBy(input.communes, (c) => c.districtCode);
  const year = Number(asOf.slice(0, 4));
  const noNtmFacts = groupBy(
    input.facts.filter((f) => f.kind === 'district-without-ntm' && f.year === year),
    (f) => f.code,
  );
  const features = input.districts.map((d) => {
    const members = membersOf.get(d.code) ?? [];
    const counts = countStatuses(members, statuses);
    const candidates = rankCandidates(
      members
        .filter((c) => ntmApplies(c.type))
        .map((c) => {
          const r = statuses.get(c.code)?.recognition ?? null;
          return { code: c.code, name: c.name, status: r?.status ?? 'none', criteriaMet: r?.criteriaMet ?? null, statusYear: r?.yearFor ?? null };
        }),
      facts,
      asOf,
    ).filter((c) => statusRank(c.status) < statusRank('standard') && (c.status === 'basic' || c.progress !== null));
    const ntm = ntmCount(counts);
    const properties: DistrictProperties = {
      code: d.code,
      unitSet: input.unitSet,
      name: d.name,
      type: d.type,
      fullName: d.fullName,
      areaKm2: d.areaKm2,
      labelPoint: d.labelPoint,
      communeCount: counts.total,
      ntmCommunes: ntm,
      basicCommunes: counts.basic,
      advancedCommunes: counts.advanced,
      modelCommunes: counts.model,
      ntmShare: counts.total ? Math.round((ntm / counts.total) * 1000) / 1000 : 0,
      hasNtmCommune: ntm > 0,
      ocopProducts: products.get(d.code) ?? 0,
      nearestToNtm: candidates.slice(0, 3).map(({ code, name, status, progress }) => ({ code, name, status, progress })),
      noNtmSources: (noNtmFacts.get(d.code) ?? []).flatMap((f) => f.sources),
    };
    return feature<DistrictProperties, Geometry>(d.code, properties, d.geometry);
  });
  return collection(features, { unitSet: input.unitSet, asOf });
}
