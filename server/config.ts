import { dirname, join, resolve } from 'node:path';
import { type AuthConfig, DEFAULT_AUTH_CONFIG } from './auth/config.ts';
import { type ImportLimits, readImportLimits } from './imports/limits.ts';
import type { BasemapConfig } from './catalog/resources.ts';
import type { BackupSchedule } from './db/backup-schedule.ts';

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
  /** Logins and sessions (REQUIRE_LOGIN, TRUST_PROXY, PUBLIC_ORIGIN, SESSION_*, LOGIN_*); see server/auth/config.ts. */
  auth: AuthConfig;
  /** Automatic daily backups: BACKUP_DIR (default: backups/ beside the database), BACKUP_KEEP_DAYS (default 14; 0 = off). */
  backup: BackupSchedule;
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
  const port = env.PORT === undefined ? 8787 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number (0–65535), got "${env.PORT}"`);
  const dbPath = resolve(root, env.DB_PATH ?? 'data/app.db');
  return {
    port,
    dbPath,
    geodataDir: resolve(root, env.GEODATA_DIR ?? 'geodata'),
    clientDir: resolve(root, env.CLIENT_DIR ?? 'dist/client'),
    basemap: env.BASEMAP_URL ? { tiles: [env.BASEMAP_URL], attribution: env.BASEMAP_ATTRIBUTION ?? '' } : null,
    auth: readAuthConfig(env),
    imports: readImportLimits(env),
    backup: { dir: env.BACKUP_DIR ? resolve(root, env.BACKUP_DIR) : join(dirname(dbPath), 'backups'), keepDays: whole(env, 'BACKUP_KEEP_DAYS', 14, 0, 3650) },
  };
}
