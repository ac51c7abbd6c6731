import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuth } from '../../server/auth/auth.ts';
import { DEFAULT_AUTH_CONFIG } from '../../server/auth/config.ts';
import { closeDatabase, openDatabase } from '../../server/db/open.ts';
import { cookieOf, PASSWORD } from '../helpers/auth.ts';
import { freePort, listening, type ServerProcess, seededDatabaseFile, spawnServer, stopServer } from '../helpers/server-process.ts';
import { RECOGNITION_HEADER, RECOGNITION_ROW, SOURCE } from '../imports/helpers.ts';
import { COMMAND_LINE } from '../../server/auth/account-log.ts';

/**
 * The built server, run as `npm start` runs it, reads and checks an uploaded map file or table in its worker thread
 * (dist/server/check-worker.js).
 */
describe('the built server’s import worker', () => {
  let server: ServerProcess | null = null;
  let upload: (kind: string, file: File) => Promise<Response>;
  beforeAll(async () => {
    const dbPath = seededDatabaseFile();
    const db = openDatabase(dbPath);
    await createAuth(db, DEFAULT_AUTH_CONFIG).accounts.create(
      {
        login: 'editor1',
        name: 'Editor',
        role: 'editor',
        password: PASSWORD,
        programmes: ['zones', 'ntm'],
        units: [],
      },
      COMMAND_LINE,
    );
    closeDatabase(db);
    server = spawnServer({ DB_PATH: dbPath, PORT: String(await freePort()), BACKUP_KEEP_DAYS: '0' });
    const origin = await listening(server);
    const login = await fetch(`${origin}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ login: 'editor1', password: PASSWORD }),
    });
    const { csrfToken } = await login.json();
    upload = (kind, file) => {
      const form = new FormData();
      form.set('kind', kind);
      form.set('file', file);
      form.set('source', JSON.stringify(SOURCE));
      return fetch(`${origin}/api/imports`, { method: 'POST', headers: { Cookie: cookieOf(login)!, 'X-CSRF-Token': csrfToken }, body: form });
    };
  }, 120_000);
  afterAll(async () => {
    if (server) await stopServer(server);
  });

  it('previews a zones file, checked in a worker thread', { timeout: 120_000 }, async () => {
    const ring = Array.from({ length: 40 }, (_, i) => [103.35 + 0.01 * Math.cos(i / 6.4), 21.95 + 0.01 * Math.sin(i / 6.4)]);
    ring.push(ring[0]);
    const file = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { name: 'Vùng chè thử', crop: 'Chè' }, geometry: { type: 'Polygon', coordinates: [ring] } }],
    };
    const res = await upload('zones', new File([JSON.stringify(file)], 'vung.geojson'));
    const preview = await res.json();
    expect({ status: res.status, summary: preview.summary }).toEqual({
      status: 201,
      summary: { create: 1, update: 0, unchanged: 0, errors: 0, warnings: 0 },
    });
    expect(preview.changes[0].after.geometry).toMatchObject({ type: 'Polygon', vertices: 41 });
    expect(server!.output()).not.toMatch(/failed/);
  });

  it('previews a table saved as Excel’s "Unicode Text" (UTF-16, tabs), and refuses a PDF with 400, read in the worker', { timeout: 120_000 }, async () => {
    const text = `\uFEFF${[RECOGNITION_HEADER, RECOGNITION_ROW].map((r) => r.join('\t')).join('\r\n')}\r\n`;
    const res = await upload('ntm-recognitions', new File([Buffer.from(text, 'utf16le')], 'cong-nhan.txt'));
    const preview = await res.json();
    expect({ status: res.status, format: preview.format, summary: preview.summary }).toEqual({
      status: 201,
      format: 'csv',
      summary: { create: 1, update: 0, unchanged: 0, errors: 0, warnings: 0 },
    });
    const pdf = await upload('ntm-recognitions', new File(['%PDF-1.7\n%%EOF\n'], 'bao-cao.pdf'));
    expect({ status: pdf.status, code: (await pdf.json()).error.code }).toEqual({ status: 400, code: 'unsupported_format' });
    expect(server!.output()).not.toMatch(/failed/);
  });
});
