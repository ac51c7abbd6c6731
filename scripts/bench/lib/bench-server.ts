import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { build } from 'vite';
import { createApp } from '../../../server/app.ts';
import { staticFiles } from '../../../server/http/static-files.ts';
import { migrate } from '../../../server/db/migrate.ts';
import { openDatabase } from '../../../server/db/open.ts';
import { readGeodata, seedDatabase } from '../../../server/db/seed.ts';
import { precompress } from '../../build/precompress.ts';
import { Hono } from 'hono';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
const GEODATA_DIR = join(ROOT, 'geodata');
const CLIENT_DIR = join(ROOT, 'dist', 'client');
const BARE_DIR = join(ROOT, 'dist', 'bench', 'bare-map');
/** Where the bare MapLibre page is served, beside the app. */
export const BARE_PATH = '/bench/bare-map/';

/** Builds the bare MapLibre page (scripts/bench/bare-map) as the client is built: Vite, hashed assets, precompressed. */
export async function buildBareMap(): Promise<void> {
  await build({
    root: join(import.meta.dirname, '..', 'bare-map'),
    base: BARE_PATH,
    configFile: false,
    logLevel: 'warn',
    plugins: [precompress()],
    build: { outDir: BARE_DIR, emptyOutDir: true, assetsInlineLimit: 0, chunkSizeWarningLimit: 2500 },
  });
}

export interface BenchServer {
  origin: string;
  /** The app itself, for requests that need no socket. */
  app: ReturnType<typeof createApp>;
  stop(): Promise<void>;
}

/**
 * The app as `npm start` serves it (built client, seeded database in a temporary file) on a free
 * loopback port, with the bare MapLibre page at BARE_PATH served by the same static-file code.
 */
export async function startBenchServer(): Promise<BenchServer> {
  if (!existsSync(join(CLIENT_DIR, 'index.html'))) throw new Error('no built client: run "npm run build" before the map benchmark');
  const dir = mkdtempSync(join(tmpdir(), 'ntm-bench-'));
  const db = openDatabase(join(dir, 'app.db'));
  migrate(db);
  seedDatabase(db, readGeodata(GEODATA_DIR));
  const app = createApp({ db, config: { clientDir: CLIENT_DIR, geodataDir: GEODATA_DIR } });
  const bare = new Hono().use(staticFiles(BARE_DIR, BARE_PATH));
  const fetch = (req: Request) => (new URL(req.url).pathname.startsWith(BARE_PATH) ? bare.fetch(req) : app.fetch(req));
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    app,
    stop: async () => {
      await new Promise((r) => server.close(r));
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
