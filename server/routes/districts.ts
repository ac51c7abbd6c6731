import { Hono } from 'hono';
import { districtCollection } from '../geo/districts.ts';
import { GEOJSON, respondCached } from '../http/cached-response.ts';
import { asOf, queryParams } from '../http/params.ts';
import type { RouteDeps } from './deps.ts';

/** GET /api/districts?asOf= — the 10 districts of 2020–2025 with their NTM progress. */
export const districtRoutes = ({ data, cache }: RouteDeps) =>
  new Hono().get('/', queryParams({ asOf }), (c) => {
    const params = c.req.valid('query');
    return respondCached(c, cache, params, GEOJSON, () => districtCollection(data(), params.asOf));
  });
