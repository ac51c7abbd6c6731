import type { Collection } from '../../../server/catalog/define.ts';
import { CROPS, type Crop } from '../../../server/domain/crops.ts';
import { NTM_STATUS_LABELS, type NtmStatus } from '../../../server/domain/ntm-status.ts';
import { OCOP_GROUP_LABELS, type OcopGroup } from '../../../server/domain/ocop.ts';
import type { Label, Lang } from '../../lib/label.ts';
import { formatDate, formatNumber } from '../i18n.ts';
import { type ColumnKind, columnValue, type FlatColumn, flatColumns } from './flat-columns.ts';

/**
 * The table view's columns, chosen from a collection's flat columns (its schema): every
 * attribute except identifiers and technical fields the row already says otherwise, the name
 * first. Each has a heading in both languages, a display text for the active language and a sort
 * key; a test checks that every column a layer's table can show has its heading.
 */
export interface TableColumn {
  key: string;
  label: Label;
  kind: ColumnKind | 'share';
  /** The row's header cell (`<th scope="row">`): the name. */
  rowHeader: boolean;
  value(properties: unknown): unknown;
  text(value: unknown, lang: Lang): string;
  /** Compares two values for sorting; empty values go last whichever the direction. */
  compare(a: unknown, b: unknown, lang: Lang): number;
}

/** Left out of tables: the unit set (in the caption), shapes' label points, codes of parents, ids, and lists of ids. */
const HIDDEN =
  /^(unitSet|fullName|labelPoint|districtCode|communeCode|producerId|id|formerCodes|formerCounts\..*|historyAsOf|communeCodes|districtCodes|products|productLinks|facts)$/;

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
  sources: { vi: 'Nguồn', en: 'Sources' },
  former: { vi: 'Các xã cũ (mức)', en: 'Former communes (status)' },
  formerNtm: { vi: 'Xã cũ đạt chuẩn', en: 'Former NTM communes' },
  formerNtmShare: { vi: 'Diện tích xã cũ đạt chuẩn', en: 'Area of former NTM communes' },
  communeCount: { vi: 'Số xã', en: 'Communes' },
  ntmCommunes: { vi: 'Xã đạt chuẩn trở lên', en: 'NTM communes' },
  basicCommunes: { vi: 'Xã cơ bản đạt chuẩn', en: 'Basically met' },
  advancedCommunes: { vi: 'Xã nâng cao', en: 'Advanced' },
  modelCommunes: { vi: 'Xã kiểu mẫu', en: 'Model' },
  ntmShare: { vi: 'Tỷ lệ xã đạt chuẩn', en: 'Share of NTM communes' },
  hasNtmCommune: { vi: 'Đã có xã NTM', en: 'Has an NTM commune' },
  nearestToNtm: { vi: 'Xã gần đạt chuẩn nhất', en: 'Closest to NTM' },
  noNtmSources: { vi: 'Nguồn nêu “chưa có xã NTM”', en: 'Sources for “no NTM commune”' },
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
  ratings: { vi: 'Các lần xếp hạng', en: 'Ratings' },
  crop: { vi: 'Cây trồng, vật nuôi', en: 'Crop' },
  areaHa: { vi: 'Diện tích (ha)', en: 'Area (ha)' },
  areaApprox: { vi: 'Diện tích ước tính', en: 'Area approximate' },
  areaText: { vi: 'Diện tích (theo nguồn)', en: 'Area (as the source says)' },
  extent: { vi: 'Hình vùng', en: 'Shape' },
};

/** Texts of enum values, by column. */
const ENUM_LABELS: Record<string, (v: string | number) => Label> = {
  ntmStatus: (v) => NTM_STATUS_LABELS[v as NtmStatus],
  group: (v) => ({ vi: `${v}. ${OCOP_GROUP_LABELS[v as OcopGroup].vi}`, en: `${v}. ${OCOP_GROUP_LABELS[v as OcopGroup].en}` }),
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

type Item = Record<string, unknown>;

/** How one element of a list column reads. */
function itemText(key: string, item: unknown, lang: Lang): string {
  if (typeof item !== 'object' || item === null) return key === 'inferred' ? (COLUMN_LABELS[String(item)]?.[lang] ?? String(item)) : String(item);
  const o = item as Item;
  if (key === 'ratings') return `${o.stars}★ (${o.year ?? o.yearText ?? '?'})`;
  if (typeof o.name === 'string' && typeof o.status === 'string') return `${o.name} (${NTM_STATUS_LABELS[o.status as NtmStatus][lang]})`;
  if (typeof o.name === 'string') return o.name;
  if (typeof o.title === 'string') return o.date ? `${o.title} (${o.date})` : o.title;
  return JSON.stringify(o);
}

const YES_NO: Record<Lang, [string, string]> = { vi: ['có', 'không'], en: ['yes', 'no'] };

function textOf(column: FlatColumn, kind: TableColumn['kind'], v: unknown, lang: Lang): string {
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
      return ENUM_LABELS[column.key]?.(v as string | number)?.[lang] ?? String(v);
    case 'list':
      return (v as unknown[]).map((item) => itemText(column.key, item, lang)).join('; ');
    default:
      return String(v);
  }
}

const collators = new Map<Lang, Intl.Collator>();
const collator = (lang: Lang) => {
  if (!collators.has(lang)) collators.set(lang, new Intl.Collator(lang === 'vi' ? 'vi' : 'en-GB', { numeric: true, sensitivity: 'base' }));
  return collators.get(lang)!;
};

function compareOf(column: FlatColumn, kind: TableColumn['kind']): TableColumn['compare'] {
  return (a, b, lang) => {
    const emptyA = a === null || a === undefined || (Array.isArray(a) && a.length === 0);
    const emptyB = b === null || b === undefined || (Array.isArray(b) && b.length === 0);
    if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? 1 : -1;
    if (kind === 'enum' && column.values) return column.values.indexOf(a as string) - column.values.indexOf(b as string);
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    if (typeof a === 'boolean') return Number(a) - Number(b);
    return collator(lang).compare(textOf(column, kind, a, lang), textOf(column, kind, b, lang));
  };
}

/** The columns a collection's table shows: the name first, then the schema's order. */
export function tableColumns(collection: Collection): TableColumn[] {
  const flat = flatColumns(collection.properties).filter((c) => !HIDDEN.test(c.key));
  const ordered = [...flat.filter((c) => c.key === 'name'), ...flat.filter((c) => c.key !== 'name')];
  return ordered.map((c) => {
    const kind = SHARES.has(c.key) ? 'share' : c.kind;
    return {
      key: c.key,
      label: COLUMN_LABELS[c.key] ?? { vi: c.key, en: c.key },
      kind,
      rowHeader: c.key === 'name',
      value: (p) => columnValue(c, p),
      text: (v, lang) => textOf(c, kind, v, lang),
      compare: compareOf(c, kind),
    };
  });
}

/** Whether a column holds numbers (right-aligned, tabular figures). */
export const isNumeric = (c: TableColumn) => c.kind === 'integer' || c.kind === 'number' || c.kind === 'share';
