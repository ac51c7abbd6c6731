import { requestMessages as R } from '../messages/requests.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { GEOJSON, respondCached } from '../http/cached-response.ts';
import { ApiError, quoted } from '../http/errors.ts';
import type { RouteDeps } from './deps.ts';

/** The base map's own layers (no tile server needed): the province outline and the neighbouring countries. */
export const BASE_LAYERS = { province: 'province.geojson', countries: 'context-countries.geojson' } as const;

/** GET /api/base/:name — a base-map layer from geodata/base/. */
export const baseRoutes = ({ cache }: RouteDeps, geodataDir: string) =>
  new Hono().get('/:name', (c) => {
    const name = c.req.param('name');
    if (!Object.hasOwn(BASE_LAYERS, name)) {
      throw new ApiError(404, 'not_found', R.noBaseLayer(quoted(name), Object.keys(BASE_LAYERS)));
    }
    const file = join(geodataDir, 'base', BASE_LAYERS[name as keyof typeof BASE_LAYERS]);
    return respondCached(c, cache, {}, GEOJSON, () => JSON.parse(readFileSync(file, 'utf8')));
  });
