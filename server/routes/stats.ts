import { Hono } from 'hono';
import { provinceStats } from '../domain/stats.ts';
import { JSON_TYPE, respondCached } from '../http/cached-response.ts';
import { asOf, queryParams } from '../http/params.ts';
import type { RouteDeps } from './deps.ts';

/** GET /api/stats?asOf= — province counts from the commune-level record, and the sourced targets. */
export const statsRoutes = ({ data, cache }: RouteDeps) =>
  new Hono().get('/', queryParams({ asOf }), (c) => {
    const params = c.req.valid('query');
    return respondCached(c, cache, params, JSON_TYPE, () => provinceStats({ ...data().on('2020'), targets: data().targets }, params.asOf));
  });
