import { type Column, columnsOf, LIST_SEPARATOR } from '../../../server/catalog/columns.ts';
import type { Collection } from '../../../server/catalog/define.ts';
import { CROPS, type Crop } from '../../../server/domain/crops.ts';
import { UNIT_NTM_STATUS_LABELS, UNIT_NTM_STATUSES, type UnitNtmStatus } from '../../../server/domain/ntm-status.ts';
import { OCOP_GROUP_LABELS, OCOP_GROUPS, type OcopGroup } from '../../../server/domain/ocop.ts';
import { unitTypeText } from '../../../server/domain/unit-types.ts';
import type { Label, Lang } from '../../lib/label.ts';
import { sinceText } from '../../lib/since.ts';
import { formatDate, formatNumber } from '../i18n.ts';

/**
 * The table view's columns, chosen from a collection's flat columns (server/catalog/columns.ts:
 * the same columns, in the same order, as the CSV and XLSX downloads): every attribute except
 * identifiers, codes of parents, positions and the details of each source (the card shows them),
 * the name first. Each has a heading in both languages, a display text for the active language
 * and a comparison for sorting; a test checks that every column a layer's table can show has its
 * heading.
 */
export type ColumnKind = 'text' | 'integer' | 'number' | 'boolean' | 'date' | 'enum' | 'list' | 'share';

export interface TableColumn {
  key: string;
  label: Label;
  kind: ColumnKind;
  /** The row's header cell (`<th scope="row">`): the name. */
  rowHeader: boolean;
  value(properties: unknown): unknown;
  /** The value's text; with the row's properties, as exact as the row's sources (a status's start). */
  text(value: unknown, lang: Lang, properties?: unknown): string;
  /** Compares two values for sorting; empty values go last whichever the direction. */
  compare(a: unknown, b: unknown, lang: Lang): number;
}

/**
 * Left out of tables: the unit set (in the caption), label points, codes of parents, ids, lists of
 * ids, and a zone's latest source in separate fields (for GIS clients' edits; the sources column
 * lists every source).
 */
const HIDDEN =
  /^(unitSet|fullName|labelPoint\..*|districtCode|communeCode|producerId|id|formerCodes|formerCounts\..*|historyAsOf|communeCodes|districtCodes|products|productLinks\..*|facts\..*|source(Title|Date|Url))$/;
/** Of a list of objects (sources, former communes, ratings), the table shows only these parts. */
const LIST_PARTS = /^[^.]+\.(name|title|status|stars|year)$/;

/** Shares 0–1 shown as percentages. */
const SHARES = new Set(['ntmShare', 'formerNtmShare']);

