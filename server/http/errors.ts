import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * The one error envelope of the API: `{ "error": { "code", "message" } }`; a refused write also
 * says which fields were wrong (`fields`: path → message), so a form can show each beside its field.
 */
export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

/** An error meant for the client: its status, a stable code and a message naming what to fix. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

export function errorBody(code: string, message: string, fields?: Record<string, string>): ErrorBody {
  return { error: fields ? { code, message, fields } : { code, message } };
}

/** Root `onError`: ApiErrors and Hono's own HTTP exceptions keep their status; anything else is a logged 500. */
export function renderError(err: Error, c: Context): Response {
  if (err instanceof ApiError) return c.json(errorBody(err.code, err.message, err.fields), err.status);
  if (err instanceof HTTPException && err.status < 500) {
    return c.json(errorBody('bad_request', err.message || 'The request could not be understood'), err.status);
  }
  console.error(`${c.req.method} ${c.req.path} failed:`, err);
  return c.json(errorBody('internal', 'Internal server error'), 500);
}

/** Root `notFound`: a sub-app's notFound is not carried by `route()`, so this is the only one. */
export function renderNotFound(c: Context): Response {
  return c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}; see /api/health and the README's API section`), 404);
}
