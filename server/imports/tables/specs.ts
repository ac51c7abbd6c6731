import type { Label } from '../../catalog/define.ts';
import { DATE_FORM, degreesSpanned, exampleCommune, labels, REASON, SOURCE_COLUMNS, type TemplateColumn, type TemplateData } from './columns.ts';

export type { TemplateColumn, TemplateData } from './columns.ts';
import { OCOP_GROUP_LABELS } from '../../domain/ocop.ts';
import { NTM_STATUS_LABELS, PROGRAMME_FIRST_YEAR } from '../../domain/ntm-status.ts';
import { unitSetName } from '../../messages/unit-sets.ts';

/**
 * The columns of the import templates, declared once: the template files (CSV and XLSX, with a
 * sheet explaining every column), the reading of uploaded tables and the column names in
 * row errors all come from here. A header is written for people — Vietnamese, then the field
 * key in brackets, "Mã xã (communeCode)" — and read by its key, its Vietnamese text, or both.
 */
export type TableKind = 'ntm-recognitions' | 'ocop-products';

/** The unit sets a recognition row can name; the example names the first that has communes. */
const RECOGNITION_SETS = ['2020', '2025'] as const;
const recognitionExampleSet = (d: TemplateData) => RECOGNITION_SETS.find((set) => d.units[set].communes.length) ?? RECOGNITION_SETS[0];
const recognitionExample = (d: TemplateData) => exampleCommune(d, recognitionExampleSet(d));

export interface TableSpec {
  kind: TableKind;
  title: Label;
  /** The template's file name stem: `mau-nhap-cong-nhan-ntm` → `.csv` / `.xlsx`. */
  fileStem: string;
  columns: readonly TemplateColumn[];
}

export const RECOGNITIONS_SPEC: TableSpec = {
  kind: 'ntm-recognitions',
  title: { vi: 'Công nhận xã đạt chuẩn nông thôn mới', en: 'NTM recognitions' },
  fileStem: 'mau-nhap-cong-nhan-ntm',
  columns: [
    {
      key: 'unitSet',
      header: { vi: 'Bộ đơn vị hành chính', en: 'Unit set' },
      help: ({ province: { unitSets } }) => ({
        vi: `Bộ đơn vị của mã xã: 2020 = các xã của ${unitSetName('2020', unitSets).vi}; 2025 = các xã, phường của ${unitSetName('2025', unitSets).vi}.`,
        en: `The unit set of the code: 2020 = the communes of ${unitSetName('2020', unitSets).en}; 2025 = the communes and wards of ${unitSetName('2025', unitSets).en}.`,
      }),
      allowed: { vi: '2020 hoặc 2025', en: '2020 or 2025' },
      example: recognitionExampleSet,
      required: true,
      asText: true,
    },
    {
      key: 'communeCode',
      header: { vi: 'Mã xã', en: 'Commune code' },
      help: { vi: 'Mã 5 chữ số của xã (Tổng cục Thống kê), trong bộ đơn vị đã chọn.', en: 'The 5-digit GSO code of the commune, in the chosen unit set.' },
      allowed: (d) => {
        const code = recognitionExample(d)?.code;
        return code ? { vi: `5 chữ số, ví dụ ${code}`, en: `5 digits, e.g. ${code}` } : { vi: '5 chữ số', en: '5 digits' };
      },
      example: (d) => recognitionExample(d)?.code ?? '',
      required: true,
      asText: true,
    },
    {
      key: 'communeName',
      header: { vi: 'Tên xã (để đối chiếu)', en: 'Commune name (to check)' },
      help: {
        vi: 'Không bắt buộc; nếu điền, được so với tên của mã xã để phát hiện nhầm mã.',
        en: 'Optional; when given it is compared with the code’s name to catch a wrong code.',
      },
      allowed: null,
      example: (d) => recognitionExample(d)?.name ?? '',
      required: false,
    },
    {
      key: 'status',
      header: { vi: 'Mức đạt', en: 'Status' },
      help: { vi: 'Mức được công nhận.', en: 'The status recognised.' },
      allowed: {
        vi: labels({
          basic: NTM_STATUS_LABELS.basic,
          standard: NTM_STATUS_LABELS.standard,
          advanced: NTM_STATUS_LABELS.advanced,
          model: NTM_STATUS_LABELS.model,
        }),
        en: 'basic, standard, advanced, model (or the Vietnamese names)',
      },
      example: 'standard',
      required: true,
    },
    {
      key: 'yearFor',
      header: { vi: 'Công nhận cho năm', en: 'Year recognised for' },
      help: {
        vi: 'Năm mà quyết định công nhận (thường là năm trước năm ra quyết định); để trống nếu nguồn không nói.',
        en: 'The year the recognition is for (often the year before the decision); empty when the source does not say.',
      },
      allowed: { vi: `từ ${PROGRAMME_FIRST_YEAR} đến năm hiện tại`, en: `${PROGRAMME_FIRST_YEAR} to the current year` },
      example: 2024,
      required: false,
    },
    {
      key: 'decisionRef',
      header: { vi: 'Số quyết định', en: 'Decision number' },
      help: { vi: 'Số hiệu quyết định công nhận.', en: 'The recognition decision’s number.' },
      allowed: null,
      example: '123/QĐ-UBND',
      required: false,
    },
    {
      key: 'decisionDate',
      header: { vi: 'Ngày quyết định', en: 'Decision date' },
      help: { vi: 'Ngày ký quyết định (cần khi có số quyết định).', en: 'Date the decision was signed (needed with a decision number).' },
      allowed: DATE_FORM,
      example: '2025-01-10',
      required: false,
    },
    {
      key: 'criteriaMet',
      header: { vi: 'Số tiêu chí đạt', en: 'Criteria met' },
      help: { vi: 'Số tiêu chí đạt (trên 19).', en: 'Number of criteria met (of 19).' },
      allowed: { vi: '0–19', en: '0–19' },
      example: 19,
      required: false,
    },
    {
      key: 'criteriaText',
      header: { vi: 'Ghi chú tiêu chí', en: 'Criteria note' },
      help: { vi: 'Ghi chú về tiêu chí (không bắt buộc).', en: 'A note on the criteria (optional).' },
      allowed: null,
      example: '',
      required: false,
    },
    {
      key: 'id',
      header: { vi: 'Mã bản ghi (để sửa)', en: 'Record id (to correct)' },
      help: {
        vi: 'Để trống khi thêm mới. Để sửa một công nhận đã có, ghi mã của nó (xem trên thẻ xã); dòng trùng xã, bộ đơn vị, mức và năm với một công nhận đã có cũng sửa công nhận đó.',
        en: 'Empty for a new recognition. To correct one, give its id (on the commune’s card); a row with the same commune, unit set, status and year as an existing recognition also corrects it.',
      },
      allowed: null,
      example: '',
      required: false,
    },
    REASON,
    ...SOURCE_COLUMNS,
  ],
};

