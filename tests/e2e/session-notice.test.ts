import { join } from 'node:path';
import type { Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/open.ts';
import { logInAs, sessionOf, withUsers } from './accounts.ts';
import { ARTIFACTS, browserSession, waitForMap } from './harness.ts';

/**
 * The notice before a session idles out, in Chromium against the real server with
 * SESSION_IDLE_MINUTES=3: the page's clock (Playwright's `page.clock`) runs ahead of the server's,
 * so the notice comes without waiting; its button restarts the server's idle clock.
 */
const session = browserSession({ env: { SESSION_IDLE_MINUTES: '3' }, prepare: withUsers([{ login: 'lan.ntm', role: 'editor', programmes: ['ntm'] }]) });

/** The latest request of any session as the server recorded it (ms), after moving them all back by `backMs`. */
function lastSeen(backMs = 0): number {
  const db = openDatabase(session.server().dbPath);
  try {
    if (backMs) db.prepare('UPDATE sessions SET last_seen_at = last_seen_at - ?').run(backMs);
    return (db.prepare('SELECT MAX(last_seen_at) AS t FROM sessions').get() as { t: number }).t;
  } finally {
    db.close();
  }
}

describe('the notice before a session idles out', { timeout: 180_000 }, () => {
  it('comes two minutes before the end, in Vietnamese, over an open form; its button keeps the session and the draft', async () => {
    const page = await session.browser().newPage({ viewport: { width: 1400, height: 900 } });
    await page.clock.install();
    await page.goto(`${session.server().origin}/?view=progress&sel=commune:2020:03205`);
    await waitForMap(page);
    const notice = page.locator('.session-notice');

    // A visitor is never warned: there is no session to end.
    await page.clock.fastForward('05:00');
    expect(await notice.count()).toBe(0);

    await logInAs(page, 'lan.ntm');
    await page.getByRole('button', { name: 'Ghi nhận công nhận NTM' }).click();
    const form = page.locator('form.edit-form');
    await form.locator('input[name="decision.ref"]').fill('123/QĐ-UBND');
    await page.waitForLoadState('networkidle');
    // Typing makes no request: 40 s later the session still has over two minutes; 90 s later, under.
    await page.clock.fastForward('00:40');
    expect(await notice.count()).toBe(0);
    await page.clock.fastForward('00:50');
    await notice.waitFor();
    const live = page.getByRole('status').filter({ has: notice });
    expect(await live.textContent()).toContain('Phiên đăng nhập sẽ hết sau 2 phút do không hoạt động');
    const stay = notice.getByRole('button', { name: 'Tiếp tục làm việc' });
    // First in the page, before the header: the first Tab reaches it. It takes no focus from the form.
    expect(await page.evaluate(() => document.querySelector('.session-notice-live')!.compareDocumentPosition(document.querySelector('.app')!))).toBe(4);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('decision.ref');
    await page.screenshot({ path: join(ARTIFACTS, 'session-notice-vi.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(ARTIFACTS, 'session-notice-vi-390.png') });
    await page.setViewportSize({ width: 1400, height: 900 });
    // In English too, from the same live region.
    await page.locator('header .lang').click();
    await expect.poll(() => live.textContent()).toContain('Your session will end in 2 min because of inactivity');
    await waitForMap(page);
    await page.screenshot({ path: join(ARTIFACTS, 'session-notice-en.png') });
    await page.locator('header .lang').click();
    await notice.getByRole('button', { name: 'Tiếp tục làm việc' }).waitFor();

    // On the server, 2.5 of the 3 minutes have passed: the button's request must restart the clock.
    const before = lastSeen(150_000);
    await stay.focus();
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/session') && r.request().method() === 'GET'),
      page.keyboard.press('Enter'),
    ]);
    expect(res.status()).toBe(200);
    await notice.waitFor({ state: 'detached' });
    expect(lastSeen()).toBeGreaterThan(before + 150_000 - 1);
    // 1 more minute on the server: 3.5 idle minutes without the button, 1 with it.
    lastSeen(60_000);
    expect((await sessionOf(page)).user?.login).toBe('lan.ntm');
    expect(await form.locator('input[name="decision.ref"]').inputValue()).toBe('123/QĐ-UBND');

    // And the client counts again from the button's request: the notice comes back 1 minute on.
    await page.clock.fastForward('01:10');
    await notice.waitFor();
    await page.close();
  });

  it('stays usable over a modal dialog, opened before the notice or after it, in both languages', async () => {
    const page = await session.browser().newPage({ viewport: { width: 1400, height: 900 } });
    await page.clock.install();
    await page.goto(`${session.server().origin}/?view=progress`);
    await waitForMap(page);
    await logInAs(page, 'lan.ntm');
    const notice = page.locator('.session-notice');
    // On a notice the modal covers, the click never happens, however long it waits; 15 s, not 5, for a CI whose
    // software GPU still draws the map behind the dialog (a busy run once took longer than 5 s to click).
    const quick = { timeout: 15_000 };
    const keepWorking = async (name: string) => {
      const [res] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/session') && r.request().method() === 'GET'),
        notice.getByRole('button', { name }).click(quick),
      ]);
      expect(res.status()).toBe(200);
      await notice.waitFor({ state: 'detached' });
    };

    // The import dialog open first, the notice due while the staff member works in it.
    await page.getByRole('button', { name: 'Nhập dữ liệu' }).click();
    const dialog = page.locator('dialog.account-dialog');
    await dialog.getByRole('heading', { name: 'Nhập dữ liệu từ tệp' }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.clock.fastForward('01:30');
    await notice.waitFor();
    expect(await page.getByRole('status').filter({ has: notice }).textContent()).toContain('Phiên đăng nhập sẽ hết sau 2 phút do không hoạt động');
    await page.screenshot({ path: join(ARTIFACTS, 'session-notice-over-modal-vi.png') });
    // Reached from the keyboard inside the modal (its focus stays in the dialog).
    await notice.getByRole('button', { name: 'Tiếp tục làm việc' }).focus();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Tiếp tục làm việc');
    const before = lastSeen(150_000);
    await keepWorking('Tiếp tục làm việc');
    expect(lastSeen()).toBeGreaterThan(before + 150_000 - 1);
    // The dialog is still open, with what was in it.
    expect(await dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    await dialog.getByRole('button', { name: 'Đóng' }).click();
    await dialog.waitFor({ state: 'detached' });

    // In English, the notice first and the account dialog opened over it; its tokens are held
    // (a slow network), as their answer would restart the idle clock and take the notice away.
    await page.locator('header .lang').click();
    await page.waitForLoadState('networkidle');
    await page.clock.fastForward('01:30');
    await notice.waitFor();
    const held: Route[] = [];
    await page.route('**/api/account/tokens', (route) => {
      held.push(route);
    });
    await page.locator('.user-chip').click();
    await dialog.getByRole('heading', { name: /My account/ }).waitFor();
    await expect.poll(() => held.length).toBe(1);
    expect(await page.getByRole('status').filter({ has: notice }).textContent()).toContain('Your session will end in 2 min because of inactivity');
    await keepWorking('Keep working');
    for (const route of held) await route.continue();
    expect(await dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    expect((await sessionOf(page)).user?.login).toBe('lan.ntm');
    await page.close();
  });
});
