import type { Database } from 'better-sqlite3';
import { Hono } from 'hono';
import { createAuth } from './auth/auth.ts';
import type { AuthConfig, Clock } from './auth/config.ts';
import { type AuthEnv, authenticate, csrfGuard, loginGate } from './auth/middleware.ts';
import { databaseHealth } from './db/health.ts';
import { snapshots } from './db/snapshot.ts';
import { createStore } from './db/store.ts';
import { ResponseCache } from './http/cached-response.ts';
import { renderError } from './http/errors.ts';
import { detectLang } from './http/lang.ts';
import { notFoundOrMethodNotAllowed } from './http/method-not-allowed.ts';
import { type SecurityOptions, securityHeaders } from './http/security-headers.ts';
import { staticFiles } from './http/static-files.ts';
import { accountRoutes } from './routes/account.ts';
import { baseRoutes } from './routes/base.ts';
import { BuiltCollections } from './http/built-collections.ts';
import { collectionRoutes } from './routes/collections.ts';
import { placeNames } from './catalog/data.ts';
import type { BasemapConfig } from './catalog/resources.ts';
import { configRoutes } from './routes/config.ts';
import { detailRoutes } from './routes/details.ts';
import { downloadRoutes } from './routes/downloads.ts';
import { auditRoutes } from './routes/audit.ts';
import { editRoutes } from './routes/edits.ts';
import { sourceFileRoutes } from './routes/source-files.ts';
import { createEditor } from './edits/index.ts';
import { healthRoutes } from './routes/health.ts';
import { createImporter } from './imports/importer.ts';
import type { CheckPool } from './imports/check-pool.ts';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './imports/limits.ts';
import { importRoutes } from './routes/imports.ts';
import { OGC_PATH, ogcRoutes } from './routes/ogc/index.ts';
import { sessionRoutes } from './routes/session.ts';
import { statsRoutes } from './routes/stats.ts';
import { tileRoutes } from './routes/tiles.ts';
import { timelineRoutes } from './routes/timeline.ts';
import type { TileSet } from './tiles/tile-set.ts';
import { crosswalkRoutes, unitRoutes } from './routes/units.ts';
import { userRoutes } from './routes/users.ts';

export interface AppConfig {
  /** Folder of the built client (vite build), served at `/`; null serves the API only. */
  clientDir: string | null;
  /** Folder of the derived data; the base-map layers are read from its base/. */
  geodataDir: string;
  /** Optional online raster basemap. @default null (offline) */
  basemap?: BasemapConfig | null;
  /** Logins, sessions and throttling. @default DEFAULT_AUTH_CONFIG (reading stays public) */
  auth?: AuthConfig;
  /** Response cache budget in bytes. @default 32 MiB */
  cacheMaxBytes?: number;
  /** CSP frame-ancestors: who may embed the map. @default ["'self'"] */
  frameAncestors?: string[];
  /** Tiles of a national dataset (server/tiles), served under /api/tiles. @default null (none) */
  tiles?: TileSet | null;
  /** Limits on uploaded imports. @default DEFAULT_IMPORT_LIMITS (server/imports/limits.ts) */
  imports?: ImportLimits;
}

/**
 * The whole HTTP application: the API under /api/ and the built client at /.
 * Only server/main.ts opens the real database and listens on a port. `clock` (ms since the
 * epoch) is injectable so tests can expire sessions. `checkPool` reads and checks uploaded map files
 * and tables in worker threads; like the database it belongs to the caller, who closes it (server/main.ts on
 * shutdown). Without one, uploads are read in the request's own thread.
 */
export function createApp({ db, config, clock = Date.now, checkPool }: { db: Database; config: AppConfig; clock?: Clock; checkPool?: CheckPool }) {
  const store = createStore(db);
  const version = () => String(store.dataVersion());
  const deps = { data: snapshots(store, version), cache: new ResponseCache(version, config.cacheMaxBytes), built: new BuiltCollections(version) };

  const auth = createAuth(db, config.auth, clock, () => placeNames(deps.data()));
  const editor = createEditor(db, deps.data, () => new Date(clock()));
  // Map files and tables are read and checked in the checkPool's worker threads (server/imports/check-pool.ts): a big preview does not hold up other requests.
  const limits = config.imports ?? DEFAULT_IMPORT_LIMITS;
  const importer = createImporter({
    db,
    data: deps.data,
    limits,
    clock: () => new Date(clock()),
    readMap: checkPool?.readMap,
    readTable: checkPool?.readTable,
  });

  const api = new Hono<AuthEnv>()
    .route('/health', healthRoutes(databaseHealth(db)))
    .route('/session', sessionRoutes(auth))
    .route('/account', accountRoutes(auth))
    .route('/users', userRoutes(auth))
    // communes, districts, products, zones, units/merged-history: one route per catalog collection
    .route('/', collectionRoutes(deps))
    .route('/', detailRoutes(deps))
    .route('/stats', statsRoutes(deps))
    .route('/units', unitRoutes(deps))
    .route('/crosswalk', crosswalkRoutes(deps))
    .route('/timeline', timelineRoutes(deps))
    .route('/base', baseRoutes(deps, config.geodataDir))
    .route('/config', configRoutes(deps, config.basemap ?? null))
    .route('/downloads', downloadRoutes(deps))
    .route('/edits', editRoutes(editor))
    .route('/source-files', sourceFileRoutes(editor))
    .route('/imports', importRoutes(importer, deps))
    .route('/', auditRoutes(editor))
    .route('/tiles', tileRoutes(deps, config.tiles ?? null));

  const app = new Hono<AuthEnv>().use(detectLang, securityHeaders(securityOptions(config)));
  // Every request to the API and the OGC API: who sent it (session cookie or API token), CSRF checks on writes, REQUIRE_LOGIN.
  for (const path of ['/api/*', `${OGC_PATH}/*`]) app.use(path, authenticate(auth), csrfGuard(auth), loginGate(auth));
  app.route('/api', api).route(OGC_PATH, ogcRoutes(deps, editor));
  if (config.clientDir) app.use('/*', staticFiles(config.clientDir));
  app.onError(renderError);
  app.notFound(notFoundOrMethodNotAllowed(app));
  return app;
}

/** What the security headers allow: the basemap's origin, and who may embed the map. */
export function securityOptions(config: Pick<AppConfig, 'basemap' | 'frameAncestors'>): SecurityOptions {
  return { basemapOrigins: (config.basemap?.tiles ?? []).map((t) => new URL(t).origin), frameAncestors: config.frameAncestors };
}

export type App = ReturnType<typeof createApp>;
