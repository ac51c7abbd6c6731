import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAuth } from '../../server/auth/auth.ts';
import { migrate } from '../../server/db/migrate.ts';
import { openDatabase } from '../../server/db/open.ts';
import { seedDatabase } from '../../server/db/seed.ts';
import { committedGeodata } from '../helpers/test-app.ts';

/** The command-line tools as an operator runs them: npm run user / backup / restore on DB_PATH. */
const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'ntm-cli-'));
const DB_PATH = join(dir, 'app.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(script: string, args: string[], input = '') {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT,
    env: { ...process.env, DB_PATH, BACKUP_DIR: join(dir, 'backups') },
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const PASSWORD = 'chè Shan tuyết cổ thụ Tủa Chùa';

describe('npm run user', { timeout: 60_000 }, () => {
  it('creates the first admin with the password from standard input; there is no default account', () => {
    const db = openDatabase(DB_PATH);
    migrate(db);
    seedDatabase(db, committedGeodata());
    expect(db.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 0 });
    db.close();

    const added = run('user.ts', ['add', 'Lan', '--role', 'admin', '--name', 'Nguyễn Thị Lan'], `${PASSWORD}\n`);
    expect(added, added.err).toMatchObject({ code: 0, out: 'added lan (admin)\n' });
    const check = openDatabase(DB_PATH);
    const user = createAuth(check).accounts.byLogin('lan')!;
    expect(user).toMatchObject({ name: 'Nguyễn Thị Lan', role: 'admin' });
    expect((check.prepare('SELECT password_hash FROM users').get() as { password_hash: string }).password_hash).toMatch(/^\$argon2id\$/);
    check.close();
  });

  it('refuses a weak password, a missing role and unknown units, changing nothing', () => {
    expect(run('user.ts', ['add', 'minh', '--role', 'editor'], 'password\n')).toMatchObject({
      code: 2,
      err: expect.stringContaining('at least 15 characters'),
    });
    expect(run('user.ts', ['add', 'minh'], `${PASSWORD}\n`)).toMatchObject({ code: 2, err: expect.stringContaining('role') });
    expect(run('user.ts', ['add', 'minh', '--role', 'editor', '--programme', 'ntm', '--unit', '2020:99999'], `${PASSWORD}\n`)).toMatchObject({
      code: 1,
      err: expect.stringContaining('no unit 99999 in the 2020–2025 units'),
    });
    expect(run('user.ts', ['add', 'minh', '--role', 'editor'], `${PASSWORD}\n`)).toMatchObject({
      code: 1,
      err: expect.stringContaining('an editor needs at least one programme'),
    });
    expect(run('user.ts', ['list']).out.trim().split('\n')).toHaveLength(1);
  });

  it('adds a scoped editor, lists users, creates and revokes a token, disables', () => {
    const added = run('user.ts', ['add', 'minh', '--role', 'editor', '--programme', 'ntm,ocop', '--unit', '2020:095'], `${PASSWORD}\n`);
    expect(added, added.err).toMatchObject({ code: 0, out: 'added minh (editor: ntm,ocop 2020:095)\n' });
    const list = run('user.ts', ['list']).out;
    expect(list).toMatch(/^minh\teditor\tminh\tntm,ocop 2020:095\t/m);
    const token = run('user.ts', ['token', 'create', 'minh', '--name', 'qgis', '--days', '30']);
    expect(token.out).toMatch(/^dbm_[A-Za-z0-9_-]{43}\n$/);
    expect(token.err).toContain('shown only now');
    const db = openDatabase(DB_PATH);
    const auth = createAuth(db);
    expect(auth.tokens.resolve(token.out.trim())).not.toBeNull();
    expect(run('user.ts', ['token', 'revoke', 'minh', '1']).code).toBe(0);
    expect(auth.tokens.resolve(token.out.trim())).toBeNull();
    expect(run('user.ts', ['disable', 'minh']).code).toBe(0);
    expect(auth.accounts.byLogin('minh')!.disabled).toBe(true);
    db.close();
  });

  it('sets a password', async () => {
    const next = 'mùa lúa chín trên cánh đồng Mường Thanh';
    expect(run('user.ts', ['set-password', 'lan'], `${next}\n`).code).toBe(0);
    const db = openDatabase(DB_PATH);
    expect(await createAuth(db).accounts.verifyLogin('lan', next)).not.toBeNull();
    db.close();
  });

  it('unlocks a login throttled by failed logins; with nothing to clear, changes nothing', () => {
    const db = openDatabase(DB_PATH);
    const auth = createAuth(db);
    for (let i = 0; i < 3; i++) auth.throttle.failed('lan', '198.51.100.7');
    db.close();
    expect(run('user.ts', ['unlock', 'lan'])).toMatchObject({ code: 0, out: 'lan may try to log in again (3 failed logins cleared)\n' });
    expect(run('user.ts', ['unlock', 'lan'])).toMatchObject({ code: 0, out: 'lan may try to log in again (no failed logins to clear)\n' });
  });

  it('logs every change in the audit log as the command line: who, what, before and after, never a secret', () => {
    const db = openDatabase(DB_PATH);
    const rows = db.prepare('SELECT user_id, user_login, action, entity, before, after FROM audit_log ORDER BY id').all() as {
      user_id: number | null;
      user_login: string;
      action: string;
      entity: string;
      before: string | null;
      after: string | null;
    }[];
    const hashes = (db.prepare('SELECT password_hash FROM users').all() as { password_hash: string }[]).map((r) => r.password_hash);
    const tokenHashes = (db.prepare('SELECT token_hash FROM api_tokens').all() as { token_hash: string }[]).map((r) => r.token_hash);
    db.close();
    expect(rows.every((r) => r.user_id === null && r.user_login === 'command line')).toBe(true);
    const what = rows.map((r) => {
      const account = JSON.parse(r.after ?? r.before ?? 'null');
      return [r.action, r.entity, account?.login ?? account?.user];
    });
    expect(what).toEqual([
      ['create', 'account', 'lan'],
      ['create', 'account', 'minh'],
      ['create', 'api_token', 'minh'],
      ['retract', 'api_token', 'minh'],
      ['update', 'account', 'minh'],
      ['update', 'account', 'lan'],
      ['delete', 'lockout', 'lan'],
    ]);
    expect(JSON.parse(rows[2].after!)).toMatchObject({ id: 1, name: 'qgis', revokedAt: null });
    expect(JSON.parse(rows[6].before!)).toMatchObject({ user: 'lan', failures: 3 });
    expect(JSON.parse(rows[4].after!)).toMatchObject({ disabled: true });
    const logged = JSON.stringify(rows);
    for (const secret of [PASSWORD, 'mùa lúa chín trên cánh đồng Mường Thanh', ...hashes, ...tokenHashes]) expect(logged).not.toContain(secret);
    expect(logged).not.toMatch(/dbm_[A-Za-z0-9_-]{20}|hash/i);
  });
});

describe('npm run backup / npm run restore', { timeout: 60_000 }, () => {
  it('backs up to a named file and to BACKUP_DIR by default, restores, and refuses a bad file leaving the database as it was', () => {
    const named = join(dir, 'copy.db');
    const backup = run('backup.ts', [named]);
    expect(backup, backup.err).toMatchObject({ code: 0, out: expect.stringContaining('integrity ok') });
    expect(run('backup.ts', []).code).toBe(0);
    expect(readdirSync(join(dir, 'backups'))).toEqual([expect.stringMatching(/^manual-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.db$/)]);

    const restore = run('restore.ts', [named]);
    expect(restore, restore.err).toMatchObject({ code: 0, out: expect.stringContaining('every login session has ended') });
    expect(readdirSync(join(dir, 'backups')).some((f) => f.startsWith('before-restore-'))).toBe(true);

    const bad = join(dir, 'bad.db');
    writeFileSync(bad, 'not a database');
    const refused = run('restore.ts', [bad]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('nothing was changed');
    expect(existsSync(DB_PATH)).toBe(true);
  });
});
