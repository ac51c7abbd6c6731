import type { StoredProduct, StoredRating } from '../catalog/stored.ts';
import type { ProductInput } from '../catalog/writes.ts';
import { certificateExpiry } from '../domain/ocop-as-of.ts';
import { foldForSearch, slugify } from '../domain/text.ts';
import { unitAt } from '../geo/validate.ts';
import { ApiError } from '../http/errors.ts';
import { editMessages as E } from '../messages/edits.ts';
import { fieldMessages as F } from '../messages/fields.ts';
import { type EditContext, type EditRequest, editCitation, fieldError, freshId } from './context.ts';
import { unitSetName } from '../messages/unit-sets.ts';

/**
 * OCOP products: add one or edit one — its producer, group, place and certificates. A
 * certificate counts from its decision date and lasts until the date its source states, or 36
 * months after the decision; a renewal or an upgrade is a further certificate.
 */
export function ocopEdits(ctx: EditContext) {
  /** Commune, district and marker point of the product's place, on the 2020–2025 units. */
  function place(input: ProductInput['place']): Pick<StoredProduct, 'communeCode' | 'districtCode' | 'location' | 'point'> {
    const units = ctx.data().units['2020'];
    if (input.kind === 'district') {
      const d = units.districts.find((u) => u.code === input.districtCode);
      if (!d) throw fieldError('place.districtCode', E.noDistrict(input.districtCode, unitSetName('2020', ctx.data().province.unitSets)));
      return { communeCode: null, districtCode: d.code, location: 'district', point: d.labelPoint };
    }
    const code = input.kind === 'commune' ? input.communeCode : unitAt(input.point, units.communes);
    const c = units.communes.find((u) => u.code === code);
    if (!c) {
      throw input.kind === 'commune'
        ? fieldError('place.communeCode', E.noCommune(input.communeCode, unitSetName('2020', ctx.data().province.unitSets)))
        : fieldError('place.point', E.pointOutside(input.point));
    }
    return { communeCode: c.code, districtCode: c.districtCode, location: 'commune', point: input.kind === 'point' ? input.point : c.labelPoint };
  }

  function producerId(input: ProductInput['producer']): string {
    const folded = foldForSearch(input.name);
    // The stored producers too: a producer added earlier in the same import batch is not in the data yet.
    const known = ctx.data().products.find((p) => p.producer && foldForSearch(p.producer) === folded && p.producerId) ?? null;
    const id =
      known?.producerId ?? ctx.products.producerNamed(input.name)?.id ?? freshId(slugify(input.name) || 'chu-the', (x) => ctx.products.producer(x) !== null);
    const current = ctx.products.producer(id);
    // A producer is shared by its products: one product's form may fill in an unknown type, not change a known one.
    if (current?.type && input.type && input.type !== current.type) {
      throw fieldError('producer.type', E.producerType(current.name, current.type));
    }
    ctx.products.putProducer({ id, name: known ? (current?.name ?? input.name) : input.name, type: current?.type ?? input.type ?? null });
    return id;
  }

  function build(id: string, input: ProductInput, sourceId: number, before: StoredProduct | null): StoredProduct {
    const certificates = [...input.certificates].sort((a, b) => a.decision.date.localeCompare(b.decision.date));
    for (const [i, c] of certificates.entries()) {
      if (c.expiresOn !== null && c.expiresOn <= c.decision.date) throw fieldError(`certificates.${i}.expiresOn`, F.expiryAfterDecision);
    }
    // A certificate stated in a source of its own cites that one, dated as it was given; one the
    // product already had, unchanged, keeps the sources it had; the others cite the edit's source.
    const earlier = (c: (typeof certificates)[number]) =>
      before?.ratings.find(
        (r) =>
          r.stars === c.stars && r.decision?.ref === c.decision.ref && r.decision?.date === c.decision.date && r.expiresOn === (c.expiresOn ?? r.expiresOn),
      );
    const sourceOf = new Map(certificates.map((c) => [c, c.source ? [ctx.source(c.source)] : (earlier(c)?.sourceIds ?? [sourceId])]));
    // A restated certificate with no expiry keeps the one its sources gave (it matched earlier() on it), not the 36-month default.
    const ratings: StoredRating[] = certificates.map((c) => ({
      stars: c.stars,
      year: Number(c.decision.date.slice(0, 4)),
      yearText: null,
      inferred: false,
      sourceIds: sourceOf.get(c)!,
      decision: c.decision,
      expiresOn: c.expiresOn ?? earlier(c)?.expiresOn ?? certificateExpiry(c.decision.date),
    }));
    const citations = [editCitation(sourceId, input.source)];
    for (const c of certificates) {
      const [id] = sourceOf.get(c)!;
      if (c.source && !citations.some((x) => x.sourceId === id)) citations.push(editCitation(id, c.source));
    }
    const first = certificates[0];
    return {
      id,
      name: input.name,
      producerId: producerId(input.producer),
      stars: certificates.at(-1)!.stars,
      year: Number(first.decision.date.slice(0, 4)),
      certifiedBy: Number(first.decision.date.slice(0, 4)),
      countsFrom: first.decision.date,
      yearText: null,
      ratings,
      group: input.group,
      ...place(input.place),
      inferred: [],
      expiryYear: null,
      disputed: before?.disputed ?? false,
      caveats: before?.caveats ?? [],
      citations: [...(before?.citations ?? []), ...citations],
    };
  }

  return {
    /** Adds a product (id null) or replaces an existing one's fields. */
    save(req: EditRequest, id: string | null, input: ProductInput): StoredProduct {
      if (id !== null && !input.reason) throw fieldError('reason', F.reasonProduct);
      return ctx.transact(() => {
        const kind = ctx.kinds.get('product')!;
        const before = id === null ? null : (kind.get(id) as StoredProduct | null);
        if (id !== null && !before) throw new ApiError(404, 'not_found', E.notFound('product', id));
        const newId = id ?? freshId(slugify(input.name) || 'san-pham', (x) => kind.get(x) !== null);
        const sourceId = ctx.source(input.source);
        const after = build(newId, input, sourceId, before);
        ctx.apply(req, { action: before ? 'update' : 'create', entity: 'product', id: newId, after, reason: input.reason, sourceId });
        return after;
      });
    },
  };
}
