import { resolve } from 'node:path';
import type { BasemapConfig } from './catalog/resources.ts';
import { CACHE_MAX_BYTES_DEFAULT } from './http/cached-response.ts';
import type { ServerLimits } from './http/server-limits.ts';

/** Runtime configuration, read once from the environment by server/main.ts. */
export interface Config {
  /** Interface to listen on; 0.0.0.0 for every interface (behind a reverse proxy). @default 127.0.0.1 */
  host: string;
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
  /** Response cache budget in bytes (CACHE_MAX_MB). @default 32 MiB */
  cacheMaxBytes: number;
  /** Who may embed the map in a frame: CSP frame-ancestors sources (FRAME_ANCESTORS). @default ['self'] */
  frameAncestors: string[];
  /** Timeouts and the connection cap of the HTTP server. */
  limits: ServerLimits;
  /** How long in-flight requests may run on SIGTERM/SIGINT before their connections are cut (SHUTDOWN_GRACE_MS). @default 10 s */
  shutdownGraceMs: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): Config {
  const int = integerFrom(env);
  return {
    host: env.HOST || '127.0.0.1',
    port: int('PORT', 8787, 0, 65535),
    dbPath: resolve(root, env.DB_PATH || 'data/app.db'),
    geodataDir: resolve(root, env.GEODATA_DIR || 'geodata'),
    clientDir: resolve(root, env.CLIENT_DIR || 'dist/client'),
    basemap: env.BASEMAP_URL ? { tiles: [basemapTemplate(env.BASEMAP_URL)], attribution: env.BASEMAP_ATTRIBUTION ?? '' } : null,
    cacheMaxBytes: int('CACHE_MAX_MB', CACHE_MAX_BYTES_DEFAULT / 2 ** 20, 1, 16384) * 2 ** 20,
    frameAncestors: frameAncestors(env.FRAME_ANCESTORS),
    limits: {
      headersTimeoutMs: int('HEADERS_TIMEOUT_MS', 10_000, 1000, 600_000),
      requestTimeoutMs: int('REQUEST_TIMEOUT_MS', 60_000, 1000, 3_600_000),
      keepAliveTimeoutMs: int('KEEP_ALIVE_TIMEOUT_MS', 5000, 1000, 600_000),
      maxConnections: int('MAX_CONNECTIONS', 1024, 1, 1_000_000),
    },
    shutdownGraceMs: int('SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
  };
}

/** Reads an integer variable within bounds, or its default when unset; anything else is an error naming the variable. */
function integerFrom(env: NodeJS.ProcessEnv) {
  return (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
    return value;
  };
}

/** BASEMAP_URL must be an http(s) tile template; its origin is allowed by the Content-Security-Policy. */
function basemapTemplate(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`BASEMAP_URL must be an http(s) URL template such as https://tiles.example.org/{z}/{x}/{y}.png, got "${raw}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`BASEMAP_URL must start with https:// or http://, got "${raw}"`);
  return raw;
}

/**
 * FRAME_ANCESTORS: space-separated `'self'`, `'none'` or origins (https://portal.example.vn,
 * https://*.example.vn). Anything else is refused, so the variable cannot inject CSP directives.
 */
function frameAncestors(raw: string | undefined): string[] {
  if (!raw?.trim()) return ["'self'"];
  const sources = raw.trim().split(/\s+/);
  for (const s of sources) {
    if (s !== "'self'" && s !== "'none'" && !/^https?:\/\/(\*\.)?[a-z0-9.-]+(:\d{1,5})?$/i.test(s)) {
      throw new Error(`FRAME_ANCESTORS takes 'self', 'none' or origins like https://portal.example.vn, separated by spaces; got "${s}"`);
    }
  }
  if (sources.includes("'none'") && sources.length > 1) throw new Error(`FRAME_ANCESTORS: 'none' cannot be combined with other sources, got "${raw}"`);
  return sources;
}
