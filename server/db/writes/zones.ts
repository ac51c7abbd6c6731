import type { Database } from 'better-sqlite3';
import type { Areal, Confidence } from '../../catalog/geodata.ts';
import type { StoredZone } from '../../catalog/stored.ts';

interface ZoneRow {
  id: string;
  name: string;
  crop: StoredZone['crop'];
  area_ha: number | null;
  area_approx: 0 | 1;
  area_text: string | null;
  year: string | null;
  extent: StoredZone['extent'];
  geometry: string;
}

interface FactRow {
  area_ha: number | null;
  area_text: string | null;
  year: string | null;
  place_text: string;
  source_id: number;
  confidence: Confidence;
  note: string;
  origin: string;
}

/** Raw-material zones as stored, whole: read, put (insert or replace) and remove, with communes, products and facts. */
export function zoneWriter(db: Database) {
  const one = db.prepare('SELECT * FROM zones WHERE id = ?');
  const communesOf = db.prepare("SELECT commune_code FROM zone_communes WHERE zone_id = ? AND unit_set = '2020' ORDER BY commune_code").pluck();
  const productsOf = db.prepare('SELECT product_id AS id, confirmed FROM zone_products WHERE zone_id = ? ORDER BY product_id');
  const factsOf = db.prepare('SELECT * FROM zone_facts WHERE zone_id = ? ORDER BY seq');
  const districtsOf = db
    .prepare(`SELECT DISTINCT u.district_code FROM zone_communes z JOIN units u ON u.unit_set = z.unit_set AND u.code = z.commune_code
    WHERE z.zone_id = ? ORDER BY u.district_code`)
    .pluck();
  const upsert = db.prepare(`INSERT INTO zones (id, name, crop, area_ha, area_approx, area_text, year, extent, geometry)
    VALUES (@id, @name, @crop, @area_ha, @area_approx, @area_text, @year, @extent, @geometry)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, crop = excluded.crop, area_ha = excluded.area_ha, area_approx = excluded.area_approx,
      area_text = excluded.area_text, year = excluded.year, extent = excluded.extent, geometry = excluded.geometry`);
  const clear = ['zone_communes', 'zone_products', 'zone_facts'].map((t) => db.prepare(`DELETE FROM ${t} WHERE zone_id = ?`));
  const addCommune = db.prepare("INSERT INTO zone_communes (zone_id, unit_set, commune_code) VALUES (?, '2020', ?)");
  const addProduct = db.prepare('INSERT INTO zone_products (zone_id, product_id, confirmed) VALUES (?, ?, ?)');
  const addFact = db.prepare(`INSERT INTO zone_facts (zone_id, seq, area_ha, area_text, year, place_text, source_id, confidence, note, origin)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const remove = db.prepare('DELETE FROM zones WHERE id = ?');
  return {
    get(id: string): StoredZone | null {
      const z = one.get(id) as ZoneRow | undefined;
      if (!z) return null;
      return {
        id: z.id,
        name: z.name,
        crop: z.crop,
        areaHa: z.area_ha,
        areaApprox: z.area_approx === 1,
        areaText: z.area_text,
        year: z.year,
        communeCodes: communesOf.all(id) as string[],
        districtCodes: districtsOf.all(id) as string[],
        extent: z.extent,
        productLinks: (productsOf.all(id) as { id: string; confirmed: 0 | 1 }[]).map((l) => ({ id: l.id, confirmed: l.confirmed === 1 })),
        facts: (factsOf.all(id) as FactRow[]).map((f) => ({
          areaHa: f.area_ha,
          areaText: f.area_text,
          year: f.year,
          placeText: f.place_text,
          citation: { sourceId: f.source_id, confidence: f.confidence, note: f.note, origin: f.origin },
        })),
        geometry: JSON.parse(z.geometry) as Areal,
      };
    },
    put(z: StoredZone): void {
      upsert.run({
        id: z.id,
        name: z.name,
        crop: z.crop,
        area_ha: z.areaHa,
        area_approx: Number(z.areaApprox),
        area_text: z.areaText,
        year: z.year,
        extent: z.extent,
        geometry: JSON.stringify(z.geometry),
      });
      for (const c of clear) c.run(z.id);
      for (const code of z.communeCodes) addCommune.run(z.id, code);
      for (const l of z.productLinks) addProduct.run(z.id, l.id, Number(l.confirmed));
      for (const [i, f] of z.facts.entries()) {
        addFact.run(z.id, i, f.areaHa, f.areaText, f.year, f.placeText, f.citation.sourceId, f.citation.confidence, f.citation.note, f.citation.origin);
      }
    },
    remove(id: string): void {
      remove.run(id);
    },
  };
}
