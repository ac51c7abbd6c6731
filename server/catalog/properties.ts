import { z } from 'zod';
import { lastDayOfOldUnits } from '../domain/unit-sets.ts';
import { formatDate } from '../messages/format.ts';
import { unitSetCodes, unitSetPeriod } from '../messages/unit-set-label.ts';
import { unitSetName } from '../messages/unit-sets.ts';
import { type DescriptionContext, describeFor } from './province-text.ts';
import {
  communeCode,
  districtCode,
  factRecord,
  isoDate,
  ntmStatus,
  position,
  productRecord,
  recognitionRecord,
  producerType,
  sourceRef,
  targetRecord,
  unitCode,
  unitNtmStatus,
  unitRecord,
  unitSet,
  zoneRecord,
} from './records.ts';

/**
 * The attributes of each collection's features, written once: the layer builders return these
 * types, the API and OGC API send them, OpenAPI and the queryables describe them, downloads
 * take their columns from them, and the client reads them.
 */

/** Fields every unit collection shares, described once. */
const CODE = 'GSO code: 5 digits for a commune, 3 for a district; unique within its unit set (new units reuse old codes)';
const UNIT_SET = ({ unitSets }: DescriptionContext) => `The unit set the code belongs to: ${unitSetCodes(unitSets, 'en')}`;
const NAME = 'Name without its type, Unicode NFC';
const TYPE = 'Xã, Phường, Thị trấn (communes); Huyện, Thị xã, Thành phố (districts)';
const FULL_NAME = 'Type and name';
const AREA = 'Area of the boundary in km² (geodesic)';
const LABEL = 'Where its label goes, [lon, lat], always inside the shape';

const decision = z
  .object({ ref: z.string().describe('Decision number, e.g. 1234/QĐ-UBND'), date: isoDate.nullable().describe('Date the decision was signed') })
  .describe('The recognition decision (Quyết định), when a source gives it');
const progress = z.object({ met: z.int(), of: z.int(), year: z.int().nullable() }).describe('Criteria met of the total, and the year that count is for');

/** A commune of one unit set with its NTM status as of a date. */
export const communeProperties = z.object({
  code: unitCode.describe(CODE),
  unitSet: describeFor(unitSet, UNIT_SET),
  name: z.string().describe(NAME),
  type: z.string().describe(TYPE),
  fullName: z.string().describe(FULL_NAME),
  districtCode: districtCode.nullable().describe('The district of the 2019 or 2020 sets; null on the 2025 set, which has none.'),
  districtName: z.string().nullable(),
  areaKm2: z.number().describe(AREA),
  labelPoint: position.describe(LABEL),
  ntmStatus: unitNtmStatus.describe(
    'NTM status as of the date: none (no recognition on record), basic (cơ bản đạt chuẩn), standard (đạt chuẩn), advanced (nâng cao), model (kiểu mẫu); urban for a ward (phường) or township (thị trấn), which the NTM programme does not assess',
  ),
  ntmYear: z.int().nullable().describe('The year the current status is for; null for "none" or when unknown.'),
  yearUnknown: z.boolean().describe('The current status rests on a recognition whose year no source states.'),
  since: isoDate.nullable().describe('The date from which the current status counts.'),
  criteriaMet: z.int().nullable().describe('NTM criteria met (of 19) at that recognition, when a source states it'),
  criteriaText: z.string().nullable().describe('Criteria as the source states them'),
  decision: decision.nullable(),
  disputed: z.boolean().describe('Sources disagree about this recognition (each version is kept)'),
  disputeNote: z.string().nullable().describe('What the sources disagree about'),
  ocopProducts: z.int().describe('OCOP products certified and placed in this commune as of the date.'),
  sources: z.array(sourceRef).describe('Sources of the current status'),
});
export type CommuneProperties = z.infer<typeof communeProperties>;

