import type { ErrorCode, ErrorStatus } from '../catalog/error-codes.ts';
import { ApiError } from '../http/errors.ts';
import type { Text } from '../messages/text.ts';
import { type CheckedMapFile, type MapFileJob, readMapFile } from './map-file.ts';
import { type ReadTable, readTable, type TableFileJob } from './tables/read.ts';

/** What a check worker is given: a map file to read and check, or a table (CSV, XLSX) to read. */
export type CheckJob = { map: MapFileJob } | { table: TableFileJob };

/**
 * A check worker's answer: the file read and checked, its refusal (an ApiError, as data, with what a library said
 * as text, for the server's log), or a bug's stack.
 */
export type CheckReply =
  | { ok: CheckedMapFile | ReadTable }
  | { refused: { status: ErrorStatus; code: ErrorCode; text: Text; fields?: Record<string, Text>; layers?: readonly string[]; cause?: string } }
  | { failed: string };

/** The file a job reads: its name for messages and logs, its bytes to hand over. */
export const fileOf = (job: CheckJob): MapFileJob | TableFileJob => ('map' in job ? job.map : job.table);

/** Reads and checks one file, in the worker thread (server/imports/check-worker.ts). */
export async function checkReply(job: CheckJob): Promise<CheckReply> {
  try {
    return { ok: 'map' in job ? readMapFile(job.map) : await readTable(job.table) };
  } catch (e) {
    return e instanceof ApiError
      ? {
          refused: {
            status: e.status,
            code: e.code,
            text: e.text,
            ...(e.fieldTexts ? { fields: e.fieldTexts } : {}),
            ...(e.layers ? { layers: e.layers } : {}),
            ...(e.cause !== undefined ? { cause: described(e.cause) } : {}),
          },
        }
      : { failed: described(e) };
  }
}

/** An error as the log shows it: its stack (which starts with its message), else its text. */
const described = (e: unknown): string => (e instanceof Error ? (e.stack ?? e.message) : String(e));
