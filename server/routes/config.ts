import { Hono } from 'hono';

/** An online raster basemap; off unless configured, because the map must work with no internet. */
export interface BasemapConfig {
  tiles: string[];
  attribution: string;
}

/** GET /api/config — what the client needs to know about this deployment. */
export const configRoutes = (basemap: BasemapConfig | null) => new Hono().get('/', (c) => c.json({ basemap }));
