import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { type Citation, GEODATA_FILES } from '../catalog/geodata.ts';
import { foldForSearch } from '../domain/text.ts';

/** The geodata/ files a database is seeded from, as written by `npm run geodata`. */
export type Geodata = ReturnType<typeof readGeodata>;

/**
 * Reads the geodata/ files and checks each against its schema (server/catalog/geodata.ts): a
 * file that does not match stops the seed with its path and the offending value's location.
 */
export function readGeodata(dir: string) {
  const read = <K extends keyof typeof GEODATA_FILES>(path: K): z.infer<(typeof GEODATA_FILES)[K]> => {
    const checked = GEODATA_FILES[path].safeParse(JSON.parse(readFileSync(join(dir, path), 'utf8')));
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new Error(`${join(dir, path)}: ${issue.path.join('.') || '(top)'} ${issue.message}`);
    }
    return checked.data as z.infer<(typeof GEODATA_FILES)[K]>;
  };
  return {
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

    const insertRecognition = db.prepare(`INSERT INTO ntm_recognitions (id, unit_set, commune_code, status, year_for,
      counts_from, decision_ref, decision_date, criteria_met, criteria_text, disputed, dispute_note, recorded_as_code, recorded_as)
      VALUES (?, '2020', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const citeRecognition = db.prepare('INSERT INTO ntm_recognition_sources (recognition_id, source_id, confidence, note, origin) VALUES (?, ?, ?, ?, ?)');
    for (const r of data.recognitions) {
      insertRecognition.run(
        r.id,
        r.communeCode,
        r.status,
        r.yearFor,
        r.countsFrom,
        r.decision?.ref ?? null,
        r.decision?.date ?? null,
        r.criteriaMet,
        r.criteriaText,
        Number(r.disputed),
        r.disputeNote,
        r.recordedAs?.code ?? null,
        r.recordedAs?.name ?? null,
      );
      for (const c of r.citations) citeRecognition.run(r.id, c.sourceId, c.confidence, c.note, c.origin);
    }

    const insertFact = db.prepare('INSERT INTO ntm_facts (id, kind, unit_set, code, village, year, criteria_text) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const citeFact = db.prepare('INSERT INTO ntm_fact_sources (fact_id, source_id, confidence, note, origin) VALUES (?, ?, ?, ?, ?)');
    for (const f of data.facts) {
      insertFact.run(f.id, f.kind, f.unitSet, f.code, f.village, f.year, f.criteriaText);
      for (const c of f.citations) citeFact.run(f.id, c.sourceId, c.confidence, c.note, c.origin);
    }

    const insertProducer = db.prepare('INSERT INTO producers (id, name, type) VALUES (?, ?, ?)');
    for (const p of data.producers) insertProducer.run(p.id, p.name, p.type);

    const insertProduct = db.prepare(`INSERT INTO ocop_products (id, name, name_folded, producer_id, stars, year, certified_by,
      counts_from, year_text, group_code, commune_code, district_code, location, lon, lat, expiry_year, disputed, inferred,
      caveats) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const insertRating = db.prepare('INSERT INTO ocop_ratings (product_id, seq, stars, year, year_text, inferred, source_ids) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const citeProduct = db.prepare('INSERT INTO ocop_product_sources (product_id, source_id, confidence, note, origin) VALUES (?, ?, ?, ?, ?)');
    for (const { properties: p, geometry } of data.products) {
      insertProduct.run(
        p.id,
        p.name,
        foldForSearch(p.name),
        p.producerId,
        p.stars,
        p.year,
        p.certifiedBy,
        p.countsFrom,
        p.yearText,
        p.group,
        p.communeCode,
        p.districtCode,
        p.location,
        geometry?.coordinates[0] ?? null,
        geometry?.coordinates[1] ?? null,
        p.expiryYear,
        Number(p.disputed),
        JSON.stringify(p.inferred),
        JSON.stringify(p.caveats),
      );
      for (const [i, r] of p.ratings.entries()) insertRating.run(p.id, i, r.stars, r.year, r.yearText, Number(r.inferred), JSON.stringify(r.sourceIds));
      for (const c of uniqueSources(p.citations)) citeProduct.run(p.id, c.sourceId, c.confidence, c.note, c.origin);
    }

    const insertZone = db.prepare(`INSERT INTO zones (id, name, crop, area_ha, area_approx, area_text, year, extent, geometry)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const insertZoneCommune = db.prepare("INSERT INTO zone_communes (zone_id, unit_set, commune_code) VALUES (?, '2020', ?)");
    const insertZoneProduct = db.prepare('INSERT INTO zone_products (zone_id, product_id, confirmed) VALUES (?, ?, ?)');
    const insertZoneFact = db.prepare(`INSERT INTO zone_facts (zone_id, seq, area_ha, area_text, year, place_text, source_id,
      confidence, note, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const { properties: z, geometry } of data.zones) {
      insertZone.run(z.id, z.name, z.crop, z.areaHa, Number(z.areaApprox), z.areaText, z.year, z.extent, JSON.stringify(geometry));
      for (const code of z.communeCodes) insertZoneCommune.run(z.id, code);
      for (const l of z.productLinks) insertZoneProduct.run(z.id, l.id, Number(l.confirmed));
      for (const [i, f] of z.facts.entries()) {
        insertZoneFact.run(z.id, i, f.areaHa, f.areaText, f.year, f.placeText, f.citation.sourceId, f.citation.confidence, f.citation.note, f.citation.origin);
      }
    }

    const insertTarget = db.prepare(`INSERT INTO targets (id, indicator, indicator_key, scope, target_text, target_value,
      target_year, actual_text, actual_value, actual_date, source_id, confidence, note, origin)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const t of data.targets) {
      insertTarget.run(
        t.id,
        t.indicator,
        t.indicatorKey,
        t.scope,
        t.targetText,
        t.targetValue,
        t.targetYear,
        t.actualText,
        t.actualValue,
        t.actualDate,
        t.citation.sourceId,
        t.citation.confidence,
        t.citation.note,
        t.citation.origin,
      );
    }
    db.prepare("INSERT INTO meta (key, value) VALUES ('seeded_at', ?)").run(new Date().toISOString());
  })();
}

/** A product backed twice by one source (two rows of the same article) keeps its best citation. */
function uniqueSources(citations: Citation[]): Citation[] {
  const seen = new Set<number>();
  return citations.filter((c) => !seen.has(c.sourceId) && seen.add(c.sourceId));
}
