import { describe, expect, it } from 'vitest';
import { LOGIN_FAILED } from '../../server/routes/session.ts';
import { authTestApp, cookieOf, errorOf, PASSWORD } from '../helpers/auth.ts';
import { COMMAND_LINE } from '../../server/auth/account-log.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const json = { 'Content-Type': 'application/json' };
const loginBody = (login: string, password = PASSWORD) => JSON.stringify({ login, password });

describe('logging in and out', () => {
  it('GET /api/session: anonymous by default, reading stays public', async () => {
    const { app } = authTestApp();
    const res = await app.request('/api/session');
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(await res.json()).toEqual({ loginRequired: false, user: null, via: null, csrfToken: null, expiresAt: null });
    expect((await app.request('/api/stats')).status).toBe(200);
  });

  it('logs in with a session cookie that is HttpOnly, SameSite=Lax, Path=/, and says who, with role, scope and CSRF token', async () => {
    const t = authTestApp();
    await t.addUser('lan', 'editor', { programmes: ['ntm'], units: [{ set: '2020', code: '095' }] });
    const res = await t.app.request('/api/session', { method: 'POST', headers: json, body: loginBody('Lan') });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('Set-Cookie')!;
    expect(cookie).toMatch(/^session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Secure'); // plain HTTP: see the HTTPS test below
    const body = await res.json();
    expect(body.user).toEqual({ id: 1, login: 'lan', name: 'lan', role: 'editor', programmes: ['ntm'], units: [{ set: '2020', code: '095' }] });
    expect(body.via).toBe('session');
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.expiresAt).toEqual({ idle: new Date(t.now() + 30 * MINUTE).toISOString(), absolute: new Date(t.now() + 12 * HOUR).toISOString() });

    const me = await (await t.app.request('/api/session', { headers: { Cookie: cookieOf(res)! } })).json();
    expect(me.user.login).toBe('lan');
    expect(me.csrfToken).toBe(body.csrfToken);
  });

  it('stores only a hash of the session id', async () => {
    const t = authTestApp();
    await t.addUser('lan', 'viewer');
    const c = await t.login('lan');
    const id = c.cookie!.split('=')[1];
    const rows = t.db.prepare('SELECT * FROM sessions').all() as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(id);
    expect(rows[0].id_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives a new session id at every login and ends the one the browser came with', async () => {
    const t = authTestApp();
    await t.addUser('lan', 'viewer');
    const first = await t.login('lan');
    const again = await first.request('POST', '/api/session', { login: 'lan', password: PASSWORD });
    expect(again.status).toBe(200);
    const second = cookieOf(again)!;
    expect(second).not.toBe(first.cookie);
    expect((await (await first.request('GET', '/api/session')).json()).user).toBeNull();
    expect((await (await t.client(second, null).request('GET', '/api/session')).json()).user.login).toBe('lan');
  });

  it('logs out: the session ends on the server and the cookie is cleared', async () => {
    const t = authTestApp();
    await t.addUser('lan', 'editor', { programmes: ['ntm'] });
    const c = await t.login('lan');
    const res = await c.request('DELETE', '/api/session');
    expect(res.status).toBe(200);
    expect(res.headers.get('Set-Cookie')).toMatch(/^session=; Max-Age=0/);
    expect((await res.json()).user).toBeNull();
    // The old cookie, replayed, no longer opens anything.
    expect((await (await c.request('GET', '/api/session')).json()).user).toBeNull();
    expect(t.db.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 0 });
  });

  it('fails with one generic message for a wrong password, an unknown login and a disabled account', async () => {
    const t = authTestApp();
    const u = await t.addUser('lan', 'editor');
    await t.addUser('minh', 'viewer');
    await t.auth.accounts.update(u.id, { disabled: true }, COMMAND_LINE);
    const tries = [loginBody('minh', 'not the right password'), loginBody('nobody'), loginBody('lan')];
    for (const body of tries) {
      const res = await t.app.request('/api/session', { method: 'POST', headers: json, body });
      expect(await errorOf(res)).toEqual({ status: 401, body: { error: { code: 'login_failed', message: LOGIN_FAILED } } });
      expect(res.headers.get('Set-Cookie')).toBeNull();
    }
  });

  it('rejects malformed login bodies with 400/415 naming the problem', async () => {
    const { app } = authTestApp();
    const post = (body: string, headers: Record<string, string> = json) => app.request('/api/session', { method: 'POST', headers, body });
    expect(await errorOf(await post('{}'))).toMatchObject({ status: 400, body: { error: { code: 'invalid_body', message: expect.stringMatching(/^login/) } } });
    expect(await errorOf(await post('{"login":"a","password":"b","admin":true}'))).toMatchObject({ status: 400, body: { error: { code: 'invalid_body' } } });
    expect(await errorOf(await post('{nope'))).toMatchObject({ status: 400, body: { error: { code: 'malformed_json' } } });
    expect(await errorOf(await post(loginBody('lan'), { 'Content-Type': 'text/plain' }))).toMatchObject({
      status: 415,
      body: { error: { code: 'unsupported_media_type' } },
    });
    expect(await errorOf(await post(JSON.stringify({ login: 'a', password: 'x'.repeat(20_000) })))).toMatchObject({ status: 413 });
  });
});

