import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { Crop, ZoneExtent } from './crops.ts';
import type { IsoDate } from './dates.ts';
import type { RecognisedStatus } from './ntm-status.ts';
import type { OcopGroup, ProducerType } from './ocop.ts';
import type { UnitSet } from './unit-sets.ts';

/**
 * The records of the files under geodata/: written by the data pipeline (scripts/),
 * read by the database seed (server/db/seed.ts). This is the contract between the two.
 */

export type { UnitSet };

export type Areal = Polygon | MultiPolygon;

export interface UnitProps {
  code: string;
  name: string;
  type: string;
  fullName: string;
  level: 'district' | 'commune';
  unitSet: UnitSet;
  /** Parent district for communes of the 2019 and 2020 sets; null otherwise. */
  districtCode: string | null;
  validFrom: string | null;
  validTo: string | null;
  areaKm2: number;
  labelPoint: Position;
  /** 2025 units: the old (2020-set) communes merged whole into this one. */
  formerCodes?: string[];
}

export type UnitFeature = Feature<Areal, UnitProps>;

export interface CrosswalkRow {
  fromSet: UnitSet;
  fromCode: string;
  toSet: UnitSet;
  toCode: string;
}

export type Confidence = 'high' | 'medium' | 'low';

export interface Source {
  id: number;
  title: string;
  ref: string;
  /** The date as the source states it ("2021 (approx.)"). */
  date: string;
  /** First day of the period that date names, or null when undated. */
  dateStart: string | null;
}

/** One fact's backing: a source, how sure the researcher was, and what they noted. */
export interface Citation {
  sourceId: number;
  confidence: Confidence;
  note: string;
  /** Which research file and line the fact came from, for traceability. */
  origin: string;
}

export interface NtmRecognition {
  id: string;
  communeCode: string;
  status: RecognisedStatus;
  yearFor: number | null;
  yearUnknown: boolean;
  countsFrom: IsoDate | null;
  decision: { ref: string; date: IsoDate } | null;
  criteriaMet: number | null;
  criteriaText: string | null;
  disputed: boolean;
  disputeNote: string | null;
  /** Set when the event was recorded on a unit that no longer exists (Tà Lèng, of the 2019 set). */
  recordedAs: { unitSet: '2019'; code: string; name: string } | null;
  citations: Citation[];
}

export type NtmFactKind = 'criteria-progress' | 'advanced-progress' | 'district-without-ntm' | 'district-progress' | 'village-recognised';

export interface NtmFact {
  id: string;
  kind: NtmFactKind;
  unitSet: '2020' | '2025';
  level: 'commune' | 'district';
  code: string;
  village: string | null;
  year: number | null;
  criteriaText: string | null;
  citations: Citation[];
}

export interface Producer {
  id: string;
  name: string;
  type: ProducerType | null;
}

export interface Rating {
  stars: 3 | 4 | 5;
  /** Exact year of certification, when a source gives one. */
  year: number | null;
  /** The year as stated when not exact ("2019-2020", "<=2024"). */
  yearText: string | null;
  inferred: boolean;
  sourceIds: number[];
}

export type InferredField = 'stars' | 'group' | 'location';

export interface OcopProduct {
  id: string;
  name: string;
  producerId: string | null;
  stars: 3 | 4 | 5 | null;
  /** First year of certification (exact), or null. */
  year: number | null;
  /** The earliest year by which a source says it was certified (an exact year, or the end of a stated range). */
  certifiedBy: number | null;
  /** When the product first counts in "as of" figures (see domain/ocop-as-of.ts). */
  countsFrom: IsoDate | null;
  yearText: string | null;
  ratings: Rating[];
  group: OcopGroup | null;
  communeCode: string | null;
  districtCode: string | null;
  location: 'commune' | 'district' | null;
  inferred: InferredField[];
  expiryYear: number | null;
  disputed: boolean;
  caveats: string[];
  citations: Citation[];
}

/**
 * Raw-material zones. No surveyed polygons exist, so a zone's shape is the union of the
 * communes its sources name (`extent: "communes"`), or of its districts when sources give only
 * district totals (`extent: "district"`). Both are approximations and say so. A zone's headline
 * area is the figure of its most recent dated fact (ties: higher confidence, then file order);
 * every fact, with its own area, year and source, is kept.
 */
export interface ZoneFact {
  areaHa: number | null;
  areaText: string | null;
  year: string | null;
  placeText: string;
  citation: Citation;
}

export interface Zone {
  id: string;
  name: string;
  crop: Crop;
  areaHa: number | null;
  areaApprox: boolean;
  areaText: string | null;
  year: string | null;
  communeCodes: string[];
  districtCodes: string[];
  extent: ZoneExtent;
  productLinks: { id: string; confirmed: boolean }[];
  facts: ZoneFact[];
  geometry: Polygon | MultiPolygon;
}

export interface Target {
  id: string;
  indicator: string;
  /** A stable key for charts; "other" for context rows. */
  indicatorKey: string;
  scope: string;
  targetText: string | null;
  targetValue: number | null;
  targetYear: number | null;
  actualText: string | null;
  actualValue: number | null;
  actualDate: IsoDate | null;
  citation: Citation;
}
