import { z } from 'zod';
/**
 * Every code the API answers in `error.code`, declared once with the HTTP status(es) it comes with
 * (what each means is in error-meanings.ts, for the reference). `ErrorCode` derives from it, and ApiError, errorBody, ParamError and the helpers
 * that make errors take only an `ErrorCode` with one of its statuses, so an undeclared or misspelt
 * code, or a code sent with a status it does not list, fails the typecheck; the client compares
 * codes with the same type (client/api.ts). docs/API.md's "Error codes" table and the OpenAPI
 * document's `error` schema are generated from this list, and a test finds any code here that no
 * server module answers.
 *
 * Isomorphic (the client imports it, so it holds nothing else but the envelope, ErrorEnvelope).
 * Codes are a contract with scripts: add one rather than rename one.
 */
export const ERROR_CODES = {
  // The request: its parameters, route, body and the server's state.
  invalid_parameter: [400],
  unknown_parameter: [400],
  invalid_year: [400],
  invalid_tile: [400],
  unknown_format: [400],
  not_found: [404],
  method_not_allowed: [405],
  bad_request: [400],
  malformed_json: [400],
  unsupported_media_type: [415],
  body_too_large: [413],
  invalid_body: [400],
  busy: [503],
  internal: [500],

  // Logins, sessions, tokens and accounts.
  unauthenticated: [401],
  login_required: [401],
  invalid_token: [401],
  login_failed: [401],
  too_many_attempts: [429],
  forbidden: [403],
  session_required: [403],
  csrf_failed: [403],
  wrong_password: [403],
  weak_password: [400],
  invalid_scope: [400],
  unknown_unit: [400],
  login_taken: [409],
  last_admin: [409],

  // Edits and reverts.
  conflict: [409],
  codes_mismatch: [400],

  // Imports: the file, its limits, the preview and the commit.
  file_too_large: [413],
  archive_too_large: [413],
  too_many_rows: [413],
  too_many_vertices: [413],
  import_too_large: [413],
  import_failed: [500],
  empty_file: [400],
  unsupported_format: [400],
  unsupported_encoding: [400],
  legacy_vietnamese_font: [400],
  password_protected: [400],
  wrong_kind: [400],
  unknown_columns: [400],
  missing_columns: [400],
  invalid_file: [400],
  unsafe_archive: [400],
  unsafe_file: [400],
  choose_layer: [400],
  crs_missing: [400],
  crs_unknown: [400],
  crs_conflict: [400],
  crs_mismatch: [400],
  preview_has_errors: [409],
  preview_stale: [409],
  import_refused: [409],
} as const satisfies Record<string, readonly number[]>;

/** A code the API may answer in `error.code`. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** The statuses a code is declared with (all of them, or those of one code). */
export type ErrorStatus<C extends ErrorCode = ErrorCode> = (typeof ERROR_CODES)[C][number];

/** The codes declared with status S: `ErrorCodeWith<413>` is the "too large" codes. */
export type ErrorCodeWith<S extends ErrorStatus> = { [C in ErrorCode]: S extends ErrorStatus<C> ? C : never }[ErrorCode];

/** Every code, in the order declared. */
export const ERROR_CODE_LIST = Object.keys(ERROR_CODES) as ErrorCode[];

/**
 * The one error envelope of the API: `{ "error": { "code", "message" } }`; a refused write also
 * says which fields were wrong (`fields`: path → message), so a form can show each beside its field,
 * and an upload of several layers with none chosen (`choose_layer`) lists them (`layers`: the names
 * as the file has them, to send back as `layer`), so a page can offer them. The server renders it
 * (server/http/errors.ts), the client decodes it (client/api.ts) and the OpenAPI document describes
 * it from this schema.
 */
export const errorEnvelope = z.object({
  error: z.object({
    code: z.enum(ERROR_CODE_LIST as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional().describe('A refused body: each wrong field’s path and what is wrong.'),
    layers: z
      .array(z.string())
      .optional()
      .describe('An upload of several layers with none chosen (`choose_layer`): their names, one of which to send as `layer`.'),
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelope>;

/** Whether a value (an answer's `error.code`) is a declared code. */
export const isErrorCode = (value: unknown): value is ErrorCode => typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
