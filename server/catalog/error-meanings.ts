import type { ErrorCode } from './error-codes.ts';

/**
 * What each error code means, for the reference: docs/API.md's "Error codes" table (npm run docs).
 * Apart from the codes themselves so the client, which imports those, does not carry this text; a
 * code without a meaning, or a meaning of no code, fails the typecheck. What a person reads is each
 * error's own message, in both languages (server/messages/).
 */
export const ERROR_MEANINGS = {
  // The request: its parameters, route, body and the server's state.
  invalid_parameter: 'A query or path parameter is malformed, out of range or repeated; the message names it.',
  unknown_parameter: 'A query parameter the endpoint does not take.',
  invalid_year: 'The year of a tile layer’s statuses is not one of the years the tiles have.',
  invalid_tile: 'A tile’s z is not 0–24, or x, y are not whole numbers below 2^z, or the file name is not a tile’s.',
  unknown_format: 'A download’s file name does not end in one of the download formats.',
  not_found: 'No such route, collection, unit, record, user, change or import preview.',
  method_not_allowed: 'A known route asked with another method; the `Allow` header lists its methods.',
  bad_request: 'The request could not be understood at all (refused by the HTTP framework before the route).',
  malformed_json: 'The body is not valid JSON.',
  unsupported_media_type: 'The body is not of the type the route takes (JSON, GeoJSON, a PDF).',
  body_too_large: 'The body (a write, a feature, a source file) is over the route’s size limit.',
  invalid_body: 'The body fails the route’s schema or a check after it; `error.fields` names each wrong field.',
  busy: 'The database is busy with another writer, or every import check is; nothing was done, retry after `Retry-After`.',
  internal: 'A bug; it is in the server’s log.',

  // Logins, sessions, tokens and accounts.
  unauthenticated: 'The route needs credentials (a session or an API token) and the request has none.',
  login_required: 'The server runs with REQUIRE_LOGIN=1 and the request has no credentials.',
  invalid_token: 'The API token is unknown, revoked or expired.',
  login_failed: 'Wrong login or password.',
  too_many_attempts: 'Too many failed logins; the message says when to try again.',
  forbidden: 'The user’s role or scope (programmes, units) does not allow this.',
  session_required: 'An API token cannot do this (managing accounts needs a session).',
  csrf_failed: 'A cookie-authenticated write without the session’s CSRF token, or from another origin.',
  wrong_password: 'The current password given to change one is wrong.',
  weak_password: 'The new password is a common one, the login itself or one of this system’s own words.',
  invalid_scope: 'Programmes or units given to an account that is not an editor, or an editor given no programme.',
  unknown_unit: 'An account’s scope names a unit that is not in its unit set.',
  login_taken: 'Another account has this login.',
  last_admin: 'The change would leave no active administrator.',

  // Edits and reverts.
  conflict: 'The write conflicts with the records as they are: already retracted or reverted, changed again since, or still listed by another record.',
  codes_mismatch: 'Boundaries imported for a unit set lack a new boundary for one of its units.',

  // Imports: the file, its limits, the preview and the commit.
  file_too_large: 'The uploaded file is over IMPORT_MAX_BYTES.',
  archive_too_large: 'A zip has too many entries or unpacks to more than IMPORT_MAX_UNZIPPED_BYTES.',
  too_many_rows: 'The file has more rows or features than IMPORT_MAX_ROWS.',
  too_many_vertices: 'The file has more vertices than IMPORT_MAX_VERTICES.',
  import_too_large: 'Checking the file needs more memory than IMPORT_WORKER_MEMORY_MB.',
  import_failed: 'The check of an uploaded file failed for another reason; it is in the server’s log.',
  empty_file: 'The upload has no bytes.',
  unsupported_format: 'The file is not of a format the import kind reads (told by its content, not its name).',
  unsupported_encoding:
    'A text table that is neither UTF-8 nor UTF-16 with its BOM, a shapefile whose text is not UTF-8 and names no other encoding, or a GeoJSON or KML not in UTF-8 nor the encoding a KML declares.',
  legacy_vietnamese_font: 'Text typed in a TCVN3 (ABC) or VNI font rather than Unicode; the message shows it, how it reads, and how to convert it.',
  password_protected: 'A workbook saved with a password (an encrypted Office file); the message says how to remove it.',
  wrong_kind: 'A table whose header has another import kind’s required columns.',
  unknown_columns: 'A table whose first row names none of the kind’s required columns.',
  missing_columns: 'Some required columns are missing.',
  invalid_file: 'The file cannot be read as what it looks like (a damaged zip, workbook, shapefile, GeoPackage or GeoJSON).',
  unsafe_archive: 'A zip entry with `..`, an absolute path or a symbolic link, or an entry twice.',
  unsafe_file: 'A KML file with a DTD or entities.',
  choose_layer:
    'The file holds several layers (a GeoPackage’s tables, a zip’s shapefiles) and no `layer`, or an unknown one, was sent; `error.layers` lists them.',
  crs_missing: 'The file does not say its coordinate system and none was chosen.',
  crs_unknown: 'The file’s coordinate system is not one the import knows, and none was chosen.',
  crs_conflict: 'The coordinate system chosen differs from the one the file states.',
  crs_mismatch: 'The coordinates cannot be in the coordinate system (metres read as degrees, or degrees as metres).',
  preview_has_errors: 'A preview with errors cannot be committed; nothing was written.',
  preview_stale: 'The data changed since the preview; preview again.',
  import_refused: 'The editor refused a row at the commit (e.g. the user’s rights changed); nothing was written.',
} satisfies Record<ErrorCode, string>;
