/** How accounts, sessions and logins behave; read from the environment by server/config.ts. */
export interface AuthConfig {
  /** Every page's data and every API call needs a login (private deployments). @default false */
  requireLogin: boolean;
  /**
   * One reverse proxy stands in front: trust its X-Forwarded-Proto (HTTPS → Secure cookies) and
   * the last address of X-Forwarded-For (throttling). @default false
   */
  trustProxy: boolean;
  /** The origin browsers use (e.g. `https://ntm.example.vn`); null derives it from each request. @default null */
  publicOrigin: string | null;
  /** A session ends after this long without a request. @default 30 (minutes) */
  sessionIdleMinutes: number;
  /** A session ends this long after login, however active. @default 12 (hours) */
  sessionMaxHours: number;
  /** Failed logins for one account within the window before further attempts wait. @default 10 */
  loginMaxFailures: number;
  /** Failed logins from one address within the window before further attempts wait. @default 50 */
  loginMaxFailuresPerAddress: number;
  /** The sliding window failed logins are counted in. @default 15 (minutes) */
  loginWindowMinutes: number;
}

export const DEFAULT_AUTH_CONFIG: AuthConfig = {
  requireLogin: false,
  trustProxy: false,
  publicOrigin: null,
  sessionIdleMinutes: 30,
  sessionMaxHours: 12,
  loginMaxFailures: 10,
  loginMaxFailuresPerAddress: 50,
  loginWindowMinutes: 15,
};

/** Milliseconds since the epoch; injected so tests can move time. */
export type Clock = () => number;
