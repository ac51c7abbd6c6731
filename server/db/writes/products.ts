import type { Database } from 'better-sqlite3';
import type { Citation } from '../../catalog/geodata.ts';
import type { StoredProducer, StoredProduct, StoredRating } from '../../catalog/stored.ts';
import { foldForSearch } from '../../domain/text.ts';

interface ProductRow {
  id: string;
  name: string;
  producer_id: string | null;
  stars: 3 | 4 | 5 | null;
  year: number | null;
  certified_by: number | null;
  counts_from: string | null;
  year_text: string | null;
  group_code: StoredProduct['group'];
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

interface RatingRow {
  stars: 3 | 4 | 5;
  year: number | null;
  year_text: string | null;
  inferred: 0 | 1;
  source_ids: string;
  decision_ref: string | null;
  decision_date: string | null;
  expires_on: string | null;
}

/** OCOP products and producers as stored, whole: read, put (insert or replace) and remove, with ratings and citations. */
export function productWriter(db: Database) {
  const one = db.prepare('SELECT * FROM ocop_products WHERE id = ?');
  const ratingsOf = db.prepare('SELECT * FROM ocop_ratings WHERE product_id = ? ORDER BY seq');
  const citationsOf = db.prepare('SELECT source_id AS sourceId, confidence, note, origin FROM ocop_product_sources WHERE product_id = ? ORDER BY rowid');
  const upsert = db.prepare(`INSERT INTO ocop_products (id, name, name_folded, producer_id, stars, year, certified_by, counts_from,
      year_text, group_code, commune_code, district_code, location, lon, lat, expiry_year, disputed, inferred, caveats)
    VALUES (@id, @name, @name_folded, @producer_id, @stars, @year, @certified_by, @counts_from, @year_text, @group_code,
      @commune_code, @district_code, @location, @lon, @lat, @expiry_year, @disputed, @inferred, @caveats)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_folded = excluded.name_folded, producer_id = excluded.producer_id,
      stars = excluded.stars, year = excluded.year, certified_by = excluded.certified_by, counts_from = excluded.counts_from,
      year_text = excluded.year_text, group_code = excluded.group_code, commune_code = excluded.commune_code,
      district_code = excluded.district_code, location = excluded.location, lon = excluded.lon, lat = excluded.lat,
      expiry_year = excluded.expiry_year, disputed = excluded.disputed, inferred = excluded.inferred, caveats = excluded.caveats`);
  const clearRatings = db.prepare('DELETE FROM ocop_ratings WHERE product_id = ?');
  const addRating = db.prepare(`INSERT INTO ocop_ratings (product_id, seq, stars, year, year_text, inferred, source_ids, decision_ref,
      decision_date, expires_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const clearCitations = db.prepare('DELETE FROM ocop_product_sources WHERE product_id = ?');
  const cite = db.prepare('INSERT INTO ocop_product_sources (product_id, source_id, confidence, note, origin) VALUES (?, ?, ?, ?, ?)');
  const remove = db.prepare('DELETE FROM ocop_products WHERE id = ?');
  const zonesListing = db.prepare<[string], string>('SELECT zone_id FROM zone_products WHERE product_id = ? ORDER BY zone_id').pluck();
  const producerOne = db.prepare('SELECT id, name, type FROM producers WHERE id = ?');
  const producerAll = db.prepare('SELECT id, name, type FROM producers ORDER BY id');
  const producerUpsert = db.prepare(
    'INSERT INTO producers (id, name, type) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type',
  );
  return {
    get(id: string): StoredProduct | null {
      const p = one.get(id) as ProductRow | undefined;
      if (!p) return null;
      return {
        id: p.id,
        name: p.name,
        producerId: p.producer_id,
        stars: p.stars,
        year: p.year,
        certifiedBy: p.certified_by,
        countsFrom: p.counts_from,
        yearText: p.year_text,
        ratings: (ratingsOf.all(id) as RatingRow[]).map(
          (r): StoredRating => ({
            stars: r.stars,
            year: r.year,
            yearText: r.year_text,
            inferred: r.inferred === 1,
            sourceIds: JSON.parse(r.source_ids) as number[],
            decision: r.decision_ref ? { ref: r.decision_ref, date: r.decision_date } : null,
            expiresOn: r.expires_on,
          }),
        ),
        group: p.group_code,
        communeCode: p.commune_code,
        districtCode: p.district_code,
        location: p.location,
        point: p.lon !== null && p.lat !== null ? [p.lon, p.lat] : null,
        inferred: JSON.parse(p.inferred) as StoredProduct['inferred'],
        expiryYear: p.expiry_year,
        disputed: p.disputed === 1,
        caveats: JSON.parse(p.caveats) as string[],
        citations: citationsOf.all(id) as Citation[],
      };
    },
    put(p: StoredProduct): void {
      upsert.run({
        id: p.id,
        name: p.name,
        name_folded: foldForSearch(p.name),
        producer_id: p.producerId,
        stars: p.stars,
        year: p.year,
        certified_by: p.certifiedBy,
        counts_from: p.countsFrom,
        year_text: p.yearText,
        group_code: p.group,
        commune_code: p.communeCode,
        district_code: p.districtCode,
        location: p.location,
        lon: p.point?.[0] ?? null,
        lat: p.point?.[1] ?? null,
        expiry_year: p.expiryYear,
        disputed: Number(p.disputed),
        inferred: JSON.stringify(p.inferred),
        caveats: JSON.stringify(p.caveats),
      });
      clearRatings.run(p.id);
      for (const [i, r] of p.ratings.entries()) {
        addRating.run(
          p.id,
          i,
          r.stars,
          r.year,
          r.yearText,
          Number(r.inferred),
          JSON.stringify(r.sourceIds),
          r.decision?.ref ?? null,
          r.decision?.date ?? null,
          r.expiresOn,
        );
      }
      clearCitations.run(p.id);
      const seen = new Set<number>();
      // A product backed twice by one source (two rows of the same article) keeps its first citation.
      for (const c of p.citations) if (!seen.has(c.sourceId) && seen.add(c.sourceId)) cite.run(p.id, c.sourceId, c.confidence, c.note, c.origin);
    },
    remove(id: string): void {
      remove.run(id);
    },
    /** The zones that list the product: it cannot be removed while they do. */
    usedBy(id: string): string[] {
      return zonesListing.all(id);
    },
    producer(id: string): StoredProducer | null {
      return (producerOne.get(id) as StoredProducer | undefined) ?? null;
    },
    /** The producer of this name (ignoring case and diacritics), if one is stored. */
    producerNamed(name: string): StoredProducer | null {
      const folded = foldForSearch(name);
      return (producerAll.all() as StoredProducer[]).find((p) => foldForSearch(p.name) === folded) ?? null;
    },
    putProducer(p: StoredProducer): void {
      producerUpsert.run(p.id, p.name, p.type);
    },
  };
}
