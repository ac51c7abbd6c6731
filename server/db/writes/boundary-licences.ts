import type { Database } from 'better-sqlite3';
import { type BoundaryLicences, defaultBoundaryLicences } from '../../catalog/licences.ts';
import type { Province } from '../../catalog/province.ts';
import type { StoredBoundaryLicence } from '../../catalog/stored.ts';
import { UNIT_SETS } from '../../domain/unit-sets.ts';

interface Row {
  unit_set: StoredBoundaryLicence['unitSet'];
  title: string;
  url: string;
  attribution: string;
  terms_vi: string;
  terms_en: string;
  redistributable: 0 | 1;
  source_id: number | null;
}

const toLicence = (r: Row): StoredBoundaryLicence => ({
  unitSet: r.unit_set,
  title: r.title,
  url: r.url,
  attribution: r.attribution,
  terms: { vi: r.terms_vi, en: r.terms_en },
  redistributable: r.redistributable === 1,
  sourceId: r.source_id,
});

/** The licence of each unit set's boundaries: a row once official boundaries were imported; none means the province's. */
export function boundaryLicenceWriter(db: Database) {
  const one = db.prepare('SELECT * FROM boundary_licences WHERE unit_set = ?');
  const all = db.prepare('SELECT * FROM boundary_licences');
  const upsert = db.prepare(`INSERT INTO boundary_licences (unit_set, title, url, attribution, terms_vi, terms_en, redistributable, source_id)
    VALUES (@unitSet, @title, @url, @attribution, @termsVi, @termsEn, @redistributable, @sourceId)
    ON CONFLICT (unit_set) DO UPDATE SET title = excluded.title, url = excluded.url, attribution = excluded.attribution,
      terms_vi = excluded.terms_vi, terms_en = excluded.terms_en, redistributable = excluded.redistributable, source_id = excluded.source_id`);
  const remove = db.prepare('DELETE FROM boundary_licences WHERE unit_set = ?');
  return {
    get(unitSet: string): StoredBoundaryLicence | null {
      const r = one.get(unitSet) as Row | undefined;
      return r ? toLicence(r) : null;
    },
    put(l: StoredBoundaryLicence): void {
      upsert.run({ ...l, termsVi: l.terms.vi, termsEn: l.terms.en, redistributable: Number(l.redistributable) });
    },
    remove(unitSet: string): void {
      remove.run(unitSet);
    },
    /** Every set's boundary licence: the imported one, else the province's (geodata/province.json). */
    resolved(province: Pick<Province, 'licences'>): BoundaryLicences {
      const out = defaultBoundaryLicences(province);
      for (const l of (all.all() as Row[]).map(toLicence)) {
        if ((UNIT_SETS as readonly string[]).includes(l.unitSet))
          out[l.unitSet] = {
            id: `official-${l.unitSet}`,
            title: l.title,
            url: l.url,
            attribution: l.attribution,
            terms: l.terms,
            note: { vi: `Ranh giới: ${l.title}`, en: `Boundaries: ${l.title}` },
            redistributable: l.redistributable,
          };
      }
      return out;
    },
  };
}
