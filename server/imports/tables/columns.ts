import type { Label } from '../../catalog/define.ts';

/**
 * What every template column declares, and the columns all templates share: a row's source
 * (title, date, link, confidence, note) and the reason for a correction.
 */
export interface TemplateColumn {
  key: string;
  header: Label;
  help: Label;
  /** The values allowed, when the list is closed or the form fixed. */
  allowed: Label | null;
  example: string | number;
  required: boolean;
  /** Kept as text in Excel (codes with leading zeros). */
  asText?: boolean;
}

export const labels = <K extends string>(m: Record<K, Label>) =>
  Object.entries(m as Record<string, Label>)
    .map(([k, l]) => `${k} = ${l.vi}`)
    .join('; ');

export const DATE_FORM: Label = { vi: 'YYYY-MM-DD hoặc DD/MM/YYYY', en: 'YYYY-MM-DD or DD/MM/YYYY' };

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
    example: 'Quyết định công nhận xã đạt chuẩn NTM năm 2024',
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
    example: 'https://dienbien.gov.vn/van-ban/123',
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
