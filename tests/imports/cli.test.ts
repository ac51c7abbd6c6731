import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAuth } from '../../server/auth/auth.ts';
import { DEFAULT_AUTH_CONFIG } from '../../server/auth/config.ts';
import { migrate } from '../../server/db/migrate.ts';
import { openDatabase } from '../../server/db/open.ts';
import { seedDatabase } from '../../server/db/seed.ts';
import { PASSWORD } from '../helpers/auth.ts';
import { committedGeodata } from '../helpers/test-app.ts';
import { COMMAND_LINE } from '../../server/auth/account-log.ts';

/** `npm run import`: the same preview as the app, a dry run that writes nothing, a commit as one batch, and the editor's roles. */
const ROOT = join(import.meta.dirname, '..', '..');

describe('npm run import', () => {
  it('prints the preview, writes nothing on --dry-run, commits otherwise, and refuses a user without the programme', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-cli-'));
    const dbPath = join(dir, 'app.db');
    const db = openDatabase(dbPath);
    migrate(db);
    seedDatabase(db, committedGeodata());
    const accounts = createAuth(db, DEFAULT_AUTH_CONFIG).accounts;
    await accounts.create({ login: 'ntm1', name: 'NTM', role: 'editor', password: PASSWORD, programmes: ['ntm'], units: [] }, COMMAND_LINE);
    await accounts.create({ login: 'ocop1', name: 'OCOP', role: 'editor', password: PASSWORD, programmes: ['ocop'], units: [] }, COMMAND_LINE);
    const count = () => db.prepare('SELECT count(*) FROM ntm_recognitions').pluck().get() as number;
    const before = count();
    db.close();
    const file = join(dir, 'cong-nhan.csv');
    writeFileSync(file, 'unitSet,communeCode,status,yearFor,decisionRef,decisionDate\n2020,03205,standard,2024,12/QĐ-UBND,10/01/2025\n');
    const runOn = (path: string, ...args: string[]) =>
      spawnSync(
        process.execPath,
        [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'scripts', 'import.ts'), path, '--kind', 'ntm-recognitions', ...args],
        {
          env: { ...process.env, DB_PATH: dbPath },
          encoding: 'utf8',
        },
      );
    const run = (...args: string[]) => runOn(file, ...args);
    const source = ['--source-title', 'Quyết định 12/QĐ-UBND', '--source-date', '2025-01-10', '--source-url', 'https://dienbien.gov.vn/qd-12'];

    // A login is found as the app finds it: case and surrounding spaces do not matter.
    const dry = run('--as', ' NTM1 ', ...source, '--dry-run');
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('1 row → 1 to add, 0 to change, 0 unchanged, 0 errors');
    expect(dry.stdout).toContain('create recognition 03205-standard-2024 (row 2)');
    expect(dry.stdout).toContain('dry run: nothing imported');

    const refused = run('--as', 'ocop1', ...source);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/refused \(forbidden\): ocop1 \(editor\) may not import ntm-recognitions/);

    const noSource = run('--as', 'ntm1');
    expect(noSource.status).toBe(1);
    expect(noSource.stdout).toMatch(/row 2, sourceTitle: no source/);

    const done = run('--as', 'ntm1', ...source);
    expect(done.status).toBe(0);
    expect(done.stdout).toMatch(/imported: batch imp-\d{8}-[0-9a-f]+ — 1 added, 0 changed/);
    const after = openDatabase(dbPath);
    expect(after.prepare('SELECT count(*) FROM ntm_recognitions').pluck().get()).toBe(before + 1);
    expect(after.prepare("SELECT user_login FROM audit_log WHERE entity = 'recognition'").pluck().all()).toEqual(['ntm1']);
    after.close();

    // Text typed in a TCVN3 font ("Đạt 19/19 tiêu chí") is refused, or converted with --legacy-font, as in the app.
    const tcvn3 = join(dir, 'cong-nhan-tcvn3.csv');
    writeFileSync(
      tcvn3,
      'unitSet,communeCode,status,yearFor,decisionRef,decisionDate,criteriaText\n2020,03232,standard,2024,15/QĐ-UBND,10/01/2025,§¹t 19/19 tiªu chÝ\n',
    );
    const old = runOn(tcvn3, '--as', 'ntm1', ...source, '--dry-run');
    expect(old.status).toBe(1);
    expect(old.stderr).toMatch(/refused \(legacy_vietnamese_font\): row 2, column criteriaText: .* it reads "Đạt 19\/19 tiêu chí"/);
    const converted = runOn(tcvn3, '--as', 'ntm1', ...source, '--dry-run', '--legacy-font', 'TCVN3');
    expect(converted.status).toBe(0);
    expect(converted.stdout).toContain('row 2, criteriaText: converted from TCVN3 (ABC) to Unicode: "§¹t 19/19 tiªu chÝ" → "Đạt 19/19 tiêu chí"');
  }, 120_000);
});
