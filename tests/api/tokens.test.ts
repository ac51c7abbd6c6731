import { describe, expect, it } from 'vitest';
import { authTestApp, errorOf } from '../helpers/auth.ts';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('personal API tokens (for QGIS and scripts)', () => {
  it('is created once, shown once, stored only as a hash, and authenticates as its user', async () => {
    const t = authTestApp();
    await t.addUser('lan', 'editor', { programmes: ['zones'] });
    const c = await t.login('lan');
    const res = await c.request('POST', '/api/account/tokens', { name: 'QGIS ở văn phòng', expiresInDays: 90 });
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created.token).toMatch(/^dbm_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ name: 'QGIS ở văn phòng', prefix: created.token.slice(0, 10), lastUsedAt: null, revokedAt: null });
    expect(Date.parse(created.expiresAt) - t.now()).toBe(90 * 86_400_000);

    const stored = JSON.stringify(t.db.prepare('SELECT * FROM api_tokens').all());
    expect(stored).not.toContain(created.token);
    const listed = await (await c.request('GET', '/api/account/tokens')).json();
    expect(JSON.stringify(listed)).not.toContain(created.token);
    expect(listed.tokens).toHaveLength(1);

    const me = await t.app.request('/api/session', { headers: bearer(created.token) });
    expect(await me.json()).toMatchObject({ user: { login: 'lan', role: 'editor', programmes: ['zones'] }, via: 'token', csrfToken: null });
    expect((await (await c.request('GET', '/api/account/tokens')).json()).tokens[0].lastUsedAt).not.toBeNull();
  });

  it('is revoked by its user: the next request with it is a 401 with the error envelope', async () => {
    const t = authTestApp();
    await t.addUser('lan', 'editor');
    const c = await t.login('lan');
    const { id, token } = await (await c.request('POST', '/api/account/tokens', { name: 'qgis' })).json();
    expect((await t.app.request('/api/stats', { headers: bearer(token) })).status).toBe(200);
    const revoked = await (await c.request('DELETE', `/api/account/tokens/${id}`)).json();
    expect(revoked.revokedAt).toBe(new Date(t.now()).toISOString());
    const res = await t.app.request('/api/stats', { headers: bearer(token) });
    expect(await errorOf(res)).toMatchObject({ status: 401, body: { error: { code: 'invalid_token' } } });
    expect(res.headers.get('WWW-Authenticate')).toBe('Bearer error="invalid_token"');
  });

  it('is revoked by an admin; a user cannot see or revoke another user’s tokens', async () => {
    const t = authTestApp();
    const lan = await t.addUser('lan', 'editor');
    await t.addUser('minh', 'editor');
    await t.addUser('root1', 'admin');
    const { row, token } = t.auth.tokens.issue(lan.id, 'qgis', 30);
    const minh = await t.login('minh');
    expect(await errorOf(await minh.request('DELETE', `/api/account/tokens/${row.id}`))).toMatchObject({ status: 404 });
    expect((await (await minh.request('GET', '/api/account/tokens')).json()).tokens).toEqual([]);
    const admin = await t.login('root1');
    expect((await (await admin.request('GET', `/api/users/${lan.id}/tokens`)).json()).tokens).toHaveLength(1);
    expect((await admin.request('DELETE', `/api/users/${lan.id}/tokens/${row.id}`)).status).toBe(200);
    expect((await t.app.request('/api/stats', { headers: bearer(token) })).status).toBe(401);
  });

  it('is revoked by an admin one by one or all at once, each revocation in the audit log (never in a public history, never reverted)', async () => {
    const t = authTestApp();
    const lan = await t.addUser('lan', 'editor');
    await t.addUser('root1', 'admin');
    const laptop = t.auth.tokens.issue(lan.id, 'QGIS trên máy xách tay', 30);
    const office = t.auth.tokens.issue(lan.id, 'QGIS ở văn phòng', 30);
    const script = t.auth.tokens.issue(lan.id, 'script', 30);
    const admin = await t.login('root1');
    const listed = await (await admin.request('GET', `/api/users/${lan.id}/tokens`)).json();
    expect(listed.tokens.map((k: { name: string }) => k.name).sort()).toEqual(['QGIS trên máy xách tay', 'QGIS ở văn phòng', 'script']);
    expect(JSON.stringify(listed)).not.toContain(laptop.token);

    const one = await (await admin.request('DELETE', `/api/users/${lan.id}/tokens/${laptop.row.id}`)).json();
    expect(one).toMatchObject({ id: laptop.row.id, revokedAt: new Date(t.now()).toISOString() });
    expect((await t.app.request('/api/stats', { headers: bearer(laptop.token) })).status).toBe(401);
    expect((await t.app.request('/api/stats', { headers: bearer(office.token) })).status).toBe(200);
    // Again: still revoked, logged once.
    expect((await admin.request('DELETE', `/api/users/${lan.id}/tokens/${laptop.row.id}`)).status).toBe(200);

    const all = await (await admin.request('DELETE', `/api/users/${lan.id}/tokens`)).json();
    expect(all.revokedTokens).toBe(2);
    expect(all.tokens.every((k: { revokedAt: string | null }) => k.revokedAt !== null)).toBe(true);
    for (const k of [office, script]) expect((await t.app.request('/api/stats', { headers: bearer(k.token) })).status).toBe(401);
    expect((await (await admin.request('DELETE', `/api/users/${lan.id}/tokens`)).json()).revokedTokens).toBe(0);

    const { entries } = await (await admin.request('GET', '/api/audit?user=root1')).json();
    expect(entries.map((e: { entity: string; entityId: string; action: string }) => [e.action, e.entity, e.entityId])).toEqual([
      // Newest first; "all" revokes in the list's order, newest token first.
      ['retract', 'api_token', String(office.row.id)],
      ['retract', 'api_token', String(script.row.id)],
      ['retract', 'api_token', String(laptop.row.id)],
    ]);
    expect(entries[2]).toMatchObject({ userLogin: 'root1', before: { name: 'QGIS trên máy xách tay', user: 'lan', revokedAt: null } });
    expect(entries[2].after.revokedAt).not.toBeNull();
    expect(JSON.stringify(entries)).not.toMatch(/dbm_[A-Za-z0-9_-]{20}/);

    const history = await t.app.request(`/api/history?entityId=${laptop.row.id}`);
    expect(await errorOf(history)).toMatchObject({ status: 400, body: { error: { code: 'invalid_parameter', message: expect.stringContaining('entity') } } });
    const revert = await admin.request('POST', `/api/audit/${entries[2].id}/revert`, { reason: 'nhầm' });
    expect(await errorOf(revert)).toMatchObject({
      status: 409,
      body: { error: { code: 'conflict', message: expect.stringContaining(String(laptop.row.id)) } },
    });
    expect((await t.app.request('/api/stats', { headers: bearer(laptop.token) })).status).toBe(401);
  });

  it('a user revoking their own token is in the audit log too', async () => {
    const t = authTestApp();
    await t.addUser('lan', 'editor');
    await t.addUser('root1', 'admin');
    const c = await t.login('lan');
    const { id } = await (await c.request('POST', '/api/account/tokens', { name: 'qgis' })).json();
    await c.request('DELETE', `/api/account/tokens/${id}`);
    const { entries } = await (await (await t.login('root1')).request('GET', '/api/audit?user=lan')).json();
    expect(entries).toMatchObject([
      { action: 'retract', entity: 'api_token', entityId: String(id), userLogin: 'lan' },
      { action: 'create', entity: 'api_token', entityId: String(id), userLogin: 'lan' },
    ]);
  });

  it('a user creating a token is in the audit log: by them, its id, name and expiry, never the secret or its hash', async () => {
    const t = authTestApp();
    const lan = await t.addUser('lan', 'editor');
    await t.addUser('root1', 'admin');
    const c = await t.login('lan');
    const created = await (await c.request('POST', '/api/account/tokens', { name: 'QGIS ở văn phòng', expiresInDays: 30 })).json();
    await c.request('DELETE', `/api/account/tokens/${created.id}`);
    const { entries } = await (await (await t.login('root1')).request('GET', '/api/audit?entity=api_token')).json();
    expect(entries.map((e: { action: string }) => e.action)).toEqual(['retract', 'create']);
    expect(entries[1]).toMatchObject({
      entity: 'api_token',
      entityId: String(created.id),
      userId: lan.id,
      userLogin: 'lan',
      before: null,
      after: { id: created.id, name: 'QGIS ở văn phòng', user: 'lan', createdAt: created.createdAt, expiresAt: created.expiresAt, revokedAt: null },
    });
    const { token_hash: hash } = t.db.prepare('SELECT token_hash FROM api_tokens WHERE id = ?').get(created.id) as { token_hash: string };
    const logged = JSON.stringify(t.db.prepare('SELECT * FROM audit_log').all());
    for (const secret of [created.token, created.token.slice(4), hash]) expect(logged).not.toContain(secret);
    expect(logged).not.toMatch(/dbm_[A-Za-z0-9_-]{20}|hash/i);
  });

  it('another user’s tokens are for admins only: a viewer or an editor gets 403 with the error envelope, and nothing is revoked', async () => {
    const t = authTestApp();
    const lan = await t.addUser('lan', 'editor');
    await t.addUser('minh', 'viewer');
    await t.addUser('hoa', 'editor', { programmes: ['ntm', 'ocop', 'zones', 'boundaries', 'targets'] });
    const { row, token } = t.auth.tokens.issue(lan.id, 'qgis', 30);
    for (const login of ['minh', 'hoa']) {
      const c = await t.login(login);
      for (const [method, path] of [
        ['GET', `/api/users/${lan.id}/tokens`],
        ['DELETE', `/api/users/${lan.id}/tokens/${row.id}`],
        ['DELETE', `/api/users/${lan.id}/tokens`],
      ]) {
        const { status, body } = await errorOf(await c.request(method, path));
        expect(status, `${login} ${method} ${path}`).toBe(403);
        expect(Object.keys(body)).toEqual(['error']);
        expect(Object.keys(body.error).sort()).toEqual(['code', 'message']);
        expect(body.error.code).toBe('forbidden');
      }
    }
    expect((await t.app.request('/api/stats', { headers: bearer(token) })).status).toBe(200);
  });

  it('expires', async () => {
    const t = authTestApp();
    const lan = await t.addUser('lan', 'viewer');
    const { token } = t.auth.tokens.issue(lan.id, 'qgis', 1);
    t.advance(86_400_000 - 1);
    expect((await t.app.request('/api/stats', { headers: bearer(token) })).status).toBe(200);
    t.advance(1);
    expect((await t.app.request('/api/stats', { headers: bearer(token) })).status).toBe(401);
  });

  it('refuses unknown, malformed and non-Bearer credentials with 401, never falling back to anonymous', async () => {
    const t = authTestApp();
    for (const header of ['Bearer dbm_unknown', 'Bearer', 'Basic bGFuOnB3', 'Bearer a b']) {
      const res = await t.app.request('/api/stats', { headers: { Authorization: header } });
      expect(await errorOf(res)).toMatchObject({ status: 401, body: { error: { code: 'invalid_token' } } });
    }
  });

  it('is never read from the URL: credentials travel only in a header or the cookie', async () => {
    const t = authTestApp();
    const lan = await t.addUser('lan', 'viewer');
    const { token } = t.auth.tokens.issue(lan.id, 'qgis', 30);
    expect((await (await t.app.request(`/api/session?access_token=${token}`)).json()).user).toBeNull();
    expect(await errorOf(await t.app.request(`/api/stats?access_token=${token}`))).toMatchObject({
      status: 400,
      body: { error: { code: 'unknown_parameter' } },
    });
  });

  it('needs no CSRF token (it carries no cookie), and cannot manage tokens or passwords', async () => {
    const t = authTestApp();
    const lan = await t.addUser('lan', 'editor');
    const { token } = t.auth.tokens.issue(lan.id, 'qgis', 30);
    const logout = await t.app.request('/api/session', { method: 'DELETE', headers: { ...bearer(token), Origin: 'https://elsewhere.example' } });
    expect(logout.status).toBe(200);
    const mint = await t.app.request('/api/account/tokens', {
      method: 'POST',
      headers: { ...bearer(token), 'Content-Type': 'application/json' },
      body: '{"name":"more"}',
    });
    expect(await errorOf(mint)).toMatchObject({ status: 403, body: { error: { code: 'session_required' } } });
    expect(t.auth.tokens.list(lan.id)).toHaveLength(1);
  });
});
