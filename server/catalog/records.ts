import type { MultiPolygon, Polygon } from 'geojson';
import { z } from 'zod';
import { CROP_CODES, ZONE_EXTENTS } from '../domain/crops.ts';
import { isIsoDate } from '../domain/dates.ts';
import { NTM_STATUSES, PROGRAMME_FIRST_YEAR, UNIT_NTM_STATUSES } from '../domain/ntm-status.ts';
import { OCOP_GROUPS, OCOP_STARS, PRODUCER_TYPES } from '../domain/ocop.ts';
import { UNIT_SETS } from '../domain/unit-sets.ts';
import { fieldMessages as M, schemaMessage } from '../messages/catalog.ts';

/**
 * The records the app keeps, written once as schemas: the database reads into them, the layer
 * builders join them, the API sends them, the client checks what it receives against them, and
 * writes are validated with them. Every type below is inferred, never declared a second time.
 */

export const isoDate = z.string().refine(isIsoDate, { error: schemaMessage(M.date) });
export const position = z.tuple([z.number(), z.number()]);
export const unitSet = z.enum(UNIT_SETS);
export const ntmStatus = z.enum(NTM_STATUSES);
export const recognisedStatus = ntmStatus.exclude(['none']);
/** What a commune-level unit shows for NTM: a status, or `urban` for a ward or township (ntmApplies). */
export const unitNtmStatus = z.enum(UNIT_NTM_STATUSES);
export const ocopStars = z.union(OCOP_STARS.map((s) => z.literal(s)));
export const ocopGroup = z.enum(OCOP_GROUPS);
export const producerType = z.enum(PRODUCER_TYPES);
export const crop = z.enum(CROP_CODES);
export const zoneExtent = z.enum(ZONE_EXTENTS);
export const confidence = z.enum(['high', 'medium', 'low']);
export const communeCode = z.string().regex(/^\d{5}$/, { error: schemaMessage(M.communeCode) });
export const districtCode = z.string().regex(/^\d{3}$/, { error: schemaMessage(M.districtCode) });
export const unitCode = z.string().regex(/^(\d{3}|\d{5})$/, { error: schemaMessage(M.unitCode) });

/** A polygonal shape; checked for its outer form only (full geometry checks belong to imports). */
export const areal = z.custom<Polygon | MultiPolygon>(
  (g) => typeof g === 'object' && g !== null && ((g as Polygon).type === 'Polygon' || (g as MultiPolygon).type === 'MultiPolygon'),
  { error: schemaMessage(M.areal) },
);

/** A fact's source as the API shows it: where a figure comes from and how sure we are. */
export const sourceRef = z.object({
  title: z.string(),
  ref: z.string(),
  date: z.string().describe('As the source states it ("2021 (approx.)"); "" when undated.'),
  confidence,
  url: z.string().nullable().describe('A web address in `ref`, when there is one.'),
  note: z.string(),
});
export type SourceRef = z.infer<typeof sourceRef>;

/** An administrative unit of one unit set, as it was while the set was in force. */
export const unitRecord = z.object({
  unitSet,
  code: unitCode,
  level: z.enum(['district', 'commune']),
  name: z.string(),
  type: z.string(),
  fullName: z.string(),
  districtCode: districtCode.nullable().describe('Parent district for communes of the 2019 and 2020 sets; null otherwise.'),
  validFrom: isoDate.nullable(),
  validTo: isoDate.nullable(),
  areaKm2: z.number(),
  labelPoint: position,
  geometry: areal,
});
export type UnitRecord = z.infer<typeof unitRecord>;

/** Old code → new code: a unit merged whole into another of a later set. */
export const crosswalkRecord = z.object({ fromSet: unitSet, fromCode: unitCode, toSet: unitSet, toCode: unitCode });
export type CrosswalkRecord = z.infer<typeof crosswalkRecord>;

/** One NTM recognition event of a commune, with its decision and sources. */
export const recognitionRecord = z.object({
  id: z.string(),
  unitSet,
  communeCode,
  status: recognisedStatus,
  yearFor: z.int().min(PROGRAMME_FIRST_YEAR).max(2100).nullable().describe('The year the recognition is for, or null when no source states it.'),
  countsFrom: isoDate.nullable().describe('From this date on the recognition counts (server/domain/as-of.ts); null when it can never be dated.'),
  decision: z.object({ ref: z.string(), date: isoDate.nullable() }).nullable(),
  criteriaMet: z.int().min(0).max(19).nullable(),
  criteriaText: z.string().nullable(),
  disputed: z.boolean(),
  disputeNote: z.string().nullable(),
  recordedAs: z
    .object({ unitSet: z.literal('2019'), code: communeCode, name: z.string() })
    .nullable()
    .describe('The 2019 unit the event was recorded on, when that unit no longer exists (Tà Lèng).'),
  retracted: z
    .object({ at: z.string(), reason: z.string() })
    .nullable()
    .describe('Set when the recognition was withdrawn (when, and why): it stays in the history but never counts'),
  sources: z.array(sourceRef),
});
export type RecognitionRecord = z.infer<typeof recognitionRecord>;

