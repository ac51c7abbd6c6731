import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';

/**
 * Where the gathered material lives: `<shared>/geodata/raw` and `<shared>/data/research`.
 * Defaults to the `shared` folder beside the checkout; set SHARED_DIR to move it.
 */
export function sharedDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.SHARED_DIR ?? join(import.meta.dirname, '..', '..', '..', 'shared');
}

export type CsvRow = Record<string, string>;

/** A research CSV row with its 1-based line number, so reports can point at it. */
export interface SourcedRow extends CsvRow {
  source_title: string;
  source_url_or_ref: string;
  source_date: string;
  confidence: string;
  note: string;
}

export function readCsv<T extends CsvRow = CsvRow>(path: string): (T & { line: number })[] {
  const rows = parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true, trim: true }) as T[];
  // Header is line 1; research rows hold no embedded newlines, so row i sits on line i + 2.
  return rows.map((row, i) => ({ ...normaliseRow(row), line: i + 2 }));
}

function normaliseRow<T extends CsvRow>(row: T): T {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v.normalize('NFC')])) as T;
}

export type UnitFeatureCollection = FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>>;

export function readGeoJson(path: string): UnitFeatureCollection {
  return JSON.parse(readFileSync(path, 'utf8')) as UnitFeatureCollection;
}

export interface RawInputs {
  communes2019: UnitFeatureCollection;
  communes2020: UnitFeatureCollection;
  districts2020: UnitFeatureCollection;
  province: UnitFeatureCollection;
  contextCountries: UnitFeatureCollection;
  adminCodes: (CsvRow & { line: number })[];
  researchAdminCodes: (CsvRow & { line: number })[];
  merger2025: (CsvRow & { line: number })[];
  ntm: (SourcedRow & { line: number })[];
  ocop: (SourcedRow & { line: number })[];
  zones: (SourcedRow & { line: number })[];
  targets: (SourcedRow & { line: number })[];
}

export function readInputs(shared = sharedDir()): RawInputs {
  const raw = (f: string) => join(shared, 'geodata', 'raw', f);
  const research = (f: string) => join(shared, 'data', 'research', f);
  return {
    communes2019: readGeoJson(raw('communes-2019.geojson')),
    communes2020: readGeoJson(raw('communes.geojson')),
    districts2020: readGeoJson(raw('districts.geojson')),
    province: readGeoJson(raw('province.geojson')),
    contextCountries: readGeoJson(raw('context-countries.geojson')),
    adminCodes: readCsv(raw('admin-codes.csv')),
    researchAdminCodes: readCsv(research('admin_codes_dienbien_pre2025.csv')),
    merger2025: readCsv(raw('merger-2025.csv')),
    ntm: readCsv<SourcedRow>(research('ntm_communes.csv')),
    ocop: readCsv<SourcedRow>(research('ocop_products.csv')),
    zones: readCsv<SourcedRow>(research('material_zones.csv')),
    targets: readCsv<SourcedRow>(research('targets.csv')),
  };
}
