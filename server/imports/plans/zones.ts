import { CROPS } from '../../domain/crops.ts';
import { areaMismatchWarning } from '../../domain/zone-area.ts';
import { areaHa } from '../../geo/measure.ts';
import { importMessages as I } from '../../messages/imports.ts';
import { WRITE_PARSE } from '../../messages/issues.ts';
import { verbatim } from '../../messages/text.ts';
import { newRecordKey, recordNamed } from './names.ts';
import type { ReadFeature } from '../formats/geo-file.ts';
import { importReason, type Plan, type PlanContext, type PlanItem, type RowIssue, type RowWarning } from '../plan.ts';
import { rowSource, SOURCE_FIELDS } from '../row-source.ts';
import { type Cell, CellError, choice, num, text } from '../tables/cells.ts';
import { columnFor, schemaIssues } from './issues.ts';
import { attributeReader, SOURCE_ALIASES } from './features.ts';

export const ALIASES = {
  ...SOURCE_ALIASES,
  id: ['zone_id', 'ma_vung'],
  name: ['ten', 'ten_vung', 'zone_name'],
  crop: ['cay_trong', 'loai_cay'],
  areaHa: ['area_ha', 'dien_tich', 'dt_ha', 'area'],
  year: ['nam'],
  products: ['product_ids', 'productids', 'san_pham'],
  reason: ['ly_do'],
};

const CROP_CHOICES = Object.fromEntries(Object.entries(CROPS).map(([k, l]) => [k, [l.vi, l.en]])) as Record<keyof typeof CROPS, string[]>;

/**
 * Raw-material zones from a map file: each polygon feature adds a surveyed zone, or edits the
 * zone its `id` or `name` names. Attributes: name, crop, areaHa, year, products (OCOP product
 * ids, separated by ";" or ","), and source columns unless one source is given for the file.
 * Shapes are checked by the editor (valid, ≤ 50 000 vertices, in the province); a stated area
 * the shape contradicts (server/domain/zone-area.ts) is warned of, and kept.
 */
export function planZones(features: readonly ReadFeature[], ctx: PlanContext): Plan {
  const errors: RowIssue[] = [];
  const warnings: RowWarning[] = [];
  const items: PlanItem[] = [];
  const claimed = new Map<string, number>();
  for (const [i, f] of features.entries()) {
    const row = i + 1;
    const attrs = attributeReader(f.properties, ALIASES, row, ctx.cells, ctx.dbfNames);
    const col = (key: string) => attrs.name(key);
    const rowErrors: RowIssue[] = [];
    const read = <T>(key: string, fn: (v: Cell) => T): T | null => {
      try {
        return fn(attrs.get(key));
      } catch (e) {
        if (!(e instanceof CellError)) throw e;
        rowErrors.push({ row, column: col(key), message: e.text });
        return null;
      }
    };
    if (!f.geometry || (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon')) {
      rowErrors.push({ row, column: 'geometry', message: I.zoneNeedsPolygon(f.geometry?.type ?? null) });
    }
    const source = rowSource(attrs.get, ctx.fileSource);
    if ('message' in source) rowErrors.push({ row, column: col(source.column), message: source.message });
    const name = read('name', text);
    const raw = {
      name: name ?? '',
      crop: read('crop', (v) => choice(v, CROP_CHOICES)),
      areaHa: read('areaHa', num),
      year: read('year', (v) => (typeof v === 'number' ? String(v) : text(v))),
      productIds: (read('products', text) ?? '')
        .split(/[;,]/)
        .map((s) => s.trim())
        .filter(Boolean),
      geometry: f.geometry,
      communeCodes: [],
      source: 'source' in source ? source.source : undefined,
      reason: null as string | null,
    };
    const id = read('id', text);
    const reason = read('reason', text);
    if (rowErrors.length) {
      errors.push(...rowErrors);
      continue;
    }
    if (id && !ctx.data.zones.some((z) => z.id === id)) {
      errors.push({ row, column: col('id'), message: I.noZone(id) });
      continue;
    }
    const named = id || !name ? null : recordNamed(ctx.data.zones, name, 'zones');
    if (named && typeof named === 'object') {
      errors.push({ row, column: col('id'), message: named.message });
      continue;
    }
    const target = id ?? named;
    if (target) raw.reason = reason ?? importReason(ctx.fileName);
    const fields: Record<string, string> = {
      ...Object.fromEntries(Object.entries(SOURCE_FIELDS).map(([k, v]) => [k, col(v)])),
      name: col('name'),
      crop: col('crop'),
      areaHa: col('areaHa'),
      year: col('year'),
      productIds: col('products'),
      geometry: 'geometry',
      reason: col('reason'),
    };
    const parsed = ctx.inputs.zoneInput.safeParse(raw, WRITE_PARSE);
    if (!parsed.success) {
      errors.push(...schemaIssues(parsed.error, [row], fields));
      continue;
    }
    const key = target ?? newRecordKey(parsed.data.name);
    if (claimed.has(key)) {
      errors.push({ row, column: col('name'), message: I.sameRecordTwice(claimed.get(key)!, 'zone') });
      continue;
    }
    claimed.set(key, row);
    const input = parsed.data;
    const checked = ctx.shapes?.[i] ?? undefined;
    const mismatch = input.areaHa !== null && checked && 'geometry' in checked ? areaMismatchWarning(input.areaHa, areaHa(checked.geometry)) : null;
    if (mismatch) warnings.push({ row, column: col('areaHa'), ...mismatch });
    items.push({
      rows: [row],
      label: verbatim(input.name),
      run: (editor, req) => editor.zones.save(req, target, input, checked),
      column: (field) => columnFor(fields, field),
    });
  }
  return { items, errors, warnings, rows: features.length };
}
