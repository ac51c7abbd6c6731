import { sourceDateStart } from '../../server/domain/dates.ts';
import { cleanName } from '../../server/domain/text.ts';
import type { SourcedRow } from './inputs.ts';
import type { Confidence, Source, Citation } from '../../server/catalog/geodata.ts';

/** Deduplicates sources across the research files: one id per (title, ref, date). */
export class SourceRegistry {
  readonly sources: Source[] = [];
  private readonly ids = new Map<string, number>();

  cite(row: SourcedRow & { line: number }, file: string): Citation {
    const title = cleanName(row.source_title);
    const ref = cleanName(row.source_url_or_ref);
    const date = cleanName(row.source_date);
    const key = JSON.stringify([title, ref, date]);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.sources.length + 1;
      this.ids.set(key, id);
      this.sources.push({ id, title, ref, date, dateStart: sourceDateStart(date) });
    }
    return { sourceId: id, confidence: parseConfidence(row.confidence, `${file}:${row.line}`), note: withoutCodes(row.note), origin: `${file}:${row.line}` };
  }

  byId(id: number): Source {
    return this.sources[id - 1];
  }
}

/** A note's "code=03337" is the researcher's join key (read by the curation), not something to show. */
export function withoutCodes(note: string): string {
  return cleanName(note.replace(/\s*\bcode=\d{5}\b\.?/g, ''));
}

const REMARK = /\s*\[[^\]]+\]/g;

/**
 * A citation of a merged record (one product from several rows) without the bracketed remarks
 * ("[group assigned by researcher from product type]") an earlier citation of it already makes,
 * so the record's notes, read together, say each remark once.
 */
export function withoutRepeatedRemarks(citation: Citation, earlier: readonly Citation[]): Citation {
  const said = new Set(earlier.flatMap((c) => c.note.match(REMARK)?.map((r) => r.trim()) ?? []));
  const note = citation.note.replace(REMARK, (r) => (said.has(r.trim()) ? '' : r)).trim();
  return note === citation.note ? citation : { ...citation, note };
}

const CONFIDENCE_ORDER: Confidence[] = ['high', 'medium', 'low'];

export function parseConfidence(text: string, where: string): Confidence {
  if (!(CONFIDENCE_ORDER as string[]).includes(text)) throw new Error(`${where}: confidence "${text}" is not high/medium/low`);
  return text as Confidence;
}

/** Sorts citations best first: higher confidence, then the order the research gave. */
export function byConfidence(a: Citation, b: Citation): number {
  return CONFIDENCE_ORDER.indexOf(a.confidence) - CONFIDENCE_ORDER.indexOf(b.confidence);
}
