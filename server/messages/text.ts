import { boundIn, numberIn } from './format.ts';

/**
 * The API's messages in words live in the modules of server/messages/, one per area (fields,
 * shapes, imports, import-files, edits, accounts, params, ogc, requests), each message once with
 * its English and Vietnamese side by side; a message with parameters is a function. The English
 * is what API clients (GDAL, QGIS, scripts) and the logs read; the Vietnamese uses the words of the
 * interface (client/ui/i18n*.ts). Codes (`error.code`) are not messages: they stay the same in
 * every language. Beside them, the words the interface and the downloads both write: dates and
 * numbers (format.ts), a unit set's period (unit-set-label.ts), the map's title (app-title.ts).
 *
 * This module is what they share: a Text, a message in every language the API answers in.
 * Isomorphic: the catalog's parsers, the geometry checks and the client read it; the server picks
 * one language per request (server/http/lang.ts).
 */
export const LANGS = ['en', 'vi'] as const;
export type Lang = (typeof LANGS)[number];

/** One message in both languages: leaving one out fails the typecheck. */
export type Text = { readonly [L in Lang]: string };

/**
 * A module of messages (server/messages/*.ts, one per area of the API): each a Text, or a function
 * of its parameters returning one. Every module is declared `satisfies Messages`, so a message
 * missing a language fails the typecheck there.
 */
export type Messages = Record<string, Text | ((...args: never[]) => Text)>;

/** The same words in every language: a code, a file name, a quoted value. */
export const verbatim = (s: string): Text => ({ en: s, vi: s });

/** A message in one language, built the same way for each (for messages composed of other messages). */
export const eachLang = (build: (lang: Lang) => string): Text => ({ en: build('en'), vi: build('vi') });

/** An error whose message is a Text: `message` is its English (logs, the command line), `text` both. */
export class TextError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
  }
}

/** Both languages of a message with parameters, written once per language over its formatted numbers. */
export const both = (en: string, vi: (n: (x: number) => string) => string): Text => ({ en, vi: vi((x) => numberIn('vi', x)) });

/** The same, for a check's bound (a year, a count, a size): 2010 is never written 2.010. */
export const bound = (en: string, vi: (n: (x: number) => string) => string): Text => ({ en, vi: vi((x) => boundIn('vi', x)) });
