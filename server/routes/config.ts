import { Hono } from 'hono';
import type { BasemapConfig } from '../catalog/resources.ts';

/** GET /api/config — what the client needs to know about this deployment. */
export const configRoutes = (basemap: BasemapConfig | null) => new Hono().get('/', (c) => c.json({ basemap }));