describe('session expiry (injectable clock)', () => {
  it('ends a session after 30 minutes without a request; each request restarts the idle clock', async () => {
    const t = authTestApp();
    await t.addUser('lan', 'viewer');
    const c = await t.login('lan');
    t.advance(29 * MINUTE);
    expect((await (await c.request('GET', '/api/session')).json()).user?.login).toBe('lan');
    t.advance(29 * MINUTE);
    expect((await (await c.request('GET', '/api/session')).json()).user?.login).toBe('lan');
    t.advance(30 * MINUTE);
    const res = await c.request('GET', '/api/session');
    expect((await res.json()).user).toBeNull();
    expect(res.headers.get('Set-Cookie')).toMatch(/^session=; Max-Age=0/);
    expect(t.db.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 0 });
  });

  it('ends a session 12 hours after login however active it is', async () => {
    const t = authTestApp();
    await t.addUser('lan', 'viewer');
    const c = await t.login('lan');
    for (let i = 0; i < 47; i++) {
      t.advance(15 * MINUTE);
      expect((await (await c.request('GET', '/api/session')).json()).user?.login).toBe('lan');
    }
    t.advance(15 * MINUTE); // 12 h after login
    expect((await (await c.request('GET', '/api/session')).json()).user).toBeNull();
  });

  it('takes both limits from the configuration (SESSION_IDLE_MINUTES, SESSION_MAX_HOURS)', async () => {
    const t = authTestApp({ sessionIdleMinutes: 5, sessionMaxHours: 1 });
    await t.addUser('lan', 'viewer');
    const c = await t.login('lan');
    t.advance(5 * MINUTE);
    expect((await (await c.request('GET', '/api/session')).json()).user).toBeNull();
    const d = await t.login('lan');
    for (let i = 0; i < 14; i++) {
      t.advance(4 * MINUTE);
      expect((await (await d.request('GET', '/api/session')).json()).user?.login).toBe('lan');
    }
    t.advance(4 * MINUTE); // 60 minutes after login
    expect((await (await d.request('GET', '/api/session')).json()).user).toBeNull();
  });
});

