import type { Feature, Point } from 'geojson';
import { z } from 'zod';
import { provinceRecord } from './province.ts';
import {
  areal,
  communeCode,
  confidence,
  crop,
  crosswalkRecord,
  districtCode,
  isoDate,
  NTM_FACT_KINDS,
  ocopGroup,
  ocopStars,
  position,
  productRecord,
  producerType,
  recognisedStatus,
  unitRecord,
  unitSet,
  zoneExtent,
} from './records.ts';

/**
 * The files under geodata/, as schemas: written by the data pipeline (scripts/), checked and read
 * by the database seed (server/db/seed.ts). This is the contract between the two; a file that
 * does not match is refused at seeding with the path of the offending value.
 */

export type Areal = z.infer<typeof areal>;
export type Confidence = z.infer<typeof confidence>;
export type NtmFactKind = (typeof NTM_FACT_KINDS)[number];
export type InferredField = z.infer<typeof productRecord.shape.inferred.element>;

export const unitProps = unitRecord.omit({ geometry: true }).extend({
  labelPoint: position,
  /** 2025 units: the old (2020-set) communes merged whole into this one. */
  formerCodes: z.array(communeCode).optional(),
});
export type UnitProps = z.infer<typeof unitProps>;
export const unitFeature = z.object({ type: z.literal('Feature'), properties: unitProps, geometry: areal }).loose();
export type UnitFeature = z.infer<typeof unitFeature>;

export const crosswalkRow = crosswalkRecord;
export type CrosswalkRow = z.infer<typeof crosswalkRow>;

/** Every source cited, once. */
export const source = z.object({
  id: z.int(),
  title: z.string(),
  ref: z.string(),
  /** The date as the source states it ("2021 (approx.)"). */
  date: z.string(),
  /** First day of the period that date names, or null when undated. */
  dateStart: isoDate.nullable(),
});
export type Source = z.infer<typeof source>;

/** One fact's backing: a source, how sure the researcher was, what they noted, and the research file line it came from. */
export const citation = z.object({ sourceId: z.int(), confidence, note: z.string(), origin: z.string() });
export type Citation = z.infer<typeof citation>;

export const ntmRecognition = z.object({
  id: z.string(),
  communeCode,
  status: recognisedStatus,
  yearFor: z.int().nullable(),
  yearUnknown: z.boolean(),
  countsFrom: isoDate.nullable(),
  decision: z.object({ ref: z.string(), date: isoDate }).nullable(),
  criteriaMet: z.int().min(0).max(19).nullable(),
  criteriaText: z.string().nullable(),
  disputed: z.boolean(),
  disputeNote: z.string().nullable(),
  /** Set when the event was recorded on a unit that no longer exists (Tà Lèng, of the 2019 set). */
  recordedAs: z.object({ unitSet: z.literal('2019'), code: communeCode, name: z.string() }).nullable(),
  citations: z.array(citation),
});
export type NtmRecognition = z.infer<typeof ntmRecognition>;

export const ntmFact = z.object({
  id: z.string(),
  kind: z.enum(NTM_FACT_KINDS),
  unitSet: unitSet.extract(['2020', '2025']),
  level: z.enum(['commune', 'district']),
  code: z.string(),
  village: z.string().nullable(),
  year: z.int().nullable(),
  criteriaText: z.string().nullable(),
  citations: z.array(citation),
});
export type NtmFact = z.infer<typeof ntmFact>;

export const producer = z.object({ id: z.string(), name: z.string(), type: producerType.nullable() });
export type Producer = z.infer<typeof producer>;

export const rating = z.object({
  stars: ocopStars,
  /** Exact year of certification, when a source gives one. */
  year: z.int().nullable(),
  /** The year as stated when not exact ("2019-2020", "<=2024"). */
  yearText: z.string().nullable(),
  inferred: z.boolean(),
  sourceIds: z.array(z.int()),
});
export type Rating = z.infer<typeof rating>;

