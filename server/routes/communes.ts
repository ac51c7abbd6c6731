import { Hono } from 'hono';
import { communeCollection } from '../geo/communes.ts';
import { GEOJSON, respondCached } from '../http/cached-response.ts';
import { asOf, districtCode, queryParams } from '../http/params.ts';
import type { RouteDeps } from './deps.ts';

/** GET /api/communes?asOf=&district= — the 129 communes of 2020–2025 with their NTM status. */
export const communeRoutes = ({ data, cache }: RouteDeps) =>
  new Hono().get('/', queryParams({ asOf, district: districtCode }), (c) => {
    const params = c.req.valid('query');
    return respondCached(c, cache, params, GEOJSON, () => communeCollection(data(), params.asOf, params.district));
  });
