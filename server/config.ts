import { resolve } from 'node:path';
import type { BasemapConfig } from './catalog/resources.ts';

/** Runtime configuration, read once from the environment by server/main.ts. */
export interface Config {
  /** @default 8787 */
  port: number;
  /** SQLite file; created and seeded on first start. @default data/app.db */
  dbPath: string;
  /** Folder the database is seeded from. @default geodata */
  geodataDir: string;
  /** Built client served at `/`. @default dist/client */
  clientDir: string;
  /**
   * Optional online raster basemap under our own layers: BASEMAP_URL is an XYZ tile template
   * ({z}/{x}/{y}), BASEMAP_ATTRIBUTION its credit. Off by default: the map works offline.
   */
  basemap: BasemapConfig | null;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): Config {
  const port = env.PORT === undefined ? 8787 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number (0–65535), got "${env.PORT}"`);
  return {
    port,
    dbPath: resolve(root, env.DB_PATH ?? 'data/app.db'),
    geodataDir: resolve(root, env.GEODATA_DIR ?? 'geodata'),
    clientDir: resolve(root, env.CLIENT_DIR ?? 'dist/client'),
    basemap: env.BASEMAP_URL ? { tiles: [env.BASEMAP_URL], attribution: env.BASEMAP_ATTRIBUTION ?? '' } : null,
  };
}
