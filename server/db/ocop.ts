import type { Database } from 'better-sqlite3';
import type { InferredField } from '../catalog/geodata.ts';
import type { OcopGroup, OcopStars, ProducerType } from '../domain/ocop.ts';
import type { ProductRecord } from '../catalog/records.ts';
import { citationsOf } from './citations.ts';

interface ProductTable {
  id: string;
  name: string;
  name_folded: string;
  producer_id: string | null;
  producer: string | null;
  producer_type: ProducerType | null;
  stars: OcopStars | null;
  year: number | null;
  certified_by: number | null;
  counts_from: string | null;
  year_text: string | null;
  group_code: OcopGroup | null;
  commune_code: string | null;
  district_code: string | null;
  location: 'commune' | 'district' | null;
  lon: number | null;
  lat: number | null;
  expiry_year: number | null;
  disputed: 0 | 1;
  inferred: string;
  caveats: string;
}

interface RatingTable {
  product_id: string;
  stars: OcopStars;
  year: number | null;
  year_text: string | null;
  inferred: 0 | 1;
  decision_ref: string | null;
  decision_date: string | null;
  expires_on: string | null;
}

/** OCOP products with their producer, rating history and sources. */
export function ocopQueries(db: Database) {
  const products = db.prepare(`SELECT p.*, pr.name AS producer, pr.type AS producer_type
    FROM ocop_products p LEFT JOIN producers pr ON pr.id = p.producer_id ORDER BY p.name, p.id`);
  const ratings = db.prepare('SELECT * FROM ocop_ratings ORDER BY product_id, seq');
  return {
    products(): ProductRecord[] {
      const cited = citationsOf(db, 'product');
      const history = new Map<string, ProductRecord['ratings']>();
      for (const r of ratings.all() as RatingTable[]) {
        const list = history.get(r.product_id) ?? [];
        list.push({
          stars: r.stars,
          year: r.year,
          yearText: r.year_text,
          inferred: r.inferred === 1,
          decision: r.decision_ref ? { ref: r.decision_ref, date: r.decision_date } : null,
          expiresOn: r.expires_on,
        });
        history.set(r.product_id, list);
      }
      return (products.all() as ProductTable[]).map((p) => ({
        id: p.id,
        name: p.name,
        producerId: p.producer_id,
        producer: p.producer,
        producerType: p.producer_type,
        stars: p.stars,
        year: p.year,
        certifiedBy: p.certified_by,
        countsFrom: p.counts_from,
        expiryYear: p.expiry_year,
        yearText: p.year_text,
        group: p.group_code,
        communeCode: p.commune_code,
        districtCode: p.district_code,
        location: p.location,
        point: p.lon !== null && p.lat !== null ? [p.lon, p.lat] : null,
        disputed: p.disputed === 1,
        inferred: JSON.parse(p.inferred) as InferredField[],
        caveats: JSON.parse(p.caveats) as string[],
        ratings: history.get(p.id) ?? [],
        sources: cited.get(p.id) ?? [],
      }));
    },
  };
}
