import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { E2E_PASSWORD, logIn, logInAs, logOut, sessionOf, withUsers, writeFromPage } from './accounts.ts';
import { openDatabase } from '../../server/db/open.ts';
import { ARTIFACTS, browserSession, type RunningServer, startServer, waitForMap, watchPage } from './harness.ts';

/**
 * Accounts in Debian's Chromium against the real server: an editor logs in and out in the
 * header; a viewer and an anonymous user cannot write; CSRF is refused; an admin adds a user;
 * a private deployment (REQUIRE_LOGIN=1) shows only the login until someone logs in.
 */
const session = browserSession({
  prepare: withUsers([
    { login: 'admin.tinh', role: 'admin' },
    { login: 'lan.ntm', role: 'editor', programmes: ['ntm'] },
    { login: 'minh.xem', role: 'viewer' },
  ]),
});

async function open(path = '/?view=progress') {
  const page = await session.browser().newPage({ viewport: { width: 1400, height: 900 } });
  const watched = watchPage(page, session.server().origin);
  await page.goto(`${session.server().origin}${path}`);
  await waitForMap(page);
  return { page, watched };
}

const newUser = { login: 'hoa.ocop', name: 'Lò Thị Hoa', role: 'editor', password: 'nương chè cổ thụ Suối Lư' };

