import { z } from 'zod';
import { confidence, crop, communeCode, districtCode, isoDate, ocopGroup, ocopStars, position, producerType, recognisedStatus } from './records.ts';

/**
 * What a user may send to change the record, as schemas. The editing forms validate with these
 * in the browser, and the server validates again with the very same ones before it writes;
 * checks that need the data (a unit exists in its set, a shape lies in the province) run on the
 * server after these. Every change names its source.
 */

const text = (max: number) => z.string().trim().normalize('NFC').min(1, { error: 'is required' }).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .normalize('NFC')
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable();

/** A web address that a browser can open: http or https only (no javascript:, data:, file:). */
export const webLink = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => /^https?:\/\/[^\s]+$/i.test(v) && URL.canParse(v), { error: 'must be a web address starting with http:// or https://' });

/** The source of a change: title, date, and a link or an uploaded PDF (at least one). */
export const sourceInput = z
  .object({
    title: text(300),
    date: isoDate,
    url: webLink.nullable(),
    fileId: z.int().positive().nullable(),
    confidence: confidence.default('high'),
    note: z.string().trim().normalize('NFC').max(2000).default(''),
  })
  .refine((s) => s.url !== null || s.fileId !== null, { error: 'give a link or upload the document (PDF)', path: ['url'] });
export type SourceInput = z.infer<typeof sourceInput>;

/** Why a change was made: required to correct, retract or revert. */
export const reason = text(1000);

const year = z.int().min(2010).max(2100);

/** Record an NTM recognition of a commune (or a 2025 unit): status, the year it is for, the decision. */
export const recognitionInput = z.object({
  unitSet: z.enum(['2020', '2025']),
  communeCode,
  status: recognisedStatus,
  /** The year the recognition is for; null when the source does not say (it then counts from the source's date). */
  yearFor: year.nullable(),
  decision: z.object({ ref: text(100), date: isoDate }).nullable(),
  criteriaMet: z.int().min(0).max(19).nullable(),
  criteriaText: optionalText(500),
  source: sourceInput,
});
export type RecognitionInput = z.infer<typeof recognitionInput>;

/** Correct a recognition: the same fields, and why. */
export const recognitionCorrection = recognitionInput.extend({ reason });
export type RecognitionCorrection = z.infer<typeof recognitionCorrection>;

/**
 * Retract a recognition (it stays in the history and stops counting) or delete a zone (the audit
 * log keeps it whole): why, and the source that says so.
 */
export const retractionInput = z.object({ reason, source: sourceInput });
export type RetractionInput = z.infer<typeof retractionInput>;

/** Where an OCOP product is: its producer's commune, only its district, or a point picked on the map. */
export const productPlace = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('commune'), communeCode }),
  z.object({ kind: z.literal('district'), districtCode }),
  z.object({ kind: z.literal('point'), point: position }),
]);

/** One certificate (a first certification or a renewal) of an OCOP product. */
export const certificateInput = z.object({
  stars: ocopStars,
  decision: z.object({ ref: text(100), date: isoDate }),
  /** The last valid day when the source states it; otherwise 36 months after the decision. */
  expiresOn: isoDate.nullable(),
});

/** Add or edit an OCOP product. */
export const productInput = z.object({
  name: text(200),
  producer: z.object({ name: text(200), type: producerType.nullable() }),
  group: ocopGroup,
  place: productPlace,
  /** Its certificates, oldest first: the first certification and each renewal or upgrade. */
  certificates: z.array(certificateInput).min(1, { error: 'at least one certificate (decision number and date)' }).max(10),
  source: sourceInput,
  reason: reason.nullable(),
});
export type ProductInput = z.infer<typeof productInput>;

/** A polygon drawn on the map or uploaded (CRS84). Its validity and its place in the province are checked on the server. */
export const polygonInput = z.object({
  type: z.enum(['Polygon', 'MultiPolygon']),
  coordinates: z.array(z.unknown()).min(1),
});

/** Add or edit a raw-material zone. */
export const zoneInput = z.object({
  name: text(200),
  crop,
  areaHa: z.number().positive().max(1_000_000).nullable(),
  year: z
    .string()
    .regex(/^\d{4}$/, { error: 'must be a year, e.g. 2024' })
    .nullable(),
  productIds: z.array(z.string().max(100)).max(100).default([]),
  /** A surveyed shape; without one the zone is the extent of its communes. */
  geometry: polygonInput.nullable(),
  communeCodes: z.array(communeCode).max(200).default([]),
  source: sourceInput,
  reason: reason.nullable(),
});
export type ZoneInput = z.infer<typeof zoneInput>;

/** Add or edit a province target or a reported total. */
export const targetInput = z
  .object({
    indicator: text(300),
    indicatorKey: z.string().regex(/^[a-z0-9-]{1,60}$/, { error: 'must be a short key of lower-case letters, digits and dashes' }),
    scope: text(100),
    target: optionalText(300),
    targetValue: z.number().finite().nullable(),
    targetYear: year.nullable(),
    actual: optionalText(300),
    actualValue: z.number().finite().nullable(),
    actualDate: isoDate.nullable(),
    source: sourceInput,
    reason: reason.nullable(),
  })
  .refine((t) => t.target !== null || t.actual !== null, { error: 'give a target or a reported total', path: ['target'] });
export type TargetInput = z.infer<typeof targetInput>;

/** The licence of official boundaries a user imports: it replaces the province's boundary licence in attributions and downloads. */
export const boundaryLicenceInput = z
  .object({
    title: text(300),
    url: z.union([webLink, z.literal('')]).default(''),
    attribution: optionalText(500).default(null),
    termsVi: text(2000),
    termsEn: optionalText(2000).default(null),
    redistributable: z.boolean(),
  })
  .transform((l) => ({
    title: l.title,
    url: l.url,
    attribution: l.attribution ?? l.title,
    terms: { vi: l.termsVi, en: l.termsEn ?? l.termsVi },
    redistributable: l.redistributable,
  }));
export type BoundaryLicenceInputRaw = z.input<typeof boundaryLicenceInput>;
