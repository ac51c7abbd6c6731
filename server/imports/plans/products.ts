import type { ProductRecord } from '../../catalog/records.ts';
import type { ProductInput } from '../../catalog/writes.ts';
import { importMessages as I } from '../../messages/imports.ts';
import { WRITE_PARSE } from '../../messages/issues.ts';
import { type Text, verbatim } from '../../messages/text.ts';
import { newRecordKey, recordNamed } from './names.ts';
import { importReason, type Plan, type PlanContext, type PlanItem, type RowIssue, type RowWarning } from '../plan.ts';
import { SOURCE_FIELDS } from '../row-source.ts';
import { choice, code, date, int, num, text } from '../tables/cells.ts';
import type { ReadTable } from '../tables/read.ts';
import { columnFor, schemaIssues } from './issues.ts';
import { EXAMPLE_ROW_MESSAGE, readRow } from './row-reader.ts';
import { ignored } from './recognitions.ts';
import { OCOP_GROUP_LABELS, type OcopGroup } from '../../domain/ocop.ts';

const FIELDS: Record<string, string> = {
  ...SOURCE_FIELDS,
  name: 'name',
  producer: 'producerName',
  'producer.name': 'producerName',
  'producer.type': 'producerType',
  group: 'group',
  place: 'communeCode',
  'place.communeCode': 'communeCode',
  'place.districtCode': 'districtCode',
  'place.point': 'lon',
  certificates: 'decisionRef',
  stars: 'stars',
  'decision.ref': 'decisionRef',
  'decision.date': 'decisionDate',
  expiresOn: 'expiresOn',
  reason: 'reason',
  id: 'id',
};

/** "certificates.1.decision.date" → "decision.date", so certificate fields find their columns. */
const certificateField = (path: string) => path.replace(/^certificates\.\d+\./, '');

const PRODUCER_TYPES = {
  cooperative: ['HTX', 'hợp tác xã', 'tổ hợp tác'],
  company: ['công ty', 'doanh nghiệp', 'DN'],
  household: ['hộ', 'hộ kinh doanh', 'hộ sản xuất', 'cơ sở'],
} as const;
/** A group by its numeral (I, 1), its Vietnamese name (Thực phẩm) or its English one (Food), as the template's guide says. */
const GROUPS = Object.fromEntries(Object.entries(OCOP_GROUP_LABELS).map(([group, label], i) => [group, [label.vi, label.en, String(i + 1)]])) as Record<
  OcopGroup,
  string[]
>;

interface Draft {
  rows: number[];
  input: Omit<ProductInput, 'certificates'> & { certificates: unknown[] };
  id: string | null;
  /** The non-certificate fields, to check that rows of one product agree. */
  fingerprint: string;
}

/**
 * OCOP products from a table: one row per certificate, so a product renewed or upgraded takes
 * several rows (same id or name). A row adds a product, or edits the one it names (its `id`, or
 * the product of the same name); an edit keeps the product's recorded certificates and adds the
 * file's. Checked with the editor's own schema (productInput).
 */