describe('accounts in a browser', { timeout: 180_000 }, () => {
  it('an editor logs in from the header and logs out', async () => {
    const { page, watched } = await open();
    expect((await sessionOf(page)).user).toBeNull();
    await logIn(page, 'lan.ntm', 'not the right password at all');
    await expect.poll(() => page.locator('form.login-form [role=alert]').textContent()).toBe('Sai tên đăng nhập hoặc mật khẩu, hoặc tài khoản đã bị khoá');
    // An empty field is said beside it in the reader's language, by the server's schema and message catalog, never by the browser in its own.
    const loginForm = page.locator('form.login-form');
    await loginForm.getByLabel('Tên đăng nhập').fill('');
    await loginForm.getByLabel('Mật khẩu').fill('');
    await loginForm.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => loginForm.locator('.field-error').allTextContents()).toEqual(['Bắt buộc', 'Bắt buộc']);
    await loginForm.getByLabel('Tên đăng nhập').fill('lan.ntm');
    const password = page.locator('form.login-form input[name=password]');
    expect(await password.getAttribute('type')).toBe('password');
    expect(await password.getAttribute('autocomplete')).toBe('current-password');
    expect(await page.locator('form.login-form input[name=login]').getAttribute('autocomplete')).toBe('username');
    await page.locator('form.login-form input[name=password]').fill(E2E_PASSWORD);
    await page.locator('form.login-form button[type=submit]').click();
    await page.locator('.user-chip').waitFor();
    expect(await page.locator('.user-chip').textContent()).toBe('Cán bộ lan.ntm Biên tập');
    const me = await sessionOf(page);
    expect(me.user).toMatchObject({ login: 'lan.ntm', role: 'editor', programmes: ['ntm'] });
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(await page.evaluate(() => document.cookie)).toBe('');
    await page.screenshot({ path: join(ARTIFACTS, 'account-logged-in.png') });

    await logOut(page);
    expect((await sessionOf(page)).user).toBeNull();
    expect(await page.locator('.user-chip').count()).toBe(0);
    expect(watched.errors.filter((e) => !e.includes('401'))).toEqual([]);
    await page.close();
  });

  it('an anonymous user and a viewer cannot write (401, 403); a write without the CSRF token is refused', async () => {
    const { page } = await open();
    const body = { login: 'intruder', name: 'x', role: 'admin', password: 'một mật khẩu đủ dài ở đây' };
    expect(await writeFromPage(page, 'POST', '/api/users', body, true)).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } });
    await logInAs(page, 'minh.xem');
    expect(await writeFromPage(page, 'POST', '/api/users', body, true)).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    await logOut(page);
    await logInAs(page, 'admin.tinh');
    expect(await writeFromPage(page, 'POST', '/api/users', body, false)).toMatchObject({ status: 403, body: { error: { code: 'csrf_failed' } } });
    expect(await writeFromPage(page, 'DELETE', '/api/session', {}, false)).toMatchObject({ status: 403 });
    expect((await sessionOf(page)).user.login).toBe('admin.tinh');
    await logOut(page);
    await page.close();
  });

  it('on a phone the users page shows each user’s buttons and facts inside the dialog, each fact with its heading', async () => {
    const { page } = await open();
    await page.setViewportSize({ width: 390, height: 844 });
    await logInAs(page, 'admin.tinh');
    await page.getByRole('button', { name: 'Quản lý người dùng' }).click();
    const dialog = page.locator('dialog.account-dialog');
    const row = dialog.locator('tr[data-login="lan.ntm"]');
    await row.waitFor();
    const box = (await dialog.boundingBox())!;
    for (const name of ['Sửa', 'Khoá', 'Kết thúc mọi phiên', 'Mã API']) {
      const button = (await row.getByRole('button', { name }).boundingBox())!;
      expect(button.x + button.width, name).toBeLessThanOrEqual(box.x + box.width);
    }
    expect(
      await row
        .locator('td')
        .nth(2)
        .evaluate((td) => getComputedStyle(td, '::before').content),
    ).toBe('"Vai trò: "');
    await page.close();
  });

  it('an admin adds an editor on the users page, who then logs in; the audit page shows who added them', async () => {
    const { page } = await open();
    await logInAs(page, 'admin.tinh');
    await page.getByRole('button', { name: 'Quản lý người dùng' }).click();
    const dialog = page.locator('dialog.account-dialog');
    await dialog.locator('tr[data-login="lan.ntm"]').waitFor();
    await dialog.getByRole('button', { name: 'Thêm người dùng' }).click();
    const form = dialog.locator('form.user-form');
    await form.getByLabel('Tên đăng nhập').fill(newUser.login);
    await form.getByLabel('Họ và tên').fill(newUser.name);
    // An editor with no programme could edit nothing, and a short password is refused: the form says both, each beside its field in Vietnamese, and sends nothing.
    await form.getByLabel('Mật khẩu', { exact: true }).fill('ngắn quá');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await expect
      .poll(() => form.locator('[role=alert]').allTextContents())
      .toEqual([expect.stringContaining('Biên tập viên cần ít nhất một lĩnh vực'), 'Mật khẩu có ít nhất 15 ký tự']);
    await form.getByLabel('Mật khẩu', { exact: true }).fill(newUser.password);
    await form.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => form.locator('[role=alert]').allTextContents()).toEqual([expect.stringContaining('Biên tập viên cần ít nhất một lĩnh vực')]);
    expect(await dialog.locator(`tr[data-login="${newUser.login}"]`).count()).toBe(0);
    expect(await form.getByLabel('Họ và tên').inputValue()).toBe(newUser.name);
    await page.screenshot({ path: join(ARTIFACTS, 'account-user-no-programme.png') });
    await form.getByLabel('OCOP').check();
    await form.getByRole('button', { name: 'Lưu' }).click();
    await dialog.locator(`tr[data-login="${newUser.login}"]`).waitFor();
    expect(await dialog.locator(`tr[data-login="${newUser.login}"]`).textContent()).toContain('Biên tập');
    await page.screenshot({ path: join(ARTIFACTS, 'account-users-page.png') });
    await dialog.getByRole('button', { name: 'Đóng' }).click();
    // The audit page shows who added the account and what it may do, in words; it offers no revert.
    await page.getByRole('button', { name: 'Nhật ký thay đổi' }).click();
    await dialog.locator('select[name=entity]').selectOption('account');
    await dialog.getByRole('button', { name: 'Lọc' }).click();
    const added = dialog.locator('.audit-entry').first();
    await expect.poll(() => added.textContent()).toContain(newUser.login);
    for (const words of ['Thêm mới', 'tài khoản người dùng', 'admin.tinh', 'Biên tập', 'OCOP']) expect(await added.textContent()).toContain(words);
    expect(await added.getByRole('button', { name: 'Hoàn tác', exact: true }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Đóng' }).click();
    await logOut(page);
    await logInAs(page, newUser.login, newUser.password);
    expect((await sessionOf(page)).user).toMatchObject({ login: newUser.login, role: 'editor', programmes: ['ocop'] });
    await logOut(page);
    await page.close();
  });
});

