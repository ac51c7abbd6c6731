import { describe, expect, it } from 'vitest';
import { authTestApp, errorOf, PASSWORD } from '../helpers/auth.ts';

const NEW_PASSWORD = 'hoa ban nở trắng núi rừng Tây Bắc';

async function withAdmin() {
  const t = authTestApp();
  await t.addUser('admin1', 'admin');
  return { ...t, admin: await t.login('admin1') };
}

describe('/api/users: admins manage accounts', () => {
  it('two admins adding the same login at once: one is added, the other gets 409 login_taken', async () => {
    const { admin } = await withAdmin();
    const body = { login: 'hoa.tran', name: 'Trần Hoa', role: 'viewer', password: NEW_PASSWORD, programmes: [], units: [] };
    const answers = await Promise.all([admin.request('POST', '/api/users', body), admin.request('POST', '/api/users', body)]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    const refused = answers.find((r) => r.status === 409)!;
    expect((await refused.json()).error.code).toBe('login_taken');
  });

  it('adds an editor scoped to programmes and units, lists and reads users, never with a hash', async () => {
    const { admin } = await withAdmin();
    const res = await admin.request('POST', '/api/users', {
      login: 'Lan.Nguyen',
      name: 'Nguyễn  Thị Lan',
      role: 'editor',
      password: NEW_PASSWORD,
      programmes: ['ocop', 'ntm'],
      units: [{ set: '2020', code: '095' }],
    });
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created).toMatchObject({
      login: 'lan.nguyen',
      name: 'Nguyễn Thị Lan',
      role: 'editor',
      programmes: ['ntm', 'ocop'],
      units: [{ set: '2020', code: '095' }],
      disabled: false,
      lastLoginAt: null,
      activeSessions: 0,
    });
    const list = await (await admin.request('GET', '/api/users')).json();
    expect(list.users.map((u: { login: string }) => u.login)).toEqual(['admin1', 'lan.nguyen']);
    expect(JSON.stringify(list)).not.toMatch(/argon2|password_hash|passwordHash/);
    expect((await (await admin.request('GET', `/api/users/${created.id}`)).json()).login).toBe('lan.nguyen');
  });

  it('refuses bad users with 4xx naming the field: taken login, weak password, unknown unit, scope for a non-editor, unknown key', async () => {
    const { admin } = await withAdmin();
    const base = { login: 'lan', name: 'Lan', role: 'editor', password: NEW_PASSWORD };
    const cases: [object, number, string, RegExp][] = [
      [{ ...base, login: 'admin1' }, 409, 'login_taken', /login: admin1/],
      [{ ...base, password: 'short' }, 400, 'invalid_body', /^password:/],
      [{ ...base, password: 'passwordpassword' }, 400, 'weak_password', /^password:.*common/],
      // The province's and its districts' names, from the data.
      [{ ...base, password: 'Tủa Chùa 2025 !!!' }, 400, 'weak_password', /^password:.*places/],
      [{ ...base, units: [{ set: '2020', code: '99999' }] }, 400, 'unknown_unit', /99999.*2020/],
      [{ ...base, role: 'viewer', programmes: ['ntm'] }, 400, 'invalid_scope', /only editors/],
      // An editor with no programme could edit nothing ("Biên tập — · 2020:100").
      [{ ...base, units: [{ set: '2020', code: '100' }] }, 400, 'invalid_scope', /^programmes: an editor needs at least one programme/],
      [{ ...base, programmes: [] }, 400, 'invalid_scope', /^programmes: an editor needs at least one programme/],
      [{ ...base, role: 'superuser' }, 400, 'invalid_body', /^role:/],
      [{ ...base, isAdmin: true }, 400, 'invalid_body', /isAdmin/],
      [{}, 400, 'invalid_body', /login/],
      [{ ...base, login: 'l' }, 400, 'invalid_body', /^login:/],
      [{ ...base, login: 'x'.repeat(65) }, 400, 'invalid_body', /^login:/],
      [{ ...base, login: '-lan' }, 400, 'invalid_body', /^login:/],
      [{ ...base, login: 'lan ntm' }, 400, 'invalid_body', /^login:/],
    ];
    for (const [body, status, code, message] of cases) {
      const res = await admin.request('POST', '/api/users', body);
      expect(await errorOf(res)).toMatchObject({ status, body: { error: { code, message: expect.stringMatching(message) } } });
    }
    expect((await (await admin.request('GET', '/api/users')).json()).users).toHaveLength(1);
  });

  it('changes role and scope; leaving the editor role drops the scope', async () => {
    const t = await withAdmin();
    const lan = await t.addUser('lan', 'editor', { programmes: ['ntm'] });
    const patch = (body: object) => t.admin.request('PATCH', `/api/users/${lan.id}`, body);
    expect(await (await patch({ programmes: ['zones', 'targets'], units: [{ set: '2025', code: '03316' }] })).json()).toMatchObject({
      programmes: ['targets', 'zones'],
      units: [{ set: '2025', code: '03316' }],
    });
    expect(await errorOf(await patch({ programmes: [] }))).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_scope', fields: { programmes: expect.any(String) } } },
    });
    expect(await (await patch({ role: 'viewer' })).json()).toMatchObject({ role: 'viewer', programmes: [], units: [] });
    expect(await errorOf(await patch({ role: 'editor' }))).toMatchObject({ status: 400, body: { error: { code: 'invalid_scope' } } });
    expect(await (await patch({ role: 'editor', programmes: ['ocop'] })).json()).toMatchObject({ role: 'editor', programmes: ['ocop'] });
    expect(await errorOf(await patch({}))).toMatchObject({ status: 400, body: { error: { code: 'invalid_body' } } });
    expect(await errorOf(await t.admin.request('PATCH', '/api/users/999', { name: 'x' }))).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found', message: expect.stringContaining('999') } },
    });
    expect(await errorOf(await t.admin.request('PATCH', '/api/users/abc', { name: 'x' }))).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_parameter' } },
    });
  });

  it('disabling a user ends their sessions at once and their tokens stop working; they cannot log in', async () => {
    const t = await withAdmin();
    const lan = await t.addUser('lan', 'editor', { programmes: ['ntm'] });
    const session = await t.login('lan');
    const { token } = t.auth.tokens.issue(lan.id, 'qgis', 30);
    expect((await (await t.admin.request('GET', `/api/users/${lan.id}`)).json()).activeSessions).toBe(1);
    const res = await t.admin.request('PATCH', `/api/users/${lan.id}`, { disabled: true });
    expect(await res.json()).toMatchObject({ disabled: true, activeSessions: 0 });
    expect((await (await session.request('GET', '/api/session')).json()).user).toBeNull();
    expect((await t.app.request('/api/session', { headers: { Authorization: `Bearer ${token}` } })).status).toBe(401);
    await expect(t.login('lan')).rejects.toThrow(/401/);
    await t.admin.request('PATCH', `/api/users/${lan.id}`, { disabled: false });
    await t.login('lan');
  });

  it('ends all sessions of a user (DELETE /api/users/:id/sessions)', async () => {
    const t = await withAdmin();
    const lan = await t.addUser('lan', 'editor');
    const a = await t.login('lan');
    const b = await t.login('lan');
    const res = await t.admin.request('DELETE', `/api/users/${lan.id}/sessions`);
    expect(await res.json()).toEqual({ endedSessions: 2 });
    for (const c of [a, b]) expect((await (await c.request('GET', '/api/session')).json()).user).toBeNull();
    expect((await (await t.admin.request('GET', '/api/session')).json()).user.login).toBe('admin1');
  });

  it('sets a user’s password: the new one works, the old one not, their sessions end', async () => {
    const t = await withAdmin();
    const lan = await t.addUser('lan', 'viewer');
    const before = await t.login('lan');
    expect((await t.admin.request('PATCH', `/api/users/${lan.id}`, { password: NEW_PASSWORD })).status).toBe(200);
    expect((await (await before.request('GET', '/api/session')).json()).user).toBeNull();
    await expect(t.login('lan')).rejects.toThrow(/401/);
    await t.login('lan', NEW_PASSWORD);
  });

  it('an editor saved with no programme (before editors needed one) can still be renamed, disabled and given a password', async () => {
    const t = await withAdmin();
    const legacy = await t.addUser('cu', 'editor');
    t.db.prepare('DELETE FROM user_programmes WHERE user_id = ?').run(legacy.id);
    const patch = (body: object) => t.admin.request('PATCH', `/api/users/${legacy.id}`, body);
    expect(await (await patch({ name: 'Lò Văn Cụ' })).json()).toMatchObject({ name: 'Lò Văn Cụ', programmes: [] });
    expect(await (await patch({ password: NEW_PASSWORD })).json()).toMatchObject({ role: 'editor', programmes: [] });
    await t.login('cu', NEW_PASSWORD);
    expect(await (await patch({ disabled: true })).json()).toMatchObject({ disabled: true, activeSessions: 0 });
    await expect(t.login('cu', NEW_PASSWORD)).rejects.toThrow(/401/);
    // Setting its programmes or role still needs one.
    expect(await errorOf(await patch({ role: 'editor' }))).toMatchObject({ status: 400, body: { error: { code: 'invalid_scope' } } });
  });

  it('keeps at least one active admin', async () => {
    const t = await withAdmin();
    const me = (await (await t.admin.request('GET', '/api/session')).json()).user;
    for (const body of [{ role: 'editor' }, { disabled: true }]) {
      expect(await errorOf(await t.admin.request('PATCH', `/api/users/${me.id}`, body))).toMatchObject({
        status: 409,
        body: { error: { code: 'last_admin' } },
      });
    }
    await t.addUser('admin2', 'admin');
    expect((await t.admin.request('PATCH', `/api/users/${me.id}`, { role: 'viewer' })).status).toBe(200);
  });

  it('is for admins only: anonymous 401, viewer and editor 403, an admin’s API token 403', async () => {
    const t = await withAdmin();
    await t.addUser('minh', 'viewer');
    await t.addUser('lan', 'editor', { programmes: ['ntm', 'ocop', 'zones', 'boundaries', 'targets'] });
    const body = { login: 'intruder', name: 'x', role: 'admin', password: NEW_PASSWORD };
    const anonymous = await t.app.request('/api/users', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    expect(await errorOf(anonymous)).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } });
    expect(anonymous.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
    for (const login of ['minh', 'lan']) {
      const c = await t.login(login);
      expect(await errorOf(await c.request('POST', '/api/users', body))).toMatchObject({
        status: 403,
        body: { error: { code: 'forbidden', message: expect.stringContaining('admin') } },
      });
      expect((await c.request('GET', '/api/users')).status).toBe(403);
    }
    const admin = t.auth.accounts.byLogin('admin1')!;
    const { token } = t.auth.tokens.issue(admin.id, 'script', 1);
    const viaToken = await t.app.request('/api/users', { headers: { Authorization: `Bearer ${token}` } });
    expect(await errorOf(viaToken)).toMatchObject({ status: 403, body: { error: { code: 'session_required' } } });
    expect(t.auth.accounts.byLogin('intruder')).toBeUndefined();
  });
});