export const COLUMN_LABELS: Record<string, Label> = {
  name: { vi: 'Tên', en: 'Name' },
  code: { vi: 'Mã', en: 'Code' },
  type: { vi: 'Loại', en: 'Type' },
  districtName: { vi: 'Huyện', en: 'District' },
  communeName: { vi: 'Xã', en: 'Commune' },
  areaKm2: { vi: 'Diện tích (km²)', en: 'Area (km²)' },
  validFrom: { vi: 'Thành lập từ', en: 'In force from' },
  ntmStatus: { vi: 'Mức đạt chuẩn NTM', en: 'NTM status' },
  ntmYear: { vi: 'Công nhận cho năm', en: 'Recognised for' },
  yearUnknown: { vi: 'Chưa rõ năm', en: 'Year unknown' },
  since: { vi: 'Tính từ ngày', en: 'Counts from' },
  criteriaMet: { vi: 'Số tiêu chí đạt', en: 'Criteria met' },
  criteriaText: { vi: 'Tiêu chí (theo nguồn)', en: 'Criteria (as the source says)' },
  'decision.ref': { vi: 'Quyết định', en: 'Decision' },
  'decision.date': { vi: 'Ngày quyết định', en: 'Decision date' },
  disputed: { vi: 'Nguồn mâu thuẫn', en: 'Sources disagree' },
  disputeNote: { vi: 'Ghi chú mâu thuẫn', en: 'Disagreement' },
  ocopProducts: { vi: 'Sản phẩm OCOP', en: 'OCOP products' },
  'sources.title': { vi: 'Nguồn', en: 'Sources' },
  'former.name': { vi: 'Các xã cũ', en: 'Former communes' },
  'former.status': { vi: 'Mức của các xã cũ', en: 'Their status' },
  'former.year': { vi: 'Năm (các xã cũ)', en: 'Their year' },
  formerNtm: { vi: 'Xã cũ đạt chuẩn', en: 'Former NTM communes' },
  formerNtmShare: { vi: 'Diện tích xã cũ đạt chuẩn', en: 'Area of former NTM communes' },
  communeCount: { vi: 'Số xã', en: 'Communes' },
  ntmCommunes: { vi: 'Xã đạt chuẩn trở lên', en: 'NTM communes' },
  basicCommunes: { vi: 'Xã cơ bản đạt chuẩn', en: 'Basically met' },
  advancedCommunes: { vi: 'Xã nâng cao', en: 'Advanced' },
  modelCommunes: { vi: 'Xã kiểu mẫu', en: 'Model' },
  ntmShare: { vi: 'Tỷ lệ xã đạt chuẩn', en: 'Share of NTM communes' },
  hasNtmCommune: { vi: 'Đã có xã NTM', en: 'Has an NTM commune' },
  'nearestToNtm.name': { vi: 'Xã gần đạt chuẩn nhất', en: 'Closest to NTM' },
  'nearestToNtm.status': { vi: 'Mức của các xã đó', en: 'Their status' },
  'noNtmSources.title': { vi: 'Nguồn nêu “chưa có xã NTM”', en: 'Sources for “no NTM commune”' },
  producer: { vi: 'Chủ thể', en: 'Producer' },
  producerType: { vi: 'Loại chủ thể', en: 'Producer type' },
  stars: { vi: 'Số sao', en: 'Stars' },
  year: { vi: 'Năm', en: 'Year' },
  certifiedBy: { vi: 'Chứng nhận muộn nhất năm', en: 'Certified by' },
  countsFrom: { vi: 'Tính từ ngày', en: 'Counts from' },
  expiryYear: { vi: 'Hết hạn năm', en: 'Expires' },
  yearText: { vi: 'Năm (theo nguồn)', en: 'Year (as the source says)' },
  group: { vi: 'Nhóm OCOP', en: 'OCOP group' },
  location: { vi: 'Vị trí', en: 'Place' },
  inferred: { vi: 'Suy luận (nguồn không nêu)', en: 'Inferred (no source states it)' },
  caveats: { vi: 'Lưu ý', en: 'Caveats' },
  'ratings.stars': { vi: 'Các lần xếp hạng (sao)', en: 'Ratings (stars)' },
  'ratings.year': { vi: 'Các lần xếp hạng (năm)', en: 'Ratings (year)' },
  crop: { vi: 'Cây trồng, vật nuôi', en: 'Crop' },
  areaHa: { vi: 'Diện tích (ha)', en: 'Area (ha)' },
  areaApprox: { vi: 'Diện tích ước tính', en: 'Area approximate' },
  areaText: { vi: 'Diện tích (theo nguồn)', en: 'Area (as the source says)' },
  extent: { vi: 'Hình vùng', en: 'Shape' },
  shapeAreaHa: { vi: 'Diện tích đo trên hình vẽ (ha)', en: 'Area measured on the drawn shape (ha)' },
};

/** Texts of enum values, by column (or by the part of a list: `former.status`). */
const ENUM_LABELS: Record<string, (v: string | number) => Label | undefined> = {
  ntmStatus: (v) => UNIT_NTM_STATUS_LABELS[v as UnitNtmStatus],
  status: (v) => UNIT_NTM_STATUS_LABELS[v as UnitNtmStatus],
  inferred: (v) => COLUMN_LABELS[v],
  // A unit's type as the official lists write it ("Phường"), in the interface's language ("Ward").
  type: (v) => unitTypeText(String(v)),
  group: (v) =>
    OCOP_GROUP_LABELS[v as OcopGroup]
      ? { vi: `${v}. ${OCOP_GROUP_LABELS[v as OcopGroup].vi}`, en: `${v}. ${OCOP_GROUP_LABELS[v as OcopGroup].en}` }
      : undefined,
  crop: (v) => CROPS[v as Crop],
  stars: (v) => ({ vi: `${v}★`, en: `${v}★` }),
  producerType: (v) =>
    ({
      cooperative: { vi: 'Hợp tác xã', en: 'Cooperative' },
      company: { vi: 'Doanh nghiệp', en: 'Company' },
      household: { vi: 'Hộ kinh doanh', en: 'Household business' },
    })[v as 'cooperative'],
  location: (v) => ({ commune: { vi: 'xã của chủ thể', en: 'producer’s commune' }, district: { vi: 'chỉ biết huyện', en: 'district only' } })[v as 'commune'],
  extent: (v) =>
    ({
      communes: { vi: 'gần đúng, theo các xã', en: 'approximate, by communes' },
      district: { vi: 'rất gần đúng, cả huyện', en: 'very approximate, whole district' },
      surveyed: { vi: 'ranh giới khảo sát', en: 'surveyed outline' },
    })[v as 'communes'],
};

