import { Hono } from 'hono';
import { choiceParam, skipGeometryParam as skipGeometry } from '../catalog/params.ts';
import { UNIT_SETS } from '../domain/unit-sets.ts';
import { unitSetCodes } from '../messages/unit-set-label.ts';
import { crosswalkEntries, unitCollection } from '../geo/units.ts';
import { GEOJSON, JSON_TYPE, respondCached } from '../http/cached-response.ts';
import { queryParams } from '../http/params.ts';
import type { RouteDeps } from './deps.ts';

const set = choiceParam(UNIT_SETS, '2020', ({ unitSets }) => `The unit set: ${unitSetCodes(unitSets, 'en')}.`);

/**
 * GET /api/units?set=2019|2020|2025 — the units of one set (default 2020), with validity dates;
 *                                     2025 units list their formerCodes.
 *                &skipGeometry=true — the same without shapes.
 * (GET /api/units/merged-history is the catalog's communes-2025 collection.)
 */
export const unitRoutes = ({ data, cache }: RouteDeps) =>
  new Hono().get('/', queryParams({ set, skipGeometry }, data), (c) => {
    const params = c.req.valid('query');
    return respondCached(c, cache, params, GEOJSON, () =>
      unitCollection(params.set, data().units[params.set], data().crosswalk, { skipGeometry: params.skipGeometry === true }),
    );
  });

/** GET /api/crosswalk — old code → new code, with names and types on both sides. */
export const crosswalkRoutes = ({ data, cache }: RouteDeps) =>
  new Hono().get('/', queryParams({}, data), (c) =>
    respondCached(c, cache, {}, JSON_TYPE, () => ({ entries: crosswalkEntries(data().units, data().crosswalk) })),
  );