export const PRODUCTS_SPEC: TableSpec = {
  kind: 'ocop-products',
  title: { vi: 'Sản phẩm OCOP', en: 'OCOP products' },
  fileStem: 'mau-nhap-san-pham-ocop',
  columns: [
    {
      key: 'id',
      header: { vi: 'Mã sản phẩm (để sửa)', en: 'Product id (to edit)' },
      help: {
        vi: 'Để trống khi thêm mới; sản phẩm trùng tên với một sản phẩm đã có sẽ sửa sản phẩm đó. Nhiều dòng cùng sản phẩm = nhiều giấy chứng nhận (công nhận lại, nâng sao).',
        en: 'Empty for a new product; a row named like an existing product edits it. Several rows for one product = several certificates (renewals, upgrades).',
      },
      allowed: null,
      example: '',
      required: false,
    },
    {
      key: 'name',
      header: { vi: 'Tên sản phẩm', en: 'Product name' },
      help: { vi: 'Tên sản phẩm như trên giấy chứng nhận.', en: 'The name on the certificate.' },
      allowed: null,
      example: 'Mật ong rừng (sản phẩm ví dụ)',
      required: true,
    },
    {
      key: 'producerName',
      header: { vi: 'Chủ thể', en: 'Producer' },
      help: { vi: 'Tên HTX, doanh nghiệp hoặc hộ sản xuất.', en: 'Name of the cooperative, company or household.' },
      allowed: null,
      example: 'HTX Nông nghiệp Ví Dụ',
      required: true,
    },
    {
      key: 'producerType',
      header: { vi: 'Loại chủ thể', en: 'Producer type' },
      help: { vi: 'Không bắt buộc.', en: 'Optional.' },
      allowed: { vi: 'cooperative = HTX; company = Công ty, doanh nghiệp; household = Hộ, cơ sở', en: 'cooperative, company, household' },
      example: 'cooperative',
      required: false,
    },
    {
      key: 'group',
      header: { vi: 'Nhóm sản phẩm', en: 'Product group' },
      help: { vi: 'Nhóm OCOP (I–VI).', en: 'The OCOP group (I–VI).' },
      allowed: {
        vi: labels(OCOP_GROUP_LABELS),
        en: 'I food, II beverages, III herbal, IV textiles and handicrafts, V household and decorative, VI rural tourism',
      },
      example: 'I',
      required: true,
    },
    {
      key: 'stars',
      header: { vi: 'Số sao', en: 'Stars' },
      help: { vi: 'Hạng sao trên giấy chứng nhận.', en: 'Stars on the certificate.' },
      allowed: { vi: '3, 4 hoặc 5', en: '3, 4 or 5' },
      example: 3,
      required: true,
    },
    {
      key: 'decisionRef',
      header: { vi: 'Số quyết định công nhận', en: 'Certificate decision number' },
      help: { vi: 'Số quyết định công nhận sản phẩm OCOP.', en: 'Number of the OCOP recognition decision.' },
      allowed: null,
      example: '45/QĐ-UBND',
      required: true,
    },
    {
      key: 'decisionDate',
      header: { vi: 'Ngày quyết định', en: 'Decision date' },
      help: { vi: 'Ngày ký quyết định; giấy chứng nhận tính từ ngày này.', en: 'Date signed; the certificate counts from it.' },
      allowed: DATE_FORM,
      example: '2024-03-01',
      required: true,
    },
    {
      key: 'expiresOn',
      header: { vi: 'Ngày hết hạn', en: 'Expiry date' },
      help: { vi: 'Để trống = 36 tháng sau ngày quyết định.', en: 'Empty = 36 months after the decision.' },
      allowed: DATE_FORM,
      example: '',
      required: false,
    },
    {
      key: 'communeCode',
      header: { vi: 'Mã xã của chủ thể', en: 'Producer’s commune code' },
      help: ({ province: { unitSets } }) => ({
        vi: `Mã xã (${unitSetName('2020', unitSets).vi}) nơi chủ thể sản xuất. Cần một trong: mã xã, mã huyện, hoặc kinh độ + vĩ độ.`,
        en: `Commune code (${unitSetName('2020', unitSets).en}) where the producer is. One of: commune code, district code, or longitude + latitude.`,
      }),
      allowed: { vi: '5 chữ số', en: '5 digits' },
      example: (d) => exampleCommune(d, '2020')?.code ?? '',
      required: false,
      asText: true,
    },
    {
      key: 'districtCode',
      header: { vi: 'Mã huyện (khi chưa rõ xã)', en: 'District code (when the commune is unknown)' },
      help: ({ province: { unitSets } }) => ({
        vi: `Mã 3 chữ số của huyện (${unitSetName('2020', unitSets).vi}).`,
        en: `3-digit district code (${unitSetName('2020', unitSets).en}).`,
      }),
      allowed: { vi: '3 chữ số', en: '3 digits' },
      example: '',
      required: false,
      asText: true,
    },
    {
      key: 'lon',
      header: { vi: 'Kinh độ', en: 'Longitude' },
      help: { vi: 'Vị trí chính xác (WGS 84, độ thập phân), nếu có.', en: 'Exact place (WGS 84, decimal degrees), if known.' },
      allowed: (d) => degreesSpanned(d, 'lon'),
      example: '',
      required: false,
    },
    {
      key: 'lat',
      header: { vi: 'Vĩ độ', en: 'Latitude' },
      help: { vi: 'Vĩ độ (WGS 84), đi cùng kinh độ.', en: 'Latitude (WGS 84), with the longitude.' },
      allowed: (d) => degreesSpanned(d, 'lat'),
      example: '',
      required: false,
    },
    REASON,
    ...SOURCE_COLUMNS,
  ],
};

export const TABLE_SPECS: Record<TableKind, TableSpec> = { 'ntm-recognitions': RECOGNITIONS_SPEC, 'ocop-products': PRODUCTS_SPEC };

/** A column as one province's template shows it: its allowed values and example read from the data. */
export type ResolvedColumn = Omit<TemplateColumn, 'help' | 'allowed' | 'example'> & { help: Label; allowed: Label | null; example: string | number };

/** A table spec as one province's template is made and read back with. */
export interface ResolvedTable extends Omit<TableSpec, 'columns'> {
  columns: readonly ResolvedColumn[];
}

/** The spec with its data-dependent parts read from `data`: the same data always gives the same template. */
export function tableFor(spec: TableSpec, data: TemplateData): ResolvedTable {
  const read = <T>(v: T | ((d: TemplateData) => T)): T => (typeof v === 'function' ? (v as (d: TemplateData) => T)(data) : v);
  return { ...spec, columns: spec.columns.map((c) => ({ ...c, help: read(c.help), allowed: read(c.allowed), example: read(c.example) })) };
}

/** The header a template writes: "Mã xã (communeCode)". */
export const headerText = (c: Pick<TemplateColumn, 'header' | 'key'>) => `${c.header.vi} (${c.key})`;
