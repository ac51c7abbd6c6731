import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';

/** A source a user cites: what it is, its date, and a link or an uploaded PDF. */
export interface NewSource {
  title: string;
  date: string;
  url: string | null;
  fileId: number | null;
}

export interface SourceFile {
  id: number;
  name: string;
  size: number;
  sha256: string;
  content: Buffer;
}

/** Sources and the documents uploaded as sources. */
export function sourceWriter(db: Database) {
  const find = db.prepare('SELECT id FROM sources WHERE title = ? AND ref = ? AND date_text = ?').pluck();
  const insert = db.prepare('INSERT INTO sources (title, ref, date_text, date_start, url, file_id) VALUES (?, ?, ?, ?, ?, ?)');
  const fileByHash = db.prepare('SELECT id FROM source_files WHERE sha256 = ?').pluck();
  const fileName = db.prepare('SELECT name FROM source_files WHERE id = ?').pluck();
  const insertFile = db.prepare('INSERT INTO source_files (sha256, name, media_type, size, content, uploaded_at, uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const file = db.prepare('SELECT id, name, size, sha256, content FROM source_files WHERE id = ?');
  return {
    /** The id of this source, adding it when new. The reference is the link, or the uploaded file's address. */
    ensure(s: NewSource): number {
      const name = s.fileId === null ? null : (fileName.get(s.fileId) as string | undefined);
      if (s.fileId !== null && name === undefined) throw new Error(`no uploaded file ${s.fileId}`);
      const ref = [s.url, s.fileId !== null ? `/api/source-files/${s.fileId} (${name})` : null].filter(Boolean).join(' · ');
      const found = find.get(s.title, ref, s.date) as number | undefined;
      return found ?? Number(insert.run(s.title, ref, s.date, s.date, s.url, s.fileId).lastInsertRowid);
    },
    /** Stores a PDF once (by its hash) and returns its id. */
    addFile(name: string, content: Buffer, uploadedBy: string, at: string): number {
      const sha256 = createHash('sha256').update(content).digest('hex');
      const found = fileByHash.get(sha256) as number | undefined;
      return found ?? Number(insertFile.run(sha256, name, 'application/pdf', content.length, content, at, uploadedBy).lastInsertRowid);
    },
    file(id: number): SourceFile | null {
      return (file.get(id) as SourceFile | undefined) ?? null;
    },
  };
}
