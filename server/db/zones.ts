import type { Database } from 'better-sqlite3';
import type { Crop, ZoneExtent } from '../domain/crops.ts';
import type { Areal, Confidence } from '../catalog/geodata.ts';
import type { ZoneRecord } from '../catalog/records.ts';
import { toSourceRef } from './citations.ts';

interface ZoneTable {
  id: string;
  name: string;
  crop: Crop;
  area_ha: number | null;
  area_approx: 0 | 1;
  area_text: string | null;
  year: string | null;
  extent: ZoneExtent;
  geometry: string;
}

interface ZoneFactTable {
  zone_id: string;
  area_ha: number | null;
  area_text: string | null;
  year: string | null;
  place_text: string;
  title: string;
  ref: string;
  date_text: string;
  url: string | null;
  file_id: number | null;
  confidence: Confidence;
  note: string;
}

/** Raw-material zones with their communes, linked products and sourced facts. */
export function zoneQueries(db: Database) {
  const zones = db.prepare('SELECT * FROM zones ORDER BY crop, name');
  const communes = db.prepare("SELECT zone_id, commune_code FROM zone_communes WHERE unit_set = '2020' ORDER BY zone_id, commune_code");
  const products = db.prepare('SELECT zone_id, product_id, confirmed FROM zone_products ORDER BY zone_id, product_id');
  const facts = db.prepare(`SELECT f.zone_id, f.area_ha, f.area_text, f.year, f.place_text, s.title, s.ref, s.date_text, s.url, s.file_id,
    f.confidence, f.note FROM zone_facts f JOIN sources s ON s.id = f.source_id ORDER BY f.zone_id, f.seq`);
  return {
    zones(): ZoneRecord[] {
      const group = <T, V>(rows: T[], key: (r: T) => string, value: (r: T) => V) => {
        const out = new Map<string, V[]>();
        for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), value(r)]);
        return out;
      };
      const communesOf = group(
        communes.all() as { zone_id: string; commune_code: string }[],
        (r) => r.zone_id,
        (r) => r.commune_code,
      );
      const productsOf = group(
        products.all() as { zone_id: string; product_id: string; confirmed: 0 | 1 }[],
        (r) => r.zone_id,
        (r) => ({ id: r.product_id, confirmed: r.confirmed === 1 }),
      );
      const factsOf = group(
        facts.all() as ZoneFactTable[],
        (r) => r.zone_id,
        (r) => ({
          areaHa: r.area_ha,
          areaText: r.area_text,
          year: r.year,
          place: r.place_text,
          source: toSourceRef(r),
        }),
      );
      return (zones.all() as ZoneTable[]).map((z) => ({
        id: z.id,
        name: z.name,
        crop: z.crop,
        areaHa: z.area_ha,
        areaApprox: z.area_approx === 1,
        areaText: z.area_text,
        year: z.year,
        extent: z.extent,
        communeCodes: communesOf.get(z.id) ?? [],
        productLinks: productsOf.get(z.id) ?? [],
        facts: factsOf.get(z.id) ?? [],
        geometry: JSON.parse(z.geometry) as Areal,
      }));
    },
  };
}