describe('login throttling', () => {
  it('after 10 failures for one account, refuses even the right password with 429 until the window passes', async () => {
    const t = authTestApp();
    await t.addUser('lan', 'editor');
    const attempt = (password: string) => t.app.request('/api/session', { method: 'POST', headers: json, body: loginBody('lan', password) });
    for (let i = 0; i < 10; i++) expect((await attempt(`wrong guess number ${i}`)).status).toBe(401);
    const refused = await attempt(PASSWORD);
    expect(await errorOf(refused)).toEqual({
      status: 429,
      body: { error: { code: 'too_many_attempts', message: 'Too many failed logins; try again in 900 s' } },
    });
    expect(refused.headers.get('Retry-After')).toBe('900');
    t.advance(15 * MINUTE);
    expect((await attempt(PASSWORD)).status).toBe(200);
  });

  it('throttles a login that does not exist exactly like one that does (nothing to learn about accounts)', async () => {
    const t = authTestApp({ loginMaxFailures: 3 });
    const attempt = () => t.app.request('/api/session', { method: 'POST', headers: json, body: loginBody('nobody') });
    for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(401);
    expect((await attempt()).status).toBe(429);
  });

  it('throttles one address trying many accounts (TRUST_PROXY: the address the proxy appended)', async () => {
    const t = authTestApp({ trustProxy: true, loginMaxFailuresPerAddress: 5 });
    await t.addUser('lan', 'viewer');
    const from = (address: string, login: string, password = 'wrong password here') =>
      t.app.request('/api/session', { method: 'POST', headers: { ...json, 'X-Forwarded-For': `10.9.9.9, ${address}` }, body: loginBody(login, password) });
    for (let i = 0; i < 5; i++) expect((await from('198.51.100.1', `user${i}`)).status).toBe(401);
    expect((await from('198.51.100.1', 'lan', PASSWORD)).status).toBe(429);
    expect((await from('198.51.100.2', 'lan', PASSWORD)).status).toBe(200);
  });

  it('a successful login clears the account’s count; an admin can clear it (npm run user -- unlock)', async () => {
    const t = authTestApp({ loginMaxFailures: 3 });
    await t.addUser('lan', 'viewer');
    const attempt = (password: string) => t.app.request('/api/session', { method: 'POST', headers: json, body: loginBody('lan', password) });
    await attempt('wrong password one');
    await attempt('wrong password two');
    expect((await attempt(PASSWORD)).status).toBe(200);
    for (let i = 0; i < 3; i++) await attempt('wrong again and again');
    expect((await attempt(PASSWORD)).status).toBe(429);
    t.auth.throttle.clear('lan');
    expect((await attempt(PASSWORD)).status).toBe(200);
  });
});

