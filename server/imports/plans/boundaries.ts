import type { Areal } from '../../catalog/geodata.ts';
import type { UnitSet } from '../../domain/unit-sets.ts';
import { type BoundaryLicenceInput, deriveBoundaries } from '../../edits/boundaries.ts';
import { checkShape, MIN_SHARE_INSIDE, overlapShare, tooLittleInside } from '../../geo/validate.ts';
import type { ReadFeature } from '../formats/geo-file.ts';
import { importReason, type Plan, type PlanContext, type RowIssue, type RowWarning } from '../plan.ts';
import { code as codeCell, CellError } from '../tables/cells.ts';
import { importMessages as I } from '../../messages/imports.ts';
import { attributeReader } from './features.ts';
import { unitSetName } from '../../messages/unit-sets.ts';

const CODE_ALIASES = ['ma', 'ma_xa', 'maxa', 'ma_dvhc', 'madvhc', 'ma_don_vi', 'commune_code', 'unit_code', 'gso_code'];

export interface BoundaryOptions {
  unitSet: UnitSet;
  /** The attribute holding the GSO code; found among common names when not given. */
  codeField: string | null;
  licence: BoundaryLicenceInput;
}

/** Shares below this of a unit's new shape over its old one are worth a second look (a swapped code?). */
const SELF_OVERLAP_WARNING = 0.5;

const round = (n: number, d: number) => Math.round(n * 10 ** d) / 10 ** d;

/**
 * The official boundaries of a unit set's communes, replacing the current ones. Codes must match
 * the set exactly — every code once, none unknown — or nothing is imported; every shape must be
 * valid and lie in the province. The preview gives each unit's area change.
 */
export function planBoundaries(features: readonly ReadFeature[], ctx: PlanContext, options: BoundaryOptions): Plan {
  const errors: RowIssue[] = [];
  const warnings: RowWarning[] = [];
  const set = options.unitSet;
  const old = ctx.data.units[set].communes;
  const oldByCode = new Map(old.map((u) => [u.code, u]));
  const shapes: { code: string; geometry: Areal; row: number }[] = [];
  const rowOf = new Map<string, number>();
  const codeField = options.codeField;
  features.forEach((f, i) => {
    const row = i + 1;
    const attrs = attributeReader(f.properties, codeField ? { code: [] } : { code: CODE_ALIASES }, row, ctx.cells, ctx.dbfNames);
    const key = codeField ?? 'code';
    const column = codeField ?? attrs.name('code');
    let code: string | null;
    try {
      code = codeCell(codeField ? (f.properties[codeField] as never) : attrs.get('code'), 5);
    } catch (e) {
      if (!(e instanceof CellError)) throw e;
      code = null;
    }
    if (!code) {
      errors.push({
        row,
        column,
        message: I.noCodeAttribute(['code', ...CODE_ALIASES].join(', '), key === 'code' ? null : key),
      });
      return;
    }
    if (rowOf.has(code)) {
      errors.push({
        row,
        column,
        message: I.codeTwice(code, rowOf.get(code)!),
      });
      return;
    }
    rowOf.set(code, row);
    if (!f.geometry || (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon')) {
      errors.push({
        row,
        column: 'geometry',
        message: I.boundaryNeedsPolygon(code, f.geometry?.type ?? null),
      });
      return;
    }
    const check = ctx.shapes?.[i] ?? checkShape(f.geometry as { type: string; coordinates: unknown[] }, old);
    if ('error' in check) {
      errors.push({ row, column: 'geometry', message: I.ofUnit(code, check.error) });
      return;
    }
    const { geometry } = check;
    const before = oldByCode.get(code);
    if (!before) return;
    const inside = overlapShare(check.overlap).share;
    if (inside < MIN_SHARE_INSIDE) {
      errors.push({
        row,
        column: 'geometry',
        message: I.ofUnit(code, tooLittleInside(inside)),
      });
      return;
    }
    const self = overlapShare(check.overlap, (c) => c === code).share;
    if (self < SELF_OVERLAP_WARNING) {
      warnings.push({
        row,
        column,
        code: 'shape_moved',
        message: I.shapeMoved(code, before.fullName, Math.round(self * 100)),
      });
    }
    shapes.push({ code, geometry, row });
  });

  const missing = old.map((u) => u.code).filter((c) => !rowOf.has(c));
  const unknown = [...rowOf.keys()].filter((c) => !oldByCode.has(c));
  const label = I.unitSetLabel(unitSetName(set, ctx.data.province.unitSets), old.length);
  if (missing.length) errors.push({ row: null, column: codeField ?? 'code', message: I.codesMissing(label, missing) });
  if (unknown.length) {
    errors.push({
      row: null,
      column: codeField ?? 'code',
      message: I.codesUnknown(
        label,
        unknown,
        unknown.map((c) => rowOf.get(c)),
      ),
    });
  }
  if (errors.length || !ctx.fileSource) {
    if (!ctx.fileSource) errors.push({ row: null, column: null, message: I.boundarySource });
    return { items: [], errors, warnings, rows: features.length };
  }

  const derived = deriveBoundaries(ctx.data, { unitSet: set, units: shapes });
  const source = ctx.fileSource;
  const oldDistricts = new Map(ctx.data.units[set].districts.map((d) => [d.code, d]));
  return {
    rows: features.length,
    errors,
    warnings,
    items: [
      {
        rows: shapes.map((s) => s.row),
        // A unit's change comes from its own row ("2020:03205" → the feature with code 03205); the licence, districts and zones from the whole file.
        rowsOf: (entityId) => {
          const row = entityId.startsWith(`${set}:`) ? rowOf.get(entityId.slice(set.length + 1)) : undefined;
          return row === undefined ? undefined : [row];
        },
        label: I.boundariesLabel(label),
        run: (editor, req) =>
          editor.boundaries.replace(req, { unitSet: set, units: shapes, source, licence: options.licence, reason: importReason(ctx.fileName) }),
        column: () => null,
      },
    ],
    boundaries: {
      unitSet: set,
      units: derived.communes.map((u) => {
        const before = oldByCode.get(u.code)!;
        return {
          code: u.code,
          name: before.fullName,
          areaBeforeKm2: before.areaKm2,
          areaAfterKm2: u.areaKm2,
          changeKm2: round(u.areaKm2 - before.areaKm2, 3),
          changePct: round(((u.areaKm2 - before.areaKm2) / before.areaKm2) * 100, 2),
        };
      }),
      districts: derived.districts.map((d) => ({
        code: d.code,
        name: oldDistricts.get(d.code)!.fullName,
        areaBeforeKm2: oldDistricts.get(d.code)!.areaKm2,
        areaAfterKm2: d.areaKm2,
      })),
      zonesRederived: derived.zones.map((z) => z.id),
      licence: { title: options.licence.title, url: options.licence.url, redistributable: options.licence.redistributable },
    },
  };
}
