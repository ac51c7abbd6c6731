import { importMessages as I } from '../messages/imports.ts';
import type { Text } from '../messages/text.ts';
import { type Cell, CellError, choice, date, text } from './tables/cells.ts';
import type { FileSource } from './plan.ts';

/** Where an editor's `source.*` field errors belong in a file. */
export const SOURCE_FIELDS: Record<string, string> = {
  'source.title': 'sourceTitle',
  'source.date': 'sourceDate',
  'source.url': 'sourceUrl',
  'source.fileId': 'sourceUrl',
  'source.confidence': 'sourceConfidence',
  'source.note': 'sourceNote',
  source: 'sourceTitle',
};

const CONFIDENCE = { high: ['cao'], medium: ['trung bình', 'vừa'], low: ['thấp'] } as const;

/**
 * A row's source: its own source columns when any is filled, else the file's source; a row
 * with neither has no source, which is an error (every fact names its source).
 * @returns the raw source input (the write schema checks it), or a column and message
 */
export function rowSource(get: (key: string) => Cell, fileSource: FileSource): { source: unknown } | { column: string; message: Text } {
  const own = ['sourceTitle', 'sourceDate', 'sourceUrl'].some((k) => text(get(k)) !== null);
  if (!own) {
    if (fileSource) return { source: fileSource };
    return { column: 'sourceTitle', message: I.noSource };
  }
  try {
    return {
      source: {
        title: text(get('sourceTitle')) ?? '',
        date: date(get('sourceDate')) ?? '',
        url: text(get('sourceUrl')),
        fileId: null,
        confidence: choice(get('sourceConfidence'), CONFIDENCE) ?? 'high',
        note: text(get('sourceNote')) ?? '',
      },
    };
  } catch (e) {
    if (!(e instanceof CellError)) throw e;
    const column = (() => {
      try {
        date(get('sourceDate'));
        return 'sourceConfidence';
      } catch {
        return 'sourceDate';
      }
    })();
    return { column, message: e.text };
  }
}
