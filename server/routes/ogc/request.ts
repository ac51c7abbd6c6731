import { ogcMessages as O } from '../../messages/ogc.ts';
import { requestMessages as R } from '../../messages/requests.ts';
import type { Context } from 'hono';
import { validator } from 'hono/validator';
import type { Collection } from '../../catalog/define.ts';
import { CATALOG, collectionById } from '../../catalog/index.ts';
import { type ParamDef, parseQuery } from '../../catalog/params.ts';
import { ApiError } from '../../http/errors.ts';
import { asApiError, paramContext } from '../../http/params.ts';
import { isDated } from '../../ogc/params.ts';
import type { RouteDeps } from '../deps.ts';

/** Where the OGC API is mounted (server/app.ts); its links are absolute URLs under it. */
export const OGC_PATH = '/ogc';

/** The OGC API's root URL as the client reached it, e.g. http://localhost:8787/ogc. */
export function ogcBase(c: Context): string {
  const url = c.req.url;
  return `${url.slice(0, url.indexOf('/', url.indexOf('//') + 2))}${OGC_PATH}`;
}

/** The catalog collection of a path's id; 404 naming the ids that exist. */
export function collectionOr404(id: string): Collection {
  const c = collectionById(id);
  if (!c) throw new ApiError(404, 'not_found', R.noCollection(id.slice(0, 100), CATALOG.map((k) => k.id).join(', '), null));
  return c;
}

type Params = Record<string, ParamDef<unknown>>;

/** The query of a route outside the collections, parsed against what it declares. */
export function ogcQuery(deps: RouteDeps, declared: Params) {
  return validator('query', (value) => parse(deps, declared, value));
}

/**
 * The query of a collection's route, parsed against what the route declares for it. The
 * collection in the path is resolved first, so an unknown one is a 404 before any 400.
 */
export function collectionQuery(deps: RouteDeps, declared: (c: Collection) => Params) {
  return validator('query', (value, ctx) => {
    const collection = collectionOr404(ctx.req.param('collectionId') ?? '');
    if (!isDated(collection) && Object.hasOwn(value, 'datetime')) throw new ApiError(400, 'unknown_parameter', O.notDated(collection.id));
    return { collection, ...parse(deps, declared(collection), value) };
  });
}

/** The parsed values, the query as sent (links repeat it) and today's date. */
function parse(deps: RouteDeps, declared: Params, value: Record<string, string | string[]>) {
  const ctx = paramContext(deps.data());
  try {
    const values = parseQuery(declared, value, ctx) as Record<string, unknown>;
    return { values, query: value as Record<string, string>, today: ctx.today };
  } catch (e) {
    throw asApiError(e);
  }
}
