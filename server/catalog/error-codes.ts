/**
 * Every code the API answers in `error.code`, declared once: the HTTP status(es) it comes with and
 * what it means. `ErrorCode` derives from it, and ApiError, errorBody, ParamError and the helpers
 * that make errors take only an `ErrorCode` with one of its statuses, so an undeclared or misspelt
 * code, or a code sent with a status it does not list, fails the typecheck; the client compares
 * codes with the same type (client/api.ts). docs/API.md's "Error codes" table and the OpenAPI
 * document's `error` schema are generated from this list, and a test finds any code here that no
 * server module answers.
 *
 * Isomorphic (the client imports it). The meanings are for the reference (API clients read
 * English); what a person reads is each error's own message, in both languages (server/messages/).
 * Codes are a contract with scripts: add one rather than rename one.
 */
export const ERROR_CODES = {
  // The request: its parameters, route, body and the server's state.
  invalid_parameter: { status: [400], meaning: 'A query or path parameter is malformed, out of range or repeated; the message names it.' },
  unknown_parameter: { status: [400], meaning: 'A query parameter the endpoint does not take.' },
  invalid_year: { status: [400], meaning: 'The year of a tile layer’s statuses is not one of the years the tiles have.' },
  invalid_tile: { status: [400], meaning: 'A tile’s z is not 0–24, or x, y are not whole numbers below 2^z, or the file name is not a tile’s.' },
  unknown_format: { status: [400], meaning: 'A download’s file name does not end in one of the download formats.' },
  not_found: { status: [404], meaning: 'No such route, collection, unit, record, user, change or import preview.' },
  method_not_allowed: { status: [405], meaning: 'A known route asked with another method; the `Allow` header lists its methods.' },
  bad_request: { status: [400], meaning: 'The request could not be understood at all (refused by the HTTP framework before the route).' },
  malformed_json: { status: [400], meaning: 'The body is not valid JSON.' },
  unsupported_media_type: { status: [415], meaning: 'The body is not of the type the route takes (JSON, GeoJSON, a PDF).' },
  body_too_large: { status: [413], meaning: 'The body (a write, a feature, a source file) is over the route’s size limit.' },
  invalid_body: { status: [400], meaning: 'The body fails the route’s schema or a check after it; `error.fields` names each wrong field.' },
  busy: { status: [503], meaning: 'The database is busy with another writer, or every import check is; nothing was done, retry after `Retry-After`.' },
  internal: { status: [500], meaning: 'A bug; it is in the server’s log.' },

  // Logins, sessions, tokens and accounts.
  unauthenticated: { status: [401], meaning: 'The route needs credentials (a session or an API token) and the request has none.' },
  login_required: { status: [401], meaning: 'The server runs with REQUIRE_LOGIN=1 and the request has no credentials.' },
  invalid_token: { status: [401], meaning: 'The API token is unknown, revoked or expired.' },
  login_failed: { status: [401], meaning: 'Wrong login or password.' },
  too_many_attempts: { status: [429], meaning: 'Too many failed logins; the message says when to try again.' },
  forbidden: { status: [403], meaning: 'The user’s role or scope (programmes, units) does not allow this.' },
  session_required: { status: [403], meaning: 'An API token cannot do this (managing accounts needs a session).' },
  csrf_failed: { status: [403], meaning: 'A cookie-authenticated write without the session’s CSRF token, or from another origin.' },
  wrong_password: { status: [403], meaning: 'The current password given to change one is wrong.' },
  weak_password: { status: [400], meaning: 'The new password is a common one, the login itself or one of this system’s own words.' },
  invalid_scope: { status: [400], meaning: 'Programmes or units given to an account that is not an editor, or an editor given no programme.' },
  unknown_unit: { status: [400], meaning: 'An account’s scope names a unit that is not in its unit set.' },
  login_taken: { status: [409], meaning: 'Another account has this login.' },
  last_admin: { status: [409], meaning: 'The change would leave no active administrator.' },

  // Edits and reverts.
  conflict: {
    status: [409],
    meaning: 'The write conflicts with the records as they are: already retracted or reverted, changed again since, or still listed by another record.',
  },
  codes_mismatch: { status: [400], meaning: 'Boundaries imported for a unit set lack a new boundary for one of its units.' },

  // Imports: the file, its limits, the preview and the commit.
  file_too_large: { status: [413], meaning: 'The uploaded file is over IMPORT_MAX_BYTES.' },
  archive_too_large: { status: [413], meaning: 'A zip has too many entries or unpacks to more than IMPORT_MAX_UNZIPPED_BYTES.' },
  too_many_rows: { status: [413], meaning: 'The file has more rows or features than IMPORT_MAX_ROWS.' },
  too_many_vertices: { status: [413], meaning: 'The file has more vertices than IMPORT_MAX_VERTICES.' },
  import_too_large: { status: [413], meaning: 'Checking the file needs more memory than IMPORT_WORKER_MEMORY_MB.' },
  import_failed: { status: [500], meaning: 'The check of an uploaded file failed for another reason; it is in the server’s log.' },
  empty_file: { status: [400], meaning: 'The upload has no bytes.' },
  unsupported_format: { status: [400], meaning: 'The file is not of a format the import kind reads (told by its content, not its name).' },
  unsupported_encoding: { status: [400], meaning: 'A text table that is neither UTF-8 nor UTF-16 with its BOM.' },
  password_protected: { status: [400], meaning: 'A workbook saved with a password (an encrypted Office file); the message says how to remove it.' },
  wrong_kind: { status: [400], meaning: 'A table whose header has another import kind’s required columns.' },
  unknown_columns: { status: [400], meaning: 'A table whose first row names none of the kind’s required columns.' },
  missing_columns: { status: [400], meaning: 'Some required columns are missing.' },
  invalid_file: { status: [400], meaning: 'The file cannot be read as what it looks like (a damaged zip, workbook, shapefile, GeoPackage or GeoJSON).' },
  unsafe_archive: { status: [400], meaning: 'A zip entry with `..`, an absolute path or a symbolic link, or an entry twice.' },
  unsafe_file: { status: [400], meaning: 'A KML file with a DTD or entities.' },
  crs_missing: { status: [400], meaning: 'The file does not say its coordinate system and none was chosen.' },
  crs_unknown: { status: [400], meaning: 'The file’s coordinate system is not one the import knows, and none was chosen.' },
  crs_conflict: { status: [400], meaning: 'The coordinate system chosen differs from the one the file states.' },
  crs_mismatch: { status: [400], meaning: 'The coordinates cannot be in the coordinate system (metres read as degrees, or degrees as metres).' },
  preview_has_errors: { status: [409], meaning: 'A preview with errors cannot be committed; nothing was written.' },
  preview_stale: { status: [409], meaning: 'The data changed since the preview; preview again.' },
  import_refused: { status: [409], meaning: 'The editor refused a row at the commit (e.g. the user’s rights changed); nothing was written.' },
} as const satisfies Record<string, { status: readonly number[]; meaning: string }>;

/** A code the API may answer in `error.code`. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** The statuses a code is declared with (all of them, or those of one code). */
export type ErrorStatus<C extends ErrorCode = ErrorCode> = (typeof ERROR_CODES)[C]['status'][number];

/** The codes declared with status S: `ErrorCodeWith<413>` is the "too large" codes. */
export type ErrorCodeWith<S extends ErrorStatus> = { [C in ErrorCode]: S extends ErrorStatus<C> ? C : never }[ErrorCode];

/** Every code, in the order declared. */
export const ERROR_CODE_LIST = Object.keys(ERROR_CODES) as ErrorCode[];

/** Whether a value (an answer's `error.code`) is a declared code. */
export const isErrorCode = (value: unknown): value is ErrorCode => typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
