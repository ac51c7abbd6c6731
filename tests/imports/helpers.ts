import { loadSnapshot } from '../../server/db/snapshot.ts';
import { createStore } from '../../server/db/store.ts';
import type { Authorize, EditRequest } from '../../server/edits/index.ts';
import { createImporter } from '../../server/imports/importer.ts';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../../server/imports/limits.ts';
import { testApp } from '../helpers/test-app.ts';

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
