import { Hono } from 'hono';
import { JSON_TYPE, respondCached } from '../http/cached-response.ts';
import { queryParams } from '../http/params.ts';
import type { RouteDeps } from './deps.ts';

/**
 * GET /api/timeline — the whole record for a client that computes "as of" itself: every
 * recognition (with the date it counts from, its status, unit and sources), the other NTM
 * facts, the targets and reported totals, and when each unit set was in force.
 */
export const timelineRoutes = ({ data, cache }: RouteDeps) =>
  new Hono().get('/', queryParams({}, data), (c) =>
    respondCached(c, cache, {}, JSON_TYPE, () => ({
      unitSets: data().province.unitSets,
      recognitions: data().recognitions,
      facts: data().facts,
      targets: data().targets,
    })),
  );
