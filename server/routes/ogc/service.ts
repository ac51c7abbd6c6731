import { Hono } from 'hono';
import { CATALOG } from '../../catalog/index.ts';
import type { Collection } from '../../catalog/define.ts';
import { JSON_TYPE, respondCached } from '../../http/cached-response.ts';
import { conformance, landingPage, OPENAPI_TYPE } from '../../ogc/documents.ts';
import { openApiDocument } from '../../ogc/openapi.ts';
import { documentParams } from '../../ogc/params.ts';
import type { RouteDeps } from '../deps.ts';
import { ogcBase, ogcQuery } from './request.ts';

/** GET /ogc (landing page), /ogc/conformance and /ogc/api (the OpenAPI 3.0 document, from the catalog). */
export function ogcServiceRoutes(deps: RouteDeps) {
  const query = ogcQuery(deps, documentParams);
  return new Hono()
    .get('/', query, (c) => respondCached(c, deps.cache, { base: ogcBase(c) }, JSON_TYPE, () => landingPage(ogcBase(c), deps.data().province)))
    .get('/conformance', query, (c) => respondCached(c, deps.cache, {}, JSON_TYPE, conformance))
    .get('/api', query, (c) =>
      respondCached(c, deps.cache, { base: ogcBase(c) }, OPENAPI_TYPE, () =>
        openApiDocument(ogcBase(c), CATALOG as unknown as Collection[], deps.data().province),
      ),
    );
}
