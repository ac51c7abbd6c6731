import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { headerText, type ResolvedTable } from './specs.ts';

/**
 * The import templates: the template's columns with people's headers and one example row,
 * and the explanation of every column — a second sheet in XLSX, "#" lines under the table in
 * CSV (skipped when the file is read back). The example row names one of the province's own
 * communes (the table is resolved from the data it is served with); it is recognised on upload
 * and refused if left in, so an example can never be imported as a fact.
 */

const NOTE_VI = 'Dòng 2 là ví dụ: ghi đè hoặc xoá trước khi nhập.';
const NOTE_EN = 'Row 2 is an example: overwrite or delete it before importing.';

/** The CSV template: UTF-8 with BOM (Excel then reads the Vietnamese correctly). */
export function templateCsv(spec: ResolvedTable): string {
  const rows: (string | number)[][] = [spec.columns.map(headerText), spec.columns.map((c) => c.example)];
  const notes = [
    [],
    [`# ${spec.title.vi} — ${spec.title.en}. ${NOTE_VI} ${NOTE_EN}`],
    ...spec.columns.map((c) => [
      `# ${c.key}: ${c.header.vi}${c.required ? ' (bắt buộc / required)' : ''} — ${c.help.vi}${c.allowed ? ` Giá trị: ${c.allowed.vi}.` : ''} / ${c.help.en}${c.allowed ? ` Values: ${c.allowed.en}.` : ''}`,
    ]),
  ];
  return `\uFEFF${stringify([...rows, ...notes], { record_delimiter: '\r\n' })}`;
}

/** The XLSX template: sheet "Dữ liệu" (headers, example, codes kept as text, lists for closed values) and sheet "Hướng dẫn". */
export async function templateXlsx(spec: ResolvedTable): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Bản đồ NTM & OCOP';
  const data = wb.addWorksheet('Dữ liệu', { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = spec.columns.map((c) => ({
    header: headerText(c),
    key: c.key,
    width: Math.max(14, headerText(c).length + 2),
    style: c.asText ? { numFmt: '@' } : {},
  }));
  data.getRow(1).font = { bold: true };
  const example = data.addRow(Object.fromEntries(spec.columns.map((c) => [c.key, c.example === '' ? null : c.asText ? String(c.example) : c.example])));
  example.font = { italic: true, color: { argb: 'FF666666' } };
  spec.columns.forEach((c, i) => {
    data.getCell(1, i + 1).note = `${c.help.vi}${c.allowed ? `\nGiá trị: ${c.allowed.vi}` : ''}`;
  });

  const guide = wb.addWorksheet('Hướng dẫn');
  guide.columns = [
    { header: 'Cột (Column)', key: 'header', width: 34 },
    { header: 'Khoá (Key)', key: 'key', width: 18 },
    { header: 'Bắt buộc (Required)', key: 'required', width: 12 },
    { header: 'Giá trị cho phép', key: 'allowedVi', width: 40 },
    { header: 'Allowed values', key: 'allowedEn', width: 40 },
    { header: 'Giải thích', key: 'helpVi', width: 60 },
    { header: 'Explanation', key: 'helpEn', width: 60 },
    { header: 'Ví dụ (Example)', key: 'example', width: 30 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const c of spec.columns) {
    guide.addRow({
      header: headerText(c),
      key: c.key,
      required: c.required ? 'có / yes' : '',
      allowedVi: c.allowed?.vi ?? '',
      allowedEn: c.allowed?.en ?? '',
      helpVi: c.help.vi,
      helpEn: c.help.en,
      example: c.example,
    });
  }
  guide.addRow({});
  guide.addRow({ header: `${spec.title.vi}. ${NOTE_VI}` });
  guide.addRow({ header: `${spec.title.en}. ${NOTE_EN}` });
  guide.getColumn('helpVi').alignment = { wrapText: true, vertical: 'top' };
  guide.getColumn('helpEn').alignment = { wrapText: true, vertical: 'top' };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