export const NTM_FACT_KINDS = ['criteria-progress', 'advanced-progress', 'district-without-ntm', 'district-progress', 'village-recognised'] as const;

/** A sourced NTM fact that is not a recognition: criteria progress, district flags, villages. */
export const factRecord = z.object({
  id: z.string(),
  kind: z.enum(NTM_FACT_KINDS),
  unitSet,
  code: unitCode,
  village: z.string().nullable(),
  year: z.int().nullable(),
  criteriaText: z.string().nullable(),
  sources: z.array(sourceRef),
});
export type FactRecord = z.infer<typeof factRecord>;

export const ratingRecord = z.object({
  stars: ocopStars,
  year: z.int().nullable(),
  yearText: z.string().nullable(),
  inferred: z.boolean(),
  decision: z
    .object({ ref: z.string(), date: isoDate.nullable() })
    .nullable()
    .describe('The certificate decision, when recorded: the rating counts from its date'),
  expiresOn: isoDate.nullable().describe('The last day the certificate is valid, when known (36 months after the decision unless stated)'),
});

/** An OCOP product with its producer, place, rating history and sources. */
export const productRecord = z.object({
  id: z.string(),
  name: z.string(),
  producerId: z.string().nullable(),
  producer: z.string().nullable(),
  producerType: producerType.nullable(),
  stars: ocopStars.nullable(),
  year: z.int().nullable().describe('First year of certification (exact), or null.'),
  certifiedBy: z.int().nullable().describe('The earliest year by which a source says it was certified.'),
  countsFrom: isoDate.nullable().describe('When the product first counts in "as of" figures (server/domain/ocop-as-of.ts).'),
  expiryYear: z.int().nullable(),
  yearText: z.string().nullable().describe('The year as stated when not exact ("2019-2020", "<=2024").'),
  group: ocopGroup.nullable(),
  communeCode: communeCode.nullable(),
  districtCode: districtCode.nullable(),
  location: z.enum(['commune', 'district']).nullable().describe("Where the point stands: the producer's commune, only its district, or unknown."),
  point: position.nullable(),
  disputed: z.boolean(),
  inferred: z.array(z.enum(['stars', 'group', 'location'])),
  caveats: z.array(z.string()),
  ratings: z.array(ratingRecord),
  sources: z.array(sourceRef),
});
export type ProductRecord = z.infer<typeof productRecord>;

export const zoneFactRecord = z.object({
  areaHa: z.number().nullable(),
  areaText: z.string().nullable(),
  year: z.string().nullable(),
  place: z.string(),
  source: sourceRef,
});

/**
 * A raw-material zone. Without surveyed polygons its shape is the union of the communes (or
 * districts) its sources name, and `extent` says so; its headline area is its latest dated fact.
 */
export const zoneRecord = z.object({
  id: z.string(),
  name: z.string(),
  crop,
  areaHa: z.number().nullable(),
  areaApprox: z.boolean(),
  areaText: z.string().nullable(),
  year: z.string().nullable(),
  extent: zoneExtent,
  communeCodes: z.array(communeCode),
  productLinks: z.array(z.object({ id: z.string(), confirmed: z.boolean() })),
  facts: z.array(zoneFactRecord),
  geometry: areal,
});
export type ZoneRecord = z.infer<typeof zoneRecord>;

/** A province target or reported total, with its source. */
export const targetRecord = z.object({
  id: z.string(),
  indicator: z.string(),
  indicatorKey: z.string().describe('A stable key for charts; "other" for context rows.'),
  scope: z.string(),
  target: z.string().nullable(),
  targetValue: z.number().nullable(),
  targetYear: z.int().nullable(),
  actual: z.string().nullable(),
  actualValue: z.number().nullable(),
  actualDate: isoDate.nullable(),
  source: sourceRef,
});
export type TargetRecord = z.infer<typeof targetRecord>;