describe('login lockouts in the audit log (sign-ins are not: each user’s last login is on the users page)', () => {
  type Entry = { id: number; action: string; entity: string; entityId: string; userId: number | null; userLogin: string; before: any; after: any };
  const setUp = async () => {
    const t = authTestApp({ loginMaxFailures: 3, trustProxy: true });
    const lan = await t.addUser('lan', 'viewer');
    await t.addUser('root1', 'admin');
    const attempt = (login: string, password: string) =>
      t.app.request('/api/session', { method: 'POST', headers: { ...json, 'X-Forwarded-For': '198.51.100.7' }, body: loginBody(login, password) });
    const audit = async (query: string): Promise<Entry[]> => (await (await (await t.login('root1')).request('GET', `/api/audit${query}`)).json()).entries;
    return { t, lan, attempt, audit };
  };

  it('an account locked by failed logins is logged once per lock, by the login throttle, without what was typed; listed only when asked for', async () => {
    const { t, lan, attempt, audit } = await setUp();
    const start = t.now();
    for (const i of [1, 2, 3]) {
      expect((await attempt('lan', `wrong password number ${i}`)).status).toBe(401);
      t.advance(MINUTE);
    }
    expect((await attempt('lan', PASSWORD)).status).toBe(429);
    // The same for a login that is no account: throttled alike, logged never (what was typed may be a password).
    for (const i of [1, 2, 3]) expect((await attempt('lan-typo', `password in the login field ${i}`)).status).toBe(401);
    expect((await attempt('lan-typo', PASSWORD)).status).toBe(429);

    const [lock] = await audit('?entity=lockout');
    expect(await audit('?entity=lockout')).toHaveLength(1);
    expect(lock).toMatchObject({
      action: 'create',
      entity: 'lockout',
      entityId: String(lan.id),
      userId: null,
      userLogin: 'login throttle',
      before: null,
      after: { user: 'lan', failures: 3, lockedUntil: new Date(start + 15 * MINUTE).toISOString(), address: '198.51.100.7' },
    });
    // Not among the changes an admin reads unless asked for: failed logins are anyone's to make.
    expect((await audit('')).map((e) => e.entity)).not.toContain('lockout');
    expect((await audit('?user=login%20throttle')).map((e) => e.entity)).not.toContain('lockout');

    // The oldest failure leaves the window and one more locks the account again: the same lockout, not logged twice.
    t.advance(12 * MINUTE);
    expect((await attempt('lan', 'wrong password number 4')).status).toBe(401);
    expect((await attempt('lan', PASSWORD)).status).toBe(429);
    expect(await audit('?entity=lockout')).toHaveLength(1);
    // A window after the logged one, a new lock is logged.
    t.advance(16 * MINUTE);
    for (const i of [5, 6, 7]) await attempt('lan', `wrong password number ${i}`);
    expect((await audit('?entity=lockout')).map((e) => e.action)).toEqual(['create', 'create']);

    // Never in a public history, never reverted.
    expect((await t.app.request(`/api/history?entity=lockout&entityId=${lan.id}`)).status).toBe(400);
    const revert = await (await t.login('root1')).request('POST', `/api/audit/${lock.id}/revert`, { reason: 'nhầm' });
    expect(await errorOf(revert)).toMatchObject({
      status: 409,
      body: { error: { code: 'conflict', message: expect.stringContaining('npm run user -- unlock') } },
    });

    const logged = JSON.stringify(t.db.prepare('SELECT * FROM audit_log').all());
    expect(logged).not.toMatch(/wrong password|password in the login field|lan-typo|\$argon2/);
    expect(logged).not.toContain(PASSWORD);
  });

  it('a successful login is no audit entry: its time is the account’s last login, on the admins’ users page', async () => {
    const { t, lan, audit } = await setUp();
    t.advance(MINUTE);
    await t.login('lan');
    const loggedIn = new Date(t.now()).toISOString();
    const root = await t.login('root1');
    expect((await (await root.request('GET', `/api/users/${lan.id}`)).json()).lastLoginAt).toBe(loggedIn);
    expect((await audit('')).filter((e) => e.userLogin !== 'command line')).toEqual([]);
  });

  it('unlocking (npm run user -- unlock) ends the lockout, logged by who did it; nothing to clear logs nothing', async () => {
    const { t, lan, attempt, audit } = await setUp();
    expect(t.auth.unlock(lan, COMMAND_LINE)).toBe(0);
    for (const i of [1, 2, 3]) await attempt('lan', `wrong password number ${i}`);
    expect((await attempt('lan', PASSWORD)).status).toBe(429);
    expect(t.auth.unlock(lan, COMMAND_LINE)).toBe(3);
    expect((await attempt('lan', PASSWORD)).status).toBe(200);
    const [unlock, lock] = await audit('?entity=lockout');
    expect(unlock).toMatchObject({
      action: 'delete',
      entity: 'lockout',
      entityId: String(lan.id),
      userId: null,
      userLogin: 'command line',
      before: { user: 'lan', failures: 3, lockedUntil: lock.after.lockedUntil },
      after: null,
    });
    // Locked again after the unlock: a new lockout, logged although the last was less than a window ago.
    for (const i of [4, 5, 6]) await attempt('lan', `wrong password number ${i}`);
    expect((await audit('?entity=lockout')).map((e) => e.action)).toEqual(['create', 'delete', 'create']);
  });
});

