import type { Page } from 'playwright-core';
import { createAuth } from '../../server/auth/auth.ts';
import type { Programme, Role } from '../../server/domain/access.ts';
import { migrate } from '../../server/db/migrate.ts';
import { openDatabase } from '../../server/db/open.ts';
import { COMMAND_LINE } from '../../server/auth/account-log.ts';

/**
 * Accounts for browser tests: users created in the database before the server starts (as
 * `npm run user -- add` would), and logging in and out through the header like a person.
 */
export const E2E_PASSWORD = 'sương sớm trên đèo Pha Đin';

export interface E2EUser {
  login: string;
  role: Role;
  programmes?: Programme[];
}

/** A `prepare` for startServer: migrates the new database and adds the users (the server seeds it). */
export const withUsers = (users: E2EUser[]) => async (dbPath: string) => {
  const db = openDatabase(dbPath);
  try {
    migrate(db);
    const auth = createAuth(db);
    for (const u of users) {
      await auth.accounts.create(
        {
          login: u.login,
          name: `Cán bộ ${u.login}`,
          role: u.role,
          password: E2E_PASSWORD,
          programmes: u.programmes ?? [],
          units: [],
        },
        COMMAND_LINE,
      );
    }
  } finally {
    db.close();
  }
};

/** Logs in through the header's button and dialog (or the login screen of a private deployment). */
export async function logIn(page: Page, login: string, password = E2E_PASSWORD) {
  // A private deployment shows the form on its own page; otherwise the header's button opens it.
  if ((await page.locator('.login-screen').count()) === 0) await page.locator('.account-button.login').click();
  const form = page.locator('form.login-form');
  await form.getByLabel(/Tên đăng nhập|Login/).fill(login);
  await form.getByLabel(/Mật khẩu|Password/).fill(password);
  await form.getByRole('button', { name: /Đăng nhập|Log in/ }).click();
}

/** Logs in and waits until the header shows the user. */
export async function logInAs(page: Page, login: string, password = E2E_PASSWORD) {
  await logIn(page, login, password);
  await page.locator('.user-chip').waitFor({ timeout: 15_000 });
}

export async function logOut(page: Page) {
  await page.locator('.account-button.logout').click();
  await page.locator('.account-button.login, .login-screen').first().waitFor({ timeout: 15_000 });
}

/** GET /api/session from inside the page (with its cookie). */
export const sessionOf = (page: Page) => page.evaluate(() => fetch('/api/session').then((r) => r.json()));

/** A state-changing request from inside the page, with or without the session's CSRF token. */
export const writeFromPage = (page: Page, method: string, path: string, body: unknown, withCsrf: boolean) =>
  page.evaluate(
    async ({ method, path, body, withCsrf }) => {
      const session = await (await fetch('/api/session')).json();
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (withCsrf && session.csrfToken) headers['X-CSRF-Token'] = session.csrfToken;
      const res = await fetch(path, { method, headers, body: JSON.stringify(body) });
      return { status: res.status, body: await res.json() };
    },
    { method, path, body, withCsrf },
  );
