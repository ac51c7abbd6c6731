import { Hono } from 'hono';
import { newUnitCollection } from '../geo/new-units.ts';
import { crosswalkEntries, unitCollection } from '../geo/units.ts';
import { GEOJSON, JSON_TYPE, respondCached } from '../http/cached-response.ts';
import { asOfAnyUnits, queryParams, unitSet } from '../http/params.ts';
import type { RouteDeps } from './deps.ts';

/**
 * GET /api/units?set=2019|2020|2025   — the units of one set (default 2020), with validity dates;
 *                                        2025 units list their formerCodes.
 * GET /api/units/merged-history?asOf=  — the 45 units of 2025 with their former communes' record.
 */
export const unitRoutes = ({ data, cache }: RouteDeps) =>
  new Hono()
    .get('/', queryParams({ set: unitSet }), (c) => {
      const params = c.req.valid('query');
      return respondCached(c, cache, params, GEOJSON, () => unitCollection(params.set, data().units[params.set], data().crosswalk));
    })
    .get('/merged-history', queryParams({ asOf: asOfAnyUnits }), (c) => {
      const params = c.req.valid('query');
      return respondCached(c, cache, params, GEOJSON, () => newUnitCollection(data().on('2025'), data().on('2020'), data().crosswalk, params.asOf));
    });

/** GET /api/crosswalk — old code → new code, with names and types on both sides. */
export const crosswalkRoutes = ({ data, cache }: RouteDeps) =>
  new Hono().get('/', queryParams({}), (c) => respondCached(c, cache, {}, JSON_TYPE, () => ({ entries: crosswalkEntries(data().units, data().crosswalk) })));
