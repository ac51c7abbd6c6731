import type { Database } from 'better-sqlite3';

export interface DatabaseHealth {
  /** The database answered a read of the units table just now. */
  answers: boolean;
  /** PRAGMA user_version: the last migration applied; null when the database does not answer. */
  schemaVersion: number | null;
}

/** Asks the database a small question; a failure is reported, never thrown. */
export function databaseHealth(db: Database): () => DatabaseHealth {
  return () => {
    try {
      const schemaVersion = db.pragma('user_version', { simple: true }) as number;
      db.prepare('SELECT 1 FROM units LIMIT 1').get();
      return { answers: true, schemaVersion };
    } catch {
      return { answers: false, schemaVersion: null };
    }
  };
}