export const ocopProduct = z.object({
  id: z.string(),
  name: z.string(),
  producerId: z.string().nullable(),
  stars: ocopStars.nullable(),
  year: z.int().nullable(),
  certifiedBy: z.int().nullable(),
  countsFrom: isoDate.nullable(),
  yearText: z.string().nullable(),
  ratings: z.array(rating),
  group: ocopGroup.nullable(),
  communeCode: communeCode.nullable(),
  districtCode: districtCode.nullable(),
  location: z.enum(['commune', 'district']).nullable(),
  inferred: productRecord.shape.inferred,
  expiryYear: z.int().nullable(),
  disputed: z.boolean(),
  caveats: z.array(z.string()),
  citations: z.array(citation),
});
export type OcopProduct = z.infer<typeof ocopProduct>;
export const productFeature = z
  .object({
    type: z.literal('Feature'),
    properties: ocopProduct,
    geometry: z.object({ type: z.literal('Point'), coordinates: position }).nullable(),
  })
  .loose();
export type ProductFeature = Feature<Point | null, OcopProduct>;

/**
 * Raw-material zones. No surveyed polygons exist, so a zone's shape is the union of the communes
 * its sources name (`extent: "communes"`), or of its districts when sources give only district
 * totals (`extent: "district"`). A zone's headline area is the figure of its most recent dated
 * fact (ties: higher confidence, then file order); every fact is kept.
 */
export const zoneFact = z.object({
  areaHa: z.number().nullable(),
  areaText: z.string().nullable(),
  year: z.string().nullable(),
  placeText: z.string(),
  citation,
});
export type ZoneFact = z.infer<typeof zoneFact>;

export const zone = z.object({
  id: z.string(),
  name: z.string(),
  crop,
  areaHa: z.number().nullable(),
  areaApprox: z.boolean(),
  areaText: z.string().nullable(),
  year: z.string().nullable(),
  communeCodes: z.array(communeCode),
  districtCodes: z.array(districtCode),
  extent: zoneExtent,
  productLinks: z.array(z.object({ id: z.string(), confirmed: z.boolean() })),
  facts: z.array(zoneFact),
  geometry: areal,
});
export type Zone = z.infer<typeof zone>;
export const zoneFeature = z.object({ type: z.literal('Feature'), properties: zone.omit({ geometry: true }), geometry: areal }).loose();

export const target = z.object({
  id: z.string(),
  indicator: z.string(),
  /** A stable key for charts; "other" for context rows. */
  indicatorKey: z.string(),
  scope: z.string(),
  targetText: z.string().nullable(),
  targetValue: z.number().nullable(),
  targetYear: z.int().nullable(),
  actualText: z.string().nullable(),
  actualValue: z.number().nullable(),
  actualDate: isoDate.nullable(),
  citation,
});
export type Target = z.infer<typeof target>;

export const mergerSource = z.object({ code: communeCode, title: z.string(), ref: z.string(), confidence });

/** Every file the seed reads, by its path under geodata/. */
export const GEODATA_FILES = {
  'province.json': provinceRecord,
  'units/districts-2019.geojson': z.object({ features: z.array(unitFeature) }),
  'units/communes-2019.geojson': z.object({ features: z.array(unitFeature) }),
  'units/districts-2020.geojson': z.object({ features: z.array(unitFeature) }),
  'units/communes-2020.geojson': z.object({ features: z.array(unitFeature) }),
  'units/communes-2025.geojson': z.object({ features: z.array(unitFeature) }),
  'units/crosswalk.json': z.array(crosswalkRow),
  'units/merger-2025-sources.json': z.array(mergerSource),
  'facts/sources.json': z.array(source),
  'facts/ntm-recognitions.json': z.array(ntmRecognition),
  'facts/ntm-facts.json': z.array(ntmFact),
  'facts/ocop-producers.json': z.array(producer),
  'facts/ocop-products.geojson': z.object({ features: z.array(productFeature) }),
  'facts/zones.geojson': z.object({ features: z.array(zoneFeature) }),
  'facts/targets.json': z.array(target),
} as const;