describe('CSRF protection', () => {
  it('refuses a cookie-authenticated write without the session’s X-CSRF-Token, or with another one', async () => {
    const t = authTestApp();
    await t.addUser('lan', 'editor');
    const c = await t.login('lan');
    for (const token of [undefined, 'forged', (await t.login('lan')).csrfToken!]) {
      const headers: Record<string, string> = { Cookie: c.cookie! };
      if (token) headers['X-CSRF-Token'] = token;
      const res = await t.app.request('/api/session', { method: 'DELETE', headers });
      expect(await errorOf(res)).toMatchObject({ status: 403, body: { error: { code: 'csrf_failed', message: expect.stringContaining('X-CSRF-Token') } } });
    }
    expect((await (await c.request('GET', '/api/session')).json()).user?.login).toBe('lan');
  });

  it('refuses a write from another origin, even with the right token, and a login posted from another site', async () => {
    const t = authTestApp();
    await t.addUser('lan', 'editor');
    const c = await t.login('lan');
    const res = await c.request('DELETE', '/api/session', undefined, { Origin: 'https://evil.example' });
    expect(await errorOf(res)).toMatchObject({
      status: 403,
      body: { error: { code: 'csrf_failed', message: expect.stringContaining('https://evil.example') } },
    });
    const login = await t.app.request('/api/session', { method: 'POST', headers: { ...json, 'Sec-Fetch-Site': 'cross-site' }, body: loginBody('lan') });
    expect(await errorOf(login)).toMatchObject({ status: 403, body: { error: { code: 'csrf_failed' } } });
    const sameOrigin = await t.app.request('/api/session', { method: 'POST', headers: { ...json, Origin: 'http://localhost' }, body: loginBody('lan') });
    expect(sameOrigin.status).toBe(200);
  });

  it('compares the Origin with PUBLIC_ORIGIN when set', async () => {
    const t = authTestApp({ publicOrigin: 'https://ntm.example.vn' });
    await t.addUser('lan', 'viewer');
    const post = (origin: string) => t.app.request('/api/session', { method: 'POST', headers: { ...json, Origin: origin }, body: loginBody('lan') });
    expect((await post('http://localhost')).status).toBe(403);
    expect((await post('https://ntm.example.vn')).status).toBe(200);
  });
});

describe('cookies behind HTTPS', () => {
  it('with TRUST_PROXY and X-Forwarded-Proto: https, the cookie is __Host-session with Secure', async () => {
    const t = authTestApp({ trustProxy: true });
    await t.addUser('lan', 'viewer');
    const https = { ...json, 'X-Forwarded-Proto': 'https' };
    const res = await t.app.request('/api/session', { method: 'POST', headers: https, body: loginBody('lan') });
    const cookie = res.headers.get('Set-Cookie')!;
    expect(cookie).toMatch(/^__Host-session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('Secure');
    expect(cookie).toContain('HttpOnly');
    const me = await t.app.request('/api/session', { headers: { 'X-Forwarded-Proto': 'https', Cookie: cookieOf(res)! } });
    expect((await me.json()).user.login).toBe('lan');
  });

  it('without TRUST_PROXY, a forged X-Forwarded-Proto changes nothing', async () => {
    const t = authTestApp();
    await t.addUser('lan', 'viewer');
    const res = await t.app.request('/api/session', { method: 'POST', headers: { ...json, 'X-Forwarded-Proto': 'https' }, body: loginBody('lan') });
    expect(res.headers.get('Set-Cookie')).toMatch(/^session=/);
  });
});

describe('REQUIRE_LOGIN=1', () => {
  it('every API but logging in and health needs a login; a viewer then reads', async () => {
    const t = authTestApp({ requireLogin: true });
    await t.addUser('minh', 'viewer');
    for (const path of ['/api/stats', '/api/communes', '/api/base/province', '/api/units?set=2025', '/api/timeline', '/api/config', '/api/users']) {
      const res = await t.app.request(path);
      expect(await errorOf(res)).toMatchObject({
        status: 401,
        body: { error: { code: 'login_required', message: expect.stringContaining(path.split('?')[0]) } },
      });
    }
    expect((await t.app.request('/api/health')).status).toBe(200);
    expect((await (await t.app.request('/api/session')).json()).loginRequired).toBe(true);
    const viewer = await t.login('minh');
    expect((await viewer.request('GET', '/api/stats')).status).toBe(200);
    expect((await viewer.request('GET', '/api/communes')).status).toBe(200);
  });

  it('covers the OGC API too: anonymous 401, a viewer’s session or API token reads', async () => {
    const t = authTestApp({ requireLogin: true });
    const minh = await t.addUser('minh', 'viewer');
    for (const path of ['/ogc', '/ogc/collections', '/ogc/conformance']) {
      expect(await errorOf(await t.app.request(path))).toMatchObject({ status: 401, body: { error: { code: 'login_required' } } });
    }
    const viewer = await t.login('minh');
    expect((await viewer.request('GET', '/ogc/collections')).status).toBe(200);
    const { token } = t.auth.tokens.issue(minh.id, 'qgis', 30);
    expect((await t.app.request('/ogc/collections', { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
  });
});