describe('another user’s API tokens on the users page', { timeout: 180_000 }, () => {
  it('an admin revokes a token of a colleague who lost a laptop, after confirming; QGIS with that token then gets 401', async () => {
    const { page } = await open();
    await logInAs(page, 'lan.ntm');
    const laptop = await writeFromPage(page, 'POST', '/api/account/tokens', { name: 'QGIS trên máy xách tay', expiresInDays: 90 }, true);
    const office = await writeFromPage(page, 'POST', '/api/account/tokens', { name: 'QGIS ở văn phòng', expiresInDays: 90 }, true);
    await logOut(page);
    const stats = (token: string) => fetch(`${session.server().origin}/api/stats`, { headers: { Authorization: `Bearer ${token}` } });
    expect((await stats(laptop.body.token)).status).toBe(200);

    await logInAs(page, 'admin.tinh');
    await page.getByRole('button', { name: 'Quản lý người dùng' }).click();
    const dialog = page.locator('dialog.account-dialog');
    await dialog.locator('tr[data-login="lan.ntm"]').getByRole('button', { name: 'Mã API' }).click();
    const tokens = dialog.getByRole('region', { name: 'Mã truy cập API của lan.ntm' });
    const laptopRow = tokens.locator(`tr[data-token="${laptop.body.id}"]`);
    await laptopRow.waitFor();
    expect(await laptopRow.textContent()).toContain('QGIS trên máy xách tay');
    expect(await tokens.locator('th').allTextContents()).toEqual(['Tên gợi nhớ', 'Ngày tạo', 'Hết hạn', 'Dùng lần cuối', '']);
    // The secret is never shown again: only its first characters.
    expect(await dialog.textContent()).not.toContain(laptop.body.token);

    // Asked first; cancelling revokes nothing.
    await laptopRow.getByRole('button', { name: 'Thu hồi' }).click();
    const confirm = tokens.locator('form.revoke-confirm');
    expect(await confirm.textContent()).toContain('Thu hồi mã “QGIS trên máy xách tay” của lan.ntm?');
    await confirm.getByRole('button', { name: 'Huỷ' }).click();
    expect((await stats(laptop.body.token)).status).toBe(200);

    await laptopRow.getByRole('button', { name: 'Thu hồi' }).click();
    await confirm.getByRole('button', { name: 'Xác nhận thu hồi' }).click();
    await expect.poll(() => dialog.locator('p[role=status]').textContent()).toBe('Đã thu hồi mã “QGIS trên máy xách tay” của lan.ntm.');
    await expect.poll(() => laptopRow.textContent()).toContain('đã thu hồi');
    await page.screenshot({ path: join(ARTIFACTS, 'account-user-tokens.png') });
    const refused = await stats(laptop.body.token);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: 'invalid_token' } });
    expect((await stats(office.body.token)).status).toBe(200);

    // The rest at once, after confirming.
    await tokens.getByRole('button', { name: 'Thu hồi tất cả' }).click();
    expect(await confirm.textContent()).toContain('Thu hồi cả 1 mã của lan.ntm?');
    await confirm.getByRole('button', { name: 'Xác nhận thu hồi' }).click();
    await expect.poll(() => dialog.locator('p[role=status]').textContent()).toBe('Đã thu hồi 1 mã của lan.ntm.');
    expect((await stats(office.body.token)).status).toBe(401);

    // The audit log says who revoked which token.
    const audit = await page.evaluate(() => fetch('/api/audit?user=admin.tinh&entity=api_token').then((r) => r.json()));
    expect(audit.entries.map((e: { action: string; entity: string; entityId: string }) => [e.action, e.entity, e.entityId])).toEqual([
      ['retract', 'api_token', String(office.body.id)],
      ['retract', 'api_token', String(laptop.body.id)],
    ]);
    await dialog.getByRole('button', { name: 'Đóng' }).click();
    await logOut(page);
    await page.close();
  });
});

