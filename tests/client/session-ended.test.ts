import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onSessionEnded } from '../../client/api.ts';
import { editApi } from '../../client/api-edits.ts';
import { closeEditor, editForm, openEditor, startEditingWatchers } from '../../client/state/editing.ts';
import { accountPanel, currentUser, logIn, mustLogIn, session, sessionEnded, sessionEndedHere, stillFor } from '../../client/state/session.ts';
import type { SessionResponse } from '../../server/domain/accounts.ts';
import type { ErrorCode } from '../../server/catalog/error-codes.ts';
import { recognition } from '../helpers/edit-bodies.ts';

/**
 * An editor's session ends on the server while a form is open (30 minutes without a request, 12
 * hours after login): the next save is refused with 401. The client must say so, offer the login
 * again and keep the draft for the same user — never drop it silently.
 */
const user = (login: string) => ({ id: 1, login, name: login, role: 'editor' as const, programmes: ['ntm' as const], units: [] });
const loggedIn = (login: string, loginRequired = false): SessionResponse => ({
  loginRequired,
  user: user(login),
  via: 'session',
  csrfToken: 'csrf',
  expiresAt: { idle: '2025-07-01T08:30:00.000Z', absolute: '2025-07-01T20:00:00.000Z' },
});
const answer = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const FORM = { kind: 'recognition', mode: 'record', unitSet: '2020', code: '03346', id: null } as const;

/** Opens a form as `login`, then the server answers its save with 401 `code`. */
async function saveAfterSessionEnded(login: string, code: ErrorCode = 'unauthenticated', loginRequired = false) {
  session.value = loggedIn(login, loginRequired);
  openEditor(FORM);
  vi.stubGlobal('fetch', answer(401, { error: { code, message: 'POST /api/edits/recognitions needs a login' } }));
  await expect(editApi.recordRecognition(recognition as never)).rejects.toMatchObject({ status: 401 });
}

// As the app does when it starts (ui/app.tsx).
let stopEnded = () => {};
let stopEditing = () => {};
beforeEach(() => {
  closeEditor();
  sessionEnded.value = null;
  accountPanel.value = null;
  stopEnded = onSessionEnded(sessionEndedHere);
  stopEditing = startEditingWatchers();
});
afterEach(() => {
  stopEditing();
  stopEnded();
  vi.unstubAllGlobals();
});

describe('a session that ends on the server under an open form', () => {
  it('shows the login again, says whose session ended, and keeps the form open', async () => {
    await saveAfterSessionEnded('minh');
    expect(currentUser.value).toBeNull();
    expect(sessionEnded.value).toBe('minh');
    expect(accountPanel.value).toBe('login');
    expect(editForm.value).toEqual(FORM);
  });

  it('keeps the form when the same user logs in again, so the draft can be saved', async () => {
    await saveAfterSessionEnded('minh');
    vi.stubGlobal('fetch', answer(200, loggedIn('minh')));
    await logIn('minh', 'ruộng bậc thang Mù Cang Chải');
    expect(currentUser.value?.login).toBe('minh');
    expect(sessionEnded.value).toBeNull();
    expect(accountPanel.value).toBeNull();
    expect(editForm.value).toEqual(FORM);
  });

  it('closes the form when someone else logs in (its controls were offered to the first user)', async () => {
    await saveAfterSessionEnded('minh');
    vi.stubGlobal('fetch', answer(200, loggedIn('lan')));
    await logIn('lan', 'ruộng bậc thang Mù Cang Chải');
    expect(editForm.value).toBeNull();
  });

  it('in a private deployment (REQUIRE_LOGIN=1) keeps the page and asks for the login in the dialog, not the bare login screen', async () => {
    await saveAfterSessionEnded('minh', 'login_required', true);
    expect(mustLogIn.value).toBe(false);
    expect(accountPanel.value).toBe('login');
    expect(editForm.value).toEqual(FORM);
  });

  it('keeps what a user opened (a form, the import page) for them only: logged in, or logging in again after their session ended', async () => {
    await saveAfterSessionEnded('minh');
    expect([stillFor('minh'), stillFor('lan')]).toEqual([true, false]);
    vi.stubGlobal('fetch', answer(200, loggedIn('lan')));
    await logIn('lan', 'ruộng bậc thang Mù Cang Chải');
    expect([stillFor('minh'), stillFor('lan')]).toEqual([false, true]);
  });

  it('is not fooled by a wrong password or a bad API token (401s that do not mean the session ended)', async () => {
    for (const code of ['login_failed', 'invalid_token'] satisfies ErrorCode[]) {
      session.value = loggedIn('minh');
      vi.stubGlobal('fetch', answer(401, { error: { code, message: 'no' } }));
      await expect(editApi.recordRecognition(recognition as never)).rejects.toMatchObject({ status: 401 });
      expect(currentUser.value?.login).toBe('minh');
      expect(sessionEnded.value).toBeNull();
    }
  });

  it('takes a code the API does not declare (a proxy’s own envelope) for a plain HTTP error, not a session that ended', async () => {
    session.value = loggedIn('minh');
    vi.stubGlobal('fetch', answer(401, { error: { code: 'unauthenticated_at_proxy', message: 'log in to the proxy' } }));
    await expect(editApi.recordRecognition(recognition as never)).rejects.toMatchObject({ status: 401, code: 'http_error', message: 'log in to the proxy' });
    expect(currentUser.value?.login).toBe('minh');
    expect(sessionEnded.value).toBeNull();
  });
});

describe('hearing that the session ended', () => {
  it('starts where the app starts: importing the modules listens to nothing', async () => {
    vi.resetModules();
    const fresh = {
      api: await import('../../client/api.ts'),
      edits: await import('../../client/api-edits.ts'),
      session: await import('../../client/state/session.ts'),
    };
    fresh.session.session.value = loggedIn('minh');
    vi.stubGlobal('fetch', answer(401, { error: { code: 'unauthenticated', message: 'no' } }));
    await expect(fresh.edits.editApi.recordRecognition(recognition as never)).rejects.toMatchObject({ status: 401 });
    expect([fresh.session.currentUser.value?.login, fresh.session.sessionEnded.value]).toEqual(['minh', null]);

    const stop = fresh.api.onSessionEnded(fresh.session.sessionEndedHere);
    await expect(fresh.edits.editApi.recordRecognition(recognition as never)).rejects.toMatchObject({ status: 401 });
    expect([fresh.session.currentUser.value, fresh.session.sessionEnded.value]).toEqual([null, 'minh']);
    stop();
  });

  it('hears nothing after its stop: a 401 then leaves the session as it was', async () => {
    stopEnded();
    await saveAfterSessionEnded('minh');
    expect(currentUser.value?.login).toBe('minh');
    expect(sessionEnded.value).toBeNull();
    expect(accountPanel.value).toBeNull();
  });
});
