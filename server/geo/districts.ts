import type { Geometry } from 'geojson';
import type { IsoDate } from '../domain/dates.ts';
import { countStatuses, ntmCount, statusesAsOf } from '../domain/ntm-summary.ts';
import { ocopAsOf } from '../domain/ocop-as-of.ts';
import type { SourceRef } from '../db/citations.ts';
import type { UnitSet } from '../domain/geodata.ts';
import type { LayerInput } from './layer-input.ts';
import { collection, feature } from './collection.ts';
import { countBy } from './communes.ts';
import { progressFacts } from './progress-facts.ts';
import { rankCandidates } from '../domain/candidates.ts';
import { statusRank } from '../domain/ntm-status.ts';

export interface DistrictProperties {
  code: string;
  unitSet: UnitSet;
  name: string;
  type: string;
  fullName: string;
  areaKm2: number;
  labelPoint: [number, number];
  communeCount: number;
  /** Communes at đạt chuẩn or above ("NTM communes") as of the date. */
  ntmCommunes: number;
  basicCommunes: number;
  advancedCommunes: number;
  modelCommunes: number;
  /** ntmCommunes / communeCount, 0–1. */
  ntmShare: number;
  hasNtmCommune: boolean;
  /** OCOP products of the district (placed in one of its communes or at district level) as of the date. */
  ocopProducts: number;
  /** Up to three communes closest to đạt chuẩn: cơ bản đạt chuẩn ones, or ones with known criteria progress; closest first. */
  nearestToNtm: { code: string; name: string; status: string; progress: { met: number; of: number; year: number | null } | null }[];
  /** Sources that state, for the year of the date, that the district has no NTM commune (a check on the computed flag). */
  noNtmSources: SourceRef[];
}

/** The 10 districts of one unit set (2019 or 2020–2025) with their NTM progress as of a date. */
export function districtCollection(input: LayerInput, asOf: IsoDate) {
  const statuses = statusesAsOf(input.recognitions, asOf);
  const products = countBy(
    input.products.filter((p) => p.districtCode !== null && ocopAsOf(p, asOf).certified),
    (p) => p.districtCode!,
  );
  const facts = progressFacts(input.facts);
  const features = input.districts.map((d) => {
    const members = input.communes.filter((c) => c.districtCode === d.code);
    const communes = members.map((c) => c.code);
    const counts = countStatuses(communes, statuses);
    const candidates = rankCandidates(
      members.map((c) => {
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
      noNtmSources: input.facts
        .filter((f) => f.kind === 'district-without-ntm' && f.code === d.code && f.year === Number(asOf.slice(0, 4)))
        .flatMap((f) => f.sources),
    };
    return feature<DistrictProperties, Geometry>(d.code, properties, d.geometry);
  });
  return collection(features, { unitSet: input.unitSet, asOf });
}
