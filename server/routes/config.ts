import { Hono } from 'hono';
import type { BasemapConfig } from '../catalog/resources.ts';
import { queryParams } from '../http/params.ts';
import type { RouteDeps } from './deps.ts';

/** GET /api/config — what the client needs to know first: the province the data is about, the basemap, the boundaries' licences. */
export const configRoutes = (deps: RouteDeps, basemap: BasemapConfig | null) =>
  new Hono().get('/', queryParams({}, deps.data), (c) => {
    const data = deps.data();
    return c.json({ province: data.province, basemap, boundaries: data.boundaryLicences });
  });