describe('a private deployment (REQUIRE_LOGIN=1)', { timeout: 180_000 }, () => {
  let server: RunningServer;
  it('shows only the login until a viewer logs in; then the map', async () => {
    server = await startServer({ env: { REQUIRE_LOGIN: '1' }, prepare: withUsers([{ login: 'minh.xem', role: 'viewer' }]) });
    try {
      const page = await session.browser().newPage({ viewport: { width: 1200, height: 800 } });
      await page.goto(`${server.origin}/?view=progress`);
      await page.locator('.login-screen').waitFor();
      expect(await page.locator('.app-header').count()).toBe(0);
      expect(await page.evaluate(() => fetch('/api/communes').then((r) => r.status))).toBe(401);
      await page.screenshot({ path: join(ARTIFACTS, 'account-login-required.png') });
      await logInAs(page, 'minh.xem');
      await waitForMap(page);
      expect(await page.evaluate(() => fetch('/api/communes').then((r) => r.status))).toBe(200);
      // Logging out reloads the page: nothing loaded while logged in stays in the browser.
      await logOut(page);
      await page.locator('.login-screen').waitFor();
      expect(await page.evaluate(() => 'ntmMap' in window)).toBe(false);
      await page.close();
    } finally {
      await server.stop();
    }
  });
});

describe('a session that ends under an open form', { timeout: 180_000 }, () => {
  it('an editor whose session idled out is told so on saving, logs in again in the dialog, and saves the same draft', async () => {
    let dbPath = '';
    const server = await startServer({
      prepare: async (path) => {
        dbPath = path;
        await withUsers([{ login: 'lan.ntm', role: 'editor', programmes: ['ntm'] }])(path);
      },
    });
    try {
      const page = await session.browser().newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(`${server.origin}/?view=progress&sel=commune:2020:03205`);
      await waitForMap(page);
      await logInAs(page, 'lan.ntm');
      await page.getByRole('button', { name: 'Ghi nhận công nhận NTM' }).click();
      const form = page.locator('form.edit-form');
      await form.locator('select[name=status]').selectOption('standard');
      await form.locator('input[name="decision.ref"]').fill('123/QĐ-UBND');
      await form.locator('input[name="decision.date"]').fill('10/01/2025');
      await form.locator('input[name=criteriaMet]').fill('19');
      await form.locator('input[name="source.title"]').fill('Quyết định công nhận xã đạt chuẩn NTM năm 2024');
      await form.locator('input[name="source.date"]').fill('2025-01-10');
      await form.locator('input[name="source.url"]').fill('https://sonnmt.dienbien.gov.vn/qd-123');

      // 31 minutes without a request, as the server's own clock would see it: the session row's last request moved back.
      const db = openDatabase(dbPath);
      db.prepare('UPDATE sessions SET last_seen_at = last_seen_at - ?').run(31 * 60_000);
      db.close();
      await form.locator('button[type=submit]').click();

      // Told clearly: beside the form, and in the login dialog that opens by itself, naming the account.
      await expect.poll(() => form.locator('> .form-error').textContent()).toContain('Chưa lưu: phiên đăng nhập đã hết');
      const dialog = page.locator('form.login-form');
      await dialog.waitFor();
      expect(await dialog.locator('.session-ended').textContent()).toContain('lan.ntm');
      expect(await dialog.locator('input[name=login]').inputValue()).toBe('lan.ntm');
      expect(await page.locator('.account-button.login').count()).toBe(1);
      expect(await form.locator('input[name="decision.ref"]').inputValue()).toBe('123/QĐ-UBND');
      await page.screenshot({ path: join(ARTIFACTS, 'account-session-ended.png') });

      await dialog.locator('input[name=password]').fill(E2E_PASSWORD);
      await dialog.locator('button[type=submit]').click();
      await page.locator('.user-chip').waitFor({ timeout: 15_000 });
      // The draft is still there, and saving it now works.
      expect(await form.locator('input[name="decision.ref"]').inputValue()).toBe('123/QĐ-UBND');
      expect(await form.locator('input[name="source.url"]').inputValue()).toBe('https://sonnmt.dienbien.gov.vn/qd-123');
      await form.locator('button[type=submit]').click();
      await page.locator('.edit-notice', { hasText: 'Đã lưu' }).waitFor();
      const history = await page.evaluate(() => fetch('/api/history?unitSet=2020&unitCode=03205').then((r) => r.json()));
      expect(JSON.stringify(history)).toContain('123/QĐ-UBND');
      await page.close();
    } finally {
      await server.stop();
    }
  });
});
