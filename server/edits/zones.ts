import type { StoredZone } from '../catalog/stored.ts';
import type { Warning } from '../catalog/warnings.ts';
import type { RetractionInput, ZoneInput } from '../catalog/writes.ts';
import { slugify } from '../domain/text.ts';
import { areaMismatchWarning } from '../domain/zone-area.ts';
import { sameFact } from '../domain/zone-facts.ts';
import { dissolve } from '../geo/dissolve.ts';
import { areaHa } from '../geo/measure.ts';
import { checkShape, MIN_SHARE_INSIDE, overlapShare, type ShapeCheck, tooLittleInside } from '../geo/validate.ts';
import { ApiError } from '../http/errors.ts';
import { editMessages as E } from '../messages/edits.ts';
import { fieldMessages as F } from '../messages/fields.ts';
import { type EditContext, type EditRequest, editCitation, fieldError, freshId } from './context.ts';
import { unitSetName } from '../messages/unit-sets.ts';

/**
 * Raw-material zones: add, edit or delete one. A drawn or uploaded shape is a surveyed outline
 * (`extent: "surveyed"`) and must lie in the province; without one the zone is the extent of the
 * communes named, and says so. Each save adds a sourced fact (area, year); the earlier ones stay,
 * and a fact the zone already has (same figures, year and source) is not added twice.
 */
export function zoneEdits(ctx: EditContext) {
  function shape(input: ZoneInput, checked?: ShapeCheck): Pick<StoredZone, 'geometry' | 'communeCodes' | 'districtCodes' | 'extent'> {
    const communes = ctx.data().units['2020'].communes;
    if (input.geometry) {
      const check = checked ?? checkShape(input.geometry, communes);
      if ('error' in check) throw fieldError('geometry', check.error);
      const { share, codes } = overlapShare(check.overlap);
      if (share < MIN_SHARE_INSIDE) {
        throw fieldError('geometry', tooLittleInside(share));
      }
      return { geometry: check.geometry, communeCodes: codes, districtCodes: districtsOf(codes), extent: 'surveyed' };
    }
    if (!input.communeCodes.length) throw fieldError('geometry', E.noShapeNoCommunes);
    const chosen = input.communeCodes.map((code) => {
      const c = communes.find((u) => u.code === code);
      if (!c) throw fieldError('communeCodes', E.noCommune(code, unitSetName('2020', ctx.data().province.unitSets)));
      return c;
    });
    const codes = [...new Set(chosen.map((c) => c.code))].sort();
    return { geometry: dissolve(chosen.map((c) => c.geometry)), communeCodes: codes, districtCodes: districtsOf(codes), extent: 'communes' };
  }

  function districtsOf(codes: readonly string[]): string[] {
    const district = new Map(ctx.data().units['2020'].communes.map((c) => [c.code, c.districtCode]));
    return [...new Set(codes.map((c) => district.get(c)).filter((d): d is string => !!d))].sort();
  }

  function existing(id: string): StoredZone {
    const z = ctx.kinds.get('zone')!.get(id) as StoredZone | null;
    if (!z) throw new ApiError(404, 'not_found', E.notFound('zone', id));
    return z;
  }

  return {
    /**
     * Adds a zone (id null) or replaces an existing one's fields, keeping its earlier facts.
     * @param checked the input's shape already checked over the 2020–2025 communes (an import checks them in a worker thread)
     */
    save(req: EditRequest, id: string | null, input: ZoneInput, checked?: ShapeCheck): StoredZone {
      if (id !== null && !input.reason) throw fieldError('reason', F.reasonZone);
      const products = new Set(ctx.data().products.map((p) => p.id));
      const unknown = input.productIds.find((p) => !products.has(p));
      if (unknown) throw fieldError('productIds', E.noProductId(unknown));
      const outline = shape(input, checked);
      return ctx.transact(() => {
        const kind = ctx.kinds.get('zone')!;
        const before = id === null ? null : existing(id);
        const newId = id ?? freshId(slugify(input.name) || 'vung', (x) => kind.get(x) !== null);
        const sourceId = ctx.source(input.source);
        const names = outline.communeCodes.map((c) => ctx.data().units['2020'].communes.find((u) => u.code === c)?.name ?? c).join(', ');
        const fact = {
          areaHa: input.areaHa,
          areaText: null,
          year: input.year,
          placeText: names,
          citation: editCitation(sourceId, input.source),
        };
        const after: StoredZone = {
          id: newId,
          name: input.name,
          crop: input.crop,
          areaHa: input.areaHa,
          areaApprox: false,
          areaText: null,
          year: input.year,
          ...outline,
          productLinks: input.productIds.map((p) => ({ id: p, confirmed: true })),
          facts: before?.facts.some((f) => sameFact(f, fact)) ? before.facts : [...(before?.facts ?? []), fact],
        };
        ctx.apply(req, { action: before ? 'update' : 'create', entity: 'zone', id: newId, after, reason: input.reason, sourceId });
        return after;
      });
    },

    /**
     * What the form warns of before saving this zone, told after it is saved (the edit API and the OGC API
     * answer with it): a stated area the drawn shape disagrees with. A zone that is the extent of its
     * communes measures no crop area, so it is not compared.
     */
    warnings(saved: StoredZone): Warning[] {
      const mismatch = saved.extent === 'surveyed' && saved.areaHa !== null ? areaMismatchWarning(saved.areaHa, areaHa(saved.geometry)) : null;
      return mismatch ? [mismatch] : [];
    },

    /** Deletes a zone, on a source like any edit; the audit log keeps it whole, so a revert brings it back. */
    remove(req: EditRequest, id: string, input: RetractionInput): void {
      ctx.transact(() => {
        existing(id);
        const sourceId = ctx.source(input.source);
        ctx.apply(req, { action: 'delete', entity: 'zone', id, after: null, reason: input.reason, sourceId });
      });
    },
  };
}
