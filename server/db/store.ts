import type { Database } from 'better-sqlite3';
import { ntmQueries } from './ntm.ts';
import { ocopQueries } from './ocop.ts';
import { targetQueries } from './targets.ts';
import { unitQueries } from './units.ts';
import { zoneQueries } from './zones.ts';

/** Every read the API makes, grouped per resource; SQL lives only under server/db/. */
export function createStore(db: Database) {
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  return {
    units: unitQueries(db),
    ntm: ntmQueries(db),
    ocop: ocopQueries(db),
    zones: zoneQueries(db),
    targets: targetQueries(db),
    /** Changes when another connection commits to the database (SQLite's PRAGMA data_version). */
    dataVersion: () => dataVersion.get() as number,
  };
}
export type Store = ReturnType<typeof createStore>;
