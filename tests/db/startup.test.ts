import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, checkSchema } from '../../server/db/checks.ts';
import { migrate } from '../../server/db/migrate.ts';
import { MIGRATIONS } from '../../server/db/migrations.ts';
import { closeDatabase, openDatabase } from '../../server/db/open.ts';
import { readGeodata } from '../../server/db/seed.ts';
import { DatabaseStartupError, prepareDatabase } from '../../server/db/startup.ts';
import { committedGeodata, GEODATA_DIR } from '../helpers/test-app.ts';

const scratch = () => mkdtempSync(join(tmpdir(), 'ntm-start-'));
const load = () => committedGeodata();

/** A seeded database file, closed (checkpointed), ready to be damaged. */
function seededFile(): string {
  const path = join(scratch(), 'app.db');
  closeDatabase(prepareDatabase(path, load).db);
  return path;
}

/** Runs `change` on the file through a plain connection, then closes it. */
function alter(path: string, change: (db: ReturnType<typeof openDatabase>) => void) {
  const db = openDatabase(path);
  change(db);
  closeDatabase(db);
}

function refusal(path: string, loader = load): string {
  try {
    closeDatabase(prepareDatabase(path, loader).db);
  } catch (e) {
    expect(e).toBeInstanceOf(DatabaseStartupError);
    const message = (e as Error).message;
    expect(message).toContain(path);
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error(`prepareDatabase accepted ${path}`);
}

describe('preparing the database at start', () => {
  it('creates, migrates, seeds and stamps a new file; a second start changes nothing', () => {
    const path = join(scratch(), 'nested', 'app.db');
    const first = prepareDatabase(path, load);
    expect(first.applied).toEqual(MIGRATIONS.map((m) => m.version));
    expect(first.seeded).toBe(true);
    expect(first.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(first.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(first.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    closeDatabase(first.db);
    const second = prepareDatabase(path, load);
    expect(second).toMatchObject({ applied: [], seeded: false });
    closeDatabase(second.db);
  });

  it('closing checkpoints the WAL into the file', () => {
    const path = seededFile();
    expect(existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0).toBe(0);
  });

  it('accepts and stamps a database this app made before it stamped its files', () => {
    const path = seededFile();
    alter(path, (db) => db.pragma('application_id = 0'));
    const { db } = prepareDatabase(path, load);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    closeDatabase(db);
  });

  it('accepts a schema grown by a later migration of this app (more tables and columns)', () => {
    const later = [
      ...MIGRATIONS,
      { version: 99, name: 'later', sql: 'CREATE TABLE accounts (id INTEGER PRIMARY KEY); ALTER TABLE units ADD COLUMN note TEXT;' },
    ];
    const db = openDatabase(':memory:');
    migrate(db, later);
    expect(() => checkSchema(db, later)).not.toThrow();
    expect(() => checkSchema(db, MIGRATIONS)).not.toThrow();
  });
});

describe('refusing a database it cannot serve, with one line naming the path and the cause', () => {
  it('a folder given as the file', () => {
    const dir = scratch();
    expect(refusal(dir)).toMatch(/is a folder; set DB_PATH to a file/);
  });

  it('a file where a folder should be', () => {
    const file = join(scratch(), 'file.txt');
    writeFileSync(file, 'x');
    expect(refusal(join(file, 'data', 'app.db'))).toMatch(/file\.txt is a file, not a folder/);
  });

  it.skipIf(process.getuid?.() === 0)('a read-only folder (as root, tests/runtime runs this as another user)', () => {
    const dir = join(scratch(), 'ro');
    mkdirSync(dir);
    chmodSync(dir, 0o555);
    expect(refusal(join(dir, 'app.db'))).toMatch(/cannot be written \(permission denied\)/);
  });

  it('a file that is not SQLite', () => {
    const path = join(scratch(), 'notes.db');
    writeFileSync(path, 'These are my notes, not a database.\n'.repeat(200));
    expect(refusal(path)).toMatch(/is not a SQLite database/);
    expect(readFileSync(path, 'utf8')).toMatch(/^These are my notes/);
  });

  it("another application's SQLite file, which is left untouched", () => {
    const path = join(scratch(), 'other.db');
    alter(path, (db) => db.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5);'));
    expect(refusal(path)).toMatch(/is not a database of this app \(it holds invoices\)/);
    const db = openDatabase(path);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all()).toEqual(['invoices']);
    db.close();
  });

  it('a SQLite file stamped by another application', () => {
    const path = join(scratch(), 'stamped.db');
    alter(path, (db) => db.pragma('application_id = 1234'));
    expect(refusal(path)).toMatch(/belongs to another application \(application_id 1234/);
  });

  it('overwritten pages', () => {
    const path = seededFile();
    const fd = openSync(path, 'r+');
    const size = statSync(path).size;
    // Garbage over pages in the middle of the file (page 1, the header, stays intact).
    for (let offset = 8192; offset < size - 4096; offset += 16384) writeSync(fd, Buffer.alloc(512, 0xa5), 0, 512, offset);
    closeSync(fd);
    expect(refusal(path)).toMatch(/is damaged/);
  });

  it('a dropped column', () => {
    const path = seededFile();
    alter(path, (db) => db.exec('ALTER TABLE units DROP COLUMN full_name'));
    expect(refusal(path)).toMatch(/does not have the schema of version \d+: column units\.full_name is missing/);
  });

  it('a dropped table', () => {
    const path = seededFile();
    alter(path, (db) => db.exec('DROP TABLE targets'));
    expect(refusal(path)).toMatch(/table targets is missing/);
  });

  it('emptied tables', () => {
    const path = seededFile();
    alter(path, (db) => db.exec('DELETE FROM ntm_recognition_sources; DELETE FROM ntm_recognitions;'));
    expect(refusal(path)).toMatch(/has lost data: table ntm_recognitions is empty/);
  });

  it('a schema newer than the server', () => {
    const path = seededFile();
    alter(path, (db) => db.pragma('user_version = 999'));
    expect(refusal(path)).toMatch(/schema version 999 is newer than this server/);
  });

  it('a new file with no seed data to fill it', () => {
    const path = join(scratch(), 'app.db');
    expect(refusal(path, () => readGeodata(join(GEODATA_DIR, 'missing')))).toMatch(/is new and cannot be seeded: .*GEODATA_DIR/);
  });
});
