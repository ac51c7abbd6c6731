import type { Database } from 'better-sqlite3';
import type { SourceRef } from '../catalog/records.ts';
import type { Confidence } from '../catalog/geodata.ts';

interface CitationRow {
  owner: string;
  title: string;
  ref: string;
  date_text: string;
  /** A link given with the source (edits and imports); seeded sources carry theirs in `ref`. */
  url: string | null;
  /** An uploaded document cited as the source. */
  file_id: number | null;
  confidence: Confidence;
  note: string;
}

/** The citation tables, one per kind of fact; a closed list, so table names are never user input. */
const CITATION_TABLES = {
  recognition: { table: 'ntm_recognition_sources', owner: 'recognition_id' },
  fact: { table: 'ntm_fact_sources', owner: 'fact_id' },
  product: { table: 'ocop_product_sources', owner: 'product_id' },
} as const;

/** All citations of one kind, grouped by the fact they back, best confidence first. */
export function citationsOf(db: Database, kind: keyof typeof CITATION_TABLES): Map<string, SourceRef[]> {
  const { table, owner } = CITATION_TABLES[kind];
  const rows = db
    .prepare(
      `SELECT c.${owner} AS owner, s.title, s.ref, s.date_text, s.url, s.file_id, c.confidence, c.note
       FROM ${table} c JOIN sources s ON s.id = c.source_id
       ORDER BY c.${owner}, CASE c.confidence WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, c.rowid`,
    )
    .all() as CitationRow[];
  const out = new Map<string, SourceRef[]>();
  for (const r of rows) {
    const list = out.get(r.owner) ?? [];
    list.push(toSourceRef(r));
    out.set(r.owner, list);
  }
  return out;
}

export function toSourceRef(r: Omit<CitationRow, 'owner'>): SourceRef {
  return {
    title: r.title,
    ref: r.ref,
    date: r.date_text,
    confidence: r.confidence,
    url: r.url ?? urlIn(r.ref) ?? (r.file_id === null ? null : `/api/source-files/${r.file_id}`),
    note: r.note,
  };
}

function urlIn(ref: string): string | null {
  return /https?:\/\/[^\s)]+/.exec(ref)?.[0] ?? null;
}
