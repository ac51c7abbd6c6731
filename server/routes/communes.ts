import { Hono } from 'hono';
import { communeCollection } from '../geo/communes.ts';
import { communeDetail } from '../geo/unit-details.ts';
import { GEOJSON, respondCached } from '../http/cached-response.ts';
import { ApiError } from '../http/errors.ts';
import { asOf, districtCode, queryParams, unitCodeParam } from '../http/params.ts';
import type { RouteDeps } from './deps.ts';

/**
 * GET /api/communes?asOf=&district= — the 129 communes of 2020–2025 with their NTM status.
 * GET /api/communes/:code?asOf=     — one commune with its whole NTM record.
 */
export const communeRoutes = ({ data, cache }: RouteDeps) =>
  new Hono()
    .get('/', queryParams({ asOf, district: districtCode }), (c) => {
      const params = c.req.valid('query');
      return respondCached(c, cache, params, GEOJSON, () => communeCollection(data().on('2020'), params.asOf, params.district));
    })
    .get('/:code', unitCodeParam(5), queryParams({ asOf }), (c) => {
      const { code } = c.req.valid('param');
      const params = c.req.valid('query');
      if (!data().units['2020'].communes.some((u) => u.code === code))
        throw new ApiError(404, 'not_found', `no commune ${code} in the 2020–2025 units; codes are listed by /api/communes`);
      return respondCached(c, cache, params, GEOJSON, () =>
        communeDetail(data().on('2020'), { crosswalk: data().crosswalk, communes2025: data().units['2025'].communes }, code, params.asOf),
      );
    });
