import { Hono } from 'hono';
import { CATALOG } from '../catalog/index.ts';
import { applyFilters, type Collection, declaredParams } from '../catalog/define.ts';
import { skipGeometryParam } from '../catalog/params.ts';
import { GEOJSON, respondCached } from '../http/cached-response.ts';
import { queryParams } from '../http/params.ts';
import type { RouteDeps } from './deps.ts';

/**
 * GET /api/<path> for every catalog collection that has an /api route (communes, districts,
 * products, zones, units/merged-history): built once per date, filtered by the route's
 * parameters, answered from the response cache. Each also takes `skipGeometry=true` (the
 * attributes only: the map loads zones' shapes only when it draws them).
 */
export function collectionRoutes(deps: RouteDeps) {
  const app = new Hono();
  for (const c of CATALOG as unknown as Collection[]) {
    if (!c.api) continue;
    const all = declaredParams(c);
    const params = { ...Object.fromEntries(c.api.params.map((name) => [name, all[name]])), skipGeometry: skipGeometryParam };
    app.get(c.api.path, queryParams(params, deps.data), (ctx) => {
      const values = ctx.req.valid('query') as Record<string, unknown>;
      return respondCached(ctx, deps.cache, values, GEOJSON, () => {
        const built = applyFilters(c, deps.built.get(c, deps.data(), pick(values, c.buildParams)), values);
        return values.skipGeometry ? { ...built, features: built.features.map((f) => ({ ...f, geometry: null })) } : built;
      });
    });
  }
  return app;
}

/** The values of the builder's own parameters; the rest are filters. */
export function pick(values: Record<string, unknown>, names: object): Record<string, unknown> {
  return Object.fromEntries(Object.keys(names).map((n) => [n, values[n]]));
}
