import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeEditor, editForm, editNotice, openEditor, startEditingWatchers } from '../../client/state/editing.ts';
import { session } from '../../client/state/session.ts';
import { selection } from '../../client/state/ui-state.ts';
import type { SessionResponse } from '../../server/domain/accounts.ts';

/**
 * The editing state between saves: the notice a save leaves stays with its card, and the open
 * form with the user it was opened for. Both are kept so by watchers the app starts
 * (`startEditingWatchers`, in ui/app.tsx), not by importing the module.
 */
const loggedIn = (login: string): SessionResponse => ({
  loginRequired: false,
  user: { id: 1, login, name: login, role: 'editor', programmes: ['ntm'], units: [] },
  via: 'session',
  csrfToken: 'csrf',
  expiresAt: { idle: '2025-07-01T08:30:00.000Z', absolute: '2025-07-01T20:00:00.000Z' },
});
const loggedOut: SessionResponse = { loginRequired: false, user: null, via: null, csrfToken: null, expiresAt: null };
const FORM = { kind: 'recognition', mode: 'record', unitSet: '2020', code: '03346', id: null } as const;
const A = { kind: 'commune', id: '03346', set: '2020' } as const;
const B = { kind: 'commune', id: '03155', set: '2020' } as const;

let stopWatchers = () => {};
beforeEach(() => {
  session.value = loggedIn('minh');
  selection.value = null;
  closeEditor();
  stopWatchers = startEditingWatchers();
});
afterEach(() => {
  stopWatchers();
  session.value = null;
  selection.value = null;
});

describe('the notice a save leaves', () => {
  it('shows on its card only; leaving the card ends it, so coming back does not repeat it', () => {
    selection.value = A;
    closeEditor('Đã lưu');
    expect(editNotice.value).toBe('Đã lưu');
    selection.value = B;
    expect(editNotice.value).toBeNull();
    selection.value = A;
    expect(editNotice.value).toBeNull();
  });
});

describe('the open form', () => {
  it('closes when its user logs out', () => {
    openEditor(FORM);
    expect(editForm.value).toEqual(FORM);
    session.value = loggedOut;
    expect(editForm.value).toBeNull();
  });
});

describe('starting the watchers', () => {
  it('starts where the app starts: importing the module watches nothing', async () => {
    vi.resetModules();
    const fresh = {
      editing: await import('../../client/state/editing.ts'),
      session: await import('../../client/state/session.ts'),
      ui: await import('../../client/state/ui-state.ts'),
    };
    fresh.session.session.value = loggedIn('minh');
    fresh.ui.selection.value = A;
    fresh.editing.closeEditor('Đã lưu');
    fresh.ui.selection.value = B;
    fresh.ui.selection.value = A;
    // Nobody watches: the notice comes back with its card, and the form stays open for nobody.
    expect(fresh.editing.editNotice.value).toBe('Đã lưu');
    fresh.editing.openEditor(FORM);
    fresh.session.session.value = loggedOut;
    expect(fresh.editing.editForm.value).toEqual(FORM);

    // Started, they close the form opened by someone no longer logged in at once.
    const stop = fresh.editing.startEditingWatchers();
    expect(fresh.editing.editForm.value).toBeNull();
    stop();
  });

  it('watches nothing after their stop', () => {
    stopWatchers();
    selection.value = A;
    closeEditor('Đã lưu');
    selection.value = B;
    selection.value = A;
    expect(editNotice.value).toBe('Đã lưu');
    openEditor(FORM);
    session.value = loggedOut;
    expect(editForm.value).toEqual(FORM);
  });
});
