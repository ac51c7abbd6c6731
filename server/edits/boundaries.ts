import type { Areal } from '../catalog/geodata.ts';
import type { StoredBoundaryLicence, StoredProduct, StoredUnit, StoredZone } from '../catalog/stored.ts';
import type { SourceInput } from '../catalog/writes.ts';
import type { Snapshot } from '../db/snapshot.ts';
import { unitEntityId } from '../db/writes/units.ts';
import type { UnitSet } from '../domain/unit-sets.ts';
import { dissolve } from '../geo/dissolve.ts';
import { areaKm2, labelPoint } from '../geo/measure.ts';
import { ApiError } from '../http/errors.ts';
import { editMessages as E } from '../messages/edits.ts';
import type { EditContext, EditRequest } from './context.ts';
import { unitSetName } from '../messages/unit-sets.ts';

/** The licence official boundaries come under, as the user states it. */
export interface BoundaryLicenceInput {
  title: string;
  url: string;
  attribution: string;
  terms: { vi: string; en: string };
  redistributable: boolean;
}

/** A whole unit set's commune-level boundaries, replaced at once: every code of the set exactly once. */
export interface BoundaryReplacement {
  unitSet: UnitSet;
  /** Shapes in lon/lat, already checked (server/geo/validate.ts). */
  units: readonly { code: string; geometry: Areal }[];
  source: SourceInput;
  licence: BoundaryLicenceInput;
  reason: string;
}

/** What replacing a set's boundaries changes: its communes, the districts dissolved from them, zones and product markers placed by them. */
export interface DerivedBoundaries {
  communes: StoredUnit[];
  districts: StoredUnit[];
  /** Zones drawn as the extent of their communes (on the 2020–2025 units). */
  zones: { id: string; geometry: Areal }[];
  /** Product markers standing at their commune's or district's label point, moved to the new one. */
  products: { id: string; point: [number, number] }[];
}

const unit = (set: UnitSet, code: string, level: StoredUnit['level'], geometry: Areal): StoredUnit => ({
  unitSet: set,
  code,
  level,
  areaKm2: areaKm2(geometry),
  labelPoint: labelPoint(geometry),
  geometry,
});

const same = (a: readonly number[] | null, b: readonly number[]) => a !== null && a[0] === b[0] && a[1] === b[1];

/**
 * Everything that follows from new commune shapes, computed the way the seed's pipeline does:
 * areas and label points (server/geo/measure.ts), districts as the dissolve of their communes
 * (server/geo/dissolve.ts), zones whose extent is `communes` re-dissolved. Pure over the data.
 */
export function deriveBoundaries(data: Snapshot, input: Pick<BoundaryReplacement, 'unitSet' | 'units'>): DerivedBoundaries {
  const set = input.unitSet;
  const old = data.units[set];
  const shapes = new Map(input.units.map((u) => [u.code, u.geometry]));
  const communes = old.communes.map((c) => {
    const g = shapes.get(c.code);
    if (!g) throw new ApiError(400, 'codes_mismatch', E.noNewBoundary(c.code, unitSetName(set, data.province.unitSets)));
    return unit(set, c.code, 'commune', g);
  });
  const byCode = new Map(communes.map((c) => [c.code, c]));
  const districts = old.districts.map((d) => {
    const parts = old.communes.filter((c) => c.districtCode === d.code).map((c) => byCode.get(c.code)!.geometry);
    return parts.length ? unit(set, d.code, 'district', dissolve(parts)) : unit(set, d.code, 'district', d.geometry);
  });
  const zones =
    set === '2020'
      ? data.zones
          .filter((z) => z.extent === 'communes' && z.communeCodes.length)
          .map((z) => ({ id: z.id, geometry: dissolve(z.communeCodes.map((c) => byCode.get(c)!.geometry)) }))
      : [];
  const oldLabel = new Map([...old.communes, ...old.districts].map((u) => [u.code, u.labelPoint]));
  const newLabel = new Map([...communes, ...districts].map((u) => [u.code, u.labelPoint]));
  const products =
    set === '2020'
      ? data.products.flatMap((p) => {
          const code = p.location === 'commune' ? p.communeCode : p.location === 'district' ? p.districtCode : null;
          if (!code || !p.point || !same(p.point, oldLabel.get(code)!)) return [];
          const point = newLabel.get(code);
          return point && !same(p.point, point) ? [{ id: p.id, point }] : [];
        })
      : [];
  return { communes, districts, zones, products };
}

/**
 * Boundary edits: replacing a unit set's boundaries with official ones. Every record keyed on
 * the set's codes keeps its code, so history stays on the units; each changed unit, district,
 * zone and product marker and the set's licence is its own audit entry, so the whole
 * replacement reverts as one batch. Needs the `boundaries` programme on every unit touched,
 * derived changes included.
 */
export function boundaryEdits(ctx: EditContext) {
  return {
    replace(req: EditRequest, input: BoundaryReplacement): DerivedBoundaries {
      const derived = deriveBoundaries(ctx.data(), input);
      const asBoundaries: EditRequest = { ...req, authorize: (_programme, unitSets, u) => req.authorize('boundaries', unitSets, u) };
      return ctx.transact(() => {
        const sourceId = ctx.source(input.source);
        const kinds = (name: string) => ctx.kinds.get(name)!;
        const change = <R>(entity: 'unit' | 'zone' | 'product' | 'boundary-licence', id: string, after: R) =>
          ctx.apply(asBoundaries, { action: kinds(entity).get(id) ? 'update' : 'create', entity, id, after, reason: input.reason, sourceId });
        const licence: StoredBoundaryLicence = { unitSet: input.unitSet, ...input.licence, sourceId };
        change('boundary-licence', input.unitSet, licence);
        for (const u of [...derived.communes, ...derived.districts]) change('unit', unitEntityId(u.unitSet, u.code), u);
        for (const z of derived.zones) change('zone', z.id, { ...(kinds('zone').get(z.id) as StoredZone), geometry: z.geometry });
        for (const p of derived.products) change('product', p.id, { ...(kinds('product').get(p.id) as StoredProduct), point: p.point });
        return derived;
      });
    },
  };
}
