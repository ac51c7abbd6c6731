import { batch, computed, signal } from '@preact/signals';
import type { SessionResponse } from '../../server/domain/accounts.ts';
import { accountApi } from '../api.ts';

/** Who is logged in, as the server says (GET /api/session); null until it has answered. */
export const session = signal<SessionResponse | null>(null);
export const sessionError = signal<string | null>(null);

/** Which account panel is open: the login dialog, the user's own account, or the admin's users page. */
export type AccountPanel = 'login' | 'account' | 'users' | 'audit';
export const accountPanel = signal<AccountPanel | null>(null);

export const currentUser = computed(() => session.value?.user ?? null);
/** A private deployment (REQUIRE_LOGIN=1) and nobody logged in: show only the login. */
export const mustLogIn = computed(() => !!session.value?.loginRequired && !session.value.user);
export const isAdmin = computed(() => currentUser.value?.role === 'admin');

export function loadSession(): () => void {
  const ctrl = new AbortController();
  accountApi
    .session(ctrl.signal)
    .then((s) => {
      session.value = s;
    })
    .catch((err: Error) => {
      if (err.name !== 'AbortError') sessionError.value = err.message;
    });
  return () => ctrl.abort();
}

export async function logIn(login: string, password: string) {
  const s = await accountApi.login(login, password);
  batch(() => {
    session.value = s;
    accountPanel.value = null;
  });
}

/**
 * Logs out. In a private deployment the page reloads, so nothing loaded while logged in stays in
 * the browser's memory (ASVS 14.3.1).
 */
export async function logOut() {
  const wasPrivate = !!session.value?.loginRequired;
  const s = await accountApi.logout().catch(() => null);
  if (wasPrivate) {
    location.reload();
    return;
  }
  batch(() => {
    session.value = s ?? { loginRequired: false, user: null, via: null, csrfToken: null, expiresAt: null };
    accountPanel.value = null;
  });
}
