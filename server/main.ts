import { existsSync } from 'node:fs';
import { createServer, type RequestListener, type Server, type ServerOptions } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp, securityOptions } from './app.ts';
import { type Config, readConfig } from './config.ts';
import { scheduleDailyBackups } from './db/backup-schedule.ts';
import { closeDatabase } from './db/open.ts';
import { createCheckPool } from './imports/check-pool.ts';
import { provinceQueries } from './db/province.ts';
import { readGeodata, readGeodataFile } from './db/seed.ts';
import { prepareDatabase } from './db/startup.ts';
import { securityHeaderValues } from './http/security-headers.ts';
import { applyLimits, serverOptions } from './http/server-limits.ts';
import { drainOnSignals, listeningUrl } from './lifecycle.ts';
import { openNationalDataset } from './tiles/national-dataset.ts';
import { tileListener } from './tiles/tile-listener.ts';
import { TileSet } from './tiles/tile-set.ts';

/** Startup problems are one line on stderr and exit code 1, never a stack trace (docs/OPERATIONS.md lists them). */
function fail(line: string): never {
  console.error(`error: ${line}`);
  process.exit(1);
}

let config: Config;
try {
  config = readConfig();
} catch (e) {
  fail(`configuration: ${(e as Error).message}`);
}

let prepared: ReturnType<typeof prepareDatabase>;
try {
  prepared = prepareDatabase(
    config.dbPath,
    () => readGeodata(config.geodataDir),
    () => readGeodataFile(config.geodataDir, 'province.json'),
  );
} catch (e) {
  fail((e as Error).message);
}
const { db, applied, seeded, provinceAdded } = prepared;
if (applied.length) console.log(`database ${config.dbPath}: applied migrations ${applied.join(', ')}`);
if (seeded) console.log(`database ${config.dbPath}: seeded from ${config.geodataDir}`);
if (provinceAdded) console.log(`database ${config.dbPath}: province record added from ${config.geodataDir}`);
let tiles: TileSet | null = null;
try {
  tiles = config.nationalDir ? new TileSet(openNationalDataset(config.nationalDir)) : null;
} catch (e) {
  fail((e as Error).message);
}
const clientDir = existsSync(config.clientDir) ? config.clientDir : null;
if (!clientDir) console.warn(`no built client at ${config.clientDir}: run "npm run build" to serve the map at /`);

// Uploaded map files are read and checked in worker threads; closed with the database on shutdown.
const checkPool = createCheckPool({ memoryMb: config.imports.workerMemoryMb });
const app = createApp({
  db,
  checkPool,
  config: {
    clientDir,
    geodataDir: config.geodataDir,
    basemap: config.basemap,
    cacheMaxBytes: config.cacheMaxBytes,
    frameAncestors: config.frameAncestors,
    auth: config.auth,
    imports: config.imports,
    tiles,
  },
});
const stopBackups = scheduleDailyBackups(db, config.backup);
// Tiles already made are sent without going through Hono (server/tiles/tile-listener.ts); not when every request needs a login.
const direct = tiles && !config.auth.requireLogin ? { tiles, security: await securityHeaderValues(securityOptions(config)) } : null;
const withTiles = ((options: ServerOptions, listener: RequestListener) =>
  createServer(options, direct ? tileListener(direct.tiles, direct.security, listener) : listener)) as typeof createServer;
const server = serve(
  { fetch: app.fetch, hostname: config.host, port: config.port, serverOptions: serverOptions(config.limits), createServer: withTiles },
  (info) => {
    const everywhere = config.host === '0.0.0.0' || config.host === '::' ? ' on every interface' : '';
    console.log(`NTM & OCOP map of ${provinceQueries(db).get().name}: listening on ${listeningUrl(info as AddressInfo)}${everywhere} (API at /api/)`);
    if (tiles) {
      tiles.warm();
      console.log(`SYNTHETIC national dataset from ${config.nationalDir}: tiles at /api/tiles (not real data)`);
    }
  },
) as Server;
server.on('error', (e: NodeJS.ErrnoException) => {
  const hint =
    e.code === 'EADDRINUSE' ? 'the port is in use: set PORT to a free one' : e.code === 'EADDRNOTAVAIL' ? 'HOST is not an address of this machine' : '';
  fail(`cannot listen on ${config.host}:${config.port} (${e.code ?? e.message})${hint ? `; ${hint}` : ''}`);
});
applyLimits(server, config.limits);
drainOnSignals(server, {
  graceMs: config.shutdownGraceMs,
  onClosed: async () => {
    stopBackups();
    await checkPool.close();
    closeDatabase(db);
  },
});
