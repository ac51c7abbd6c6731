import { requestMessages as R } from '../messages/requests.ts';
import { Hono } from 'hono';
import { communes2020 } from '../catalog/index.ts';
import { communeDetail, districtDetail } from '../geo/unit-details.ts';
import { GEOJSON, respondCached } from '../http/cached-response.ts';
import { ApiError } from '../http/errors.ts';
import { queryParams, unitCodeParam } from '../http/params.ts';
import type { RouteDeps } from './deps.ts';
import { unitSetName } from '../messages/unit-sets.ts';

const asOf = communes2020.buildParams.asOf;

/**
 * GET /api/communes/:code?asOf=  — one commune of 2020–2025 with its whole NTM record.
 * GET /api/districts/:code?asOf= — one district with its communes, closest to their next status first.
 */
export const detailRoutes = ({ data, cache }: RouteDeps) =>
  new Hono()
    .get('/communes/:code', unitCodeParam(5), queryParams({ asOf }, data), (c) => {
      const { code } = c.req.valid('param');
      const params = c.req.valid('query');
      const d = data();
      if (!d.units['2020'].communes.some((u) => u.code === code))
        throw new ApiError(404, 'not_found', R.noCommuneDetail(code, unitSetName('2020', d.province.unitSets)));
      return respondCached(c, cache, params, GEOJSON, () =>
        communeDetail(d.on('2020'), { crosswalk: d.crosswalk, communes2025: d.units['2025'].communes }, code, params.asOf),
      );
    })
    .get('/districts/:code', unitCodeParam(3), queryParams({ asOf }, data), (c) => {
      const { code } = c.req.valid('param');
      const params = c.req.valid('query');
      const d = data();
      if (!d.units['2020'].districts.some((u) => u.code === code)) {
        throw new ApiError(
          404,
          'not_found',
          R.noDistrictDetail(
            code,
            unitSetName('2020', d.province.unitSets),
            d.units['2020'].districts.map((u) => u.code),
          ),
        );
      }
      return respondCached(c, cache, params, GEOJSON, () => districtDetail(d.on('2020'), code, params.asOf));
    });
