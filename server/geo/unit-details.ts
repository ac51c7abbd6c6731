import type { Geometry } from 'geojson';
import { rankCandidates } from '../domain/candidates.ts';
import type { IsoDate } from '../domain/dates.ts';
import type { CommuneDetail, DistrictDetail } from '../catalog/properties.ts';
import type { CrosswalkRecord } from '../catalog/records.ts';
import { feature } from './collection.ts';
import { communeCollection } from './communes.ts';
import { districtCollection } from './districts.ts';
import type { LayerInput, UnitLike } from './layer-input.ts';
import { progressFacts } from './progress-facts.ts';

/** One old commune (2019 or 2020–2025 set) with its whole NTM record; null for an unknown code. */
export function communeDetail(
  input: LayerInput,
  record: { crosswalk: readonly CrosswalkRecord[]; communes2025: readonly UnitLike[] },
  code: string,
  asOf: IsoDate,
) {
  const f = communeCollection(input, asOf).features.find((x) => x.id === code);
  if (!f) return null;
  const to2020 = input.unitSet === '2019' ? (record.crosswalk.find((x) => x.fromSet === '2019' && x.fromCode === code)?.toCode ?? code) : code;
  const toCode = record.crosswalk.find((x) => x.fromSet === '2020' && x.fromCode === to2020 && x.toSet === '2025')?.toCode;
  const now = record.communes2025.find((u) => u.code === toCode);
  const properties: CommuneDetail = {
    ...f.properties,
    recognitions: input.recognitions.filter((r) => r.communeCode === code),
    facts: input.facts.filter((x) => x.code === code),
    now: now ? { unitSet: '2025', code: now.code, name: now.name, type: now.type } : null,
  };
  return feature<CommuneDetail, Geometry>(code, properties, f.geometry);
}

/** One district of an old unit set with its communes ranked by closeness to their next status. */
export function districtDetail(input: LayerInput, code: string, asOf: IsoDate) {
  const d = districtCollection(input, asOf).features.find((x) => x.id === code);
  if (!d) return null;
  const communes = communeCollection(input, asOf, code).features.map((f) => f.properties);
  // Wards and townships are not assessed: they have no next status to be close to.
  const ranked = rankCandidates(
    communes.flatMap((c) =>
      c.ntmStatus === 'urban' ? [] : [{ code: c.code, name: c.name, status: c.ntmStatus, criteriaMet: c.criteriaMet, statusYear: c.ntmYear }],
    ),
    progressFacts(input.facts),
    asOf,
  );
  const byCode = new Map(communes.map((c) => [c.code, c]));
  const rankedCodes = ranked.map((r) => r.code);
  const rows = [...rankedCodes, ...communes.map((c) => c.code).filter((c) => !rankedCodes.includes(c))].map((c) => {
    const p = byCode.get(c)!;
    const r = ranked.find((x) => x.code === c);
    return {
      code: p.code,
      name: p.name,
      ntmStatus: p.ntmStatus,
      ntmYear: p.ntmYear,
      criteriaMet: p.criteriaMet,
      yearUnknown: p.yearUnknown,
      disputed: p.disputed,
      nextStatus: r?.nextStatus ?? null,
      progress: r?.progress ?? null,
    };
  });
  const properties: DistrictDetail = {
    ...d.properties,
    communes: rows,
    facts: input.facts.filter((x) => x.code === code),
  };
  return feature<DistrictDetail, Geometry>(code, properties, d.geometry);
}
