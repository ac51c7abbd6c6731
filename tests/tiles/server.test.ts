import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { synthesize } from '../../scripts/national/synthesize.ts';
import { writeDataset } from '../../scripts/national/write.ts';
import { createAuth } from '../../server/auth/auth.ts';
import { DEFAULT_AUTH_CONFIG } from '../../server/auth/config.ts';
import { closeDatabase, openDatabase } from '../../server/db/open.ts';
import { PASSWORD } from '../helpers/auth.ts';
import { freePort, listening, seededDatabaseFile, spawnServer, stopServer } from '../helpers/server-process.ts';
import { COMMAND_LINE } from '../../server/auth/account-log.ts';

/** The built server (npm start) with NATIONAL_DIR: tiles served, or a one-line refusal at start. */
const dir = mkdtempSync(join(tmpdir(), 'national-server-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The built server on a small synthetic dataset of its own (`name`), with `env` on top. */
async function serveDataset(name: string, env: Record<string, string> = {}) {
  const data = join(dir, name);
  writeDataset(data, synthesize({ seed: 3, scale: 0.01 }));
  const server = spawnServer({ PORT: String(await freePort()), DB_PATH: join(dir, `${name}.db`), CLIENT_DIR: join(dir, 'none'), NATIONAL_DIR: data, ...env });
  return { server, origin: await listening(server) };
}

describe('NATIONAL_DIR', () => {
  it('serves the dataset’s tiles from the built server, saying it is synthetic', async () => {
    const { server, origin } = await serveDataset('national');
    try {
      const list = await (await fetch(`${origin}/api/tiles`)).json();
      expect(list.synthetic).toBe(true);
      const tile = await fetch(`${origin}/api/tiles/national-provinces-2020/0/0/0.pbf`);
      expect(tile.status).toBe(200);
      expect(tile.headers.get('Content-Type')).toBe('application/vnd.mapbox-vector-tile');
      expect((await tile.arrayBuffer()).byteLength).toBeGreaterThan(0);
      expect(server.output()).toMatch(/SYNTHETIC national dataset/);
    } finally {
      await stopServer(server);
    }
  });

  it('answers a tile already made (sent straight from node:http) exactly as the first time (through the app)', async () => {
    const { server, origin } = await serveDataset('direct');
    try {
      const answer = async (path: string, headers: Record<string, string> = {}) => {
        const res = await fetch(`${origin}${path}`, { headers });
        const sent = Object.fromEntries([...res.headers].filter(([name]) => !['date', 'connection', 'keep-alive'].includes(name)));
        return { status: res.status, headers: sent, body: Buffer.from(await res.arrayBuffer()) };
      };
      const tile = '/api/tiles/national-provinces-2020/0/0/0.pbf';
      const empty = '/api/tiles/national-provinces-2020/3/0/0.pbf';
      for (const encoding of ['br', 'gzip', 'identity']) {
        const first = await answer(tile, { 'Accept-Encoding': encoding });
        expect(first.status).toBe(200);
        expect(await answer(tile, { 'Accept-Encoding': encoding })).toEqual(first);
      }
      const none = await answer(empty);
      expect(none.status).toBe(204);
      expect(await answer(empty)).toEqual(none);
      // What the app decides stays the app's: revalidation, unknown parameters, tokens.
      const { etag } = (await answer(tile)).headers;
      expect((await answer(tile, { 'If-None-Match': etag! })).status).toBe(304);
      expect((await answer(`${tile}?x=1`)).status).toBe(400);
      expect((await answer(tile, { Authorization: 'Bearer dbm_wrong' })).status).toBe(401);
    } finally {
      await stopServer(server);
    }
  });

  it('sends no tile without a login when every request needs one (REQUIRE_LOGIN=1), even one already made', async () => {
    const dbPath = seededDatabaseFile();
    const db = openDatabase(dbPath);
    const auth = createAuth(db, DEFAULT_AUTH_CONFIG);
    const user = await auth.accounts.create({ login: 'lan', name: 'Lan', role: 'viewer', password: PASSWORD, programmes: [], units: [] }, COMMAND_LINE);
    const { token } = auth.tokens.issue(user.id, 'map', 1);
    closeDatabase(db);
    const { server, origin } = await serveDataset('private', { DB_PATH: dbPath, REQUIRE_LOGIN: '1' });
    try {
      const tile = `${origin}/api/tiles/national-provinces-2020/0/0/0.pbf`;
      expect((await fetch(tile, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
      expect((await fetch(tile)).status).toBe(401);
    } finally {
      await stopServer(server);
    }
  });

  it('refuses to start on a folder that is not a dataset, in one line', async () => {
    const server = spawnServer({
      PORT: String(await freePort()),
      DB_PATH: join(dir, 'bad.db'),
      CLIENT_DIR: join(dir, 'none'),
      NATIONAL_DIR: join(dir, 'empty'),
    });
    const exit = await server.exited;
    expect(exit.code).toBe(1);
    expect(server.output()).toMatch(/^error: NATIONAL_DIR .*empty has no manifest\.json: generate the dataset with "npm run national/m);
  });
});
