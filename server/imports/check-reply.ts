import { ApiError } from '../http/errors.ts';
import { type MapFileJob, readMapFile } from './map-file.ts';

/** A check worker's answer: the file read and checked, its refusal (an ApiError, as data), or a bug's stack. */
export type CheckReply =
  | { ok: ReturnType<typeof readMapFile> }
  | { refused: { status: number; code: string; message: string; fields?: Record<string, string> } }
  | { failed: string };

/** Reads and checks one map file, in the worker thread (server/imports/check-worker.ts). */
export function checkReply(job: MapFileJob): CheckReply {
  try {
    return { ok: readMapFile(job) };
  } catch (e) {
    return e instanceof ApiError
      ? { refused: { status: e.status, code: e.code, message: e.message, ...(e.fields ? { fields: e.fields } : {}) } }
      : { failed: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}
