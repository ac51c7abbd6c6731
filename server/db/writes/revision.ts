import type { Database } from 'better-sqlite3';

/**
 * The data revision: bumped inside every write transaction, read by the response cache. Unlike
 * PRAGMA data_version it changes for the server's own writes too; together they also catch
 * writes made by another process (an import from the command line, a restore).
 */
export function revision(db: Database) {
  const read = db.prepare('SELECT revision FROM data_revision WHERE id = 1').pluck();
  const bump = db.prepare('UPDATE data_revision SET revision = revision + 1 WHERE id = 1');
  return {
    current: () => read.get() as number,
    bump: () => {
      bump.run();
    },
  };
}
