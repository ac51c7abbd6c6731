import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { recordFromApi } from '../../client/lib/record.ts';
import { createApp } from '../../server/app.ts';
import { type CheckPool, createCheckPool } from '../../server/imports/check-pool.ts';
import { migrate } from '../../server/db/migrate.ts';
import { openDatabase } from '../../server/db/open.ts';
import { type Geodata, readGeodata, readGeodataFile, seedDatabase } from '../../server/db/seed.ts';
import type { Province } from '../../server/catalog/province.ts';

export const GEODATA_DIR = join(import.meta.dirname, '..', '..', 'geodata');

let geodata: Geodata | null = null;
/** The committed geodata/, read once per test file. */
export function committedGeodata(): Geodata {
  geodata ??= readGeodata(GEODATA_DIR);
  return geodata;
}

/** The province the committed geodata/ is about (geodata/province.json). */
export function committedProvince(): Province {
  province ??= readGeodataFile(GEODATA_DIR, 'province.json');
  return province;
}
let province: Province | null = null;

/** A fresh in-memory database, migrated and seeded from the committed geodata. */
export function seededDatabase(): Database {
  const db = openDatabase(':memory:');
  migrate(db);
  seedDatabase(db, committedGeodata());
  return db;
}

/** The app on a fresh seeded database, API only; requests go through `app.request()`, never a port. */
export function testApp() {
  const db = seededDatabase();
  return { app: createApp({ db, config: { clientDir: null, geodataDir: GEODATA_DIR } }), db };
}

const checkPools = new Map<number, CheckPool>();
/**
 * One pool of import check workers per heap limit for the whole test file, as the server has one: the apps a
 * file makes share its workers (they start with the first map file and do not keep the process alive).
 */
export function testCheckPool(memoryMb: number): CheckPool {
  const pool = checkPools.get(memoryMb) ?? createCheckPool({ memoryMb });
  checkPools.set(memoryMb, pool);
  return pool;
}

/** GET a path and return status, headers and parsed JSON body. */
export async function getJson<T = any>(app: ReturnType<typeof testApp>['app'], path: string, headers: Record<string, string> = {}) {
  const res = await app.request(path, { headers });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as T };
}

/** The record as the client builds it: from the API's units, timeline, products and crosswalk. */
export async function apiRecord(app: ReturnType<typeof testApp>['app']) {
  const get = async (p: string) => (await getJson(app, p)).body;
  const [u2019, u2020, u2025, timeline, products, crosswalk, zones, config] = await Promise.all(
    ['/api/units?set=2019', '/api/units?set=2020', '/api/units?set=2025', '/api/timeline', '/api/products', '/api/crosswalk', '/api/zones', '/api/config'].map(
      get,
    ),
  );
  return {
    record: recordFromApi(config.province, { '2019': u2019, '2020': u2020, '2025': u2025 }, timeline, products, crosswalk.entries, zones),
    timeline,
    get,
  };
}
