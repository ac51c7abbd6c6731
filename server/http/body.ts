import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { plainErrors } from '../catalog/writes.ts';
import { ApiError } from './errors.ts';

/**
 * A JSON request body, validated by a zod schema. Only `application/json` is read — a form or
 * text/plain post (what a cross-site page can send without a CORS preflight) is a 415 — and the
 * first problem is reported with the field it is in.
 */
export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  if (!/^application\/json\s*(;|$)/i.test(c.req.header('Content-Type') ?? '')) {
    throw new ApiError(415, 'unsupported_media_type', 'Send the body as JSON with "Content-Type: application/json"');
  }
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new ApiError(400, 'malformed_json', 'The body is not valid JSON');
  }
  return checkBody(schema, raw);
}

/** A parsed body checked by a schema: a 400 whose `fields` say, per field, what is wrong (forms show each beside its field). */
export function checkBody<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw, { error: plainErrors });
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[issue.path.join('.') || 'body'] ??= issue.message;
  const [where, message] = Object.entries(fields)[0];
  throw new ApiError(400, 'invalid_body', `${where}: ${message}`, fields);
}

/** A positive integer id from the path, or a 400 naming the parameter. */
export function pathId(c: Context, name: string): number {
  const raw = c.req.param(name) ?? '';
  if (!/^[1-9]\d{0,15}$/.test(raw)) throw new ApiError(400, 'invalid_parameter', `${name} must be a positive integer id, got "${raw}"`);
  return Number(raw);
}

/** For the small JSON bodies of the account endpoints: 16 KiB at most, else a 413. */
export const smallBody = bodyLimit({
  maxSize: 16 * 1024,
  onError: () => {
    throw new ApiError(413, 'body_too_large', 'The body is larger than 16 KiB');
  },
});