describe('/api/users: every account change is in the audit log', () => {
  type Entry = { id: number; action: string; entity: string; entityId: string; userId: number | null; userLogin: string; before: unknown; after: unknown };
  const auditOf = async (admin: { request: (m: string, p: string) => Response | Promise<Response> }): Promise<Entry[]> =>
    (await (await admin.request('GET', '/api/audit?entity=account&user=admin1')).json()).entries;

  it('adding a user and changing their role, scope, name, password, disabling, enabling and ending their sessions: one entry each, by the admin, before and after, no secret', async () => {
    const t = await withAdmin();
    const admin1 = t.auth.accounts.byLogin('admin1')!;
    const created = await (
      await t.admin.request('POST', '/api/users', { login: 'lan', name: 'Lan', role: 'viewer', password: NEW_PASSWORD, programmes: [], units: [] })
    ).json();
    const id = String(created.id);
    const steps: [string, string, unknown, Record<string, unknown> | null, Record<string, unknown>][] = [
      [
        'PATCH',
        `/api/users/${id}`,
        { role: 'editor', programmes: ['ntm'], units: [{ set: '2020', code: '095' }] },
        { role: 'viewer', programmes: [], units: [] },
        { role: 'editor', programmes: ['ntm'], units: [{ set: '2020', code: '095' }] },
      ],
      ['PATCH', `/api/users/${id}`, { programmes: ['ntm', 'ocop'] }, { programmes: ['ntm'] }, { programmes: ['ntm', 'ocop'] }],
      ['PATCH', `/api/users/${id}`, { name: 'Nguyễn Thị Lan' }, { name: 'Lan' }, { name: 'Nguyễn Thị Lan' }],
    ];
    for (const [method, path, body] of steps) expect((await t.admin.request(method, path, body)).status).toBe(200);
    const session = await t.login('lan', NEW_PASSWORD);
    t.advance(60_000);
    expect((await t.admin.request('PATCH', `/api/users/${id}`, { password: PASSWORD })).status).toBe(200);
    await t.login('lan');
    await t.login('lan');
    expect(await (await t.admin.request('DELETE', `/api/users/${id}/sessions`)).json()).toEqual({ endedSessions: 2 });
    // Nothing to end, nothing to log.
    expect(await (await t.admin.request('DELETE', `/api/users/${id}/sessions`)).json()).toEqual({ endedSessions: 0 });
    await t.login('lan');
    expect((await t.admin.request('PATCH', `/api/users/${id}`, { disabled: true })).status).toBe(200);
    expect((await t.admin.request('PATCH', `/api/users/${id}`, { disabled: false })).status).toBe(200);
    // A refused change logs nothing: the admin cannot take away the last admin's role.
    expect((await t.admin.request('PATCH', `/api/users/${admin1.id}`, { role: 'viewer' })).status).toBe(409);

    const entries = (await auditOf(t.admin)).reverse();
    expect(entries.every((e) => e.entity === 'account' && e.entityId === id && e.userLogin === 'admin1' && e.userId === admin1.id)).toBe(true);
    expect(entries.map((e) => e.action)).toEqual(['create', 'update', 'update', 'update', 'update', 'update', 'update', 'update']);
    const [add, role, scope, name, password, ended, disabled, enabled] = entries;
    expect(add).toMatchObject({
      before: null,
      after: { login: 'lan', name: 'Lan', role: 'viewer', programmes: [], units: [], disabled: false, activeSessions: 0 },
    });
    for (const [i, [, , , before, after]] of steps.entries()) expect([role, scope, name][i]).toMatchObject({ before, after });
    expect((password.after as { passwordChangedAt: string }).passwordChangedAt > (password.before as { passwordChangedAt: string }).passwordChangedAt).toBe(
      true,
    );
    expect(password).toMatchObject({ before: { activeSessions: 1 }, after: { activeSessions: 0 } });
    expect(ended).toMatchObject({ before: { activeSessions: 2 }, after: { activeSessions: 0 } });
    expect(disabled).toMatchObject({ before: { disabled: false, activeSessions: 1 }, after: { disabled: true, activeSessions: 0 } });
    expect(enabled).toMatchObject({ before: { disabled: true }, after: { disabled: false } });

    const hash = (t.db.prepare('SELECT password_hash FROM users WHERE login = ?').get('lan') as { password_hash: string }).password_hash;
    const logged = JSON.stringify(t.db.prepare("SELECT * FROM audit_log WHERE entity = 'account'").all());
    for (const secret of [PASSWORD, NEW_PASSWORD, hash, '$argon2', session.cookie!.split('=')[1], session.csrfToken!]) expect(logged).not.toContain(secret);
    expect(logged).not.toMatch(/password"|hash/i);

    // Never in a public history; never reverted.
    expect((await t.app.request(`/api/history?entity=account&entityId=${id}`)).status).toBe(400);
    for (const e of [add, disabled]) {
      const revert = await t.admin.request('POST', `/api/audit/${e.id}/revert`, { reason: 'nhầm' });
      expect(await errorOf(revert)).toMatchObject({ status: 409, body: { error: { code: 'conflict', message: expect.stringContaining(`account ${id}`) } } });
    }
    expect(await auditOf(t.admin)).toHaveLength(8);
  });

  it('the audit log filters on accounts and API tokens; a public history refuses them', async () => {
    const t = await withAdmin();
    const lan = await t.addUser('lan', 'editor');
    const { row } = t.auth.tokens.issue(lan.id, 'qgis', 30);
    await t.admin.request('DELETE', `/api/users/${lan.id}/tokens/${row.id}`);
    await t.admin.request('PATCH', `/api/users/${lan.id}`, { name: 'Lan' });
    const kinds = async (entity: string) =>
      ((await (await t.admin.request('GET', `/api/audit?entity=${entity}`)).json()).entries as Entry[]).map((e) => [e.entity, e.userLogin]);
    expect(await kinds('api_token')).toEqual([['api_token', 'admin1']]);
    // The test's own users were added as the command line adds them.
    expect(await kinds('account')).toEqual([
      ['account', 'admin1'],
      ['account', 'command line'],
      ['account', 'command line'],
    ]);
    for (const entity of ['account', 'api_token']) {
      expect(await errorOf(await t.app.request(`/api/history?entity=${entity}&entityId=${lan.id}`))).toMatchObject({
        status: 400,
        body: { error: { code: 'invalid_parameter' } },
      });
    }
  });
});

describe('/api/account/password: users change their own password', () => {
  it('needs the current password; other sessions end, this one stays', async () => {
    const t = authTestApp();
    await t.addUser('lan', 'editor');
    const here = await t.login('lan');
    const elsewhere = await t.login('lan');
    const wrong = await here.request('PUT', '/api/account/password', { currentPassword: 'not my password', newPassword: NEW_PASSWORD });
    expect(await errorOf(wrong)).toMatchObject({
      status: 403,
      body: { error: { code: 'wrong_password', message: expect.stringMatching(/^currentPassword/) } },
    });
    const weak = await here.request('PUT', '/api/account/password', { currentPassword: PASSWORD, newPassword: 'lan lan lan lan lan' });
    expect(await errorOf(weak)).toMatchObject({ status: 400, body: { error: { code: 'weak_password' } } });
    const ok = await here.request('PUT', '/api/account/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(await ok.json()).toEqual({ endedSessions: 1 });
    expect((await (await here.request('GET', '/api/session')).json()).user.login).toBe('lan');
    expect((await (await elsewhere.request('GET', '/api/session')).json()).user).toBeNull();
    await t.login('lan', NEW_PASSWORD);
  });
});

describe('/api/account/password: a user’s own password change is in the audit log', () => {
  it('one entry by the user, their sessions before and after, never a password, hash or session id; a refused change logs nothing', async () => {
    const t = authTestApp();
    const lan = await t.addUser('lan', 'editor');
    await t.addUser('admin1', 'admin');
    const here = await t.login('lan');
    await t.login('lan');
    const wrong = await here.request('PUT', '/api/account/password', { currentPassword: 'not my password at all', newPassword: NEW_PASSWORD });
    expect(wrong.status).toBe(403);
    // In the same millisecond as the account was made: a new password is a change even when nothing shown differs.
    expect((await here.request('PUT', '/api/account/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(200);
    t.advance(60_000);
    expect((await here.request('PUT', '/api/account/password', { currentPassword: NEW_PASSWORD, newPassword: PASSWORD })).status).toBe(200);

    const admin = await t.login('admin1');
    const { entries } = await (await admin.request('GET', '/api/audit?entity=account&user=lan')).json();
    expect(entries).toHaveLength(2);
    const [second, first] = entries;
    for (const e of entries) expect(e).toMatchObject({ action: 'update', entity: 'account', entityId: String(lan.id), userId: lan.id, userLogin: 'lan' });
    expect(first).toMatchObject({ before: { login: 'lan', activeSessions: 2 }, after: { login: 'lan', activeSessions: 1 } });
    expect(second.after.passwordChangedAt).toBe(new Date(t.now()).toISOString());
    expect(second.before.passwordChangedAt < second.after.passwordChangedAt).toBe(true);
    // The whole of the default listing shows it too (it is a change to an account, not a sign-in).
    expect((await (await admin.request('GET', '/api/audit')).json()).entries.map((e: { id: number }) => e.id)).toContain(first.id);

    const hash = (t.db.prepare('SELECT password_hash FROM users WHERE login = ?').get('lan') as { password_hash: string }).password_hash;
    const logged = JSON.stringify(t.db.prepare('SELECT * FROM audit_log').all());
    for (const secret of [PASSWORD, NEW_PASSWORD, 'not my password at all', hash, '$argon2', here.cookie!.split('=')[1], here.csrfToken!]) {
      expect(logged).not.toContain(secret);
    }
    expect(logged).not.toMatch(/password"|hash/i);
  });
});
