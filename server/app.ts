import type { Database } from 'better-sqlite3';
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { snapshots } from './db/snapshot.ts';
import { createStore } from './db/store.ts';
import { ResponseCache } from './http/cached-response.ts';
import { renderError, renderNotFound } from './http/errors.ts';
import { baseRoutes } from './routes/base.ts';
import { BuiltCollections } from './http/built-collections.ts';
import { collectionRoutes } from './routes/collections.ts';
import type { BasemapConfig } from './catalog/resources.ts';
import { configRoutes } from './routes/config.ts';
import { detailRoutes } from './routes/details.ts';
import { downloadRoutes } from './routes/downloads.ts';
import { healthRoutes } from './routes/health.ts';
import { OGC_PATH, ogcRoutes } from './routes/ogc/index.ts';
import { statsRoutes } from './routes/stats.ts';
import { timelineRoutes } from './routes/timeline.ts';
import { crosswalkRoutes, unitRoutes } from './routes/units.ts';

export interface AppConfig {
  /** Folder of the built client (vite build), served at `/`; null serves the API only. */
  clientDir: string | null;
  /** Folder of the derived data; the base-map layers are read from its base/. */
  geodataDir: string;
  /** Optional online raster basemap. @default null (offline) */
  basemap?: BasemapConfig | null;
}

/**
 * The whole HTTP application: the API under /api/ and the built client at /.
 * Only server/main.ts opens the real database and listens on a port.
 */
export function createApp({ db, config }: { db: Database; config: AppConfig }) {
  const store = createStore(db);
  const version = () => String(store.dataVersion());
  const deps = { data: snapshots(store, version), cache: new ResponseCache(version), built: new BuiltCollections(version) };

  const api = new Hono()
    .route('/health', healthRoutes())
    // communes, districts, products, zones, units/merged-history: one route per catalog collection
    .route('/', collectionRoutes(deps))
    .route('/', detailRoutes(deps))
    .route('/stats', statsRoutes(deps))
    .route('/units', unitRoutes(deps))
    .route('/crosswalk', crosswalkRoutes(deps))
    .route('/timeline', timelineRoutes(deps))
    .route('/base', baseRoutes(deps, config.geodataDir))
    .route('/config', configRoutes(deps, config.basemap ?? null))
    .route('/downloads', downloadRoutes(deps));

  const app = new Hono().route('/api', api).route(OGC_PATH, ogcRoutes(deps));
  if (config.clientDir) app.use('/*', serveStatic({ root: config.clientDir }));
  app.onError(renderError);
  app.notFound(renderNotFound);
  return app;
}

export type App = ReturnType<typeof createApp>;
