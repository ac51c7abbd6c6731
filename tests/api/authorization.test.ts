import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { authorizeEdit, requireEdit, requireRole } from '../../server/auth/authorize.ts';
import type { AuthEnv } from '../../server/auth/middleware.ts';
import { provinceQueries } from '../../server/db/province.ts';
import { authTestApp, errorOf } from '../helpers/auth.ts';
import { COMMAND_LINE } from '../../server/auth/account-log.ts';

/**
 * The authorization layer, through a small protected route mounted the way the data-editing
 * routes will be: behind the app's own authentication and CSRF middleware.
 */
function withProbe(overrides = {}) {
  const t = authTestApp(overrides);
  const unitSets = () => provinceQueries(t.db).get().unitSets;
  const probe = new Hono<AuthEnv>()
    .post(
      '/ntm/:set/:code',
      requireEdit('ntm', unitSets, (c) => ({ set: c.req.param('set') as '2020', code: c.req.param('code') ?? '' })),
      (c) => c.json({ by: c.var.auth.user!.login }, 201),
    )
    .post('/targets', requireEdit('targets', unitSets), (c) => c.json({ ok: true }, 201))
    .post('/ocop', async (c) => {
      const { unit } = await c.req.json();
      const user = authorizeEdit(c, 'ocop', unitSets(), unit);
      return c.json({ by: user.login }, 201);
    })
    .post('/restore', requireRole('admin'), (c) => c.json({ ok: true }));
  t.app.route('/api/probe', probe);
  return t;
}

describe('who may write', () => {
  it('anonymous: 401 with the error envelope and WWW-Authenticate', async () => {
    const t = withProbe();
    for (const path of ['/api/probe/ntm/2020/03328', '/api/probe/targets', '/api/probe/restore']) {
      const res = await t.app.request(path, { method: 'POST' });
      expect(await errorOf(res)).toEqual({
        status: 401,
        body: { error: { code: 'unauthenticated', message: `POST ${path} needs a login (POST /api/session) or an API token` } },
      });
      expect(res.headers.get('WWW-Authenticate')).toBe('Bearer realm="api"');
    }
  });

  it('a viewer: 403', async () => {
    const t = withProbe();
    await t.addUser('minh', 'viewer');
    const minh = await t.login('minh');
    for (const path of ['/api/probe/ntm/2020/03328', '/api/probe/targets', '/api/probe/restore']) {
      expect(await errorOf(await minh.request('POST', path))).toMatchObject({
        status: 403,
        body: { error: { code: 'forbidden', message: expect.stringContaining('minh') } },
      });
    }
  });

  it('an editor: within programme and units only', async () => {
    const t = withProbe();
    await t.addUser('lan', 'editor', { programmes: ['ntm'], units: [{ set: '2020', code: '03328' }] });
    const lan = await t.login('lan');
    expect(await (await lan.request('POST', '/api/probe/ntm/2020/03328')).json()).toEqual({ by: 'lan' });
    expect(await errorOf(await lan.request('POST', '/api/probe/ntm/2020/03340'))).toEqual({
      status: 403,
      body: { error: { code: 'forbidden', message: 'lan (editor) may not edit ntm on unit 03340 of the 2020–2025 units' } },
    });
    expect((await lan.request('POST', '/api/probe/targets')).status).toBe(403);
    expect((await lan.request('POST', '/api/probe/ocop', { unit: { set: '2020', code: '03328' } })).status).toBe(403);
    expect((await lan.request('POST', '/api/probe/restore')).status).toBe(403);
  });

  it('an admin: everything', async () => {
    const t = withProbe();
    await t.addUser('root1', 'admin');
    const admin = await t.login('root1');
    expect((await admin.request('POST', '/api/probe/ntm/2020/03340')).status).toBe(201);
    expect((await admin.request('POST', '/api/probe/targets')).status).toBe(201);
    expect((await admin.request('POST', '/api/probe/ocop', { unit: { set: '2025', code: '03316' } })).status).toBe(201);
    expect((await admin.request('POST', '/api/probe/restore')).status).toBe(200);
  });

  it('an editor’s API token writes like the editor, with no CSRF token', async () => {
    const t = withProbe();
    const lan = await t.addUser('lan', 'editor', { programmes: ['ocop'] });
    const { token } = t.auth.tokens.issue(lan.id, 'qgis', 30);
    const res = await t.app.request('/api/probe/ocop', { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: JSON.stringify({}) });
    expect(await res.json()).toEqual({ by: 'lan' });
  });

  it('CSRF is checked before the route: a logged-in editor’s write without the token is refused', async () => {
    const t = withProbe();
    await t.addUser('lan', 'editor', { programmes: ['ntm'] });
    const lan = await t.login('lan');
    const res = await t.app.request('/api/probe/ntm/2020/03328', { method: 'POST', headers: { Cookie: lan.cookie! } });
    expect(await errorOf(res)).toMatchObject({ status: 403, body: { error: { code: 'csrf_failed' } } });
  });

  it('reads the user afresh on each request: a role taken away applies at once', async () => {
    const t = withProbe();
    const lan = await t.addUser('lan', 'editor', { programmes: ['ntm'] });
    const c = await t.login('lan');
    expect((await c.request('POST', '/api/probe/targets')).status).toBe(403);
    expect((await c.request('POST', '/api/probe/ntm/2020/03328')).status).toBe(201);
    await t.auth.accounts.update(lan.id, { role: 'viewer' }, COMMAND_LINE);
    expect((await c.request('POST', '/api/probe/ntm/2020/03328')).status).toBe(403);
  });
});
