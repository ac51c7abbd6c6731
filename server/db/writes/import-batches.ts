import type { Database } from 'better-sqlite3';

/** An import as a whole: who ran it, when, of what, from which file; its changes carry its id in the audit log. */
export interface ImportBatch {
  id: string;
  at: string;
  userLogin: string;
  kind: string;
  fileName: string | null;
  /** Counts and what was imported, as JSON. */
  summary: string;
}

export function importBatchWriter(db: Database) {
  const insert = db.prepare(
    'INSERT INTO import_batches (id, at, user_login, kind, file_name, summary) VALUES (@id, @at, @userLogin, @kind, @fileName, @summary)',
  );
  const one = db.prepare('SELECT id, at, user_login AS userLogin, kind, file_name AS fileName, summary FROM import_batches WHERE id = ?');
  return {
    add(b: ImportBatch): void {
      insert.run(b);
    },
    get(id: string): ImportBatch | null {
      return (one.get(id) as ImportBatch | undefined) ?? null;
    },
  };
}
