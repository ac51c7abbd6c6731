import { Hono } from 'hono';
import type { BasemapConfig } from '../catalog/resources.ts';
import { JSON_TYPE, respondCached } from '../http/cached-response.ts';
import { queryParams } from '../http/params.ts';
import type { RouteDeps } from './deps.ts';

/**
 * GET /api/config — what the client needs to know first: the province the data is about, the
 * basemap, the boundaries' licences. Cached like the data it comes from: compressed, with an ETag.
 */
export const configRoutes = ({ data, cache }: RouteDeps, basemap: BasemapConfig | null) =>
  new Hono().get('/', queryParams({}, data), (c) =>
    respondCached(c, cache, {}, JSON_TYPE, () => ({ province: data().province, basemap, boundaries: data().boundaryLicences })),
  );
