import { dirname, join, resolve } from 'node:path';
import { type AuthConfig, DEFAULT_AUTH_CONFIG } from './auth/config.ts';
import { type ImportLimits, readImportLimits } from './imports/limits.ts';
import type { BasemapConfig } from './catalog/resources.ts';
import type { BackupSchedule } from './db/backup-schedule.ts';
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
  /** Logins and sessions (REQUIRE_LOGIN, TRUST_PROXY, PUBLIC_ORIGIN, SESSION_*, LOGIN_*); see server/auth/config.ts. */
  auth: AuthConfig;
  /** Automatic daily backups: BACKUP_DIR (default: backups/ beside the database), BACKUP_KEEP_DAYS (default 14; 0 = off). */
  backup: BackupSchedule;
  /** Folder of a generated synthetic national dataset served as vector tiles (NATIONAL_DIR; see scripts/national). @default null (no tiles) */
  nationalDir: string | null;
  /** Limits on imports (IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, IMPORT_MAX_VERTICES, …); see server/imports/limits.ts. */
  imports: ImportLimits;
}

/** A 0/1 switch; an unset variable takes the default. */
function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  throw new Error(`${name} must be 1 or 0, got "${raw}"`);
}

/** A whole number within bounds; an unset variable takes the default. */
function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return n;
}

function origin(env: NodeJS.ProcessEnv, name: string): string | null {
  const raw = env[name];
  if (!raw) return null;
  const url = URL.canParse(raw) ? new URL(raw) : null;
  if (!url || !/^https?:$/.test(url.protocol) || url.origin !== raw.replace(/\/$/, '')) {
    throw new Error(`${name} must be an origin such as https://ntm.example.vn (scheme, host and port only), got "${raw}"`);
  }
  return url.origin;
}

export function readAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const d = DEFAULT_AUTH_CONFIG;
  return {
    requireLogin: flag(env, 'REQUIRE_LOGIN', d.requireLogin),
    trustProxy: flag(env, 'TRUST_PROXY', d.trustProxy),
    publicOrigin: origin(env, 'PUBLIC_ORIGIN'),
    sessionIdleMinutes: whole(env, 'SESSION_IDLE_MINUTES', d.sessionIdleMinutes, 1, 7 * 24 * 60),
    sessionMaxHours: whole(env, 'SESSION_MAX_HOURS', d.sessionMaxHours, 1, 30 * 24),
    loginMaxFailures: whole(env, 'LOGIN_MAX_FAILURES', d.loginMaxFailures, 1, 1000),
    loginMaxFailuresPerAddress: whole(env, 'LOGIN_MAX_FAILURES_PER_ADDRESS', d.loginMaxFailuresPerAddress, 1, 100_000),
    loginWindowMinutes: whole(env, 'LOGIN_WINDOW_MINUTES', d.loginWindowMinutes, 1, 24 * 60),
  };
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): Config {
  const dbPath = resolve(root, env.DB_PATH || 'data/app.db');
  return {
    host: env.HOST || '127.0.0.1',
    port: whole(env, 'PORT', 8787, 0, 65535),
    dbPath,
    geodataDir: resolve(root, env.GEODATA_DIR || 'geodata'),
    clientDir: resolve(root, env.CLIENT_DIR || 'dist/client'),
    basemap: env.BASEMAP_URL ? { tiles: [basemapTemplate(env.BASEMAP_URL)], attribution: env.BASEMAP_ATTRIBUTION ?? '' } : null,
    cacheMaxBytes: whole(env, 'CACHE_MAX_MB', CACHE_MAX_BYTES_DEFAULT / 2 ** 20, 1, 16384) * 2 ** 20,
    frameAncestors: frameAncestors(env.FRAME_ANCESTORS),
    limits: {
      headersTimeoutMs: whole(env, 'HEADERS_TIMEOUT_MS', 10_000, 1000, 600_000),
      requestTimeoutMs: whole(env, 'REQUEST_TIMEOUT_MS', 60_000, 1000, 3_600_000),
      keepAliveTimeoutMs: whole(env, 'KEEP_ALIVE_TIMEOUT_MS', 5000, 1000, 600_000),
      maxConnections: whole(env, 'MAX_CONNECTIONS', 1024, 1, 1_000_000),
    },
    shutdownGraceMs: whole(env, 'SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
    auth: readAuthConfig(env),
    imports: readImportLimits(env),
    nationalDir: env.NATIONAL_DIR ? resolve(root, env.NATIONAL_DIR) : null,
    backup: { dir: env.BACKUP_DIR ? resolve(root, env.BACKUP_DIR) : join(dirname(dbPath), 'backups'), keepDays: whole(env, 'BACKUP_KEEP_DAYS', 14, 0, 3650) },
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
