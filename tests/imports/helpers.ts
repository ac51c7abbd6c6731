import { createApp } from '../../server/app.ts';
import { createAuth } from '../../server/auth/auth.ts';
import { DEFAULT_AUTH_CONFIG } from '../../server/auth/config.ts';
import type { Programme, Role, UnitRef } from '../../server/domain/access.ts';
import { loadSnapshot } from '../../server/db/snapshot.ts';
import { createStore } from '../../server/db/store.ts';
import type { Authorize, EditRequest } from '../../server/edits/index.ts';
import type { CheckPool } from '../../server/imports/check-pool.ts';
import { createImporter } from '../../server/imports/importer.ts';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../../server/imports/limits.ts';
import { cookieOf, PASSWORD } from '../helpers/auth.ts';
import { GEODATA_DIR, seededDatabase, testApp, testCheckPool } from '../helpers/test-app.ts';
import { COMMAND_LINE } from '../../server/auth/account-log.ts';

export const SOURCE = { title: 'Báo cáo của Sở Nông nghiệp và Môi trường', date: '2025-09-30', url: 'https://sonnmt.dienbien.gov.vn/bao-cao', fileId: null };
export const allow: Authorize = () => {};
export const editorReq = (login = 'editor1', authorize: Authorize = allow): EditRequest => ({ actor: { userId: 7, login }, authorize });

/** A seeded database, its app, and an importer over it (the app's own data loader). */
export function importHarness(limits: Partial<ImportLimits> = {}) {
  const { app, db } = testApp();
  const store = createStore(db);
  const importer = createImporter({
    db,
    data: () => loadSnapshot(store),
    limits: { ...DEFAULT_IMPORT_LIMITS, ...limits },
    clock: () => new Date('2026-01-05T03:00:00Z'),
  });
  const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return { app, db, importer, count };
}

/** A CSV file's bytes, UTF-8 with BOM, from rows of cells. */
export function csv(rows: (string | number)[][]): Uint8Array {
  const text = rows.map((r) => r.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replaceAll('"', '""')}"` : String(c))).join(',')).join('\r\n');
  return new TextEncoder().encode(`\uFEFF${text}\r\n`);
}

/**
 * The app with accounts and import limits; users log in and upload like the browser does (multipart, cookie, CSRF token).
 * Map files are checked in worker threads, as in the server: the test process's pool for the heap limit unless one is given.
 */
export function importApp(limits: Partial<ImportLimits> = {}, clock: () => number = Date.now, checkPool?: CheckPool) {
  const db = seededDatabase();
  const imports = { ...DEFAULT_IMPORT_LIMITS, ...limits };
  const app = createApp({
    db,
    config: { clientDir: null, geodataDir: GEODATA_DIR, auth: DEFAULT_AUTH_CONFIG, imports },
    clock,
    checkPool: checkPool ?? testCheckPool(imports.workerMemoryMb),
  });
  const auth = createAuth(db, DEFAULT_AUTH_CONFIG);
  const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  async function user(login: string, role: Role, programmes: Programme[] = [], units: UnitRef[] = []) {
    await auth.accounts.create({ login, name: login, role, password: PASSWORD, programmes, units }, COMMAND_LINE);
    const res = await app.request('/api/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ login, password: PASSWORD }),
    });
    const { csrfToken } = await res.json();
    const headers = { Cookie: cookieOf(res)!, 'X-CSRF-Token': csrfToken as string };
    return {
      headers,
      upload: (kind: string, name: string, bytes: Uint8Array, fields: Record<string, string> = {}, extra: Record<string, string> = {}) => {
        const form = new FormData();
        form.set('kind', kind);
        form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], name));
        for (const [k, v] of Object.entries(fields)) form.set(k, v);
        return app.request('/api/imports', { method: 'POST', headers: { ...headers, ...extra }, body: form });
      },
      get: (path: string, extra: Record<string, string> = {}) => app.request(path, { headers: { ...headers, ...extra } }),
      post: (path: string, body?: unknown) =>
        app.request(path, {
          method: 'POST',
          headers: { ...headers, 'Content-Type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
    };
  }
  const get = async (path: string) => (await app.request(path)).text();
  return { app, db, count, user, get };
}

/** The NTM recognitions template's header as its files write it (Vietnamese, then the key), and a row it reads clean. */
export const RECOGNITION_HEADER = [
  'Bộ đơn vị hành chính (unitSet)',
  'Mã xã (communeCode)',
  'Mức đạt (status)',
  'Công nhận cho năm (yearFor)',
  'Số quyết định (decisionRef)',
  'Ngày quyết định (decisionDate)',
];
export const RECOGNITION_ROW = ['2020', '03205', 'Đạt chuẩn', '2024', '5/QĐ-UBND', '10/01/2025'];
