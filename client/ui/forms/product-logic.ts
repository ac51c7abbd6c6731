import type { ProductProperties } from '../../../server/catalog/properties.ts';
import { productInput } from '../../../server/catalog/writes.ts';
import { isIsoDate } from '../../../server/domain/dates.ts';
import { certificateExpiry } from '../../../server/domain/ocop-as-of.ts';
import type { Lang } from '../../lib/label.ts';
import { emptySource, type SourceDraft, sourceBody } from './source-logic.ts';
import { needingReason, textOrNull, validate } from './validate.ts';

/** One certificate as typed: a first certification, a renewal or an upgrade. */
export interface CertificateDraft {
  stars: string;
  decisionRef: string;
  decisionDate: string;
  /** The expiry the source states; '' when it states none (then 36 months after the decision). */
  statedExpiry: string;
}

export type PlaceKind = 'commune' | 'district' | 'point';

/** The OCOP product form as typed. */
export interface ProductDraft {
  name: string;
  producerName: string;
  producerType: string;
  group: string;
  placeKind: PlaceKind;
  communeCode: string;
  districtCode: string;
  point: [number, number] | null;
  certificates: CertificateDraft[];
  reason: string;
  source: SourceDraft;
}

export const emptyCertificate = (): CertificateDraft => ({ stars: '3', decisionRef: '', decisionDate: '', statedExpiry: '' });

/**
 * The expiry a certificate will have, and whether it is the default: the stated one, else
 * 36 months after the decision (server/domain/ocop-as-of.ts), else unknown until a decision date.
 */
export function expiryOf(c: CertificateDraft): { date: string | null; isDefault: boolean } {
  if (c.statedExpiry.trim() !== '') return { date: c.statedExpiry, isDefault: false };
  return isIsoDate(c.decisionDate) ? { date: certificateExpiry(c.decisionDate), isDefault: true } : { date: null, isDefault: true };
}

/** A new product (in a commune, when opened from its card) or one filled from an existing product. */
export function productDraft(
  from?: { properties: ProductProperties; point: [number, number] | null; communePoint: [number, number] | null },
  communeCode = '',
): ProductDraft {
  if (!from) {
    return {
      name: '',
      producerName: '',
      producerType: '',
      group: 'I',
      placeKind: 'commune',
      communeCode,
      districtCode: '',
      point: null,
      certificates: [emptyCertificate()],
      reason: '',
      source: emptySource(),
    };
  }
  const p = from.properties;
  // A marker away from its commune's label point was picked on the map.
  const picked =
    p.location === 'commune' && from.point && from.communePoint && (from.point[0] !== from.communePoint[0] || from.point[1] !== from.communePoint[1]);
  return {
    name: p.name,
    producerName: p.producer ?? '',
    producerType: p.producerType ?? '',
    group: p.group ?? 'I',
    placeKind: picked ? 'point' : p.location === 'district' ? 'district' : 'commune',
    communeCode: p.communeCode ?? '',
    districtCode: p.districtCode ?? '',
    point: picked ? from.point : null,
    certificates: p.ratings.map((r) => {
      const decisionDate = r.decision?.date ?? '';
      const stated = r.expiresOn && !(isIsoDate(decisionDate) && certificateExpiry(decisionDate) === r.expiresOn) ? r.expiresOn : '';
      return { stars: String(r.stars), decisionRef: r.decision?.ref ?? '', decisionDate, statedExpiry: stated };
    }),
    reason: '',
    source: emptySource(),
  };
}

/** The body of POST/PUT /api/edits/products. */
export function productBody(d: ProductDraft) {
  const place =
    d.placeKind === 'point'
      ? { kind: 'point', point: d.point }
      : d.placeKind === 'district'
        ? { kind: 'district', districtCode: d.districtCode }
        : { kind: 'commune', communeCode: d.communeCode };
  return {
    name: d.name,
    producer: { name: d.producerName, type: textOrNull(d.producerType) },
    group: d.group,
    place,
    certificates: d.certificates.map((c) => ({
      stars: Number(c.stars),
      decision: { ref: c.decisionRef, date: c.decisionDate },
      // No stated expiry: the server applies the 36-month rule, the date the form shows.
      expiresOn: textOrNull(c.statedExpiry),
    })),
    source: sourceBody(d.source),
    reason: textOrNull(d.reason),
  };
}

/** Checks the draft with the server's schema; changing an existing product needs a reason. */
export function checkProduct(d: ProductDraft, editing: boolean, lang: Lang) {
  return needingReason(validate(productInput, productBody(d), lang), editing, d.reason, lang);
}

/** A renewal or upgrade: a further certificate, starting from the last one's stars. */
export function addRenewal(d: ProductDraft): ProductDraft {
  const last = d.certificates.at(-1);
  return { ...d, certificates: [...d.certificates, { ...emptyCertificate(), stars: last?.stars ?? '3' }] };
}
