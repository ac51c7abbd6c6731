import { Hono } from 'hono';
import { zoneCollection } from '../geo/zones.ts';
import { GEOJSON, respondCached } from '../http/cached-response.ts';
import { crop, queryParams } from '../http/params.ts';
import type { RouteDeps } from './deps.ts';

/** GET /api/zones?crop= — raw-material zones, shaped by the communes their sources name. */
export const zoneRoutes = ({ data, cache }: RouteDeps) =>
  new Hono().get('/', queryParams({ crop }), (c) => {
    const params = c.req.valid('query');
    return respondCached(c, cache, params, GEOJSON, () => zoneCollection(data(), params.crop));
  });
