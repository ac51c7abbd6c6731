import type { Database } from 'better-sqlite3';
import type { StoredBoundaryLicence, StoredProduct, StoredRecognition, StoredTarget, StoredUnit, StoredZone } from '../catalog/stored.ts';
import { boundaryLicenceWriter } from '../db/writes/boundary-licences.ts';
import type { EditTarget, Programme } from '../domain/access.ts';
import type { UnitSet } from '../domain/unit-sets.ts';
import { productWriter } from '../db/writes/products.ts';
import { recognitionWriter } from '../db/writes/recognitions.ts';
import { targetWriter } from '../db/writes/targets.ts';
import { unitWriter } from '../db/writes/units.ts';
import { zoneWriter } from '../db/writes/zones.ts';

/**
 * The kinds of record a user can change, declared once: who may edit them (programme), which
 * units they belong to (for scoped editors and the unit's history), and how to read, put and
 * remove one whole — which is all a revert needs.
 */
export interface EntityKind<R> {
  programme: Programme;
  get(id: string): R | null;
  put(record: R): void;
  remove(id: string): void;
  unitsOf(record: R): EditTarget[];
  /** Records that refer to this one, which its removal would leave pointing at nothing. */
  usedBy?(id: string): { entity: EntityName; id: string }[];
}

/** The district a commune of an old unit set lies in (a district scope covers its communes). */
export type DistrictOf = (set: UnitSet, code: string) => string | null;

export function entityKinds(db: Database, districtOf: DistrictOf) {
  const recognitions = recognitionWriter(db);
  const products = productWriter(db);
  const zones = zoneWriter(db);
  const targets = targetWriter(db);
  const recognition: EntityKind<StoredRecognition> = {
    programme: 'ntm',
    ...recognitions,
    unitsOf: (r) => [{ set: r.unitSet, code: r.communeCode, district: districtOf(r.unitSet, r.communeCode) }],
  };
  const product: EntityKind<StoredProduct> = {
    programme: 'ocop',
    ...products,
    usedBy: (id) => products.usedBy(id).map((zoneId) => ({ entity: 'zone', id: zoneId })),
    unitsOf: (p) =>
      p.communeCode ? [{ set: '2020', code: p.communeCode, district: p.districtCode }] : p.districtCode ? [{ set: '2020', code: p.districtCode }] : [],
  };
  const zone: EntityKind<StoredZone> = {
    programme: 'zones',
    ...zones,
    unitsOf: (z) => z.communeCodes.map((code) => ({ set: '2020' as const, code, district: districtOf('2020', code) })),
  };
  const target: EntityKind<StoredTarget> = { programme: 'targets', ...targets, unitsOf: () => [] };
  // Boundaries: a unit's shape (id `set:code`) and the licence of a set's boundaries (id: the set).
  const unit: EntityKind<StoredUnit> = {
    programme: 'boundaries',
    ...unitWriter(db),
    unitsOf: (u) => [{ set: u.unitSet, code: u.code, district: u.level === 'commune' ? districtOf(u.unitSet, u.code) : null }],
  };
  const boundaryLicence: EntityKind<StoredBoundaryLicence> = { programme: 'boundaries', ...boundaryLicenceWriter(db), unitsOf: () => [] };
  return {
    kinds: new Map<string, EntityKind<unknown>>([
      ['recognition', recognition],
      ['product', product],
      ['zone', zone],
      ['target', target],
      ['unit', unit],
      ['boundary-licence', boundaryLicence],
    ] as [string, EntityKind<unknown>][]),
    products,
  };
}
export type EntityName = 'recognition' | 'product' | 'zone' | 'target' | 'unit' | 'boundary-licence';
