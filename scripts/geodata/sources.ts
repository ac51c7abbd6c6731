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

const CONFIDENCE_ORDER: Confidence[] = ['high', 'medium', 'low'];

export function parseConfidence(text: string, where: string): Confidence {
  if (!(CONFIDENCE_ORDER as string[]).includes(text)) throw new Error(`${where}: confidence "${text}" is not high/medium/low`);
  return text as Confidence;
}

/** Sorts citations best first: higher confidence, then the order the research gave. */
export function byConfidence(a: Citation, b: Citation): number {
  return CONFIDENCE_ORDER.indexOf(a.confidence) - CONFIDENCE_ORDER.indexOf(b.confidence);
}
