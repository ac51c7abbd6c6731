import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from 'better-sqlite3';
import { checkApplication, checkIntegrity, checkSchema, contentState, DatabaseCheckError, stampApplicationId } from './checks.ts';
import { migrate } from './migrate.ts';
import { configureDatabase, connectDatabase } from './open.ts';
import type { Province } from '../catalog/province.ts';
import { ensureProvince } from './province.ts';
import { type Geodata, seedIfEmpty } from './seed.ts';

/** A database the server cannot start on; the message is one line naming the path, the cause and the fix. */
export class DatabaseStartupError extends Error {}

export interface PreparedDatabase {
  db: Database;
  /** Migration versions applied by this start. */
  applied: number[];
  /** Whether this start seeded the database. */
  seeded: boolean;
  /** Whether this start added the province record to a database seeded before it was part of the seed. */
  provinceAdded: boolean;
}

/** Long enough for another process to finish seeding a new file on a slow machine. */
const STARTUP_BUSY_TIMEOUT_MS = 120_000;
const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens the database at `path` for serving: the folder and file usable, the file ours and
 * undamaged, migrated (under the write lock), seeded if new, its schema and core tables whole,
 * and the province it is about recorded (from `loadProvince`, the geodata folder, if missing).
 * Two processes starting on one new file both succeed: one migrates and seeds, the other waits.
 * @throws DatabaseStartupError naming `path` and the cause
 */
export function prepareDatabase(path: string, loadGeodata: () => Geodata, loadProvince: () => Province = () => loadGeodata().province): PreparedDatabase {
  checkLocation(path);
  // SQLite answers SQLITE_BUSY at once, without waiting, in a few races of two processes opening
  // one new file (WAL set up, a read turning into a write): every step re-checks under the lock, so
  // the whole sequence is tried again until the start-up timeout.
  const deadline = Date.now() + STARTUP_BUSY_TIMEOUT_MS;
  const done: Done = { applied: [], seeded: false };
  for (;;) {
    try {
      return openAndPrepare(path, loadGeodata, loadProvince, done);
    } catch (e) {
      if (!(e instanceof BusyAtStart) || Date.now() > deadline) throw failure(path, e instanceof BusyAtStart ? e.cause : e);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
}

/** A SQLITE_BUSY met while preparing the database: worth another try. */
class BusyAtStart extends Error {}

/** What earlier tries of this start did, so the start reports it once. */
type Done = Pick<PreparedDatabase, 'applied' | 'seeded'>;

function openAndPrepare(path: string, loadGeodata: () => Geodata, loadProvince: () => Province, done: Done): PreparedDatabase {
  let db: Database;
  try {
    db = connectDatabase(path, STARTUP_BUSY_TIMEOUT_MS);
  } catch (e) {
    throw failure(path, e);
  }
  try {
    const owner = checkApplication(db);
    if (owner !== 'new') checkIntegrity(db);
    configureDatabase(db);
    done.applied.push(...migrate(db));
    if (owner !== 'ours') stampApplicationId(db);
    checkSchema(db);
    if (contentState(db) === 'empty' && seedIfEmpty(db, () => seedData(path, loadGeodata))) done.seeded = true;
    contentState(db);
    const provinceAdded = db.transaction(() => ensureProvince(db, () => seedData(path, loadProvince))).immediate();
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    return { db, ...done, provinceAdded };
  } catch (e) {
    db.close();
    if (((e as { code?: string }).code ?? '').startsWith('SQLITE_BUSY')) throw new BusyAtStart('busy', { cause: e });
    throw failure(path, e);
  }
}

function seedData<T>(path: string, load: () => T): T {
  try {
    return load();
  } catch (e) {
    throw new DatabaseStartupError(
      `database ${path} is new and cannot be seeded: ${e instanceof Error ? e.message.split('\n')[0] : e}; set GEODATA_DIR to the folder holding the seed data (geodata/)`,
    );
  }
}

/** The causes the file system can tell before SQLite tries, each with its fix. */
function checkLocation(path: string): void {
  if (existsSync(path) && statSync(path).isDirectory()) {
    throw new DatabaseStartupError(`database ${path} is a folder; set DB_PATH to a file in it, e.g. ${path}/app.db`);
  }
  const folder = dirname(path);
  let existing = folder;
  while (!existsSync(existing)) existing = dirname(existing);
  if (!statSync(existing).isDirectory()) {
    throw new DatabaseStartupError(`database ${path} cannot be created: ${existing} is a file, not a folder; set DB_PATH to a path in a folder`);
  }
  try {
    mkdirSync(folder, { recursive: true });
    // SQLite writes the -wal and -shm files next to the database, so the folder must be writable too.
    accessSync(folder, constants.W_OK | constants.X_OK);
    if (existsSync(path)) accessSync(path, constants.R_OK | constants.W_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const what = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EROFS' ? 'read-only file system' : (code ?? String(e));
    throw new DatabaseStartupError(
      `database ${path} cannot be written (${what}); the server needs to write the file and its folder ${folder} (it keeps -wal and -shm files there)`,
    );
  }
}

function failure(path: string, e: unknown): DatabaseStartupError {
  if (e instanceof DatabaseStartupError) return e;
  if (e instanceof DatabaseCheckError) return new DatabaseStartupError(`database ${path} ${e.message}`);
  const code = (e as { code?: string }).code ?? '';
  const message = e instanceof Error ? e.message : String(e);
  if (code === 'SQLITE_NOTADB')
    return new DatabaseStartupError(`database ${path} is not a SQLite database; set DB_PATH to this app's database or to a new file`);
  if (code.startsWith('SQLITE_CORRUPT')) return new DatabaseStartupError(`database ${path} is damaged (${message}); restore it from a backup`);
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR')) {
    return new DatabaseStartupError(`database ${path} cannot be opened for writing (${code}: ${message}); check the file, its folder and the disk`);
  }
  if (code === 'SQLITE_BUSY')
    return new DatabaseStartupError(`database ${path} stayed locked by another process for ${STARTUP_BUSY_TIMEOUT_MS / 1000} s; stop it, then start again`);
  return new DatabaseStartupError(`database ${path}: ${message.split('\n')[0].replace(/^database /, '')}`);
}
