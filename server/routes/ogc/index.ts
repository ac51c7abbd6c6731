import { Hono } from 'hono';
import type { Editor } from '../../edits/index.ts';
import type { RouteDeps } from '../deps.ts';
import { ogcCollectionRoutes } from './collections.ts';
import { ogcItemRoutes } from './items.ts';
import { ogcServiceRoutes } from './service.ts';
import { ogcWriteRoutes } from './writes.ts';

export { OGC_PATH } from './request.ts';

/**
 * OGC API – Features (Part 1 core, GeoJSON, OpenAPI 3.0; Part 2 CRS), derived from the catalog:
 * a collection added there appears here, in the OpenAPI document and in the queryables.
 *   /                 landing page            service.ts
 *   /conformance      conformance classes     service.ts
 *   /api              OpenAPI 3.0 (JSON)      service.ts
 *   /collections[/{id}[/queryables]]          collections.ts
 *   /collections/{id}/items[/{featureId}]     items.ts
 *   OPTIONS, POST, PUT, PATCH, DELETE on the items of writable collections (Part 4)   writes.ts
 */
export function ogcRoutes(deps: RouteDeps, editor: Editor) {
  return new Hono()
    .route('/', ogcServiceRoutes(deps))
    .route('/collections', ogcCollectionRoutes(deps))
    .route('/collections', ogcItemRoutes(deps))
    .route('/collections', ogcWriteRoutes(deps, editor));
}
