import type { CatalogRecord } from '../../catalog/data.ts';
import type { Label } from '../../catalog/define.ts';
import type { UnitRecord } from '../../catalog/records.ts';
import type { UnitSet } from '../../domain/unit-sets.ts';
import { ntmApplies } from '../../domain/ntm-status.ts';

/**
 * What every template column declares, and the columns all templates share: a row's source
 * (title, date, link, confidence, note) and the reason for a correction.
 */
export interface TemplateColumn {
  key: string;
  header: Label;
  /** What it holds; read from the data where it names a unit set (whose dates are the province's). */
  help: FromData<Label>;
  /** The values allowed, when the list is closed or the form fixed. */
  allowed: FromData<Label | null>;
  /** The example row's value; one that names a unit or a place is read from the province's data. */
  example: FromData<string | number>;
  required: boolean;
  /** Kept as text in Excel (codes with leading zeros). */
  asText?: boolean;
}

/** What a template reads from the data it is served with: the province and its units. */
export type TemplateData = Pick<CatalogRecord, 'province' | 'units'>;

/** Fixed in the spec, or read from the province's data whenever a template is made or read back. */
export type FromData<T> = T | ((data: TemplateData) => T);

export const labels = <K extends string>(m: Record<K, Label>) =>
  Object.entries(m as Record<string, Label>)
    .map(([k, l]) => `${k} = ${l.vi}`)
    .join('; ');

export const DATE_FORM: Label = { vi: 'YYYY-MM-DD hoặc DD/MM/YYYY', en: 'YYYY-MM-DD or DD/MM/YYYY' };

/** The example row's source link: on example.org, so it is plainly no source. */
export const EXAMPLE_SOURCE_URL = 'https://example.org/van-ban/123-qd-ubnd';

/**
 * Source links only a template's example row ever carried: today's, and the one templates had until
 * 27 Nov 2026 (copies downloaded before are still about). A row citing one is the example row,
 * whatever else it says, so an old template's example is never imported as a fact.
 */
export const EXAMPLE_SOURCE_URLS: ReadonlySet<string> = new Set([EXAMPLE_SOURCE_URL, 'https://dienbien.gov.vn/van-ban/123']);

/** Every fact needs a source: in its row, or one source given for the whole file when importing. */
export const SOURCE_COLUMNS: readonly TemplateColumn[] = [
  {
    key: 'sourceTitle',
    header: { vi: 'Nguồn: tên văn bản', en: 'Source: title' },
    help: {
      vi: 'Tên văn bản nguồn (quyết định, báo cáo). Để trống cả 3 cột nguồn nếu dùng một nguồn chung cho cả tệp khi nhập.',
      en: 'Title of the source document (decision, report). Leave the three source columns empty to give one source for the whole file when importing.',
    },
    allowed: null,
    example: 'Quyết định công nhận năm 2024 (văn bản ví dụ)',
    required: false,
  },
  {
    key: 'sourceDate',
    header: { vi: 'Nguồn: ngày', en: 'Source: date' },
    help: { vi: 'Ngày của văn bản nguồn.', en: 'Date of the source.' },
    allowed: DATE_FORM,
    example: '2025-01-15',
    required: false,
  },
  {
    key: 'sourceUrl',
    header: { vi: 'Nguồn: đường dẫn', en: 'Source: link' },
    help: { vi: 'Địa chỉ web của văn bản (http:// hoặc https://).', en: 'Web address of the document (http:// or https://).' },
    allowed: { vi: 'http://… hoặc https://…', en: 'http://… or https://…' },
    example: EXAMPLE_SOURCE_URL,
    required: false,
  },
  {
    key: 'sourceConfidence',
    header: { vi: 'Nguồn: độ tin cậy', en: 'Source: confidence' },
    help: { vi: 'Mức tin cậy của nguồn; để trống = cao.', en: 'How reliable the source is; empty = high.' },
    allowed: { vi: 'high = cao; medium = trung bình; low = thấp', en: 'high; medium; low' },
    example: 'high',
    required: false,
  },
  {
    key: 'sourceNote',
    header: { vi: 'Nguồn: ghi chú', en: 'Source: note' },
    help: { vi: 'Ghi chú thêm về nguồn.', en: 'Any note on the source.' },
    allowed: null,
    example: '',
    required: false,
  },
];

export const REASON: TemplateColumn = {
  key: 'reason',
  header: { vi: 'Lý do sửa', en: 'Reason for the change' },
  help: {
    vi: 'Khi dòng sửa một bản ghi đã có: vì sao sửa. Để trống: "Nhập từ tệp …".',
    en: 'When the row changes an existing record: why. Empty: "Imported from file …".',
  },
  allowed: null,
  example: '',
  required: false,
};

/**
 * The commune the examples of a unit set name: its first rural commune (xã, which NTM assesses) by
 * code, so the same data always gives the same example and the template of any province shows one of
 * its own units; the first unit of any type when it has no xã. Null when the set has no communes.
 */
export function exampleCommune(data: TemplateData, set: UnitSet): UnitRecord | null {
  const first = (units: readonly UnitRecord[]) => units.reduce<UnitRecord | null>((a, c) => (!a || c.code < a.code ? c : a), null);
  const communes = data.units[set].communes;
  return first(communes.filter((c) => ntmApplies(c.type))) ?? first(communes);
}

/** The whole degrees the province spans on one axis, "102–104": its bounds, rounded outward. */
export function degreesSpanned(data: TemplateData, axis: 'lon' | 'lat'): Label {
  const [w, s, e, n] = data.province.bounds;
  const [lo, hi] = axis === 'lon' ? [w, e] : [s, n];
  const text = `${Math.floor(lo)}–${Math.ceil(hi)}`;
  return { vi: text, en: text };
}
