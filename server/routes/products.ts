import { Hono } from 'hono';
import { productCollection } from '../geo/products.ts';
import { GEOJSON, respondCached } from '../http/cached-response.ts';
import { districtCode, group, queryParams, search, stars } from '../http/params.ts';
import type { RouteDeps } from './deps.ts';

/** GET /api/products?district=&stars=&group=&q= — OCOP products as points. */
export const productRoutes = ({ data, cache }: RouteDeps) =>
  new Hono().get('/', queryParams({ district: districtCode, stars, group, q: search }), (c) => {
    const params = c.req.valid('query');
    return respondCached(c, cache, params, GEOJSON, () => productCollection(data(), params));
  });
