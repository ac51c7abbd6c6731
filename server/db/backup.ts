import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from 'better-sqlite3';
import { migrate } from './migrate.ts';
import { MIGRATIONS, type Migration } from './migrations.ts';
import { makeStandalone, openDatabase, openDatabaseReadOnly } from './open.ts';

/**
 * Backups are made with SQLite's online backup API (better-sqlite3's `db.backup()`): a
 * consistent copy while the server keeps reading and writing. A restore checks the file first
 * (integrity, foreign keys, a schema this server knows, data present) and then copies it into
 * the live database with the same API, so a running server sees the restored data on its next
 * read instead of a file swapped under its feet.
 */
export class BackupError extends Error {}

export interface DatabaseCheck {
  /** The schema version (PRAGMA user_version) of the file. */
  version: number;
  units: number;
  users: number;
}

const schemaOf = (db: Database) =>
  (
    db.prepare("SELECT type, name, tbl_name AS tbl, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as Record<
      string,
      string
    >[]
  ).map((r) => `${r.type} ${r.name} on ${r.tbl}: ${(r.sql ?? '').replace(/\s+/g, ' ').trim()}`);

/** The schema a database of `version` must have: the migrations up to it, applied to an empty one. */
function expectedSchema(version: number, migrations: readonly Migration[]): string[] {
  const fresh = openDatabase(':memory:');
  try {
    migrate(
      fresh,
      migrations.filter((m) => m.version <= version),
    );
    return schemaOf(fresh);
  } finally {
    fresh.close();
  }
}

/** Checks a database file before it may replace anything; throws a BackupError saying what is wrong. */
export function checkDatabaseFile(file: string, migrations: readonly Migration[] = MIGRATIONS): DatabaseCheck {
  if (!existsSync(file) || !statSync(file).isFile()) throw new BackupError(`${file}: no such file`);
  let db: Database;
  try {
    db = openDatabaseReadOnly(file);
    db.pragma('schema_version');
  } catch (err) {
    throw new BackupError(`${file}: not an SQLite database (${(err as Error).message})`);
  }
  try {
    return checkOpened(db, file, migrations);
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError(`${file}: damaged (${(err as Error).message})`);
  } finally {
    db.close();
  }
}

/** The checks on an opened file: integrity, foreign keys, a known schema version and shape, data present. */
function checkOpened(db: Database, file: string, migrations: readonly Migration[]): DatabaseCheck {
  const integrity = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
  if (integrity.length !== 1 || integrity[0].integrity_check !== 'ok') {
    throw new BackupError(
      `${file}: integrity check failed: ${integrity
        .slice(0, 3)
        .map((r) => r.integrity_check)
        .join('; ')}`,
    );
  }
  const dangling = db.pragma('foreign_key_check') as unknown[];
  if (dangling.length) throw new BackupError(`${file}: ${dangling.length} rows break foreign keys`);
  const version = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (version < 1) throw new BackupError(`${file}: not a database of this app (schema version ${version})`);
  if (version > latest) throw new BackupError(`${file}: schema version ${version} is newer than this server's (${latest}); upgrade the server first`);
  const actual = schemaOf(db);
  const expected = expectedSchema(version, migrations);
  const missing = expected.filter((s) => !actual.includes(s));
  const extra = actual.filter((s) => !expected.includes(s));
  if (missing.length || extra.length) {
    const first = missing[0] ? `missing ${missing[0]}` : `unexpected ${extra[0]}`;
    throw new BackupError(`${file}: its schema is not version ${version} of this app's (${missing.length} missing, ${extra.length} unexpected; ${first})`);
  }
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const units = count('units');
  if (units === 0) throw new BackupError(`${file}: holds no units; it is not a backup of a seeded database`);
  return { version, units, users: version >= 2 ? count('users') : 0 };
}

const removeDatabaseFiles = (path: string) => {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
};

/** Copies the live database to `file` (written aside, then renamed into place) and checks the copy. */
export async function backupDatabase(db: Database, file: string): Promise<DatabaseCheck & { file: string; bytes: number }> {
  if (existsSync(file)) throw new BackupError(`${file} already exists; choose another name`);
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  try {
    await db.backup(partial);
    makeStandalone(partial);
    renameSync(partial, file);
  } finally {
    removeDatabaseFiles(partial);
  }
  try {
    return { ...checkDatabaseFile(file), file, bytes: statSync(file).size };
  } catch (err) {
    rmSync(file, { force: true });
    throw err;
  }
}

/** The accounts: who may log in, how, and with which tokens (parents first). */
const ACCOUNT_TABLES = ['users', 'user_programmes', 'user_units', 'api_tokens', 'login_failures'] as const;

/**
 * Puts the live database's accounts into the staged backup: a restore brings data back, not old
 * credentials — a token revoked, a user disabled or a password changed since the backup stays so.
 * False when the live database cannot be read (then the backup's accounts stay).
 */
function keepLiveAccounts(staged: Database, dbPath: string): boolean {
  try {
    staged.prepare('ATTACH DATABASE ? AS live').run(dbPath);
  } catch {
    return false;
  }
  try {
    if (staged.pragma('live.quick_check', { simple: true }) !== 'ok') return false;
    staged.transaction(() => {
      for (const table of [...ACCOUNT_TABLES].reverse()) staged.prepare(`DELETE FROM main.${table}`).run();
      for (const table of ACCOUNT_TABLES) {
        const columnsOf = (schema: string) => (staged.pragma(`${schema}.table_info(${table})`) as { name: string }[]).map((c) => c.name);
        const live = new Set(columnsOf('live'));
        const columns = columnsOf('main')
          .filter((c) => live.has(c))
          .join(', ');
        staged.prepare(`INSERT INTO main.${table} (${columns}) SELECT ${columns} FROM live.${table}`).run();
      }
    })();
    return true;
  } catch {
    return false;
  } finally {
    staged.prepare('DETACH DATABASE live').run();
  }
}

/**
 * Replaces the database at `dbPath` with the backup `file`, after checking it. The backup is
 * staged in a copy and brought to this server's schema there; sessions in it end (nobody stays
 * logged in across a restore), and the accounts are the live database's when it has one that
 * reads (`accounts: 'kept'`). The current database is first saved to `safetyCopy`, if given.
 */
export async function restoreDatabase(
  file: string,
  dbPath: string,
  safetyCopy?: string,
): Promise<DatabaseCheck & { applied: number[]; accounts: 'kept' | 'from-backup' }> {
  const check = checkDatabaseFile(file);
  const staging = `${dbPath}.restoring`;
  removeDatabaseFiles(staging);
  try {
    const source = openDatabaseReadOnly(file);
    await source.backup(staging).finally(() => source.close());
    const staged = openDatabase(staging);
    let applied: number[];
    let kept = false;
    try {
      applied = migrate(staged);
      staged.prepare('DELETE FROM sessions').run();
      kept = existsSync(dbPath) && keepLiveAccounts(staged, dbPath);
      staged.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      staged.close();
    }
    checkDatabaseFile(staging);

    if (existsSync(dbPath) && safetyCopy) {
      const current = openDatabase(dbPath);
      await backupDatabase(current, safetyCopy).finally(() => current.close());
    }
    mkdirSync(dirname(dbPath), { recursive: true });
    const restored = openDatabaseReadOnly(staging);
    await restored.backup(dbPath).finally(() => restored.close());
    const live = openDatabase(dbPath);
    try {
      const ok = live.pragma('quick_check', { simple: true });
      if (ok !== 'ok') throw new BackupError(`${dbPath}: check after restore failed: ${ok}`);
    } finally {
      live.close();
    }
    return { ...check, applied, accounts: kept ? 'kept' : 'from-backup' };
  } finally {
    removeDatabaseFiles(staging);
  }
}