/** Texts that depend on more of the row than the column's value. */
const ROW_TEXTS: Record<string, (properties: Record<string, unknown>, lang: Lang) => string> = {
  // "2025" when the only source gives the year, not 1 January as if a source had named that day (as the card shows it).
  since: (p, lang) =>
    sinceText(
      String(p.since),
      p.yearUnknown === true,
      ((p.sources ?? []) as { date: string }[]).map((s) => s.date),
      lang,
    ),
};

/** Enum values sorted by rank, not by their text. */
const ENUM_ORDER: Record<string, readonly string[]> = { ntmStatus: UNIT_NTM_STATUSES, group: OCOP_GROUPS };

const partOf = (key: string) => key.slice(key.lastIndexOf('.') + 1);

const YES_NO: Record<Lang, [string, string]> = { vi: ['có', 'không'], en: ['yes', 'no'] };

function textOf(key: string, kind: ColumnKind, v: unknown, lang: Lang): string {
  if (v === null || v === undefined) return '';
  switch (kind) {
    case 'integer':
      return String(v);
    case 'number':
      return formatNumber(v as number, lang);
    case 'share':
      return `${formatNumber(Math.round((v as number) * 1000) / 10, lang)}${lang === 'vi' ? ' %' : '%'}`;
    case 'boolean':
      return YES_NO[lang][v ? 0 : 1];
    case 'date':
      return formatDate(v as string, lang);
    case 'enum':
      return ENUM_LABELS[key]?.(v as string | number)?.[lang] ?? String(v);
    case 'list': {
      const label = ENUM_LABELS[partOf(key)];
      const items = String(v).split(LIST_SEPARATOR);
      if (label) return items.map((x) => label(x)?.[lang] ?? x).join(LIST_SEPARATOR);
      if (partOf(key) === 'stars') return items.map((x) => (x ? `${x}★` : x)).join(LIST_SEPARATOR);
      return String(v);
    }
    default:
      return String(v);
  }
}

const collators = new Map<Lang, Intl.Collator>();
const collator = (lang: Lang) => {
  if (!collators.has(lang)) collators.set(lang, new Intl.Collator(lang === 'vi' ? 'vi' : 'en-GB', { numeric: true, sensitivity: 'base' }));
  return collators.get(lang)!;
};

function compareOf(key: string, kind: ColumnKind): TableColumn['compare'] {
  const order = ENUM_ORDER[key];
  return (a, b, lang) => {
    const emptyA = a === null || a === undefined || a === '';
    const emptyB = b === null || b === undefined || b === '';
    if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? 1 : -1;
    if (order) return order.indexOf(a as string) - order.indexOf(b as string);
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    if (typeof a === 'boolean') return Number(a) - Number(b);
    return collator(lang).compare(textOf(key, kind, a, lang), textOf(key, kind, b, lang));
  };
}

function kindOf(c: Column): ColumnKind {
  if (c.form !== 'value') return 'list';
  if (SHARES.has(c.key)) return 'share';
  if (Object.hasOwn(ENUM_LABELS, c.key)) return 'enum';
  if (c.type === 'real') return 'number';
  return c.type;
}

/** Whether the table shows a flat column. */
const shown = (c: Column) => !HIDDEN.test(c.key) && (c.form === 'value' || !c.key.includes('.') || LIST_PARTS.test(c.key));

/** The columns a collection's table shows: the name first, then the schema's order. */
export function tableColumns(collection: Collection): TableColumn[] {
  const flat = columnsOf(collection.properties).filter(shown);
  const ordered = [...flat.filter((c) => c.key === 'name'), ...flat.filter((c) => c.key !== 'name')];
  return ordered.map((c) => {
    const kind = kindOf(c);
    return {
      key: c.key,
      label: COLUMN_LABELS[c.key] ?? { vi: c.key, en: c.key },
      kind,
      rowHeader: c.key === 'name',
      value: (p) => c.value(p),
      text: (v, lang, properties) =>
        properties && v !== null && v !== undefined && ROW_TEXTS[c.key]
          ? ROW_TEXTS[c.key](properties as Record<string, unknown>, lang)
          : textOf(c.key, kind, v, lang),
      compare: compareOf(c.key, kind),
    };
  });
}

/** Whether a column holds numbers (right-aligned, tabular figures). */
export const isNumeric = (c: TableColumn) => c.kind === 'integer' || c.kind === 'number' || c.kind === 'share';
