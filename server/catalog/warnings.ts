import { z } from 'zod';
import type { Lang, Text } from '../messages/text.ts';

/**
 * Warnings, not refusals: what a write the data allows should make a person look twice at. The
 * forms show them before saving; the import preview lists them by row; the edit API and the OGC
 * API writes return them with the saved record. Each has a code that stays the same in every
 * language (scripts test it), and a message in words (server/messages/warnings.ts, imports.ts).
 */
export const WARNING_CODES = [
  /** A zone's stated area and its drawn shape's differ by more than AREA_MISMATCH_FACTOR (server/domain/zone-area.ts). */
  'area_mismatch',
  /** A commune already has a recognition for the year (server/domain/same-year.ts). */
  'same_year_recognition',
  /** Two rows of one import give a commune recognitions for the same year. */
  'same_year_in_file',
  /** An import's column that the template does not have. */
  'ignored_column',
  /** An import replaces a product's certificates, dropping some. */
  'ratings_replaced',
  /** A unit's new boundary overlaps its old one by less than half. */
  'shape_moved',
  /** An import's text typed in a legacy Vietnamese font, converted to Unicode as the upload asked (legacyFont). */
  'legacy_font_converted',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

/** A warning as the server holds it, in every language. */
export interface Warning {
  code: WarningCode;
  message: Text;
}

/** A warning as an answer gives it: the code, and the message in the request's language. */
export const warningView = z.object({ code: z.enum(WARNING_CODES), message: z.string() });
export type WarningView = z.infer<typeof warningView>;

/** Warnings (or anything carrying a Text message, such as an import's row issues) in one language. */
export const inLang = <W extends { message: Text }>(warnings: readonly W[], lang: Lang) => warnings.map((w) => ({ ...w, message: w.message[lang] }));

/** An edit API's answer to a write (server/routes/edits.ts): the record as saved, and its warnings (empty when none). */
export const savedWith = <Shape extends z.ZodRawShape>(record: z.ZodObject<Shape>) => record.extend({ warnings: z.array(warningView) });

/**
 * The OGC API's header naming the codes of a write's warnings (server/routes/ogc/writes.ts), comma-separated;
 * absent when there are none. HTTP's own `Warning` header is obsolete (RFC 9111) and carries only Latin-1 text, so the
 * codes go in this header and the messages, in the request's language, in the answer's feature as the foreign
 * member `warnings` (RFC 7946 §6.1): QGIS and GDAL ignore both.
 */
export const WARNINGS_HEADER = 'X-Data-Warnings';