/** A district of the 2019 or 2020–2025 set with its NTM progress as of a date. */
export const districtProperties = z.object({
  code: districtCode.describe(CODE),
  unitSet: describeFor(unitSet, UNIT_SET),
  name: z.string().describe(NAME),
  type: z.string().describe(TYPE),
  fullName: z.string().describe(FULL_NAME),
  areaKm2: z.number().describe(AREA),
  labelPoint: position.describe(LABEL),
  communeCount: z.int().describe('Communes of the district'),
  ntmCommunes: z.int().describe('Communes at đạt chuẩn or above ("NTM communes") as of the date.'),
  basicCommunes: z.int().describe('Communes at cơ bản đạt chuẩn as of the date'),
  advancedCommunes: z.int().describe('Communes at nâng cao as of the date'),
  modelCommunes: z.int().describe('Communes at kiểu mẫu as of the date'),
  ntmShare: z.number().describe('ntmCommunes / communeCount, 0–1.'),
  hasNtmCommune: z.boolean().describe('At least one commune at đạt chuẩn or above as of the date'),
  ocopProducts: z.int().describe('OCOP products of the district (in one of its communes or at district level) as of the date.'),
  nearestToNtm: z
    .array(z.object({ code: communeCode, name: z.string(), status: ntmStatus, progress: progress.nullable() }))
    .describe('Up to three communes closest to đạt chuẩn, closest first.'),
  noNtmSources: z.array(sourceRef).describe('Sources that state, for the year of the date, that the district has no NTM commune.'),
});
export type DistrictProperties = z.infer<typeof districtProperties>;

export const formerCommune = z.object({
  code: communeCode,
  name: z.string(),
  type: z.string(),
  areaKm2: z.number(),
  status: unitNtmStatus,
  year: z.int().nullable().describe('The year the status is for; null for none or when unknown.'),
  yearUnknown: z.boolean(),
});
export type FormerCommune = z.infer<typeof formerCommune>;

export const statusCounts = z.object({
  total: z.int().describe('Communes (xã) the NTM programme assesses'),
  urban: z.int().describe('Wards and townships, which it does not'),
  none: z.int(),
  basic: z.int(),
  standard: z.int(),
  advanced: z.int(),
  model: z.int(),
});

/** A unit of 1 July 2025 with its own status and the record of the old communes merged into it. */
export const newUnitProperties = z.object({
  code: communeCode.describe(CODE),
  unitSet: describeFor(z.literal('2025'), UNIT_SET),
  name: z.string().describe(NAME),
  type: z.string().describe(TYPE),
  fullName: z.string().describe(FULL_NAME),
  areaKm2: z.number().describe(AREA),
  labelPoint: position.describe(LABEL),
  validFrom: isoDate.nullable().describe('First day the unit existed'),
  ntmStatus: describeFor(
    unitNtmStatus,
    ({ unitSets }) =>
      `Its own NTM status: none ${unitSetPeriod('2025', unitSets, 'en')} unless a recognition on the new unit is recorded; urban for a ward (phường), which the programme does not assess.`,
  ),
  ntmYear: communeProperties.shape.ntmYear.describe('The year its own status is for (null for none).'),
  yearUnknown: z.boolean().describe('Its own status rests on a recognition whose year no source states'),
  disputed: z.boolean().describe('Sources disagree about its own status'),
  formerCodes: describeFor(z.array(communeCode), ({ unitSets }) => `The communes of ${unitSetName('2020', unitSets).en} merged whole into it.`),
  former: describeFor(
    z.array(formerCommune),
    ({ unitSets }) =>
      `Each former commune's status as of the date (at most ${formatDate(lastDayOfOldUnits(unitSets), 'en')}, the last day of ${unitSetName('2020', unitSets).en}, when the old record closed).`,
  ),
  formerCounts: statusCounts.describe('Former communes by status as of the date'),
  formerNtm: z.int().describe('Former communes at đạt chuẩn or above.'),
  formerNtmShare: z
    .number()
    .nullable()
    .describe(
      'Share (0–1) of the area of its former communes (xã) that was at đạt chuẩn or above; former wards and townships are left out (null if it has no former xã).',
    ),
  historyAsOf: isoDate.describe("The date the former communes' statuses are read at."),
  ocopProducts: z.int().describe('OCOP products certified and placed in it as of the date'),
});
export type NewUnitProperties = z.infer<typeof newUnitProperties>;