export function planProducts(table: ReadTable, ctx: PlanContext): Plan {
  const errors: RowIssue[] = [];
  const warnings: RowWarning[] = ignored(table);
  const drafts = new Map<string, Draft>();
  for (const tableRow of table.rows) {
    const { row } = tableRow;
    if (tableRow.example) {
      errors.push({ row, column: null, message: EXAMPLE_ROW_MESSAGE });
      continue;
    }
    const { errors: rowErrors, read, source } = readRow(tableRow, ctx.fileSource, ctx.cells);
    const lon = read('lon', num);
    const lat = read('lat', num);
    const communeCode = read('communeCode', (v) => code(v, 5));
    const districtCode = read('districtCode', (v) => code(v, 3));
    if ((lon === null) !== (lat === null)) rowErrors.push({ row, column: lon === null ? 'lon' : 'lat', message: I.lonLatPair });
    const place =
      lon !== null && lat !== null
        ? { kind: 'point', point: [lon, lat] }
        : communeCode
          ? { kind: 'commune', communeCode }
          : districtCode
            ? { kind: 'district', districtCode }
            : null;
    if (!place) rowErrors.push({ row, column: 'communeCode', message: I.noPlace });
    const certificate = {
      stars: read('stars', int),
      decision: { ref: read('decisionRef', text) ?? '', date: read('decisionDate', date) ?? '' },
      expiresOn: read('expiresOn', date),
      // Rows of one product may cite different sources (a 2024 decision, its 2025 renewal): each keeps its own.
      source,
    };
    const name = read('name', text) ?? '';
    const id = read('id', text);
    const input = {
      name,
      producer: { name: read('producerName', text) ?? '', type: read('producerType', (v) => choice(v, PRODUCER_TYPES)) },
      group: read('group', (v) => choice(v, GROUPS)),
      place,
      source,
      reason: read('reason', text),
    };
    if (rowErrors.length) {
      errors.push(...rowErrors);
      continue;
    }
    const match = matchProduct(ctx.data.products, id, name);
    if (typeof match === 'object' && match !== null) {
      errors.push({ row, column: id ? 'id' : 'name', message: match.message });
      continue;
    }
    const key = match ?? newRecordKey(name);
    const fingerprint = JSON.stringify({ ...input, source: undefined, reason: undefined });
    const draft = drafts.get(key);
    if (draft) {
      if (draft.fingerprint !== fingerprint) {
        errors.push({
          row,
          column: null,
          message: I.productRowsDisagree(draft.rows[0]),
        });
        continue;
      }
      draft.rows.push(row);
      draft.input.certificates.push(certificate);
    } else {
      drafts.set(key, { rows: [row], id: match, fingerprint, input: { ...(input as unknown as ProductInput), certificates: [certificate] } });
    }
  }

  const items: PlanItem[] = [];
  for (const draft of drafts.values()) {
    const before = draft.id ? ctx.data.products.find((p) => p.id === draft.id)! : null;
    const kept = before ? recordedCertificates(before) : [];
    if (before && kept.length < before.ratings.length) {
      warnings.push({
        row: draft.rows[0],
        column: 'decisionRef',
        code: 'ratings_replaced',
        message: I.ratingsReplaced(before.name, before.ratings.length - kept.length),
      });
    }
    const fromFile = draft.input.certificates as ProductInput['certificates'];
    const merged = [...kept.filter((k) => !fromFile.some((c) => c?.decision?.ref === k.decision.ref && c?.decision?.date === k.decision.date)), ...fromFile];
    const raw = { ...draft.input, certificates: merged, reason: draft.id ? (draft.input.reason ?? importReason(ctx.fileName)) : draft.input.reason };
    const parsed = ctx.inputs.productInput.safeParse(raw, WRITE_PARSE);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String).join('.');
        const index = /^certificates\.(\d+)/.exec(path);
        const row = index ? (draft.rows[Number(index[1]) - kept.length] ?? draft.rows[0]) : draft.rows[0];
        errors.push(...schemaIssues({ issues: [{ ...issue, path: certificateField(path).split('.') }] } as never, [row], FIELDS));
      }
      continue;
    }
    const input = parsed.data;
    const id = draft.id;
    items.push({
      rows: draft.rows,
      label: verbatim(input.name),
      run: (editor, req) => editor.ocop.save(req, id, input),
      column: (field) => columnFor(FIELDS, certificateField(field)),
    });
  }
  return { items, errors, warnings, rows: table.rows.length };
}

/** The product a row edits: by id, else by name (recordNamed); null for a new one. */
function matchProduct(products: readonly ProductRecord[], id: string | null, name: string): string | null | { message: Text } {
  if (id) return products.some((p) => p.id === id) ? id : { message: I.noProduct(id) };
  return recordNamed(products, name, 'products');
}

/** A product's certificates that carry a decision, as write inputs: kept when a file edits the product. */
function recordedCertificates(p: ProductRecord): ProductInput['certificates'] {
  return p.ratings.flatMap((r) =>
    r.decision?.date ? [{ stars: r.stars, decision: { ref: r.decision.ref, date: r.decision.date }, expiresOn: r.expiresOn }] : [],
  );
}
