import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { backupFileName, runDailyBackup } from '../../server/db/backup-schedule.ts';
import { BackupError, backupDatabase, checkDatabaseFile, restoreDatabase } from '../../server/db/backup.ts';
import { migrate } from '../../server/db/migrate.ts';
import { MIGRATIONS } from '../../server/db/migrations.ts';
import { openDatabase } from '../../server/db/open.ts';
import { seedDatabase } from '../../server/db/seed.ts';
import { createAuth } from '../../server/auth/auth.ts';
import { committedGeodata, GEODATA_DIR } from '../helpers/test-app.ts';
import { COMMAND_LINE } from '../../server/auth/account-log.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'ntm-backup-'));
  dirs.push(dir);
  return dir;
}

/** A seeded database file, as the server keeps it (WAL). */
function seededFile(path: string) {
  const db = openDatabase(path);
  migrate(db);
  seedDatabase(db, committedGeodata());
  return db;
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Every layer and list the API serves. */
const LAYERS = [
  '/api/districts',
  '/api/communes',
  '/api/communes?asOf=2015-12-31',
  '/api/zones',
  '/api/products',
  '/api/stats',
  '/api/stats?asOf=2021-06-30',
  '/api/communes/03328',
  '/api/districts/095',
  '/api/units?set=2019',
  '/api/units?set=2020',
  '/api/units?set=2025',
  '/api/units/merged-history?asOf=2025-06-30',
  '/api/crosswalk',
  '/api/timeline',
  '/api/base/province',
];

describe('backup and restore', () => {
  it('backup → damage → restore, while the server runs: the layers served are byte-identical', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'app.db');
    const db = seededFile(dbPath);
    const app = createApp({ db, config: { clientDir: null, geodataDir: GEODATA_DIR } });
    const serve = async () => Promise.all(LAYERS.map(async (p) => (await app.request(p)).text()));
    const before = await serve();

    const backup = await backupDatabase(db, join(dir, 'backups', 'b.db'));
    expect(backup).toMatchObject({ version: MIGRATIONS.at(-1)!.version, units: 324, users: 0 });

    // A bad day: another connection (an import gone wrong) changes names and deletes the targets.
    const other = openDatabase(dbPath);
    other.exec("UPDATE units SET name = 'hỏng' WHERE unit_set = '2020'; DELETE FROM targets;");
    other.close();
    const damaged = await serve();
    expect(damaged.filter((body, i) => body !== before[i]).length).toBeGreaterThan(5);

    const safety = join(dir, 'backups', 'before.db');
    await restoreDatabase(backup.file, dbPath, safety);
    const after = await serve();
    for (const [i, path] of LAYERS.entries()) expect(after[i], path).toBe(before[i]);

    // The damaged state was kept aside, and the running server's connection is still sound.
    const kept = openDatabase(safety);
    expect(kept.prepare('SELECT count(*) AS n FROM targets').get()).toEqual({ n: 0 });
    kept.close();
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('ends every session on restore and keeps the accounts as they are now: a token revoked since the backup stays revoked', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'app.db');
    const db = seededFile(dbPath);
    const auth = createAuth(db);
    const lan = await auth.accounts.create(
      { login: 'lan', name: 'Lan', role: 'admin', password: 'một câu mật khẩu rất dài', programmes: [], units: [] },
      COMMAND_LINE,
    );
    auth.sessions.start(lan.id, { address: '127.0.0.1', userAgent: 'test' });
    const leaked = auth.tokens.issue(lan.id, 'qgis', 30);
    const backup = await backupDatabase(db, join(dir, 'b.db'));
    expect(backup.users).toBe(1);
    // After the backup: the token leaks and is revoked, a new user is added.
    auth.tokens.revoke(leaked.row.id);
    await auth.accounts.create(
      { login: 'hoa', name: 'Hoa', role: 'viewer', password: 'một câu mật khẩu khác rất dài', programmes: [], units: [] },
      COMMAND_LINE,
    );
    db.close();
    const done = await restoreDatabase(backup.file, dbPath);
    expect(done.accounts).toBe('kept');
    const restored = openDatabase(dbPath);
    expect(restored.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 0 });
    expect(createAuth(restored).tokens.resolve(leaked.token)).toBeNull();
    expect(createAuth(restored).accounts.byLogin('hoa')).toBeDefined();
    restored.close();

    // With no database to keep them from (a new machine), the backup's accounts come back.
    const fresh = join(tempDir(), 'app.db');
    expect((await restoreDatabase(backup.file, fresh)).accounts).toBe('from-backup');
    const onNewMachine = openDatabase(fresh);
    expect(createAuth(onNewMachine).tokens.resolve(leaked.token)?.userId).toBe(lan.id);
    onNewMachine.close();
  });

  it('is consistent while another connection keeps writing', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'app.db');
    const db = seededFile(dbPath);
    const writer = openDatabase(dbPath);
    const insertPair = writer.transaction((i: number) => {
      writer.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(`a${i}`, 'x');
      writer.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(`b${i}`, 'x');
    });
    let i = 0;
    const timer = setInterval(() => i < 30 && insertPair(i++), 1);
    const done = await backupDatabase(db, join(dir, 'b.db'));
    clearInterval(timer);
    writer.close();
    const copy = openDatabase(done.file);
    const count = (prefix: string) => (copy.prepare('SELECT count(*) AS n FROM meta WHERE key LIKE ?').get(`${prefix}%`) as { n: number }).n;
    expect(count('a')).toBe(count('b'));
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    db.close();
  });

  it('refuses to overwrite an existing file', async () => {
    const dir = tempDir();
    const db = seededFile(join(dir, 'app.db'));
    writeFileSync(join(dir, 'taken.db'), 'x');
    await expect(backupDatabase(db, join(dir, 'taken.db'))).rejects.toThrow(/already exists/);
    db.close();
  });
});

