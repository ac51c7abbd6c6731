import { batch, computed, signal } from '@preact/signals';
import type { SessionResponse } from '../../server/domain/accounts.ts';
import { accountApi } from '../api.ts';

/** Who is logged in, as the server says (GET /api/session); null until it has answered. */
export const session = signal<SessionResponse | null>(null);
export const sessionError = signal<string | null>(null);

/** Which account panel is open: the login dialog, the user's own account, or the admin's users page. */
export type AccountPanel = 'login' | 'account' | 'users' | 'audit';
export const accountPanel = signal<AccountPanel | null>(null);

/**
 * The login whose session the server ended while the page was open (SESSION_IDLE_MINUTES without a
 * request, SESSION_MAX_HOURS after login, or ended by an admin): the header offers the login again,
 * the login dialog opens and says why, and an open form keeps its draft until they are back.
 */
export const sessionEnded = signal<string | null>(null);

export const currentUser = computed(() => session.value?.user ?? null);

/**
 * Whether what `login` opened (a form, the import page) may stay open: they are still logged in,
 * or their session ended on the server and nobody else has logged in since (they are logging in
 * again). Reads the signals, so an effect calling it runs again when they change.
 */
export function stillFor(login: string | null): boolean {
  const now = currentUser.value?.login ?? null;
  return now === login || (now === null && login !== null && sessionEnded.value === login);
}
/**
 * A private deployment (REQUIRE_LOGIN=1) and nobody logged in: show only the login. Not when a
 * session just ended under an open page: the login dialog then keeps the page and its draft.
 */
export const mustLogIn = computed(() => !!session.value?.loginRequired && !session.value.user && !sessionEnded.value);

/**
 * The server ended the session under the open page (a 401 to a request, or GET /api/session
 * answering no user). The app tells api.ts to call it as it starts (`onSessionEnded(sessionEndedHere)`).
 */
export function sessionEndedHere() {
  const s = session.peek();
  if (!s?.user) return;
  batch(() => {
    sessionEnded.value = s.user!.login;
    session.value = { ...s, user: null, via: null, csrfToken: null, expiresAt: null };
    accountPanel.value = 'login';
  });
}
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
    sessionEnded.value = null;
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
    sessionEnded.value = null;
    accountPanel.value = null;
  });
}
