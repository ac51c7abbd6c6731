import type { UnitSet } from '../domain/unit-sets.ts';
import type { Licence, LicenceRole, Province } from './province.ts';

/**
 * The licences content falls under are the province's data (geodata/province.json): a collection
 * names the roles its content plays — boundary-derived shapes, unit codes and names, sourced
 * facts — and the province says which licence each role carries. A unit set's boundaries stay
 * under the province's boundary licence until official boundaries are imported for that set with
 * their own source and licence (server/imports, the boundary_licences table). The map's
 * attribution, every download and the OGC collections resolve them here.
 */
export type { Licence, LicenceRole };

/** The licence of each unit set's boundaries. */
export type BoundaryLicences = Record<UnitSet, Licence>;

/** Before any import: the province's boundary licence for every set. */
export function defaultBoundaryLicences(province: Pick<Province, 'licences'>): BoundaryLicences {
  const l = province.licences.boundaries;
  return { '2019': l, '2020': l, '2025': l };
}

/** What licences are resolved against: the province's, and each set's boundary licence. */
export interface LicenceContext {
  province: Pick<Province, 'licences'>;
  boundaryLicences: BoundaryLicences;
}

/**
 * The licences of some roles, in the order given, each once (two roles may share a licence):
 * `boundaries` is the unit set's boundary licence (the 2020–2025 set's for content that spans
 * sets), the other roles the province's.
 */
export function resolveLicences(roles: readonly LicenceRole[], unitSet: UnitSet | null, ctx: LicenceContext): Licence[] {
  const found = new Map<string, Licence>();
  for (const role of roles) {
    const l = role === 'boundaries' ? ctx.boundaryLicences[unitSet ?? '2020'] : ctx.province.licences[role];
    if (!found.has(l.id)) found.set(l.id, l);
  }
  return [...found.values()];
}
