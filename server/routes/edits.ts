import { editMessages as E } from '../messages/edits.ts';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { authorizeEdit, currentUser } from '../auth/authorize.ts';
import type { AuthEnv } from '../auth/middleware.ts';
import { inLang, type Warning } from '../catalog/warnings.ts';
import type { Editor, EditRequest } from '../edits/index.ts';
import { jsonBody } from '../http/body.ts';
import { ApiError } from '../http/errors.ts';
import { requestLang } from '../http/lang.ts';

/** Write bodies are small, but a drawn zone can carry a few thousand vertices. */
const writeBody = bodyLimit({
  maxSize: 2 * 1024 * 1024,
  onError: () => {
    throw new ApiError(413, 'body_too_large', E.writeTooLarge);
  },
});

/** The request as the editor sees it: who, and the check of what they may edit (401/403). */
export function editRequest(c: Context<AuthEnv>): EditRequest {
  const user = currentUser(c);
  return { actor: { userId: user.id, login: user.login }, authorize: (programme, unitSets, unit) => authorizeEdit(c, programme, unitSets, unit) };
}

/** A record id from the path: letters, digits and dashes (the ids the app makes). */
function recordId(c: Context, name = 'id'): string {
  const raw = c.req.param(name) ?? '';
  if (!/^[a-z0-9][a-z0-9-]{0,119}$/.test(raw)) throw new ApiError(400, 'invalid_parameter', E.recordId(name, raw.slice(0, 60)));
  return raw;
}

/**
 * A write's answer: the record as saved, and what the form would have warned of (a second recognition
 * for a year, a stated area the drawn shape disagrees with) in the request's language — an API client
 * learns of them as a form user does. Every write's answer has `warnings`, empty when there are none.
 */
function saved<R extends object>(c: Context, record: R, warnings: readonly Warning[] = []) {
  return { ...record, warnings: inLang(warnings, requestLang(c)) };
}

/**
 * /api/edits — change the record: NTM recognitions (record, correct, retract), OCOP products,
 * raw-material zones and targets. Each body is validated with the catalog's write schema, each
 * change authorised for the user's role, programmes and units, written in one transaction and
 * logged with its source; the map and counts follow at once (the data revision changes).
 */
export function editRoutes(editor: Editor) {
  const { productInput, recognitionCorrection, recognitionInput, retractionInput, targetInput, zoneInput } = editor.inputs;
  return new Hono<AuthEnv>()
    .use('*', writeBody, async (c, next) => {
      await next();
      c.header('Cache-Control', 'no-store');
    })
    .post('/recognitions', async (c) => {
      const r = editor.ntm.record(editRequest(c), await jsonBody(c, recognitionInput));
      return c.json(saved(c, r, editor.ntm.warnings(r)), 201);
    })
    .put('/recognitions/:id', async (c) => {
      const r = editor.ntm.correct(editRequest(c), recordId(c), await jsonBody(c, recognitionCorrection));
      return c.json(saved(c, r, editor.ntm.warnings(r)));
    })
    .post('/recognitions/:id/retraction', async (c) => c.json(saved(c, editor.ntm.retract(editRequest(c), recordId(c), await jsonBody(c, retractionInput)))))
    .post('/products', async (c) => c.json(saved(c, editor.ocop.save(editRequest(c), null, await jsonBody(c, productInput))), 201))
    .put('/products/:id', async (c) => c.json(saved(c, editor.ocop.save(editRequest(c), recordId(c), await jsonBody(c, productInput)))))
    .post('/zones', async (c) => {
      const z = editor.zones.save(editRequest(c), null, await jsonBody(c, zoneInput));
      return c.json(saved(c, z, editor.zones.warnings(z)), 201);
    })
    .put('/zones/:id', async (c) => {
      const z = editor.zones.save(editRequest(c), recordId(c), await jsonBody(c, zoneInput));
      return c.json(saved(c, z, editor.zones.warnings(z)));
    })
    .delete('/zones/:id', async (c) => {
      editor.zones.remove(editRequest(c), recordId(c), await jsonBody(c, retractionInput));
      return c.body(null, 204);
    })
    .post('/targets', async (c) => c.json(saved(c, editor.targets.save(editRequest(c), null, await jsonBody(c, targetInput))), 201))
    .put('/targets/:id', async (c) => c.json(saved(c, editor.targets.save(editRequest(c), recordId(c), await jsonBody(c, targetInput)))));
}