/** A unit of one set without any status: the boundaries, with the dates the set was in force. */
export const unitProperties = unitRecord.omit({ geometry: true }).extend({
  formerCodes: z.array(communeCode).optional().describe('2025 units: the old communes merged whole into it.'),
});
export type UnitProperties = z.infer<typeof unitProperties>;

/** A crosswalk row with the names and types of both units. */
export const crosswalkEntry = z.object({
  fromSet: unitSet,
  fromCode: unitCode,
  fromName: z.string(),
  fromType: z.string(),
  toSet: unitSet,
  toCode: unitCode,
  toName: z.string(),
  toType: z.string(),
});
export type CrosswalkEntry = z.infer<typeof crosswalkEntry>;

/** An OCOP product as a point on its producer's commune, or its district's centre. */
export const productProperties = productRecord.omit({ point: true }).extend({
  unitSet: z.literal('2020'),
  communeName: z.string().nullable(),
  districtName: z.string().nullable(),
});
export type ProductProperties = z.infer<typeof productProperties>;

/** A producer (chủ thể) of OCOP products: a cooperative, company or household business. */
export const producerProperties = z.object({
  id: z.string(),
  name: z.string(),
  type: producerType.nullable(),
  products: z
    .array(z.object({ id: z.string(), name: z.string(), stars: productRecord.shape.stars }))
    .describe('Its products in the record, and how many of them are certified as of the date.'),
  certifiedProducts: z.int(),
  communeCodes: z.array(communeCode),
  districtCodes: z.array(districtCode),
  sources: z.array(sourceRef),
});
export type ProducerProperties = z.infer<typeof producerProperties>;

/** A raw-material zone; its shape is approximate unless `extent` is "surveyed". */
export const zoneProperties = zoneRecord.omit({ geometry: true }).extend({
  unitSet: z.literal('2020'),
  sourceTitle: z
    .string()
    .nullable()
    .describe(
      'Source of the latest fact about the zone: title (a GIS client changing attributes gives its own here, with sourceDate and sourceUrl; a redrawn shape alone keeps it, marked as not restated)',
    ),
  sourceDate: z.string().nullable().describe('Source of the latest fact: its date (YYYY-MM-DD for edits)'),
  sourceUrl: z.string().nullable().describe('Source of the latest fact: a link, when there is one'),
  districtCodes: z.array(districtCode),
  products: z.array(z.string()).describe('Ids of the OCOP products that depend on the zone (productLinks says which are confirmed).'),
  sources: z.array(sourceRef),
  shapeAreaHa: z
    .number()
    .nullable()
    .describe(
      'The area (ha) of a surveyed outline, measured geodesically from the drawn shape: no source states it. Null when the shape is only the extent of communes or districts.',
    ),
});
export type ZoneProperties = z.infer<typeof zoneProperties>;

/** An NTM recognition event with the names of the unit it was made on. */
export const recognitionProperties = recognitionRecord.extend({
  communeName: z.string(),
  districtCode: districtCode.nullable(),
  districtName: z.string().nullable(),
});
export type RecognitionProperties = z.infer<typeof recognitionProperties>;

export const targetProperties = targetRecord;

/** A commune's full record, for its card: every recognition and fact, and the unit it is part of now. */
export const communeDetail = communeProperties.extend({
  recognitions: z.array(recognitionRecord),
  facts: z.array(factRecord),
  now: z.object({ unitSet: z.literal('2025'), code: communeCode, name: z.string(), type: z.string() }).nullable(),
});
export type CommuneDetail = z.infer<typeof communeDetail>;

/** A district with its communes ranked by closeness to their next status. */
export const districtDetail = districtProperties.extend({
  communes: z.array(
    communeProperties.pick({ code: true, name: true, ntmStatus: true, ntmYear: true, criteriaMet: true, yearUnknown: true, disputed: true }).extend({
      nextStatus: ntmStatus.nullable(),
      progress: progress.nullable(),
    }),
  ),
  facts: z.array(factRecord),
});
export type DistrictDetail = z.infer<typeof districtDetail>;
