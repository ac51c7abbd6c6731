import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort, listening, spawnServer, stopServer } from '../helpers/server-process.ts';

const scratch = () => mkdtempSync(join(tmpdir(), 'ntm-runtime-'));

describe('two processes starting on one new database', { timeout: 180_000 }, () => {
  it.each([1, 2, 3, 4, 5])('pair %i: both serve; one migrated and seeded, the other waited', async () => {
    const dbPath = join(scratch(), 'data', 'app.db');
    // Automatic backups off: both processes would start one to the same file name in the same second.
    const env = { DB_PATH: dbPath, BACKUP_KEEP_DAYS: '0' };
    const [a, b] = [spawnServer({ ...env, PORT: String(await freePort()) }), spawnServer({ ...env, PORT: String(await freePort()) })];
    try {
      const origins = await Promise.all([listening(a, 120_000), listening(b, 120_000)]);
      for (const origin of origins) {
        expect((await fetch(`${origin}/api/health`)).status).toBe(200);
        const communes = await (await fetch(`${origin}/api/communes?asOf=2021-06-30`)).json();
        expect(communes.features).toHaveLength(129);
      }
      const seeded = [a, b].filter((s) => s.output().includes('seeded from'));
      expect(seeded, a.output() + b.output()).toHaveLength(1);
      expect(a.output() + b.output()).not.toMatch(/error|SQLITE_BUSY|already exists|refusing/i);
    } finally {
      // Both stopped before either exit is checked, so a failed pair leaves no server behind.
      const exits = await Promise.all([stopServer(a), stopServer(b)]);
      expect(
        exits.map((e) => e.code),
        a.output() + b.output(),
      ).toEqual([0, 0]);
    }
  });
});

/** Starts the server expecting it to refuse: exit code 1 and one line on stderr, no stack trace. */
async function refusal(env: Record<string, string>, options: { uid?: number; gid?: number } = {}) {
  const server = spawnServer({ PORT: String(await freePort()), ...env }, options);
  const exit = await server.exited;
  const lines = server.output().trim().split('\n');
  expect(exit.code, server.output()).toBe(1);
  expect(server.output()).not.toMatch(/\n\s+at /);
  return lines.at(-1)!;
}

describe('refusing to start, in one line naming the cause', { timeout: 60_000 }, () => {
  it('a folder given as DB_PATH', async () => {
    const dir = scratch();
    expect(await refusal({ DB_PATH: dir })).toBe(`error: database ${dir} is a folder; set DB_PATH to a file in it, e.g. ${dir}/app.db`);
  });

  it('a file that is not SQLite', async () => {
    const path = join(scratch(), 'notes.db');
    writeFileSync(path, 'not a database\n'.repeat(500));
    expect(await refusal({ DB_PATH: path })).toMatch(new RegExp(`^error: database ${path} is not a SQLite database`));
  });

  it('a folder the server may not write in', async () => {
    const dir = join(scratch(), 'read-only');
    mkdirSync(dir);
    chmodSync(dir, 0o555);
    // As root every folder is writable: run the server as nobody then.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    expect(await refusal({ DB_PATH: join(dir, 'app.db') }, asUser)).toMatch(
      new RegExp(`^error: database ${join(dir, 'app.db')} cannot be written \\(permission denied\\); the server needs to write the file and its folder`),
    );
  });

  it('a bad variable', async () => {
    expect(await refusal({ DB_PATH: join(scratch(), 'app.db'), CACHE_MAX_MB: 'lots' })).toBe(
      'error: configuration: CACHE_MAX_MB must be a whole number from 1 to 16384, got "lots"',
    );
  });

  it('a port already in use', async () => {
    const port = await freePort();
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(port, '127.0.0.1', r));
    try {
      const server = spawnServer({ PORT: String(port), DB_PATH: join(scratch(), 'app.db') });
      const exit = await server.exited;
      expect(exit.code).toBe(1);
      expect(server.output().trim().split('\n').at(-1)).toBe(
        `error: cannot listen on 127.0.0.1:${port} (EADDRINUSE); the port is in use: set PORT to a free one`,
      );
    } finally {
      blocker.close();
    }
  });
});
