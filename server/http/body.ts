import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { fieldMessages as F } from '../messages/fields.ts';
import { paramMessages as P } from '../messages/params.ts';
import { requestMessages as R } from '../messages/requests.ts';
import { fieldTexts, WRITE_PARSE } from '../messages/issues.ts';
import { ApiError } from './errors.ts';
import { jsonErrorPlace } from './json-syntax.ts';

/**
 * A JSON request body, validated by a zod schema. Only `application/json` is read — a form or
 * text/plain post (what a cross-site page can send without a CORS preflight) is a 415 — and the
 * first problem is reported with the field it is in.
 */
export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  if (!/^application\/json\s*(;|$)/i.test(c.req.header('Content-Type') ?? '')) {
    throw new ApiError(415, 'unsupported_media_type', R.notJson);
  }
  return checkBody(schema, await parsedBody(c));
}

/** The request's body parsed as JSON; a 400 `malformed_json` saying where it breaks off. */
export async function parsedBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, 'malformed_json', R.malformedJson(jsonErrorPlace(text)));
  }
}

/** A parsed body checked by a schema: a 400 whose `fields` say, per field, what is wrong (forms show each beside its field). */
export function checkBody<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw, WRITE_PARSE);
  if (parsed.success) return parsed.data;
  const fields = fieldTexts(parsed.error);
  const [where, message] = Object.entries(fields)[0];
  throw new ApiError(400, 'invalid_body', F.at(where, message), fields);
}

/** A positive integer id from the path, or a 400 naming the parameter. */
export function pathId(c: Context, name: string): number {
  const raw = c.req.param(name) ?? '';
  if (!/^[1-9]\d{0,15}$/.test(raw)) throw new ApiError(400, 'invalid_parameter', P.pathId(name, raw));
  return Number(raw);
}

/** For the small JSON bodies of the account endpoints: 16 KiB at most, else a 413. */
export const smallBody = bodyLimit({
  maxSize: 16 * 1024,
  onError: () => {
    throw new ApiError(413, 'body_too_large', R.bodyTooLarge);
  },
});
