import type { Hono } from 'hono';
import type { Database } from 'better-sqlite3';
import { createApp } from '../../server/app.ts';
import { createAuth } from '../../server/auth/auth.ts';
import { type AuthConfig, DEFAULT_AUTH_CONFIG } from '../../server/auth/config.ts';
import type { Programme, Role, UnitRef } from '../../server/domain/access.ts';
import { GEODATA_DIR, seededDatabase } from './test-app.ts';
import { COMMAND_LINE } from '../../server/auth/account-log.ts';

/** A password that passes the policy; every test user gets it unless told otherwise. */
export const PASSWORD = 'ruộng bậc thang Mù Cang Chải';

export type TestApp = Hono<any, any, any>;

/**
 * The app on a fresh seeded database with a clock the test moves (`advance`), helpers to add
 * users and to log in, and requests that carry the session cookie and CSRF token like the client.
 */
export function authTestApp(overrides: Partial<AuthConfig> = {}, db: Database = seededDatabase(), clientDir: string | null = null) {
  let now = Date.UTC(2025, 6, 1, 8, 0, 0);
  const clock = () => now;
  const config = { ...DEFAULT_AUTH_CONFIG, ...overrides };
  const app: TestApp = createApp({ db, config: { clientDir, geodataDir: GEODATA_DIR, auth: config }, clock });
  const auth = createAuth(db, config, clock);

  /** Adds a user; an editor needs a programme, NTM unless the scope names others. */
  const addUser = (login: string, role: Role, scope: { programmes?: Programme[]; units?: UnitRef[] } = {}, password = PASSWORD) =>
    auth.accounts.create(
      { login, name: login, role, password, programmes: scope.programmes ?? (role === 'editor' ? ['ntm'] : []), units: scope.units ?? [] },
      COMMAND_LINE,
    );

  /** Logs in; returns a client whose requests carry the cookie and the CSRF token. */
  async function login(loginName: string, password = PASSWORD, headers: Record<string, string> = {}) {
    const res = await app.request('/api/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ login: loginName, password }),
    });
    if (res.status !== 200) throw new Error(`login of ${loginName} answered ${res.status}: ${await res.text()}`);
    const body = await res.json();
    return client(cookieOf(res)!, body.csrfToken as string);
  }

  function client(cookie: string | null, csrfToken: string | null) {
    return {
      cookie,
      csrfToken,
      request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
        const h: Record<string, string> = { ...headers };
        if (cookie) h.Cookie = cookie;
        if (csrfToken && method !== 'GET') h['X-CSRF-Token'] ??= csrfToken;
        if (body !== undefined) h['Content-Type'] ??= 'application/json';
        return app.request(path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
      },
    };
  }

  return { app, db, auth, addUser, login, client, advance: (ms: number) => (now += ms), now: () => now };
}

/** `name=value` of the response's Set-Cookie, as a browser would send it back. */
export function cookieOf(res: Response): string | null {
  const set = res.headers.get('Set-Cookie');
  return set ? set.split(';')[0] : null;
}

export async function errorOf(res: Response) {
  return { status: res.status, body: await res.json() };
}
