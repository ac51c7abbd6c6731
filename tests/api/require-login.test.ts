import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authTestApp, errorOf } from '../helpers/auth.ts';
import { seededDatabase } from '../helpers/test-app.ts';

/**
 * A private deployment (REQUIRE_LOGIN=1): every route the app registers — read from `app.routes`,
 * so a route added later is covered with no change here — refuses an anonymous request with
 * `401 login_required` in the error envelope, whatever its method; only logging in and the health
 * check stay open, and the page's own files (no data) are still served.
 */
const dir = mkdtempSync(join(tmpdir(), 'ntm-private-'));
mkdirSync(join(dir, 'assets'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>client</title>');
writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');

const t = authTestApp({ requireLogin: true }, seededDatabase(), dir);

/** Open without a login: logging in and out, who am I (says a login is needed), and the probe. */
const OPEN = new Set(['GET /api/session', 'POST /api/session', 'DELETE /api/session', 'GET /api/health']);

/** A value for each path parameter, so a request reaches the route (the gate answers before the handler reads it). */
const SAMPLE: Record<string, string> = { code: '03346', collection: 'communes-2020', collectionId: 'communes-2020', featureId: '03346', year: '2020' };
const concrete = (path: string) =>
  path.replace(/:(\w+)(\{[^}]*\})?/g, (_, name: string) => SAMPLE[name] ?? (name === 'file' ? '1.pbf' : '1')).replace(/\/\*$/, '/x');

/** Every route once per method and path, as Hono registered them (middleware, method ALL, aside). */
const routes = [...new Set(t.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))].map((k) => {
  const [method, path] = k.split(' ') as [string, string];
  return { key: k, method, path, url: concrete(path) };
});

const anonymous = (method: string, url: string) =>
  t.app.request(url, method === 'GET' || method === 'HEAD' ? { method } : { method, headers: { 'Content-Type': 'application/json' }, body: '{}' });

describe('REQUIRE_LOGIN=1: every route of the app', () => {
  it('finds the routes from the app itself: the API, the OGC API, downloads, tiles, imports, edits', () => {
    const paths = routes.map((r) => r.path);
    expect(routes.length).toBeGreaterThan(40);
    for (const prefix of ['/api/communes', '/api/downloads', '/api/tiles', '/api/imports', '/api/edits', '/api/history', '/ogc/collections', '/ogc/api'])
      expect(paths.some((p) => p.startsWith(prefix))).toBe(true);
    // No data route outside /api and /ogc: everything else is the page's own files.
    expect(paths.filter((p) => !p.startsWith('/api/') && p !== '/ogc' && !p.startsWith('/ogc/'))).toEqual([]);
  });

  it('refuses every one anonymously with 401 login_required in the error envelope (and WWW-Authenticate), but logging in and health', async () => {
    const refused: string[] = [];
    for (const r of routes) {
      if (OPEN.has(r.key)) continue;
      const res = await anonymous(r.method, r.url);
      const { status, body } = await errorOf(res);
      if (status !== 401 || body?.error?.code !== 'login_required' || !body.error.message || !res.headers.get('WWW-Authenticate')?.startsWith('Bearer'))
        refused.push(`${r.method} ${r.url} → ${status} ${JSON.stringify(body).slice(0, 120)}`);
    }
    expect(refused).toEqual([]);
    expect((await t.app.request('/api/health')).status).toBe(200);
    expect(await (await t.app.request('/api/session')).json()).toMatchObject({ loginRequired: true, user: null });
  });

  it('refuses the same routes however the path is spelt: HEAD, a trailing slash, percent-encoding, dot segments, no such route', async () => {
    for (const url of [
      '/api',
      '/api/',
      '/api/communes/',
      '/api/nothing-here',
      '/%61pi/communes',
      '/api/%63ommunes',
      '/api/session/../communes',
      '/api/health/../communes',
      '/ogc/',
      '/ogc/collections/communes-2020/items?f=json',
      '/ogc/api?f=json',
    ]) {
      expect(await errorOf(await t.app.request(url)), url).toMatchObject({ status: 401, body: { error: { code: 'login_required' } } });
    }
    expect((await t.app.request('/api/communes', { method: 'HEAD' })).status).toBe(401);
  });

  it('still serves the page and its files, which hold no data (the page then shows only the login)', async () => {
    for (const path of ['/', '/index.html', '/assets/app.js']) expect((await t.app.request(path)).status, path).toBe(200);
  });

  it('lets a viewer’s session and API token reach every route they reached anonymously (the 401 was the gate’s)', async () => {
    const minh = await t.addUser('minh', 'viewer');
    const viewer = await t.login('minh');
    const { token } = t.auth.tokens.issue(minh.id, 'qgis', 30);
    for (const r of routes.filter((x) => x.method === 'GET' && !OPEN.has(x.key))) {
      expect((await viewer.request('GET', r.url)).status, r.url).not.toBe(401);
      expect((await t.app.request(r.url, { headers: { Authorization: `Bearer ${token}` } })).status, r.url).not.toBe(401);
    }
  });
});
