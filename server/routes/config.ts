import { Hono } from 'hono';
import type { BasemapConfig } from '../catalog/resources.ts';
import type { RouteDeps } from './deps.ts';

/** GET /api/config — what the client needs to know about this deployment: the basemap and the boundaries' licences. */
export const configRoutes = (deps: RouteDeps, basemap: BasemapConfig | null) =>
  new Hono().get('/', (c) => c.json({ basemap, boundaries: deps.data().boundaryLicences }));
