import { Hono } from 'hono';
import { districtCollection } from '../geo/districts.ts';
import { districtDetail } from '../geo/unit-details.ts';
import { GEOJSON, respondCached } from '../http/cached-response.ts';
import { ApiError } from '../http/errors.ts';
import { asOf, queryParams, unitCodeParam } from '../http/params.ts';
import type { RouteDeps } from './deps.ts';

/**
 * GET /api/districts?asOf=       — the 10 districts of 2020–2025 with their NTM progress.
 * GET /api/districts/:code?asOf= — one district with its communes, closest to their next status first.
 */
export const districtRoutes = ({ data, cache }: RouteDeps) =>
  new Hono()
    .get('/', queryParams({ asOf }), (c) => {
      const params = c.req.valid('query');
      return respondCached(c, cache, params, GEOJSON, () => districtCollection(data().on('2020'), params.asOf));
    })
    .get('/:code', unitCodeParam(3), queryParams({ asOf }), (c) => {
      const { code } = c.req.valid('param');
      const params = c.req.valid('query');
      if (!data().units['2020'].districts.some((u) => u.code === code))
        throw new ApiError(404, 'not_found', `no district ${code} in the 2020–2025 units (094–103)`);
      return respondCached(c, cache, params, GEOJSON, () => districtDetail(data().on('2020'), code, params.asOf));
    });
