import type { Database } from 'better-sqlite3';
import { ntmQueries } from './ntm.ts';
import { ocopQueries } from './ocop.ts';
import { provinceQueries } from './province.ts';
import { targetQueries } from './targets.ts';
import { unitQueries } from './units.ts';
import { boundaryLicenceWriter } from './writes/boundary-licences.ts';
import { revision } from './writes/revision.ts';
import { zoneQueries } from './zones.ts';

/** Every read the API makes, grouped per resource; SQL lives only under server/db/. */
export function createStore(db: Database) {
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  const revisions = revision(db);
  return {
    province: provinceQueries(db),
    units: unitQueries(db),
    ntm: ntmQueries(db),
    ocop: ocopQueries(db),
    zones: zoneQueries(db),
    targets: targetQueries(db),
    boundaryLicences: boundaryLicenceWriter(db).resolved,
    /**
     * Changes whenever the data does: the revision every write transaction bumps, and SQLite's
     * data_version for commits by other connections (a restore, a command-line import).
     */
    dataVersion: () => `${dataVersion.get()}:${revisions.current()}`,
  };
}
export type Store = ReturnType<typeof createStore>;
