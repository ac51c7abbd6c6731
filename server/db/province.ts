import type { Database } from 'better-sqlite3';
import { type Province, provinceRecord } from '../catalog/province.ts';

const KEY = 'province';

/**
 * The province the database holds data about (geodata/province.json, seeded with the rest), kept
 * as one checked JSON document in `meta`.
 */
export function provinceQueries(db: Database) {
  const read = db.prepare('SELECT value FROM meta WHERE key = ?').pluck();
  const write = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  return {
    /** The province; throws when the database was seeded before provinces were data (see ensureProvince). */
    get(): Province {
      const raw = read.get(KEY) as string | undefined;
      if (raw === undefined) throw new Error('the database holds no province record (meta.province): start the server once to add it from the geodata folder');
      return provinceRecord.parse(JSON.parse(raw));
    },
    has: () => read.get(KEY) !== undefined,
    put(p: Province) {
      write.run(KEY, JSON.stringify(provinceRecord.parse(p)));
    },
  };
}

/**
 * Adds the province record to a database seeded before it was part of the seed, from the geodata
 * folder it was seeded from. Returns whether it did.
 */
export function ensureProvince(db: Database, load: () => Province): boolean {
  const q = provinceQueries(db);
  if (q.has()) return false;
  q.put(load());
  return true;
}
