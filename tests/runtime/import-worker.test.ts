import { afterAll, describe, expect, it } from 'vitest';
import { createAuth } from '../../server/auth/auth.ts';
import { DEFAULT_AUTH_CONFIG } from '../../server/auth/config.ts';
import { closeDatabase, openDatabase } from '../../server/db/open.ts';
import { cookieOf, PASSWORD } from '../helpers/auth.ts';
import { freePort, listening, type ServerProcess, seededDatabaseFile, spawnServer, stopServer } from '../helpers/server-process.ts';
import { SOURCE } from '../imports/helpers.ts';

/** The built server, run as `npm start` runs it, checks an uploaded map file in its worker thread (dist/server/check-worker.js). */
describe('the built server’s import worker', () => {
  let server: ServerProcess | null = null;
  afterAll(async () => {
    if (server) await stopServer(server);
  });

  it('previews a zones file, checked in a worker thread', { timeout: 120_000 }, async () => {
    const dbPath = seededDatabaseFile();
    const db = openDatabase(dbPath);
    await createAuth(db, DEFAULT_AUTH_CONFIG).accounts.create({
      login: 'zones1',
      name: 'Zones',
      role: 'editor',
      password: PASSWORD,
      programmes: ['zones'],
      units: [],
    });
    closeDatabase(db);
    server = spawnServer({ DB_PATH: dbPath, PORT: String(await freePort()), BACKUP_KEEP_DAYS: '0' });
    const origin = await listening(server);
    const login = await fetch(`${origin}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ login: 'zones1', password: PASSWORD }),
    });
    const { csrfToken } = await login.json();
    const ring = Array.from({ length: 40 }, (_, i) => [103.35 + 0.01 * Math.cos(i / 6.4), 21.95 + 0.01 * Math.sin(i / 6.4)]);
    ring.push(ring[0]);
    const file = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { name: 'Vùng chè thử', crop: 'Chè' }, geometry: { type: 'Polygon', coordinates: [ring] } }],
    };
    const form = new FormData();
    form.set('kind', 'zones');
    form.set('file', new File([JSON.stringify(file)], 'vung.geojson'));
    form.set('source', JSON.stringify(SOURCE));
    const res = await fetch(`${origin}/api/imports`, { method: 'POST', headers: { Cookie: cookieOf(login)!, 'X-CSRF-Token': csrfToken }, body: form });
    const preview = await res.json();
    expect({ status: res.status, summary: preview.summary }).toEqual({
      status: 201,
      summary: { create: 1, update: 0, unchanged: 0, errors: 0, warnings: 0 },
    });
    expect(preview.changes[0].after.geometry).toMatchObject({ type: 'Polygon', vertices: 41 });
    expect(server.output()).not.toMatch(/failed/);
  });
});
