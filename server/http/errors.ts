import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ErrorCode, ErrorEnvelope, ErrorStatus } from '../catalog/error-codes.ts';
import { requestMessages as R } from '../messages/requests.ts';
import type { Text } from '../messages/text.ts';
import { requestLang } from './lang.ts';

/**
 * An error meant for the client: its status, a stable code and a message naming what to fix, in
 * every language (a Text of a module of server/messages/); the response picks the request's.
 * `message` and `fields` are the English (logs, the command line), `text` and `fieldTexts` all.
 * The code is one of server/catalog/error-codes.ts, with one of the statuses declared there for it.
 * `cause` is what a library said when it refused the input (English, about its internals): it is
 * logged for an admin by renderError and never sent to the client. `layers` are the layers a file
 * holds when one must be chosen, sent as the envelope's `layers`.
 */
export class ApiError<C extends ErrorCode = ErrorCode> extends Error {
  readonly fields?: Record<string, string>;
  readonly status: ErrorStatus;
  readonly code: ErrorCode;
  readonly layers?: readonly string[];

  constructor(
    status: ErrorStatus<C>,
    code: C,
    readonly text: Text,
    readonly fieldTexts?: Record<string, Text>,
    options?: { cause?: unknown; layers?: readonly string[] },
  ) {
    super(text.en, options?.cause === undefined ? undefined : { cause: options.cause });
    this.status = status;
    this.code = code;
    if (options?.layers) this.layers = options.layers;
    if (fieldTexts) this.fields = Object.fromEntries(Object.entries(fieldTexts).map(([path, m]) => [path, m.en]));
  }
}

export function errorBody(code: ErrorCode, message: string, fields?: Record<string, string>, layers?: readonly string[]): ErrorEnvelope {
  return { error: { code, message, ...(fields ? { fields } : {}), ...(layers ? { layers: [...layers] } : {}) } };
}

/** How long a client told 503 waits before trying again. */
const RETRY_AFTER_SECONDS = '5';

/**
 * Root `onError`: ApiErrors and Hono's own HTTP exceptions keep their status; anything else is a logged 500.
 * Messages may quote what the client sent (the catalog's parsers do): they go out through safeMessage.
 */
export function renderError(err: Error, c: Context): Response {
  const lang = requestLang(c);
  // The words depend on Accept-Language: a cache must not answer one language with the other.
  c.header('Vary', 'Accept-Language', { append: true });
  if (err instanceof ApiError) {
    if (err.cause !== undefined)
      console.error(`${quoted(c.req.method, false)} ${quoted(c.req.path, false)} refused (${err.code}): ${err.message}; cause:`, err.cause);
    // A 503 passes (the import checks are all busy, the server is stopping): say when to try again, as for a busy database.
    if (err.status === 503) c.header('Retry-After', RETRY_AFTER_SECONDS);
    const fields = err.fieldTexts && Object.fromEntries(Object.entries(err.fieldTexts).map(([path, m]) => [safeMessage(path), safeMessage(m[lang])]));
    return c.json(errorBody(err.code, safeMessage(err.text[lang]), fields, err.layers), err.status);
  }
  if (err instanceof HTTPException && err.status < 500) {
    return c.json(errorBody('bad_request', safeMessage(err.message || R.badRequest[lang])), err.status);
  }
  // SQLite waited its busy timeout for another writer (a command-line import or restore): try again, nothing was written.
  if (String((err as { code?: unknown }).code).startsWith('SQLITE_BUSY')) {
    c.header('Retry-After', RETRY_AFTER_SECONDS);
    return c.json(errorBody('busy', R.busy[lang]), 503);
  }
  console.error(`${quoted(c.req.method, false)} ${quoted(c.req.path, false)} failed:`, err);
  return c.json(errorBody('internal', R.internal[lang]), 500);
}

/** Root `notFound`: a sub-app's notFound is not carried by `route()`, so this is the only one. */
export function renderNotFound(c: Context): Response {
  c.header('Vary', 'Accept-Language', { append: true });
  return c.json(errorBody('not_found', R.noRoute(quoted(c.req.method, false), quoted(c.req.path, false))[requestLang(c)]), 404);
}

const ECHO_MAX = 80;
const PRINTABLE = /^[\p{L}\p{M}\p{N} \-._~/:@,;=+!*()$'%]$/u;

/**
 * Client input as it may appear in an error message: at most 80 characters, anything but letters,
 * digits, spaces and URL punctuation percent-encoded (so markup, quotes and control characters
 * never come back as they were sent), and in double quotes unless `quote` is false.
 */
export function quoted(input: string, quote = true): string {
  const chars = [...input];
  const shown = chars
    .slice(0, ECHO_MAX)
    .map((ch) => (PRINTABLE.test(ch) ? ch : percentEncoded(ch)))
    .join('');
  const text = chars.length > ECHO_MAX ? `${shown}…` : shown;
  return quote ? `"${text}"` : text;
}

const MESSAGE_MAX = 400;

/**
 * A whole message, some of it perhaps the client's: markup (`<`, `>`), control, invisible and
 * bidirectional-override characters and lone surrogates percent-encoded, and at most 400 characters.
 */
export function safeMessage(message: string): string {
  const chars = [...message];
  const text = chars.map((ch) => (unsafe(ch.codePointAt(0)!) ? percentEncoded(ch) : ch)).join('');
  return text.length > MESSAGE_MAX ? `${text.slice(0, MESSAGE_MAX)}…` : text;
}

function unsafe(cp: number): boolean {
  return (
    cp < 0x20 ||
    (cp >= 0x7f && cp <= 0x9f) ||
    cp === 0x3c ||
    cp === 0x3e ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2066 && cp <= 0x2069) ||
    (cp >= 0xd800 && cp <= 0xdfff)
  );
}

/** UTF-8 percent-encoding of one character (a lone surrogate becomes U+FFFD's bytes). */
const percentEncoded = (ch: string) => [...new TextEncoder().encode(ch)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
