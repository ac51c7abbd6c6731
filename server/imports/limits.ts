import { importFileMessages as I } from '../messages/import-files.ts';
import type { Text } from '../messages/text.ts';
import { MAX_VERTICES } from '../geo/validate.ts';
import type { ErrorCodeWith } from '../catalog/error-codes.ts';
import { ApiError } from '../http/errors.ts';

/**
 * How much one import may hold. Uploads past a limit are refused with 413 and the error
 * envelope, before anything is parsed further; set from the environment (README: Importing).
 */
export interface ImportLimits {
  /** Largest file accepted, in bytes (IMPORT_MAX_BYTES). @default 50 MiB */
  maxUploadBytes: number;
  /** Most rows (tables) or features (maps) in one file (IMPORT_MAX_ROWS). @default 20 000 */
  maxRows: number;
  /**
   * Most vertices in all the shapes of one file (IMPORT_MAX_VERTICES). Checking half a million takes ~15 s and ~0.2 GB
   * of heap on a small server; two million took a minute and 0.6 GB, past the systemd unit's MemoryMax.
   * @default 500 000
   */
  maxVertices: number;
  /** Most vertices in one shape: the editor's own limit (server/geo/validate.ts). */
  maxShapeVertices: number;
  /** Most entries in a zip archive (IMPORT_MAX_ARCHIVE_ENTRIES). @default 64 */
  maxArchiveEntries: number;
  /** Largest total size of a zip archive's contents once inflated, in bytes (IMPORT_MAX_UNZIPPED_BYTES). @default 200 MiB */
  maxUnzippedBytes: number;
  /**
   * The heap of the worker thread that reads and checks a map file, in MB (IMPORT_WORKER_MEMORY_MB): a file that
   * needs more is refused with 413 and the server carries on. @default 256
   */
  workerMemoryMb: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxUploadBytes: 50 * 1024 * 1024,
  maxRows: 20_000,
  maxVertices: 500_000,
  maxShapeVertices: MAX_VERTICES,
  maxArchiveEntries: 64,
  maxUnzippedBytes: 200 * 1024 * 1024,
  workerMemoryMb: 256,
};

const ENV: Record<Exclude<keyof ImportLimits, 'maxShapeVertices'>, string> = {
  maxUploadBytes: 'IMPORT_MAX_BYTES',
  maxRows: 'IMPORT_MAX_ROWS',
  maxVertices: 'IMPORT_MAX_VERTICES',
  maxArchiveEntries: 'IMPORT_MAX_ARCHIVE_ENTRIES',
  maxUnzippedBytes: 'IMPORT_MAX_UNZIPPED_BYTES',
  workerMemoryMb: 'IMPORT_WORKER_MEMORY_MB',
};

/** The limits from the environment, each a positive integer, else its default. */
export function readImportLimits(env: NodeJS.ProcessEnv = process.env): ImportLimits {
  const limits = { ...DEFAULT_IMPORT_LIMITS };
  for (const [key, name] of Object.entries(ENV) as [keyof typeof ENV, string][]) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    const n = Number(raw);
    if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number, got "${raw}"`);
    limits[key] = n;
  }
  return limits;
}

/** 413 with the envelope: what was too large, and the limit. */
export function tooLarge(code: ErrorCodeWith<413>, message: Text): ApiError {
  return new ApiError(413, code, message);
}

/** 400 with the envelope: the file cannot be read as what it claims to be. */
export function badFile(message: Text, code: ErrorCodeWith<400> = 'invalid_file'): ApiError {
  return new ApiError(400, code, message);
}

/** What a file says when its layer must be chosen: it holds several and none was, or it holds none by the name chosen. */
export interface LayerChoiceText {
  several: (names: readonly string[]) => Text;
  unknown: (layer: string, names: readonly string[]) => Text;
}

/**
 * The layer of a file to read (a GeoPackage's table, a zip's shapefile): the one named `chosen`, or the only one
 * when none is; otherwise 400 choose_layer, the envelope listing the layers' names to send back as `layer`.
 */
export function pickLayer<T>(layers: readonly T[], nameOf: (layer: T) => string, chosen: string | null, text: LayerChoiceText): T {
  const picked = chosen === null ? (layers.length === 1 ? layers[0] : undefined) : layers.find((l) => nameOf(l) === chosen);
  if (picked !== undefined) return picked;
  const names = layers.map(nameOf);
  throw new ApiError(400, 'choose_layer', chosen === null ? text.several(names) : text.unknown(chosen, names), undefined, { layers: names });
}

/**
 * 400 invalid_file for a file a library could not read (SQLite, the inflater, the shapefile or XML reader): the
 * person reads `message`, in their words with what to do; the library's own error is the cause, logged, never sent.
 */
export function unreadableFile(message: Text, cause: unknown): ApiError {
  return new ApiError(400, 'invalid_file', message, undefined, { cause });
}

/** "52 428 800 bytes" → "50 MiB", for messages. */
export function sizeText(bytes: number): Text {
  return bytes >= 1024 * 1024 ? I.size(Math.round((bytes / 1024 / 1024) * 10) / 10, 'MiB') : I.size(Math.ceil(bytes / 1024), 'KiB');
}
