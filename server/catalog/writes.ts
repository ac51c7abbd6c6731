import { z } from 'zod';
import { provinceDate } from '../domain/dates.ts';
import { PROGRAMME_FIRST_YEAR } from '../domain/ntm-status.ts';
import { fieldMessages as M, schemaMessage } from '../messages/fields.ts';
import { confidence, crop, communeCode, districtCode, isoDate, ocopGroup, ocopStars, position, producerType, recognisedStatus } from './records.ts';

/**
 * What a user may send to change the record, as schemas. The editing forms validate with these
 * in the browser, and the server validates again with the very same ones before it writes;
 * checks that need the data (a unit exists in its set, a shape lies in the province) run on the
 * server after these. Every change names its source.
 *
 * An optional field may be left out or sent as null (both mean "not known"); a required one
 * may not. Dates of decisions and sources cannot lie after today in the province, and a
 * recognition cannot be for a year after the current one: what "today" is comes from the
 * caller's clock (the server's editor has one, tests fix it), read at each parse.
 */

const text = (max: number) =>
  z
    .string()
    .trim()
    .normalize('NFC')
    .min(1, { error: schemaMessage(M.required) })
    .max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .normalize('NFC')
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable();

/** An optional field: left out, it is null. */
const orNull = <S extends z.ZodType>(schema: S) => schema.nullable().default(null);

/** The message of a date after today; forms translate it (client/ui/forms/validate.ts). */

/** An uploaded source document: a PDF of at most this many MiB (server/routes/source-files.ts; the form says so). */
export const MAX_SOURCE_FILE_MIB = 20;
export const FUTURE_DATE = schemaMessage(M.futureDate);
/** The message of a recognition year after the current one. */
export const FUTURE_YEAR = schemaMessage(M.futureYear);

/** A web address that a browser can open: http or https only (no javascript:, data:, file:). */
export const webLink = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => /^https?:\/\/[^\s]+$/i.test(v) && URL.canParse(v), { error: schemaMessage(M.webLink) });

/** Why a change was made: required to correct, retract or revert. */
export const reason = text(1000);

/** A polygon drawn on the map or uploaded (CRS84). Its validity and its place in the province are checked on the server. */
export const polygonInput = z.object({
  type: z.enum(['Polygon', 'MultiPolygon']),
  coordinates: z.array(z.unknown()).min(1),
});

/** Where an OCOP product is: its producer's commune, only its district, or a point picked on the map. */
export const productPlace = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('commune'), communeCode }),
  z.object({ kind: z.literal('district'), districtCode }),
  z.object({ kind: z.literal('point'), point: position }),
]);

const year = z.int().min(PROGRAMME_FIRST_YEAR).max(2100);

/**
 * The write schemas, with "today" (YYYY-MM-DD, in the province) read from `today` at each parse.
 * The server builds them once over its editor's clock (server/edits/context.ts); the exports
 * below, which the forms use, read the browser's clock.
 */
