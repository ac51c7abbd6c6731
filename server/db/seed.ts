import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { GEODATA_FILES } from '../catalog/geodata.ts';
import { provinceQueries } from './province.ts';
import { productWriter } from './writes/products.ts';
import { recognitionWriter } from './writes/recognitions.ts';
import { targetWriter } from './writes/targets.ts';
import { zoneWriter } from './writes/zones.ts';

/** The geodata/ files a database is seeded from, as written by `npm run geodata`. */
export type Geodata = ReturnType<typeof readGeodata>;

/** Reads one geodata/ file and checks it against its schema; a mismatch names the file and the offending value's location. */
export function readGeodataFile<K extends keyof typeof GEODATA_FILES>(dir: string, path: K): z.infer<(typeof GEODATA_FILES)[K]> {
  const checked = GEODATA_FILES[path].safeParse(JSON.parse(readFileSync(join(dir, path), 'utf8')));
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new Error(`${join(dir, path)}: ${issue.path.join('.') || '(top)'} ${issue.message}`);
  }
  return checked.data as z.infer<(typeof GEODATA_FILES)[K]>;
}

/**
 * Reads the geodata/ files and checks each against its schema (server/catalog/geodata.ts): a
 * file that does not match stops the seed with its path and the offending value's location.
 */
export function readGeodata(dir: string) {
  const read = <K extends keyof typeof GEODATA_FILES>(path: K) => readGeodataFile(dir, path);
  return {
    province: read('province.json'),
    units: (['districts-2019', 'communes-2019', 'districts-2020', 'communes-2020', 'communes-2025'] as const).flatMap(
      (f) => read(`units/${f}.geojson`).features,
    ),
    crosswalk: read('units/crosswalk.json'),
    mergerSources: read('units/merger-2025-sources.json'),
    sources: read('facts/sources.json'),
    recognitions: read('facts/ntm-recognitions.json'),
    facts: read('facts/ntm-facts.json'),
    producers: read('facts/ocop-producers.json'),
    products: read('facts/ocop-products.geojson').features,
    zones: read('facts/zones.geojson').features,
    targets: read('facts/targets.json'),
  };
}

/** True when the database holds no units yet, so it can be seeded without overwriting anything. */
export function isEmpty(db: Database): boolean {
  return (db.prepare('SELECT count(*) AS n FROM units').get() as { n: number }).n === 0;
}

/**
 * The tables every layer rests on; a seeded database has rows in each, so an empty one means
 * data was lost (checked at start by server/db/checks.ts).
 */
export const CORE_TABLES = ['units', 'crosswalk', 'sources', 'ntm_recognitions', 'ocop_products', 'zones', 'targets'] as const;

/**
 * Seeds a new database unless another process already has: the geodata is read first, then the
 * write lock taken (BEGIN IMMEDIATE) and emptiness checked again inside it, so of two processes
 * starting on one new file, one seeds and the other finds it seeded. Returns whether this call seeded.
 */
export function seedIfEmpty(db: Database, load: () => Geodata): boolean {
  if (!isEmpty(db)) return false;
  const data = load();
  return db
    .transaction(() => {
      if (!isEmpty(db)) return false;
      seedDatabase(db, data);
      return true;
    })
    .immediate();
}

/**
 * Loads geodata into an empty, migrated database, all in one transaction: a failure
 * leaves the database exactly as it was.
 */
export function seedDatabase(db: Database, data: Geodata): void {
  db.transaction(() => {
    if (!isEmpty(db)) throw new Error('seedDatabase: the database already holds data; refusing to overwrite it');
    provinceQueries(db).put(data.province);
    const insertSource = db.prepare('INSERT INTO sources (id, title, ref, date_text, date_start) VALUES (?, ?, ?, ?, ?)');
    for (const s of data.sources) insertSource.run(s.id, s.title, s.ref, s.date, s.dateStart);

    const insertUnit = db.prepare(`INSERT INTO units (unit_set, code, level, name, type, full_name, district_code,
      valid_from, valid_to, area_km2, label_lon, label_lat, geometry) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const { properties: u, geometry } of data.units) {
      insertUnit.run(
        u.unitSet,
        u.code,
        u.level,
        u.name,
        u.type,
        u.fullName,
        u.districtCode,
        u.validFrom,
        u.validTo,
        u.areaKm2,
        u.labelPoint[0],
        u.labelPoint[1],
        JSON.stringify(geometry),
      );
    }
    const insertCrosswalk = db.prepare('INSERT INTO crosswalk (from_set, from_code, to_set, to_code) VALUES (?, ?, ?, ?)');
    for (const x of data.crosswalk) insertCrosswalk.run(x.fromSet, x.fromCode, x.toSet, x.toCode);

    const findSource = db.prepare('SELECT id FROM sources WHERE title = ? AND ref = ? AND date_text = ?');
    const addSource = db.prepare('INSERT INTO sources (title, ref, date_text, date_start) VALUES (?, ?, ?, NULL)');
    const insertUnitSource = db.prepare('INSERT INTO unit_sources (unit_set, code, source_id, confidence) VALUES (?, ?, ?, ?)');
    for (const m of data.mergerSources) {
      const found = findSource.get(m.title, m.ref, '') as { id: number } | undefined;
      const id = found?.id ?? Number(addSource.run(m.title, m.ref, '').lastInsertRowid);
      insertUnitSource.run('2025', m.code, id, m.confidence);
    }

    const recognitions = recognitionWriter(db);
    for (const r of data.recognitions) recognitions.put({ ...r, unitSet: '2020', retracted: null });

    const insertFact = db.prepare('INSERT INTO ntm_facts (id, kind, unit_set, code, village, year, criteria_text) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const citeFact = db.prepare('INSERT INTO ntm_fact_sources (fact_id, source_id, confidence, note, origin) VALUES (?, ?, ?, ?, ?)');
    for (const f of data.facts) {
      insertFact.run(f.id, f.kind, f.unitSet, f.code, f.village, f.year, f.criteriaText);
      for (const c of f.citations) citeFact.run(f.id, c.sourceId, c.confidence, c.note, c.origin);
    }

    const products = productWriter(db);
    for (const p of data.producers) products.putProducer(p);
    for (const { properties: p, geometry } of data.products) {
      products.put({ ...p, ratings: p.ratings.map((r) => ({ ...r, decision: null, expiresOn: null })), point: geometry?.coordinates ?? null });
    }

    const zones = zoneWriter(db);
    for (const { properties: z, geometry } of data.zones) zones.put({ ...z, geometry });

    const targets = targetWriter(db);
    for (const t of data.targets) targets.put(t);

    db.prepare("INSERT INTO meta (key, value) VALUES ('seeded_at', ?)").run(new Date().toISOString());
  })();
}