describe('restore checks the file before replacing anything', () => {
  async function refused(prepare: (file: string, dir: string) => void, message: RegExp) {
    const dir = tempDir();
    const dbPath = join(dir, 'app.db');
    const db = seededFile(dbPath);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = sha(dbPath);
    const file = join(dir, 'candidate.db');
    prepare(file, dir);
    await expect(restoreDatabase(file, dbPath, join(dir, 'safety.db'))).rejects.toThrow(message);
    await expect(restoreDatabase(file, dbPath)).rejects.toBeInstanceOf(BackupError);
    expect(sha(dbPath)).toBe(before);
    expect(existsSync(join(dir, 'safety.db'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('restoring'))).toEqual([]);
  }

  it('a missing file', () => refused(() => {}, /no such file/));
  it('a file that is not SQLite', () => refused((f) => writeFileSync(f, 'PK\u0003\u0004 a zip, perhaps'), /not an SQLite database/));
  it('a corrupted database', async () => {
    await refused((f, dir) => {
      const db = seededFile(join(dir, 'src.db'));
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      const bytes = readFileSync(join(dir, 'src.db'));
      bytes.fill(0x5a, 40 * 4096, 60 * 4096);
      writeFileSync(f, bytes);
    }, /integrity|malformed|not an SQLite/);
  });
  it('another application’s database', () =>
    refused((f) => {
      const db = openDatabase(f);
      db.exec('CREATE TABLE things (id INTEGER PRIMARY KEY)');
      db.close();
    }, /not a database of this app/));
  it('a schema that is not this app’s (a table missing)', () =>
    refused((f, dir) => {
      const db = seededFile(join(dir, 'src.db'));
      db.exec('DROP TABLE login_failures');
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      copyFileSync(join(dir, 'src.db'), f);
    }, /schema is not version \d.*missing.*login_failures/));
  it('a newer schema than this server knows', () =>
    refused((f, dir) => {
      const db = seededFile(join(dir, 'src.db'));
      db.pragma('user_version = 99');
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      copyFileSync(join(dir, 'src.db'), f);
    }, /newer than this server/));
  it('an empty (unseeded) database', () =>
    refused((f) => {
      const db = openDatabase(f);
      migrate(db);
      db.close();
    }, /holds no units/));

  it('accepts an older schema and brings it up to date', async () => {
    const dir = tempDir();
    const old = openDatabase(join(dir, 'v1.db'));
    migrate(old, MIGRATIONS.slice(0, 1));
    // The seed writes today's schema, so a version-1 database gets one unit by hand.
    old
      .prepare(
        `INSERT INTO units (unit_set, code, level, name, type, full_name, district_code, valid_from, valid_to, area_km2, label_lon, label_lat, geometry)
         VALUES ('2020', '095', 'district', 'Điện Biên', 'huyện', 'Huyện Điện Biên', NULL, NULL, NULL, 1, 103, 21.3, '{}')`,
      )
      .run();
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.close();
    expect(checkDatabaseFile(join(dir, 'v1.db')).version).toBe(1);
    const done = await restoreDatabase(join(dir, 'v1.db'), join(dir, 'app.db'));
    expect(done.applied).toEqual(MIGRATIONS.slice(1).map((m) => m.version));
    expect(checkDatabaseFile(join(dir, 'app.db')).version).toBe(MIGRATIONS.at(-1)!.version);
  });
});

describe('automatic daily backups', () => {
  it('makes one a day, keeps them BACKUP_KEEP_DAYS, and never deletes other files', async () => {
    const dir = tempDir();
    const db = seededFile(join(dir, 'app.db'));
    const backups = join(dir, 'backups');
    const schedule = { dir: backups, keepDays: 3 };
    const day0 = Date.UTC(2025, 6, 1, 2, 0, 0);
    const DAY = 86_400_000;
    const manual = join(backups, backupFileName('manual', day0 - 30 * DAY));

    expect((await runDailyBackup(db, schedule, day0)).made).toBe(join(backups, 'auto-2025-07-01T02-00-00Z.db'));
    writeFileSync(manual, 'kept by hand');
    expect((await runDailyBackup(db, schedule, day0 + 3_600_000)).made).toBeNull();
    for (let d = 1; d <= 5; d++) await runDailyBackup(db, schedule, day0 + d * DAY);
    expect(readdirSync(backups).sort()).toEqual([
      'auto-2025-07-03T02-00-00Z.db',
      'auto-2025-07-04T02-00-00Z.db',
      'auto-2025-07-05T02-00-00Z.db',
      'auto-2025-07-06T02-00-00Z.db',
      'manual-2025-06-01T02-00-00Z.db',
    ]);
    expect(checkDatabaseFile(join(backups, 'auto-2025-07-06T02-00-00Z.db')).units).toBe(324);
    db.close();
  });
});