export function writeSchemas(today: () => string) {
  /** A date that has happened: a decision signed or a source published after today is a typo. */
  const pastDate = isoDate.refine((d) => d <= today(), { error: FUTURE_DATE });

  /** The source of a change: title, date, and a link or an uploaded PDF (at least one, of at most MAX_SOURCE_FILE_MIB). */
  const sourceInput = z
    .object({
      title: text(300),
      date: pastDate,
      url: orNull(webLink),
      fileId: orNull(z.int().positive()),
      confidence: confidence.default('high'),
      note: z.string().trim().normalize('NFC').max(2000).default(''),
    })
    .refine((s) => s.url !== null || s.fileId !== null, { error: schemaMessage(M.sourceLink), path: ['url'] });

  /** A decision: its number and the day it was signed. */
  const decision = z.object({ ref: text(100), date: pastDate });

  /** Record an NTM recognition of a commune (or a 2025 unit): status, the year it is for, the decision. */
  const recognitionInput = z.object({
    unitSet: z.enum(['2020', '2025']),
    communeCode,
    status: recognisedStatus,
    /** The year the recognition is for, at latest the current one; null when the source does not say (it then counts from the source's date). */
    yearFor: orNull(year.refine((y) => y <= Number(today().slice(0, 4)), { error: FUTURE_YEAR })),
    decision: orNull(decision),
    criteriaMet: orNull(z.int().min(0).max(19)),
    criteriaText: orNull(optionalText(500)),
    source: sourceInput,
  });

  /**
   * Retract a recognition (it stays in the history and stops counting) or delete a zone (the audit
   * log keeps it whole): why, and the source that says so.
   */
  const retractionInput = z.object({ reason, source: sourceInput });

  /** One certificate (a first certification or a renewal) of an OCOP product. */
  const certificateInput = z.object({
    stars: ocopStars,
    decision,
    /** The last valid day when the source states it; otherwise 36 months after the decision. */
    expiresOn: orNull(isoDate),
    /** Where this certificate is stated, when not in the product's source (an imported row's own source). */
    source: sourceInput.optional(),
  });

  /** Add or edit an OCOP product. */
  const productInput = z.object({
    name: text(200),
    producer: z.object({ name: text(200), type: orNull(producerType) }),
    group: ocopGroup,
    place: productPlace,
    /** Its certificates, oldest first: the first certification and each renewal or upgrade. */
    certificates: z
      .array(certificateInput)
      .min(1, { error: schemaMessage(M.certificates) })
      .max(10),
    source: sourceInput,
    reason: orNull(reason),
  });

  /** Add or edit a raw-material zone. */
  const zoneInput = z.object({
    name: text(200),
    crop,
    areaHa: orNull(z.number().positive().max(1_000_000)),
    /** As text ("2025"); a number (2025, as JSON clients and map files write it) is read as its digits. */
    year: orNull(z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().regex(/^\d{4}$/, { error: schemaMessage(M.year) }))),
    productIds: z.array(z.string().max(100)).max(100).default([]),
    /** A surveyed shape; without one the zone is the extent of its communes. */
    geometry: orNull(polygonInput),
    communeCodes: z.array(communeCode).max(200).default([]),
    source: sourceInput,
    reason: orNull(reason),
  });

  /** Add or edit a province target (its year may lie ahead) or a reported total. */
  const targetInput = z
    .object({
      indicator: text(300),
      indicatorKey: z.string().regex(/^[a-z0-9-]{1,60}$/, { error: schemaMessage(M.key) }),
      scope: text(100),
      target: orNull(optionalText(300)),
      targetValue: orNull(z.number().finite()),
      targetYear: orNull(year),
      actual: orNull(optionalText(300)),
      actualValue: orNull(z.number().finite()),
      actualDate: orNull(isoDate),
      source: sourceInput,
      reason: orNull(reason),
    })
    .refine((t) => t.target !== null || t.actual !== null, { error: schemaMessage(M.targetOrActual), path: ['target'] });

  return {
    sourceInput,
    recognitionInput,
    /** Correct a recognition: the same fields, and why. */
    recognitionCorrection: recognitionInput.extend({ reason }),
    retractionInput,
    certificateInput,
    productInput,
    zoneInput,
    targetInput,
  };
}
export type WriteSchemas = ReturnType<typeof writeSchemas>;

export const { sourceInput, recognitionInput, recognitionCorrection, retractionInput, certificateInput, productInput, zoneInput, targetInput } = writeSchemas(
  () => provinceDate(new Date()),
);
export type SourceInput = z.infer<typeof sourceInput>;
export type RecognitionInput = z.infer<typeof recognitionInput>;
export type RecognitionCorrection = z.infer<typeof recognitionCorrection>;
export type RetractionInput = z.infer<typeof retractionInput>;
export type ProductInput = z.infer<typeof productInput>;
export type ZoneInput = z.infer<typeof zoneInput>;
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
