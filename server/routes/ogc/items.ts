import { ogcMessages as O } from '../../messages/ogc.ts';
import { Hono } from 'hono';
import { applyFilters } from '../../catalog/define.ts';
import type { Bbox } from '../../catalog/bbox.ts';
import { ParamError } from '../../catalog/params.ts';
import { GEOJSON, respondCached } from '../../http/cached-response.ts';
import { ApiError } from '../../http/errors.ts';
import { asApiError } from '../../http/params.ts';
import { type CrsCode, crsUri } from '../../geo/crs.ts';
import { intersecting } from '../../geo/bbox.ts';
import { bboxRegion, GEOJSON_TYPE, inCrs, itemsPage } from '../../ogc/items.ts';
import { buildValues, featureParams, itemsParams } from '../../ogc/params.ts';
import type { RouteDeps } from '../deps.ts';
import { collectionQuery, ogcBase } from './request.ts';

/**
 * GET /ogc/collections/{id}/items and …/items/{featureId}: features built once per date through
 * the shared BuiltCollections (the same builds as /api), filtered, paged and reprojected, each
 * answer cached with its ETag. Writes (OGC API – Features Part 4) belong here too.
 */
export function ogcItemRoutes(deps: RouteDeps) {
  return new Hono()
    .get('/:collectionId/items', collectionQuery(deps, itemsParams), (c) => {
      const { collection, values, query } = c.req.valid('query');
      const bbox = values.bbox as Bbox | undefined;
      if (!bbox && Object.hasOwn(query, 'bbox-crs')) throw new ApiError(400, 'invalid_parameter', O.bboxCrsAlone);
      const region = bbox ? regionOf(bbox, values['bbox-crs'] as CrsCode) : null;
      const crs = values.crs as CrsCode;
      const base = ogcBase(c);
      const itemsUrl = `${base}/collections/${collection.id}/items`;
      c.header('Content-Crs', `<${crsUri(crs)}>`);
      return respondCached(c, deps.cache, { base, query, values }, GEOJSON, () => {
        const built = deps.built.get(collection, deps.data(), buildValues(collection, values));
        const filtered = applyFilters(collection, built, values).features;
        return itemsPage(built, region ? intersecting(filtered, region) : filtered, {
          limit: values.limit as number,
          offset: values.offset as number,
          crs,
          itemsUrl,
          collectionUrl: `${base}/collections/${collection.id}`,
          query,
          timeStamp: new Date().toISOString(),
        });
      });
    })
    .get('/:collectionId/items/:featureId', collectionQuery(deps, featureParams), (c) => {
      const { collection, values } = c.req.valid('query');
      const featureId = c.req.param('featureId');
      const built = deps.built.get(collection, deps.data(), buildValues(collection, values));
      const feature = built.features.find((f) => f.id === featureId);
      if (!feature) {
        const id = featureId.slice(0, 100);
        throw new ApiError(404, 'not_found', values.datetime ? O.noFeature(id, collection.id, String(values.datetime)) : O.noFeatureListed(id, collection.id));
      }
      const crs = values.crs as CrsCode;
      const base = ogcBase(c);
      const url = `${base}/collections/${collection.id}`;
      c.header('Content-Crs', `<${crsUri(crs)}>`);
      return respondCached(c, deps.cache, { base, values }, GEOJSON, () => ({
        ...inCrs(feature, crs),
        ...(built.unitSet ? { unitSet: built.unitSet } : {}),
        ...(built.asOf ? { asOf: built.asOf } : {}),
        links: [
          { href: `${url}/items/${encodeURIComponent(featureId)}`, rel: 'self', type: GEOJSON_TYPE, title: 'this feature' },
          { href: url, rel: 'collection', type: 'application/json', title: 'the collection' },
        ],
      }));
    });
}

/** The bbox as a CRS84 region; a box outside its CRS's range is the client's 400. */
function regionOf(bbox: Bbox, crs: CrsCode) {
  try {
    return bboxRegion(bbox, crs);
  } catch (e) {
    throw e instanceof ParamError ? asApiError(e) : e;
  }
}
