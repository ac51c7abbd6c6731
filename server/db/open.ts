import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/**
 * Opens (creating if needed) the SQLite database at `path` with the settings the app relies
 * on: WAL for concurrent readers, foreign keys enforced, and a wait on a locked database
 * instead of an immediate error. `:memory:` gives a private database (tests).
 */
export function openDatabase(path: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  return configureDatabase(connectDatabase(path));
}

/** A connection that writes nothing yet, so a file can be checked before it is used. @param busyTimeoutMs wait on a locked database @default 5000 */
export function connectDatabase(path: string, busyTimeoutMs = 5000): Database.Database {
  const db = new Database(path);
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  return db;
}

/** WAL (set once per file; a no-op after) and foreign keys (per connection). */
export function configureDatabase(db: Database.Database): Database.Database {
  if (db.name !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  return db;
}

/** Moves everything from the WAL into the database file, then closes: the file alone is the whole database (for copies and backups). */
export function closeDatabase(db: Database.Database): void {
  if (db.name !== ':memory:') db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/** Opens an existing database file read-only (checking a backup); fails if it does not exist. */
export function openDatabaseReadOnly(path: string): Database.Database {
  return new Database(path, { readonly: true, fileMustExist: true });
}

/** Takes a database file out of WAL mode, so it is one self-contained file (a backup to copy or mail). */
export function makeStandalone(path: string): void {
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

/**
 * Creates a new SQLite file to be handed to someone else (a GeoPackage download): the default
 * rollback journal, so the single file is complete once closed, and no app settings.
 */
export function createExportDatabase(path: string): Database.Database {
  return new Database(path);
}

/**
 * Opens a SQLite file someone uploaded (a GeoPackage) to read it: read-only, and with the
 * schema untrusted, so its views and triggers cannot call functions with side effects.
 */
export function openUploadedDatabase(path: string): Database.Database {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  db.pragma('trusted_schema = OFF');
  db.pragma('cell_size_check = ON');
  return db;
}
