import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuth } from '../../server/auth/auth.ts';
import { DEFAULT_AUTH_CONFIG } from '../../server/auth/config.ts';
import { migrate } from '../../server/db/migrate.ts';
import { openDatabase } from '../../server/db/open.ts';
import { seedDatabase } from '../../server/db/seed.ts';
import { PASSWORD } from '../helpers/auth.ts';
import { committedGeodata } from '../helpers/test-app.ts';
import { COMMAND_LINE } from '../../server/auth/account-log.ts';

/**
 * Nothing is lost or half-written on a crash: the command-line import of a large file is
 * killed (SIGKILL, no chance to clean up) while its one transaction is writing; the database
 * must then be intact and hold none of the import.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const TABLES = ['ntm_recognitions', 'ntm_recognition_sources', 'audit_log', 'import_batches', 'sources'];

let child: ChildProcess | null = null;
afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

describe('an import killed in the middle of its transaction', () => {
  it('leaves an intact database (integrity_check ok) with none of the import', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-kill-'));
    const dbPath = join(dir, 'app.db');
    const db = openDatabase(dbPath);
    migrate(db);
    seedDatabase(db, committedGeodata());
    await createAuth(db, DEFAULT_AUTH_CONFIG).accounts.create(
      { login: 'admin1', name: 'Admin', role: 'admin', password: PASSWORD, programmes: [], units: [] },
      COMMAND_LINE,
    );
    // Rural communes (xã): NTM does not assess wards and townships, so a row naming one is refused.
    const communes = db.prepare("SELECT code FROM units WHERE unit_set = '2020' AND level = 'commune' AND type = 'Xã'").pluck().all() as string[];
    const counts = () => TABLES.map((t) => db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number);
    const before = counts();

    // 115 communes (xã) × 4 statuses × every year from 2010 to the last one (none after today may be
    // recorded): over 7 000 distinct recognitions.
    const lines = ['unitSet,communeCode,status,yearFor,decisionRef,decisionDate'];
    for (let year = 2010; year < new Date().getFullYear(); year++) {
      for (const status of ['basic', 'standard', 'advanced', 'model'])
        for (const code of communes) lines.push(`2020,${code},${status},${year},${year}/QĐ-UBND,${year}-12-15`);
    }
    const file = join(dir, 'lon.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);

    child = spawn(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        join(ROOT, 'scripts', 'import.ts'),
        file,
        '--as',
        'admin1',
        '--kind',
        'ntm-recognitions',
        '--source-title',
        'Tổng hợp',
        '--source-date',
        '2025-01-01',
        '--source-url',
        'https://dienbien.gov.vn/x',
      ],
      { env: { ...process.env, DB_PATH: dbPath, IMPORT_MAX_ROWS: '50000' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const exited = new Promise((resolve) => child!.on('exit', resolve));
    const killedAt = await new Promise<string>((resolve, reject) => {
      let err = '';
      child!.stderr!.on('data', (chunk: Buffer) => {
        err += chunk.toString();
        const m = /committing: (\d+)\/(\d+)\n/.exec(err.split('\n').slice(-3).join('\n'));
        if (m && Number(m[1]) >= Number(m[2]) / 4) {
          child!.kill('SIGKILL');
          resolve(m[0].trim());
        }
      });
      child!.on('exit', (code, signal) => {
        if (signal !== 'SIGKILL') reject(new Error(`the import ended (${code}) before it could be killed:\n${err}`));
      });
    });
    await exited;
    expect(killedAt).toMatch(/committing/);

    db.close();
    const after = openDatabase(dbPath);
    expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
    const again = TABLES.map((t) => after.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number);
    expect(again).toEqual(before);
    after.close();
  }, 240_000);
});
