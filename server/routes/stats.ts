import { Hono } from 'hono';
import { communes2020 } from '../catalog/index.ts';
import { provinceStats } from '../domain/stats.ts';
import { JSON_TYPE, respondCached } from '../http/cached-response.ts';
import { queryParams } from '../http/params.ts';
import type { RouteDeps } from './deps.ts';

/** GET /api/stats?asOf= — province counts from the commune-level record, and the sourced targets. */
export const statsRoutes = ({ data, cache }: RouteDeps) =>
  new Hono().get('/', queryParams({ asOf: communes2020.buildParams.asOf }, data), (c) => {
    const params = c.req.valid('query');
    return respondCached(c, cache, params, JSON_TYPE, () => provinceStats({ ...data().on('2020'), targets: data().targets }, params.asOf));
  });
